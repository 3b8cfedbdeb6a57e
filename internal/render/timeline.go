package render

import (
	"sort"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/plan"
)

// Period is one month of the timeline.
type Period struct {
	Label  string  // the month: "May 2026"
	Events []Event // by date
}

// Event is one point on the timeline.
type Event struct {
	Date dates.Date
	// Kind is meeting (held), cancelled, no-show, progress (a dated
	// progress note), met or dropped (a goal's last dated note, when the
	// goal is met or dropped), or final (the day the file is for, after
	// everything else).
	Kind string
	Text string // the meeting's title, the note, or the goal's title
}

// SetTimeline fills Timeline from Meetings, Goals and Date.
func (d *Data) SetTimeline() {
	var evs []Event
	for _, m := range d.Meetings {
		e := Event{Date: m.Date, Kind: "meeting", Text: m.Title}
		switch m.Kind {
		case string(plan.Cancelled):
			e.Kind, e.Text = "cancelled", "Cancelled"
			if m.By != "" {
				e.Text += " by " + m.By
			}
		case string(plan.NoShow):
			e.Kind, e.Text = "no-show", "No-show"
			if m.By != "" {
				e.Text += " by " + m.By
			}
		default:
			if e.Text == "" {
				e.Text = "Meeting"
			}
			if m.Unproductive {
				e.Text += " (unproductive)"
			}
		}
		evs = append(evs, e)
	}
	for _, g := range d.Goals {
		for i, n := range g.Dated {
			e := Event{Date: n.Date, Kind: "progress", Text: clipText(n.Text, 60)}
			if i == len(g.Dated)-1 && (g.State == string(plan.Met) || g.State == string(plan.Dropped)) {
				e.Kind, e.Text = g.State, clipText(g.Title, 60)
			}
			if e.Text == "" {
				e.Text = clipText(g.Title, 60)
			}
			evs = append(evs, e)
		}
	}
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].Date.Before(evs[j].Date) })
	if !d.Date.IsZero() && len(evs) > 0 && !d.Date.Before(evs[len(evs)-1].Date) {
		evs = append(evs, Event{Date: d.Date, Kind: "final", Text: "Final meeting"})
	}
	d.Timeline = nil
	for _, e := range evs {
		label := e.Date.Time().Format("January 2006")
		if n := len(d.Timeline); n == 0 || d.Timeline[n-1].Label != label {
			d.Timeline = append(d.Timeline, Period{Label: label})
		}
		p := &d.Timeline[len(d.Timeline)-1]
		p.Events = append(p.Events, e)
	}
}

func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
