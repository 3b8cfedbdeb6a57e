package debrief

import (
	"fmt"
	"strings"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/questions"
	"github.com/mentor-cli/mentor/internal/render"
)

// Input is what a debrief is built from.
type Input struct {
	// Data is the pair's template data as the record would get it, its
	// ending set (render.Data.SetEnding): the agenda's questions come
	// from Data.Agenda.
	Data render.Data
	// Record and Source are the existing closure.md, parsed and as bytes;
	// nil when there is none. Its answers are the defaults.
	Record *closure.Record
	Source []byte
	// Today is the day of the sign-off.
	Today dates.Date
}

// Decisions of the record that the question table does not hold.
const (
	ReasonID       = "record.reason"
	InitiatedByID  = "record.initiated-by"
	FinalMeetingID = "record.final-meeting"
	SignOffID      = "sign-off"
	transitionID   = "touch.transition"
)

// decideLater is the choice that leaves a decision TODO.
var decideLater = questions.Choice{Value: TODO, Text: "Decide later (leave it TODO)"}

// New builds the debrief of a pair: a page for each section of the agenda
// (each goal a page of its own), then the record's decisions, a page for
// the text of sections no question feeds and of those the record already
// holds, and the sign-off. The defaults are the existing record's answers,
// else what the plan says.
func New(in Input) *Debrief {
	data := in.Data
	d := &Debrief{Pair: data.ID, Answers: Answers{}, original: Answers{}, data: data, today: in.Today}
	if in.Record != nil {
		d.signed = in.Record.SignedOff
	}
	for _, s := range data.Agenda {
		if s.Prepare {
			continue
		}
		switch s.ID {
		case "goals":
			for _, g := range data.Goals {
				d.Steps = append(d.Steps, d.goalStep(s, g))
			}
			continue
		case "thanks":
			d.Steps = append(d.Steps, d.decisionStep())
		}
		d.Steps = append(d.Steps, d.sectionSteps(s)...)
	}
	if d.Field(ReasonID) == nil {
		d.Steps = append(d.Steps, d.decisionStep())
	}
	if data.Opener != "" && len(d.Steps) > 0 {
		d.Steps[0].Lines = append([]string{"To open: " + data.Opener}, d.Steps[0].Lines...)
	}

	// Sections of the record no question feeds: the pair writes them
	// whole.
	var rest []*Field
	for _, h := range data.Sections {
		if d.feeds(h) {
			continue
		}
		rest = append(rest, &Field{ID: "section:" + h, Label: fmt.Sprintf("What goes in the record's %q section?", h),
			Kind: Text, Kept: h, Help: "No question of the agenda feeds this section: write it here."})
	}
	if len(rest) > 0 {
		d.Steps = append(d.Steps, Step{ID: "rest", Title: "The rest of the record", Fields: rest})
	}

	d.defaults(in)

	// What the record already says besides the debrief's answers: shown,
	// and kept unless changed.
	if in.Source != nil {
		var kept []*Field
		for _, sec := range readSections(in.Source, in.Record, d.leadsBySection()) {
			if sec.kept == "" || d.Field("section:"+sec.heading) != nil {
				continue
			}
			f := &Field{ID: "kept:" + sec.heading, Label: fmt.Sprintf("The record's %q section already says this; keep it, or change it", sec.heading),
				Kind: Text, Kept: sec.heading, Help: "It stays as it is unless you change it; the answers of this debrief are written after it."}
			kept = append(kept, f)
			d.Answers[f.ID], d.original[f.ID] = sec.kept, sec.kept
		}
		if len(kept) > 0 {
			d.Steps = append(d.Steps, Step{ID: "kept", Title: "Already in the record", Fields: kept})
		}
	}

	if f, lines := d.signOffField(); f != nil || len(lines) > 0 {
		st := Step{ID: "sign-off", Title: "Sign-off", Lines: lines}
		if f != nil {
			st.Fields = []*Field{f}
			if _, ok := d.Answers[f.ID]; !ok {
				d.Answers[f.ID] = f.Choices[0].Value
			}
		}
		d.Steps = append(d.Steps, st)
	}
	return d
}

// feeds reports whether a field writes into the record section heading.
func (d *Debrief) feeds(heading string) bool {
	for _, f := range d.Fields() {
		if f.Section != "" && sameHeading(f.Section, heading) {
			return true
		}
		if f.NextGoals && sameHeading(heading, "Next steps") {
			return true
		}
	}
	return false
}

// sectionSteps are the pages of one agenda section: the lines read out and
// its questions asked once. Staying in touch has a second page for the
// contact, asked only when the pair stays in touch.
func (d *Debrief) sectionSteps(s questions.Section) []Step {
	st := Step{ID: s.ID, Title: s.Heading}
	if s.ID == "celebrate" {
		st.Lines = d.celebrateLines()
	}
	var contact []*Field
	for _, q := range s.Once() {
		if q.Kind == questions.Say {
			st.Lines = append(st.Lines, q.Text)
			continue
		}
		f := d.fieldOf(q)
		if strings.HasPrefix(f.Key, "contact.") {
			contact = append(contact, f)
			continue
		}
		st.Fields = append(st.Fields, f)
	}
	out := []Step{st}
	if len(contact) > 0 {
		out = append(out, Step{ID: s.ID + "-contact", Title: s.Heading + ": the contact", Fields: contact})
	}
	return out
}

// fieldOf turns a question of the table into a field.
func (d *Debrief) fieldOf(q questions.Question) *Field {
	f := &Field{ID: q.ID, Label: q.Text, Who: who(q), Section: q.Section, Key: q.Key, NextGoals: q.NextGoals}
	switch {
	case q.Kind == questions.OneOf:
		f.Kind, f.Choices = Choice, append(append([]questions.Choice(nil), q.Choices...), decideLater)
	case q.NextGoals:
		f.Kind, f.Section = List, ""
		f.Help = "One goal per line, as a goal of a plan; mentor close rematch carries them into a new plan."
	case q.Key != "":
		f.Kind = Line
	default:
		f.Kind, f.Lead = Text, lead(q)
	}
	if q.Key != "" {
		f.Section = ""
	}
	switch q.Key {
	case "contact.channel":
		f.Help = "Email, LinkedIn, Slack… Left empty, it stays TODO."
	case "contact.cadence":
		f.Help = "Monthly, quarterly, yearly, every 30 days… mentor reminds you of a check-in at a cadence it knows."
	case "contact.until":
		f.Help = "The last day of planned contact, YYYY-MM-DD; empty when there is none."
		f.Check = checkDate
	}
	if strings.HasPrefix(q.Key, "contact.") {
		f.Show = staysInTouch
	}
	return f
}

// staysInTouch: the contact is asked unless the pair ends formally.
func staysInTouch(a Answers) bool { return a[transitionID] != "end" }

// goalStep is the page of one goal: what the plan says of it, the
// agenda's questions about it, and its outcome.
func (d *Debrief) goalStep(s questions.Section, g render.Goal) Step {
	st := Step{ID: fmt.Sprintf("goal-%d", g.N), Title: fmt.Sprintf("%s: %d of %d, %s", s.Heading, g.N, len(d.data.Goals), g.Title)}
	state := "In the plan: " + g.State
	if g.DropReason != "" {
		state += " (" + g.DropReason + ")"
	}
	st.Lines = append(st.Lines, state+".")
	for _, n := range g.Notes {
		if n.Date.IsZero() {
			st.Lines = append(st.Lines, "- "+n.Text)
		} else {
			st.Lines = append(st.Lines, "- "+n.Date.String()+": "+n.Text)
		}
	}
	outcomeText := "Where did it end?"
	choices := []questions.Choice{}
	for _, q := range g.Questions {
		if q.Key == "goals.outcome" {
			outcomeText, choices = q.Text, q.Choices
			continue
		}
		f := d.fieldOf(q)
		f.ID = fmt.Sprintf("%s#%d", q.ID, g.N)
		f.Lead = g.Title + ": " + lead(q)
		st.Fields = append(st.Fields, f)
	}
	if len(choices) == 0 {
		if q := s.Find("goals.outcome"); q != nil {
			outcomeText, choices = q.Text, q.Choices
		}
	}
	if len(choices) == 0 {
		for _, o := range closure.Outcomes {
			choices = append(choices, questions.Choice{Value: o.Name, Text: o.Help})
		}
	}
	who := ""
	if q := s.Find("goals.outcome"); q != nil {
		who = whoOf(q.By)
	}
	st.Fields = append(st.Fields, &Field{ID: fmt.Sprintf("goals.outcome#%d", g.N), Label: outcomeText, Who: who,
		Kind: Choice, Choices: append(append([]questions.Choice(nil), choices...), decideLater), Key: "outcome", Goal: g.N,
		Help: "The record's outcome of this goal; the plan says " + g.State + "."})
	return st
}

func whoOf(by []questions.Side) string { return who(questions.Question{By: by}) }

// celebrateLines are the facts the celebration starts from: the goals met
// with their notes, the span, the meetings held.
func (d *Debrief) celebrateLines() []string {
	data := d.data
	var out []string
	span := ""
	if data.Span != "" {
		span = " (" + data.Span + ")"
	}
	out = append(out, fmt.Sprintf("%s and %s have worked together since %s%s, and held %s.",
		data.Mentor, data.Mentee, data.Start, span, plural(data.Held, "meeting")))
	for _, g := range data.GoalsMet {
		out = append(out, "Met: "+g.Title)
		for _, n := range g.Dated {
			out = append(out, "- "+n.Date.String()+": "+n.Text)
		}
	}
	return out
}

// decisionStep asks what only the record holds: why it ended, who raised
// it, and the final meeting.
func (d *Debrief) decisionStep() Step {
	data := d.data
	var reasons []questions.Choice
	proposed := ""
	if data.Reason != TODO {
		proposed = data.Reason
	}
	for _, r := range closure.Reasons {
		c := questions.Choice{Value: r.Name, Text: capital(r.Help)}
		if r.Name == proposed {
			why := "proposed"
			if data.ReasonSignal != "" {
				why = "proposed from the " + data.ReasonSignal + " signal"
			}
			c.Text += " (" + why + ")"
			reasons = append([]questions.Choice{c}, reasons...)
			continue
		}
		reasons = append(reasons, c)
	}
	reasons = append(reasons, decideLater)
	var initiators []questions.Choice
	for _, i := range closure.Initiators {
		initiators = append(initiators, questions.Choice{Value: i.Name, Text: capital(i.Help)})
	}
	initiators = append(initiators, decideLater)
	last := "No meeting is logged as held in the plan."
	if !data.LastHeld.IsZero() {
		last = "The last meeting logged in the plan: " + data.LastHeld.String() + "."
	}
	return Step{ID: "record", Title: "Why and when it ended", Fields: []*Field{
		{ID: ReasonID, Label: "Why did the relationship end?", Kind: Choice, Choices: reasons, Key: "reason",
			Help: "The reason the closure record gives."},
		{ID: InitiatedByID, Label: "Who raised the ending?", Kind: Choice, Choices: initiators, Key: "initiated_by"},
		{ID: FinalMeetingID, Label: "When was the final meeting?", Kind: Line, Key: "final_meeting", Check: checkDateOrNone,
			Help: last + " YYYY-MM-DD, or none if there was no final meeting."},
	}}
}

// signOffField is who signs now: the sides that have not signed yet, at
// the keyboard; and lines that say who signed already.
func (d *Debrief) signOffField() (*Field, []string) {
	data := d.data
	names := map[string]string{"mentor": data.Mentor, "mentee": data.Mentee, "program": "the programme"}
	can := []string{"mentor", "mentee"}
	if data.Unreachable != "" {
		can = []string{data.Present.Role, "program"}
	}
	d.signers = can
	var lines, open []string
	for _, s := range can {
		if on := d.signed.Signed(s); !on.IsZero() {
			lines = append(lines, fmt.Sprintf("%s signed the record off on %s.", capital(names[s]), on))
			continue
		}
		open = append(open, s)
	}
	if len(open) == 0 {
		return nil, append(lines, "Every side that signs has signed.")
	}
	var choices []questions.Choice
	if len(open) > 1 {
		choices = append(choices, questions.Choice{Value: strings.Join(open, "+"),
			Text: fmt.Sprintf("Both: %s and %s", names[open[0]], names[open[1]])})
	}
	for _, s := range open {
		text := "The programme"
		if s != "program" {
			text = fmt.Sprintf("%s (the %s)", names[s], s)
		}
		choices = append(choices, questions.Choice{Value: s, Text: text})
	}
	choices = append(choices, questions.Choice{Value: "none", Text: "Nobody yet: each signs later with mentor close sign"})
	return &Field{ID: SignOffID, Label: "Who is at the keyboard and signs the record off now?", Kind: Choice, Choices: choices, SignOff: true,
		Help: fmt.Sprintf("Each signs with the date %s, as mentor close sign does. A draft is not signed.", d.today)}, lines
}

// defaults fills the answers from the existing record, else from the plan.
func (d *Debrief) defaults(in Input) {
	data, rec := d.data, in.Record
	set := func(id, v string) {
		if d.Field(id) != nil {
			d.Answers[id] = v
		}
	}
	// From the plan, as `record` would write it.
	set(ReasonID, data.Reason)
	set(InitiatedByID, TODO)
	set(transitionID, data.Transition)
	final := data.Date.String()
	if data.Unreachable != "" {
		final = "none"
	}
	set(FinalMeetingID, final)
	set("touch.kind", TODO)
	for _, g := range data.Goals {
		set(fmt.Sprintf("goals.outcome#%d", g.N), g.Outcome)
	}
	if rec == nil {
		return
	}
	// From the record: what it decided already.
	orTODO := func(id, v string) {
		if v != "" {
			set(id, v)
		}
	}
	orTODO(ReasonID, rec.Reason)
	orTODO(InitiatedByID, rec.InitiatedBy)
	orTODO(transitionID, rec.Transition)
	orTODO(FinalMeetingID, rec.FinalMeeting)
	orTODO("touch.channel", rec.Contact.Channel)
	orTODO("touch.kind", rec.Contact.Kind)
	orTODO("touch.cadence", rec.Contact.Cadence)
	if !rec.Contact.Until.IsZero() {
		set("touch.until", rec.Contact.Until.String())
	}
	for _, g := range data.Goals {
		if o := recordOutcome(rec, g.Title); o != "" {
			set(fmt.Sprintf("goals.outcome#%d", g.N), o)
		}
	}
	if len(rec.NextGoals) > 0 {
		var items []string
		for _, g := range rec.NextGoals {
			items = append(items, g.Title)
		}
		for _, f := range d.Fields() {
			if f.NextGoals {
				d.Answers[f.ID] = strings.Join(items, "\n")
				d.original[f.ID] = d.Answers[f.ID]
			}
		}
	}
	// The answers the body holds, and the text of the sections no question
	// feeds.
	for _, sec := range readSections(in.Source, rec, d.leadsBySection()) {
		for id, v := range sec.answers {
			d.Answers[id] = v
		}
		if f := d.Field("section:" + sec.heading); f != nil {
			d.Answers[f.ID], d.original[f.ID] = sec.kept, sec.kept
		}
	}
}

// recordOutcome is the outcome a record gives a goal, matched by title.
func recordOutcome(rec *closure.Record, title string) string {
	for _, g := range rec.Goals {
		if strings.TrimSpace(g.Title) == strings.TrimSpace(title) {
			return g.Outcome
		}
	}
	for _, g := range rec.Goals {
		if strings.EqualFold(strings.TrimSpace(g.Title), strings.TrimSpace(title)) {
			return g.Outcome
		}
	}
	return ""
}

// leadsBySection maps each record section (normalised heading) to the
// fields written there after a lead.
func (d *Debrief) leadsBySection() map[string][]*Field {
	out := map[string][]*Field{}
	for _, f := range d.Fields() {
		if f.Section != "" && f.Lead != "" {
			k := normHeading(f.Section)
			out[k] = append(out[k], f)
		}
	}
	return out
}

// RecordData is the template data a new record is rendered from, with the
// decisions answered so far.
func (d *Debrief) RecordData() render.Data {
	data := d.data
	a := d.Answers
	if v := a[ReasonID]; v != "" && v != data.Reason {
		data.Reason, data.ReasonProposed, data.ReasonSignal = v, false, ""
	}
	if v := a[transitionID]; v != "" {
		data.Transition = v
	}
	if v := a[InitiatedByID]; v != "" {
		data.InitiatedBy = v
	}
	if v := a[FinalMeetingID]; v != "" {
		data.FinalMeeting = v
	}
	goals := data.Goals
	data.Goals, data.GoalsMet, data.GoalsOpen, data.GoalsDropped = nil, nil, nil, nil
	for _, g := range goals {
		if v := a[fmt.Sprintf("goals.outcome#%d", g.N)]; v != "" {
			g.Outcome = v
		}
		data.AddGoal(g)
	}
	return data
}

func sameHeading(a, b string) bool { return normHeading(a) == normHeading(b) }

func normHeading(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
