// Package signals judges a plan: which ending signals fire today and what the
// verdict is. It is a pure function of (plan, thresholds, today).
package signals

import (
	"fmt"
	"path"
	"strconv"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/pair"
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
	Closing         Verdict = "closing"
	ReadyToClose    Verdict = "ready-to-close"
	ConsiderClosing Verdict = "consider-closing"
	OnTrack         Verdict = "on-track"
)

// VerdictDef describes a verdict for help texts and docs.
type VerdictDef struct {
	Verdict Verdict
	Help    string
}

// Verdicts are every verdict, in the order the first that applies wins.
var Verdicts = []VerdictDef{
	{Invalid, "the plan has errors: it cannot be judged"},
	{Closed, "the plan's status is closed (follow-up-due may still say a check-in is due)"},
	{Closing, "the plan's status is closing: the closure record is being completed (check counts its problems)"},
	{ReadyToClose, "goals-met or end-reached fired: time for the debrief"},
	{ConsiderClosing, "stalled, unproductive, commitment or no-progress fired: talk about ending"},
	{OnTrack, "none of those: carry on (end-near may still remind you to book the wrap-up)"},
}

// Def describes one ending signal: the one table that help texts, docs,
// completion, the JSON Schemas and the closure reason a signal proposes are
// built from or checked against.
type Def struct {
	ID string
	// Leads is the verdict the signal leads to; "" when it only reminds.
	Leads Verdict
	// Reason is the closure reason the signal proposes to record; "" for none.
	Reason string
	// Annotation is the level of the signal's annotation in check --format
	// github: notice or warning.
	Annotation string
	// Fires says when it fires, in a line.
	Fires string
	// Threshold names the config keys behind it, "" for none.
	Threshold string
	// eval returns the signal's messages (one per firing) for a pair.
	eval func(c *judging) []string
	// fix, when set, says how to act on the signal: the command to run.
	fix func(c *judging) string
}

// Catalog is every ending signal, in the order check lists them; a reason
// is proposed from the first that fired.
var Catalog = []Def{
	{GoalsMet, ReadyToClose, "goals-met", "warning",
		"the plan has a goal, and every goal that is not dropped is met", "", goalsMet, nil},
	{EndReached, ReadyToClose, "end-of-term", "warning",
		"end is set and today is on or after it", "", endReached, nil},
	{EndNear, "", "", "notice",
		"end is set and at most remind_days away: time to book the wrap-up meeting", "remind_days", endNear, nil},
	{Stalled, ConsiderClosing, "stalled", "warning",
		"no meeting held for more than stall_factor cadences (counted from the start if none was held)", "stall_factor", stalled, nil},
	{Unproductive, ConsiderClosing, "unproductive", "warning",
		"the last unproductive_streak held meetings were all unproductive", "unproductive_streak", unproductive, nil},
	{Commitment, ConsiderClosing, "commitment", "warning",
		"one side cancelled or missed at least missed_limit of the last missed_window meetings", "missed_window, missed_limit", commitment, nil},
	{NoProgress, ConsiderClosing, "no-progress", "warning",
		"the pair is older than no_progress_days, a goal is open, and no dated progress note falls within the last no_progress_days", "no_progress_days", noProgress,
		func(c *judging) string { return "add a dated progress note with: " + progressCommand(c.p) }},
	{FollowUpDue, "", "", "notice",
		"a closed pair's next check-in is due: a contact cadence after closing or the last check-in, up to contact.until (the only signal a closed pair can have)", "", followUpDue, nil},
}

// Lookup returns the signal with the id; ok is false for an unknown id.
func Lookup(id string) (Def, bool) {
	for _, d := range Catalog {
		if d.ID == id {
			return d, true
		}
	}
	return Def{}, false
}

// IDs lists the signal ids in catalog order.
func IDs() []string {
	ids := make([]string, len(Catalog))
	for i, d := range Catalog {
		ids[i] = d.ID
	}
	return ids
}

// ProposeReason returns the closure reason the fired signals point to and
// the signal behind it, or "" and "" when none does.
func ProposeReason(sigs []Signal) (reason, signal string) {
	for _, d := range Catalog {
		if d.Reason == "" {
			continue
		}
		for _, s := range sigs {
			if s.ID == d.ID {
				return d.Reason, d.ID
			}
		}
	}
	return "", ""
}

// Signal is one reason to think about ending. Line is the line of the plan
// it concerns (the planned end, the last meeting held, …), for annotations.
type Signal struct {
	ID      string `json:"id"`
	Message string `json:"message"`
	Line    int    `json:"line"`
	// Fix says how to act on it, naming the command; "" when the signal
	// is a fact to talk about rather than a thing to fix.
	Fix string `json:"fix,omitempty"`
}

// Goals counts goals by state, and lists them.
type Goals struct {
	Total   int        `json:"total"`
	Met     int        `json:"met"`
	Open    int        `json:"open"`
	Dropped int        `json:"dropped"`
	Items   []GoalItem `json:"items"`
}

// Counted is the number of goals that count: those not dropped. Met of
// Counted is what a pair has achieved (2/2 when two are met and one is
// dropped).
func (g Goals) Counted() int { return g.Total - g.Dropped }

// GoalItem is one goal as check lists it: its number (what mentor close
// goal takes), title, state, line, and the date of its last dated progress
// note (null when it has none).
type GoalItem struct {
	N        int            `json:"n"`
	Title    string         `json:"title"`
	State    plan.GoalState `json:"state"`
	Line     int            `json:"line"`
	LastNote dates.Date     `json:"last_note"`
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
	g := Goals{Items: make([]GoalItem, 0, len(p.Goals))}
	for i, x := range p.Goals {
		item := GoalItem{N: i + 1, Title: x.Title, State: x.State, Line: x.Line}
		for _, n := range x.Notes {
			if n.Date.After(item.LastNote) {
				item.LastNote = n.Date
			}
		}
		g.Items = append(g.Items, item)
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

// past returns the meetings dated on or before today, by date. It is read,
// never written: it may be the plan's own list.
func past(p *plan.Plan, today dates.Date) []plan.Meeting {
	// Meeting logs are nearly always in date order and in the past
	// already: then they are the answer; else copy, and sort only when
	// they are not in order.
	sorted, before := true, true
	for i, m := range p.Meetings {
		if i > 0 && m.Date.Before(p.Meetings[i-1].Date) {
			sorted = false
		}
		if m.Date.After(today) {
			before = false
		}
	}
	if sorted && before {
		return p.Meetings
	}
	ms := append([]plan.Meeting(nil), p.Meetings...)
	if !sorted {
		ms = p.SortedMeetings()
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

// Judge computes a pair's signals and verdict. A pair whose plan cannot be
// read or has errors is invalid.
func Judge(p *pair.Pair, cfg config.Config, today dates.Date) Judgement {
	if !p.PlanValid() {
		j := Judgement{Verdict: Invalid}
		if p.Plan != nil {
			j.Goals = CountGoals(p.Plan)
			j.Meetings = countMeetings(past(p.Plan, today))
		}
		return j
	}
	return judgeWith(p.Plan, p.Closure, p.ID, cfg, today)
}

// JudgeAsActive judges a pair whose status is closing as if it were still
// active: the commands that write the end of a relationship (agenda,
// record, debrief) need the signals that led there, to propose the reason
// and to frame an unplanned ending. Other pairs are judged as Judge does.
func JudgeAsActive(p *pair.Pair, cfg config.Config, today dates.Date) Judgement {
	if p.PlanValid() && p.Plan.Status == plan.Closing {
		active := *p.Plan
		active.Status = plan.Active
		return JudgePlan(&active, cfg, today)
	}
	return Judge(p, cfg, today)
}

// judging is what the signals of one plan are computed from.
type judging struct {
	p     *plan.Plan
	cfg   config.Config
	today dates.Date
	past  []plan.Meeting // meetings up to today, by date
	j     *Judgement

	rec    *closure.Record // the closure record; nil when there is none
	pairID string          // "" when only the plan is known
}

// JudgePlan computes the signals and the verdict of a parsed plan, without
// its closure record (a closed plan then has no signal).
func JudgePlan(p *plan.Plan, cfg config.Config, today dates.Date) Judgement {
	return judgeWith(p, nil, "", cfg, today)
}

func judgeWith(p *plan.Plan, rec *closure.Record, id string, cfg config.Config, today dates.Date) Judgement {
	ms := past(p, today)
	j := Judgement{Goals: CountGoals(p), Meetings: countMeetings(ms)}
	c := &judging{p: p, cfg: cfg, today: today, past: ms, j: &j, rec: rec, pairID: id}
	switch {
	case !p.Valid():
		j.Verdict = Invalid
		return j
	case p.Status == plan.Closed:
		// A closed pair gets no ending signal; only a check-in can be due.
		j.Verdict = Closed
		for _, msg := range followUpDue(c) {
			j.Signals = append(j.Signals, Signal{ID: FollowUpDue, Message: msg, Line: c.line(FollowUpDue, 0)})
		}
		return j
	case p.Status == plan.Closing:
		// The pair has started its closure record: what is left is to
		// finish it, not to decide whether to end.
		j.Verdict = Closing
		return j
	}
	j.Verdict = OnTrack
	for _, d := range Catalog {
		for i, msg := range d.eval(c) {
			sig := Signal{ID: d.ID, Message: msg, Line: c.line(d.ID, i)}
			if d.fix != nil {
				sig.Fix = d.fix(c)
			}
			j.Signals = append(j.Signals, sig)
			switch {
			case d.Leads == ReadyToClose:
				j.Verdict = ReadyToClose
			case d.Leads == ConsiderClosing && j.Verdict != ReadyToClose:
				j.Verdict = ConsiderClosing
			}
		}
	}
	return j
}

// line is the plan line the i-th firing of a signal concerns: where a
// person looks to act on it. It is never below 1.
func (c *judging) line(id string, i int) int {
	p := c.p
	first := func(lines ...int) int {
		for _, l := range lines {
			if l > 0 {
				return l
			}
		}
		return 1
	}
	goals := 0
	if p.GoalsSection != nil {
		goals = p.GoalsSection.Line
	}
	switch id {
	case FollowUpDue:
		return first(p.Lines.Status)
	case GoalsMet:
		return first(goals)
	case EndReached, EndNear:
		return first(p.Lines.End)
	case Stalled:
		return first(c.lastHeld(func(plan.Meeting) bool { return true }), p.Lines.Start)
	case Unproductive:
		return first(c.lastHeld(func(m plan.Meeting) bool { return m.Unproductive }), p.Lines.Start)
	case Commitment:
		t := c.cfg.Thresholds
		window := c.past
		if len(window) > t.MissedWindow {
			window = window[len(window)-t.MissedWindow:]
		}
		missed := map[string]int{}
		last := map[string]int{}
		for _, m := range window {
			if m.Kind != plan.Held && m.By != "" {
				missed[m.By]++
				last[m.By] = m.Line
			}
		}
		n := 0
		for _, side := range []string{"mentee", "mentor"} {
			if missed[side] >= t.MissedLimit {
				if n == i {
					return first(last[side])
				}
				n++
			}
		}
	case NoProgress:
		var day dates.Date
		note := 0
		for _, g := range p.Goals {
			for _, x := range g.Notes {
				if !x.Date.IsZero() && !x.Date.After(c.today) && x.Date.After(day) {
					day, note = x.Date, x.Line
				}
			}
		}
		return first(note, goals, p.Lines.Start)
	}
	return first(p.Lines.Status, p.Lines.Start)
}

// lastHeld is the line of the last held meeting up to today that ok
// accepts, or 0.
func (c *judging) lastHeld(ok func(plan.Meeting) bool) int {
	for i := len(c.past) - 1; i >= 0; i-- {
		if m := c.past[i]; m.Kind == plan.Held && ok(m) {
			return m.Line
		}
	}
	return 0
}

func one(format string, args ...any) []string { return []string{fmt.Sprintf(format, args...)} }

func goalsMet(c *judging) []string {
	g := c.j.Goals
	if g.Total == 0 || g.Open > 0 {
		return nil
	}
	switch {
	case g.Met == 1 && g.Dropped > 0:
		return one("the one goal kept is met (%s dropped)", plural(g.Dropped, "goal"))
	case g.Met == 1:
		return one("the one goal is met")
	case g.Dropped > 0:
		return one("all goals met (%d met, %d dropped)", g.Met, g.Dropped)
	}
	return one("all %d goals met", g.Met)
}

func endReached(c *judging) []string {
	if c.p.End.IsZero() {
		return nil
	}
	if left := c.p.End.DaysSince(c.today); left <= 0 {
		return one("planned end %s reached %s", c.p.End, ago(-left))
	}
	return nil
}

func endNear(c *judging) []string {
	if c.p.End.IsZero() {
		return nil
	}
	if left := c.p.End.DaysSince(c.today); left > 0 && left <= c.cfg.Thresholds.RemindDays {
		return one("planned end %s is in %s: book the wrap-up meeting (mentor close invite %s --date YYYY-MM-DD --time HH:MM)", c.p.End, plural(left, "day"), c.id())
	}
	return nil
}

func stalled(c *judging) []string {
	cad := CadenceDays(c.p, c.cfg)
	limit := c.cfg.Thresholds.StallFactor * float64(cad)
	last := c.j.Meetings.LastHeld
	if last.IsZero() {
		if c.p.Start.IsZero() {
			return nil
		}
		if idle := c.today.DaysSince(c.p.Start); float64(idle) > limit {
			return one("no meeting held since the start %d days ago (cadence: %d days)", idle, cad)
		}
		return nil
	}
	if idle := c.today.DaysSince(last); float64(idle) > limit {
		return one("no meeting held for %d days (cadence: %d days)", idle, cad)
	}
	return nil
}

func unproductive(c *judging) []string {
	streak := c.cfg.Thresholds.UnproductiveStreak
	if streak <= 0 {
		return nil
	}
	n, all := 0, true
	for i := len(c.past) - 1; i >= 0 && n < streak; i-- {
		if c.past[i].Kind != plan.Held {
			continue
		}
		n++
		all = all && c.past[i].Unproductive
	}
	if n == streak && all {
		return one("the last %s held were unproductive", plural(streak, "meeting"))
	}
	return nil
}

func commitment(c *judging) []string {
	t := c.cfg.Thresholds
	window := c.past
	if len(window) > t.MissedWindow {
		window = window[len(window)-t.MissedWindow:]
	}
	missed := map[string]int{}
	for _, m := range window {
		if m.Kind != plan.Held && m.By != "" {
			missed[m.By]++
		}
	}
	var out []string
	for _, side := range []string{"mentee", "mentor"} {
		if n := missed[side]; n >= t.MissedLimit {
			out = append(out, fmt.Sprintf("the %s cancelled or missed %d of the last %s", side, n, plural(len(window), "meeting")))
		}
	}
	return out
}

func noProgress(c *judging) []string {
	p, t, g := c.p, c.cfg.Thresholds, c.j.Goals
	age := c.today.DaysSince(p.Start)
	if p.Start.IsZero() || age <= t.NoProgressDays || g.Open == 0 {
		return nil
	}
	var last dates.Date
	for _, x := range p.Goals {
		for _, n := range x.Notes {
			if !n.Date.IsZero() && !n.Date.After(c.today) && n.Date.After(last) {
				last = n.Date
			}
		}
	}
	if last.IsZero() {
		return one("no dated progress note in %d days with %s open", age, plural(g.Open, "goal"))
	}
	if since := c.today.DaysSince(last); since > t.NoProgressDays {
		return one("no dated progress note since %s (%d days) with %s open", last, since, plural(g.Open, "goal"))
	}
	return nil
}

// progressCommand is the command that adds a dated progress note to the
// plan's open goal (its number when only one is open).
func progressCommand(p *plan.Plan) string {
	id := "PAIR"
	if p.File != "" {
		if d := path.Base(path.Dir(p.File)); d != "." && d != "/" {
			id = d
		}
	}
	goal, open := "GOAL", 0
	for i, g := range p.Goals {
		if g.State == plan.Open {
			open++
			goal = strconv.Itoa(i + 1)
		}
	}
	if open != 1 {
		goal = "GOAL"
	}
	return fmt.Sprintf("mentor close goal %s %s --progress TEXT", id, goal)
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
