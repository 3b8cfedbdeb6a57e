package render

import (
	"fmt"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/signals"
)

// TODO is what a generated file holds where only the pair can decide.
const TODO = "TODO"

// Data is what every template (plan.md, agenda.md, closure.md, note.md)
// receives. A field a command has nothing for is empty: the plan template
// has no meetings yet, the note template no closure reason. The README's
// "Templates" section documents each field for people who write templates;
// keep the two in step.
type Data struct {
	// The pair, from its plan.
	ID          string     // pair id: the folder name
	Pair        string     // the same as ID, as the note's front matter names it
	Dir         string     // pair folder, repo-relative
	Mentor      string     //
	Mentee      string     //
	Program     string     // "" when the plan names none
	Start       dates.Date //
	End         dates.Date // zero when the plan has no planned end
	Cadence     string     // as the plan writes it, else the programme's default
	CadenceDays int        //
	Status      string     // active, closing or closed

	// The day.
	Today dates.Date // --today, $MENTOR_TODAY or the system date
	Date  dates.Date // the day the file is for: the debrief meeting (agenda), the closing day (record), the note's day; the start (plan)

	// The goals, in plan order.
	Goals        []Goal
	GoalsMet     []Goal
	GoalsOpen    []Goal
	GoalsDropped []Goal

	// The meeting log, by date, up to today.
	Meetings     []plan.Meeting
	Held         int        // meetings that took place
	Cancelled    int        //
	NoShow       int        //
	Missed       int        // Cancelled + NoShow
	Unproductive int        // held but unproductive
	LastHeld     dates.Date // zero when no meeting was held
	FinalMeeting string     // LastHeld, or "none"

	// How long the relationship ran: from Start to Date.
	SpanDays   int
	SpanMonths int    // whole months
	Span       string // "6 months", "3 weeks", "5 days"

	// The judgement of `mentor close check` as of Today.
	Verdict   string           // ready-to-close, consider-closing, on-track, closed
	Signals   []signals.Signal // with .ID and .Message
	Unplanned bool             // the ending was not planned: verdict consider-closing, or --unplanned

	// The closure (record and agenda).
	Reason         string   // --reason, else proposed from the signals, else TODO
	ReasonProposed bool     // Reason was proposed from a signal, not given
	ReasonSignal   string   // the signal Reason was proposed from
	Transition     string   // --transition, else TODO
	InitiatedBy    string   // TODO: only the pair knows
	Sections       []string // closure.required_sections from the config
	Reasons        []string // the values reason may take
	Transitions    []string // the values transition may take

	// Reflection notes under notes/, oldest first.
	Notes []Note

	// A reflection note (note.md).
	Role   string // mentor or mentee: who writes the note
	Author string // the same as Role, as the note's front matter names it
	Text   string // the note's text, as given
}

// Goal is one goal of the plan.
type Goal struct {
	Title   string      // as written, without checkbox or strike-through
	State   string      // met, open or dropped
	Reason  string      // for a dropped goal: what follows the title, e.g. "(dropped: …)"
	Outcome string      // for the closure record: met, dropped, or TODO for an open goal
	Notes   []plan.Note // every progress note (.Date is zero when undated, .Text)
	Dated   []plan.Note // only the dated progress notes
}

// Reasons and Transitions are the values a closure record's reason and
// transition may take: the closure package's, which reads the record back.
var (
	Reasons     = closure.Reasons.Names()
	Transitions = closure.Transitions.Names()
)

// ProposeReason returns the closure reason the signals point to and the
// signal behind it, or TODO and "" when none does.
func ProposeReason(sigs []signals.Signal) (reason, signal string) {
	if reason, signal = signals.ProposeReason(sigs); reason == "" {
		return TODO, ""
	}
	return reason, signal
}

// Defaults returns template data with nothing known yet: no goals, no
// meetings (FinalMeeting "none"), the closure's open choices TODO, and the
// allowed values. Commands fill in what they know.
func Defaults() Data {
	return Data{
		Status: string(plan.Active), FinalMeeting: "none",
		Reason: TODO, Transition: TODO, InitiatedBy: TODO,
		Reasons: Reasons, Transitions: Transitions,
	}
}

// NewData fills the template data for a judged pair, whose plan was read.
// date is the day the file is for (see Data.Date); a zero date means today.
func NewData(pr *pair.Pair, j signals.Judgement, cfg config.Config, today, date dates.Date) Data {
	if date.IsZero() {
		date = today
	}
	p := pr.Plan
	d := Defaults()
	d.ID, d.Pair, d.Dir, d.Mentor, d.Mentee, d.Program = pr.ID, pr.ID, pr.Dir, p.Mentor, p.Mentee, p.Program
	d.Notes = Notes(pr.Notes)
	d.Start, d.End, d.Status = p.Start, p.End, string(p.Status)
	d.Cadence, d.CadenceDays = p.Cadence.Text, signals.CadenceDays(p, cfg)
	d.Today, d.Date = today, date
	d.Verdict, d.Signals = string(j.Verdict), j.Signals
	d.Unplanned = j.Verdict == signals.ConsiderClosing
	d.Sections = append([]string(nil), cfg.RequiredSections...)
	if d.Cadence == "" {
		d.Cadence = cfg.Cadence.Text
	}
	if d.Status == "" {
		d.Status = string(plan.Active)
	}
	for _, g := range p.Goals {
		d.AddGoal(NewGoal(g))
	}
	for _, m := range p.SortedMeetings() {
		if !m.Date.After(today) {
			d.Meetings = append(d.Meetings, m)
		}
	}
	c := j.Meetings
	d.Held, d.Cancelled, d.NoShow, d.Unproductive, d.LastHeld = c.Held, c.Cancelled, c.NoShow, c.Unproductive, c.LastHeld
	d.Missed = c.Cancelled + c.NoShow
	if !c.LastHeld.IsZero() {
		d.FinalMeeting = c.LastHeld.String()
	}
	d.SetSpan()
	d.Reason, d.ReasonSignal = ProposeReason(j.Signals)
	d.ReasonProposed = d.ReasonSignal != ""
	safe(&d)
	return d
}

// NewGoal turns a plan's goal into a template's.
func NewGoal(g plan.Goal) Goal {
	out := Goal{Title: g.Title, State: string(g.State), Reason: g.Reason, Notes: g.Notes}
	switch g.State {
	case plan.Met, plan.Dropped:
		out.Outcome = string(g.State)
	default:
		out.Outcome = TODO
	}
	for _, n := range g.Notes {
		if !n.Date.IsZero() {
			out.Dated = append(out.Dated, n)
		}
	}
	return out
}

// AddGoal appends a goal to Goals and to the list for its state.
func (d *Data) AddGoal(g Goal) {
	d.Goals = append(d.Goals, g)
	switch g.State {
	case string(plan.Met):
		d.GoalsMet = append(d.GoalsMet, g)
	case string(plan.Dropped):
		d.GoalsDropped = append(d.GoalsDropped, g)
	default:
		d.GoalsOpen = append(d.GoalsOpen, g)
	}
}

// SetSpan computes SpanDays, SpanMonths and Span from Start to Date.
func (d *Data) SetSpan() {
	d.SpanDays, d.SpanMonths, d.Span = 0, 0, ""
	if d.Start.IsZero() || d.Date.Before(d.Start) {
		return
	}
	d.SpanDays = d.Date.DaysSince(d.Start)
	d.SpanMonths = Months(d.Start, d.Date)
	switch {
	case d.SpanMonths >= 1:
		d.Span = plural(d.SpanMonths, "month")
	case d.SpanDays >= 14:
		d.Span = plural(d.SpanDays/7, "week")
	default:
		d.Span = plural(d.SpanDays, "day")
	}
}

// Months counts the whole months from a to b.
func Months(a, b dates.Date) int {
	ta, tb := a.Time(), b.Time()
	m := (tb.Year()-ta.Year())*12 + int(tb.Month()) - int(ta.Month())
	if tb.Day() < ta.Day() {
		m--
	}
	return max(m, 0)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
