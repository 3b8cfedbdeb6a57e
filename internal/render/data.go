package render

import (
	"fmt"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/escape"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/questions"
	"github.com/mentor-cli/mentor/internal/signals"
)

// TODO is what a generated file holds where only the pair can decide.
const TODO = "TODO"

// Data is what every template (plan.md, agenda.md, closure.md, note.md)
// receives. A field a command has nothing for is empty: the plan template
// has no meetings yet, the note template no closure reason. docs/templates.md
// documents each field for people who write templates; a test keeps the two
// in step.
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

	// The plan's own words, for the agenda to quote.
	Agreement    string        // the Markdown of the plan's Agreement section, HTML comments removed; "" when there is none
	Expectations string        // the same for its Focus and expectations section (or another whose heading says expectations)
	PlanSections []PlanSection // every level-2 section of the plan, in order

	// The meeting log, by date, up to today.
	Meetings     []Meeting
	History      []Meeting  // the held meetings with a title or notes, most recent first
	Timeline     []Period   // meetings and goal milestones by month, oldest first, for a Mermaid timeline
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
	Unplanned bool             // the ending was not planned: verdict consider-closing, --unplanned or --unreachable

	// Who meets at the end, and what they talk about.
	Ending         string              // planned, unplanned or unreachable
	Unreachable    string              // the side that could not be reached (--unreachable): mentor, mentee or ""
	Absent         Side                // that side, with its name; zero when both meet
	Present        Side                // the other side; zero when both meet
	Agenda         []questions.Section // the sections and questions of this ending, names filled in
	Opener         string              // what whoever raises the ending can say first, starting with what went well
	ReflectionsDue []Side              // who meets and has not written a final reflection note yet, mentee first

	// The closure (record and agenda).
	Reason         string   // --reason, else proposed from the signals, else TODO
	ReasonProposed bool     // Reason was proposed from a signal, not given
	ReasonSignal   string   // the signal Reason was proposed from
	Transition     string   // --transition, else TODO
	InitiatedBy    string   // TODO: only the pair knows
	Sections       []string // closure.required_sections from the config
	Reasons        []string // the values reason may take
	Transitions    []string // the values transition may take
	Initiators     []string // the values initiated_by may take
	Outcomes       []string // the values a goal's outcome may take
	ContactKinds   []string // the values contact.kind may take

	// Reflection notes under notes/, oldest first.
	Notes []Note

	// A reflection note (note.md).
	Role     string // mentor or mentee: who writes the note
	Author   string // the same as Role, as the note's front matter names it
	Text     string // the note's text, as given
	NoteKind string // the note's kind: final-reflection for note --final, else ""
}

// Goal is one goal of the plan.
type Goal struct {
	N          int                  // its number in the plan, from 1
	Title      string               // as written, without checkbox or strike-through
	State      string               // met, open or dropped
	Reason     string               // for a dropped goal: what follows the title, e.g. "(dropped: …)"
	DropReason string               // for a dropped goal: the reason alone, e.g. "no longer needed"; "" when none is given
	Outcome    string               // for the closure record: met, dropped, or TODO for an open goal
	Notes      []plan.Note          // every progress note (.Date is zero when undated, .Text)
	Dated      []plan.Note          // only the dated progress notes
	Questions  []questions.Question // what the agenda asks about this goal
}

// PlanSection is one level-2 section of the plan.
type PlanSection struct {
	Heading string
	Text    string // its Markdown, HTML comments removed, trimmed
	Line    int    // the line of its heading in plan.md
}

// Meeting is one entry of the plan's meeting log.
type Meeting struct {
	Date         dates.Date
	Kind         string // held, cancelled or no-show
	By           string // who cancelled or did not come: mentor, mentee or ""
	Unproductive bool   // held, but it moved nothing forward
	Title        string // the words after the date, or ""
	Notes        string // the Markdown under the heading, trimmed
	Summary      string // the first paragraph of Notes, on one line; "" when the notes start with no paragraph
	Line         int    // the line of its heading in plan.md
}

// Side is one side of the pair: .Role (mentor or mentee) and .Name.
type Side = questions.Side

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
		Initiators: closure.Initiators.Names(), Outcomes: closure.Outcomes.Names(), ContactKinds: closure.ContactKinds.Names(),
		Ending: questions.Planned.String(),
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
	goals := make([]Goal, len(p.Goals))
	for i, g := range p.Goals {
		goals[i] = NewGoal(g)
	}
	d.Goals = goals // safe makes them safe and lists them by state
	for _, m := range p.SortedMeetings() {
		if !m.Date.After(today) {
			d.Meetings = append(d.Meetings, NewMeeting(m))
		}
	}
	safe(&d)
	d.setPlanText(p)
	d.Agreement, d.Expectations = escape.Block(d.Agreement), escape.Block(d.Expectations)
	for i := range d.PlanSections {
		d.PlanSections[i].Heading = escape.Line(d.PlanSections[i].Heading)
		d.PlanSections[i].Text = escape.Block(d.PlanSections[i].Text)
	}
	d.setHistory()
	c := j.Meetings
	d.Held, d.Cancelled, d.NoShow, d.Unproductive, d.LastHeld = c.Held, c.Cancelled, c.NoShow, c.Unproductive, c.LastHeld
	d.Missed = c.Cancelled + c.NoShow
	if !c.LastHeld.IsZero() {
		d.FinalMeeting = c.LastHeld.String()
	}
	d.SetSpan()
	d.SetTimeline()
	d.Reason, d.ReasonSignal = ProposeReason(j.Signals)
	d.ReasonProposed = d.ReasonSignal != ""
	for i, sg := range d.Signals {
		d.Signals[i].Message = escape.Line(sg.Message)
	}
	d.SetEnding(d.Unplanned, "")
	return d
}

// NewGoal turns a plan's goal into a template's.
func NewGoal(g plan.Goal) Goal {
	out := Goal{Title: g.Title, State: string(g.State), Reason: g.Reason, DropReason: DropReason(g.Reason), Notes: g.Notes}
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

// AddGoal appends a goal to Goals and to the list for its state, and
// numbers it.
func (d *Data) AddGoal(g Goal) {
	g.N = len(d.Goals) + 1
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

// SetGoals makes gs the goals, as AddGoal of each in turn would, with each
// list made at its size once: a plan of thousands of goals is not copied
// at every growth.
func (d *Data) SetGoals(gs []Goal) {
	d.adoptGoals(append([]Goal(nil), gs...))
}

// adoptGoals is SetGoals for goals made for d alone: gs becomes Goals as
// it is, numbered in place, and only the lists by state are made.
func (d *Data) adoptGoals(gs []Goal) {
	var met, dropped int
	for _, g := range gs {
		switch g.State {
		case string(plan.Met):
			met++
		case string(plan.Dropped):
			dropped++
		}
	}
	d.Goals, d.GoalsMet, d.GoalsOpen, d.GoalsDropped = gs[:0], nil, nil, nil
	if met > 0 {
		d.GoalsMet = make([]Goal, 0, met)
	}
	if dropped > 0 {
		d.GoalsDropped = make([]Goal, 0, dropped)
	}
	if open := len(gs) - met - dropped; open > 0 {
		d.GoalsOpen = make([]Goal, 0, open)
	}
	for _, g := range gs {
		d.AddGoal(g)
	}
	if len(gs) == 0 {
		d.Goals = nil
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
