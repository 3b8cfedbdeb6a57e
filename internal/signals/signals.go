// Package signals judges a plan: which ending signals fire today and what the
// verdict is. It is a pure function of (plan, thresholds, today).
package signals

import (
	"fmt"
	"strconv"

	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/plan"
)

// Signal ids, as in the SPEC.
const (
	GoalsMet     = "goals-met"
	EndReached   = "end-reached"
	EndNear      = "end-near"
	Stalled      = "stalled"
	Unproductive = "unproductive"
	Commitment   = "commitment"
	NoProgress   = "no-progress"
)

// Verdict is what a pair should do now.
type Verdict string

const (
	Invalid         Verdict = "invalid"
	Closed          Verdict = "closed"
	ReadyToClose    Verdict = "ready-to-close"
	ConsiderClosing Verdict = "consider-closing"
	OnTrack         Verdict = "on-track"
)

// Verdicts in the order of the SPEC.
var Verdicts = []Verdict{Invalid, Closed, ReadyToClose, ConsiderClosing, OnTrack}

// Signal is one reason to think about ending.
type Signal struct {
	ID      string `json:"id"`
	Message string `json:"message"`
}

// Goals counts goals by state.
type Goals struct {
	Total   int `json:"total"`
	Met     int `json:"met"`
	Open    int `json:"open"`
	Dropped int `json:"dropped"`
}

// Meetings counts the meeting log.
type Meetings struct {
	Held         int        `json:"held"`
	Cancelled    int        `json:"cancelled"`
	NoShow       int        `json:"no_show"`
	Unproductive int        `json:"unproductive"`
	LastHeld     dates.Date `json:"last_held"`
}

// Judgement is the outcome for one plan.
type Judgement struct {
	Verdict  Verdict
	Signals  []Signal
	Goals    Goals
	Meetings Meetings
}

// Has reports whether the signal fired.
func (j Judgement) Has(id string) bool {
	for _, s := range j.Signals {
		if s.ID == id {
			return true
		}
	}
	return false
}

// CadenceDays is the plan's cadence, or the programme's default.
func CadenceDays(p *plan.Plan, cfg config.Config) int {
	if p.Cadence.Days > 0 {
		return p.Cadence.Days
	}
	return cfg.Cadence.Days
}

// CountGoals counts a plan's goals by state.
func CountGoals(p *plan.Plan) Goals {
	var g Goals
	for _, x := range p.Goals {
		g.Total++
		switch x.State {
		case plan.Met:
			g.Met++
		case plan.Open:
			g.Open++
		case plan.Dropped:
			g.Dropped++
		}
	}
	return g
}

// past returns the meetings dated on or before today, by date.
func past(p *plan.Plan, today dates.Date) []plan.Meeting {
	// Meeting logs are nearly always in date order already: copy, and sort
	// only when they are not.
	ms := append([]plan.Meeting(nil), p.Meetings...)
	for i := 1; i < len(ms); i++ {
		if ms[i].Date.Before(ms[i-1].Date) {
			ms = p.SortedMeetings()
			break
		}
	}
	n := 0
	for _, m := range ms {
		if !m.Date.After(today) {
			ms[n] = m
			n++
		}
	}
	return ms[:n]
}

// CountMeetings counts meetings up to today.
func CountMeetings(p *plan.Plan, today dates.Date) Meetings {
	return countMeetings(past(p, today))
}

// countMeetings counts meetings already limited to today and sorted.
func countMeetings(ms []plan.Meeting) Meetings {
	var c Meetings
	for _, m := range ms {
		switch m.Kind {
		case plan.Held:
			c.Held++
			c.LastHeld = m.Date
			if m.Unproductive {
				c.Unproductive++
			}
		case plan.Cancelled:
			c.Cancelled++
		case plan.NoShow:
			c.NoShow++
		}
	}
	return c
}

// Ended reports whether a pair has ended, so that a closure record is due:
// its status is closed, or its planned end is more than grace_days past.
func Ended(p *plan.Plan, cfg config.Config, today dates.Date) bool {
	return p.Status == plan.Closed || EndedByDate(p, cfg, today)
}

// EndedByDate reports whether the planned end is more than grace_days past.
func EndedByDate(p *plan.Plan, cfg config.Config, today dates.Date) bool {
	return !p.End.IsZero() && p.End.AddDays(cfg.Thresholds.GraceDays).Before(today)
}

// Judge computes the signals and the verdict.
func Judge(p *plan.Plan, cfg config.Config, today dates.Date) Judgement {
	ms := past(p, today)
	j := Judgement{Goals: CountGoals(p), Meetings: countMeetings(ms)}
	switch {
	case !p.Valid():
		j.Verdict = Invalid
		return j
	case p.Status == plan.Closed:
		j.Verdict = Closed
		return j
	}
	t := cfg.Thresholds
	add := func(id, format string, args ...any) {
		j.Signals = append(j.Signals, Signal{id, fmt.Sprintf(format, args...)})
	}
	g := j.Goals
	allMet := g.Total > 0 && g.Open == 0
	if allMet {
		if g.Dropped > 0 {
			add(GoalsMet, "all goals met (%d met, %d dropped)", g.Met, g.Dropped)
		} else {
			add(GoalsMet, "all %s met", plural(g.Met, "goal"))
		}
	}
	if !p.End.IsZero() {
		left := p.End.DaysSince(today)
		switch {
		case left <= 0:
			add(EndReached, "planned end %s reached %s", p.End, ago(-left))
		case left <= t.RemindDays:
			add(EndNear, "planned end %s is in %s: book the wrap-up meeting", p.End, plural(left, "day"))
		}
	}

	cad := CadenceDays(p, cfg)
	limit := t.StallFactor * float64(cad)
	if j.Meetings.LastHeld.IsZero() {
		if !p.Start.IsZero() {
			if idle := today.DaysSince(p.Start); float64(idle) > limit {
				add(Stalled, "no meeting held since the start %d days ago (cadence: %d days)", idle, cad)
			}
		}
	} else if idle := today.DaysSince(j.Meetings.LastHeld); float64(idle) > limit {
		add(Stalled, "no meeting held for %d days (cadence: %d days)", idle, cad)
	}

	if streak := t.UnproductiveStreak; streak > 0 {
		n, all := 0, true
		for i := len(ms) - 1; i >= 0 && n < streak; i-- {
			if ms[i].Kind != plan.Held {
				continue
			}
			n++
			all = all && ms[i].Unproductive
		}
		if n == streak && all {
			add(Unproductive, "the last %s held were unproductive", plural(streak, "meeting"))
		}
	}

	window := ms
	if len(window) > t.MissedWindow {
		window = window[len(window)-t.MissedWindow:]
	}
	missed := map[string]int{}
	for _, m := range window {
		if m.Kind != plan.Held && m.By != "" {
			missed[m.By]++
		}
	}
	for _, side := range []string{"mentee", "mentor"} {
		if n := missed[side]; n >= t.MissedLimit {
			add(Commitment, "the %s cancelled or missed %d of the last %s", side, n, plural(len(window), "meeting"))
		}
	}

	if age := today.DaysSince(p.Start); !p.Start.IsZero() && age > t.NoProgressDays && g.Open > 0 {
		var last dates.Date
		for _, x := range p.Goals {
			for _, n := range x.Notes {
				if !n.Date.IsZero() && !n.Date.After(today) && n.Date.After(last) {
					last = n.Date
				}
			}
		}
		if last.IsZero() {
			add(NoProgress, "no dated progress note in %d days with %s open", age, plural(g.Open, "goal"))
		} else if since := today.DaysSince(last); since > t.NoProgressDays {
			add(NoProgress, "no dated progress note since %s (%d days) with %s open", last, since, plural(g.Open, "goal"))
		}
	}

	j.Verdict = OnTrack
	for _, s := range j.Signals {
		switch s.ID {
		case GoalsMet, EndReached:
			j.Verdict = ReadyToClose
		case Stalled, Unproductive, Commitment, NoProgress:
			if j.Verdict != ReadyToClose {
				j.Verdict = ConsiderClosing
			}
		}
	}
	return j
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func ago(days int) string {
	switch days {
	case 0:
		return "today"
	case 1:
		return "yesterday"
	}
	return strconv.Itoa(days) + " days ago"
}
