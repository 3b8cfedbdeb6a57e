// Package questions is the one table of what a pair talks about at its final
// meeting: the sections of the debrief in order, each with the lines read
// out and the questions asked, who answers first, and where in the closure
// record an answer belongs. The agenda template and the guided debrief both
// ask from this table, so that the two never drift.
//
// Texts name people with placeholders — {mentor}, {mentee}, and for an
// ending where one side could not be reached {absent} and {present} — that
// For fills in.
package questions

import (
	"strings"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/enum"
)

// Kind says what is expected of the people at the meeting.
type Kind string

const (
	Say      Kind = "say"    // a line read out; nobody answers (ground rules)
	FreeText Kind = "text"   // a free answer
	OneOf    Kind = "choice" // one of Choices
)

// Turn says who answers a question, and in which order.
type Turn string

const (
	Nobody      Turn = ""             // a line read out
	MenteeFirst Turn = "mentee-first" // both answer, the mentee first
	Mentee      Turn = "mentee"       // only the mentee answers
	Mentor      Turn = "mentor"       // only the mentor answers
)

// Ending is the kind of ending a section or question is for; a question's
// Endings is a set of them.
type Ending uint8

const (
	// Planned: both sides meet, and the ending was planned (goals met, the
	// term ended).
	Planned Ending = 1 << iota
	// Unplanned: both sides meet, but the ending was not planned (the
	// pair stalled, one side kept missing meetings, --unplanned).
	Unplanned
	// Unreachable: one side could not be reached; the other side meets
	// the programme.
	Unreachable

	// Together is every ending where both sides meet.
	Together = Planned | Unplanned
	// NotPlanned is every ending that was not planned.
	NotPlanned = Unplanned | Unreachable
	// Every is every ending.
	Every = Planned | Unplanned | Unreachable
)

// String names the ending (planned, unplanned or unreachable), or the
// endings of a set: "planned, unplanned".
func (e Ending) String() string {
	var names []string
	for _, one := range []struct {
		e    Ending
		name string
	}{{Planned, "planned"}, {Unplanned, "unplanned"}, {Unreachable, "unreachable"}} {
		if e&one.e != 0 {
			names = append(names, one.name)
		}
	}
	return strings.Join(names, ", ")
}

// Goals says which goals a per-goal question is asked about.
type Goals string

const (
	Once    Goals = ""        // not per goal: asked once
	AllGoal Goals = "all"     // about every goal
	Open    Goals = "open"    // about each goal still open
	Dropped Goals = "dropped" // about each dropped goal
)

// Side is one person at the meeting.
type Side struct {
	Role string // mentor or mentee
	Name string
}

// Choice is one answer of a choice question.
type Choice struct {
	Value string // what the record holds: a value of the record key
	Text  string // what is read out, names filled in
}

// Question is one line of the table: a question, or a line read out.
type Question struct {
	ID      string // stable, "section.name": relationship.good
	Text    string // as read aloud; in the table with placeholders, from For with names
	Kind    Kind
	Turn    Turn
	Endings Ending // the endings it is asked at
	Goals   Goals  // per goal, or once

	// Where the answer goes in closure.md: a level-2 section of the body
	// (Section), or a front-matter key (Key: transition, contact.channel,
	// goals.outcome for a per-goal outcome). NextGoals marks the question
	// whose answers are the items of the "Next goals" list under
	// "Next steps". A line read out goes nowhere.
	Section   string
	Key       string
	NextGoals bool

	Choices []Choice // for a choice question

	// Filled in by For:
	By []Side // who answers, in order; empty for a line read out
	To string // the name put before the question when only one of two people at the meeting answers it; "" otherwise
}

// First is who answers first, or the zero Side for a line read out.
func (q Question) First() Side {
	if len(q.By) == 0 {
		return Side{}
	}
	return q.By[0]
}

// Section is one part of the final meeting.
type Section struct {
	ID      string // stable: celebrate
	Heading string // the agenda's level-2 heading
	Endings Ending
	// Prepare marks what the pair reads and does before the meeting, not in
	// it; a guided debrief starts after it.
	Prepare   bool
	Questions []Question
}

// Find returns the question with the id, or nil.
func (s Section) Find(id string) *Question {
	for i := range s.Questions {
		if s.Questions[i].ID == id {
			return &s.Questions[i]
		}
	}
	return nil
}

// Once returns the questions asked once, not per goal.
func (s Section) Once() []Question { return s.goals(func(g Goals) bool { return g == Once }) }

// ForGoal returns the per-goal questions asked about a goal in state (met,
// open or dropped), in table order.
func (s Section) ForGoal(state string) []Question {
	return s.goals(func(g Goals) bool { return g == AllGoal || string(g) == state })
}

func (s Section) goals(keep func(Goals) bool) []Question {
	var out []Question
	for _, q := range s.Questions {
		if keep(q.Goals) {
			out = append(out, q)
		}
	}
	return out
}

// Table is the final meeting, section by section, in the order it is held.
var Table = []Section{
	{ID: "before", Heading: "Before the meeting", Endings: Every, Prepare: true, Questions: []Question{
		say("before.plan", Every, "Read the plan together first: what {mentee} wanted, how we would know it worked, and how we agreed to work."),
		say("before.notes", Together, "Each of us writes a short reflection note beforehand."),
		say("before.notes-present", Unreachable, "{present} writes a short reflection note beforehand."),
		say("before.opener", Together, "Whoever raises the ending opens with what went well."),
		say("before.opener-programme", Unreachable, "The programme opens with what went well."),
	}},
	{ID: "rules", Heading: "Ground rules", Endings: Every, Questions: []Question{
		say("rules.honest", Every, "Honest, open and respectful: we say what is true, and say it kindly."),
		say("rules.no-blame", Every, "No blame: we look at what happened, not at whose fault it was."),
		say("rules.both-speak", Together, "Both of us speak, and each finishes before the other answers."),
		say("rules.mentee-first", Together, "On each question {mentee} answers first, then {mentor}."),
		say("rules.present-first", Unreachable, "{present} speaks first; the programme listens and asks."),
		say("rules.pause", NotPlanned, "Anyone can ask for a pause, or to finish a topic in writing."),
		say("rules.private", Every, "What we say here stays between us, unless we agree otherwise."),
	}},
	{ID: "led-here", Heading: "What led here", Endings: NotPlanned, Questions: []Question{
		ask("led-here.differently", Unplanned, MenteeFirst, "What could we have done differently, and when?", "What was challenging"),
		ask("led-here.noticed", Unplanned, MenteeFirst, "When did each of us first notice, and what made it hard to say?", "What was challenging"),
		ask("led-here.helped", Unplanned, MenteeFirst, "What would have helped: another cadence, other goals, the programme?", "Lessons learned"),
		ask("led-here.last-heard", Unreachable, MenteeFirst, "When did you last hear from {absent}?", "Summary"),
		ask("led-here.tried", Unreachable, MenteeFirst, "How did you and the programme try to reach {absent}?", "Summary"),
		ask("led-here.message", Unreachable, MenteeFirst, "What should the programme tell {absent} about the ending?", "Future connection"),
	}},
	{ID: "celebrate", Heading: "Celebrate", Endings: Every, Questions: []Question{
		ask("celebrate.proud", Every, MenteeFirst, "What are we proudest of?", "What went well"),
		ask("celebrate.mark", Together, MenteeFirst, "How do we want to mark the end: a last coffee, a note to our managers, something else?", "Thanks"),
	}},
	{ID: "goals", Heading: "Reflect on the goals", Endings: Every, Questions: []Question{
		perGoal(ask("goals.dropped", Every, MenteeFirst, "Was dropping it the right call?", "Goals and outcomes"), Dropped),
		perGoal(ask("goals.progress", Every, MenteeFirst, "How much progress did we make?", "Goals and outcomes"), AllGoal),
		perGoal(ask("goals.challenges", Every, MenteeFirst, "What challenges came up?", "Goals and outcomes"), AllGoal),
		perGoal(ask("goals.methods", Every, MenteeFirst, "What methods worked?", "Goals and outcomes"), AllGoal),
		perGoal(choose("goals.outcome", Every, MenteeFirst, "Where did it end: met, partly met or not met?", "goals.outcome", outcomeChoices()), Open),
	}},
	{ID: "relationship", Heading: "Reflect on the relationship", Endings: Every, Questions: []Question{
		ask("relationship.good", Every, MenteeFirst, "What was good about working together?", "What went well"),
		ask("relationship.helped", Every, MenteeFirst, "What helped most: which meeting, habit or piece of advice?", "What went well"),
		ask("relationship.obstacles", Every, MenteeFirst, "What obstacles got in the way?", "What was challenging"),
		ask("relationship.tactics", Every, MenteeFirst, "What tactics got us past obstacles?", "What was challenging"),
		ask("relationship.even-better", Every, MenteeFirst, "What would have been even better if…?", "Lessons learned"),
		ask("relationship.learned", Every, MenteeFirst, "What have you learned most from our time together?", "Lessons learned"),
		ask("relationship.differently", Every, MenteeFirst, "What would we do differently?", "Lessons learned"),
	}},
	{ID: "feelings", Heading: "How we feel about ending", Endings: Every, Questions: []Question{
		ask("feelings.ending", Every, MenteeFirst, "How do you feel about ending?", "Summary"),
		ask("feelings.know", Together, MenteeFirst, "Do we each know what the other thinks of our time together? Ask; don't assume.", "Summary"),
		ask("feelings.clear", Together, MenteeFirst, "Is it clear to both of us that this is our last meeting?", "Summary"),
		ask("feelings.told", Together, MenteeFirst, "When did each of us learn it would end? Was that early enough?", "Summary"),
	}},
	{ID: "feedback-mentor", Heading: "Feedback for the mentor", Endings: Every, Questions: []Question{
		ask("feedback-mentor.style", Every, Mentee, "What in {mentor}'s style should stay, and what should change?", "Lessons learned"),
		ask("feedback-mentor.self", Every, Mentor, "What do I still need to work on as a mentor?", "Lessons learned"),
	}},
	{ID: "feedback-mentee", Heading: "Feedback for the mentee", Endings: Every, Questions: []Question{
		ask("feedback-mentee.approach", Every, Mentor, "How did {mentee} approach the goals: what should stay, and what should change?", "Lessons learned"),
		ask("feedback-mentee.self", Every, Mentee, "What would I do differently with my next goals?", "Lessons learned"),
	}},
	{ID: "mentor-side", Heading: "The mentor's side", Endings: Every, Questions: []Question{
		ask("mentor-side.gained", Every, Mentor, "What did you gain from mentoring {mentee}?", "Lessons learned"),
		ask("mentor-side.grew", Every, Mentor, "How did you grow as a mentor?", "Lessons learned"),
		ask("mentor-side.career", Every, Mentor, "What new learning helps your own career?", "Lessons learned"),
	}},
	{ID: "after", Heading: "After the mentoring", Endings: Every, Questions: []Question{
		nextGoals(ask("after.next-goals", Every, Mentee, "What are your next goals?", "Next steps")),
		ask("after.focus", Every, MenteeFirst, "Which areas need the most focus in the next six months?", "Next steps"),
		ask("after.resources", Every, MenteeFirst, "Which resources help: people to ask, books, courses, communities?", "Next steps"),
		ask("after.moving", Every, Mentee, "How will you know the work is moving, with no one asking?", "Next steps"),
		ask("after.mentor-next", Every, Mentor, "Where do you go from here as a mentor: another mentee, a break, something else?", "Next steps"),
	}},
	{ID: "touch", Heading: "Staying in touch", Endings: Every, Questions: []Question{
		choose("touch.transition", Every, MenteeFirst, "How do we go on?", "transition", transitionChoices()),
		ask("touch.capacity", Together, MenteeFirst, "Do we each have the time, and the wish, to stay in touch?", "Future connection"),
		ask("touch.limits", Together, MenteeFirst, "What are our limits? \"I wish you well\" is kinder than a \"call me any time\" we would not keep.", "Future connection"),
		key(ask("touch.channel", Together, MenteeFirst, "If we stay in touch: which channel?", ""), "contact.channel"),
		choose("touch.kind", Together, MenteeFirst, "What kind of contact: updates, questions when they come up, or catch-ups?", "contact.kind", kindChoices()),
		key(ask("touch.cadence", Together, MenteeFirst, "How often?", ""), "contact.cadence"),
		key(ask("touch.until", Together, MenteeFirst, "Until when?", ""), "contact.until"),
	}},
	{ID: "thanks", Heading: "Thanks", Endings: Every, Questions: []Question{
		ask("thanks.specific", Together, MenteeFirst, "What one thing does each of us thank the other for?", "Thanks"),
		ask("thanks.absent", Unreachable, MenteeFirst, "What would you like to thank {absent} for? The programme can pass it on.", "Thanks"),
	}},
}

func say(id string, e Ending, text string) Question {
	return Question{ID: id, Text: text, Kind: Say, Endings: e}
}

func ask(id string, e Ending, t Turn, text, section string) Question {
	return Question{ID: id, Text: text, Kind: FreeText, Turn: t, Endings: e, Section: section}
}

func choose(id string, e Ending, t Turn, text, key string, choices []Choice) Question {
	return Question{ID: id, Text: text, Kind: OneOf, Turn: t, Endings: e, Key: key, Choices: choices}
}

func perGoal(q Question, g Goals) Question { q.Goals = g; return q }
func key(q Question, k string) Question    { q.Key = k; return q }
func nextGoals(q Question) Question        { q.NextGoals = true; return q }

// The words read out for each value a choice can take; values without
// words here are read as their help text.
var choiceWords = map[string]string{
	"transition:end":      "End formally",
	"transition:informal": "Stay in touch informally",
	"transition:rematch":  "Rematch {mentee} with a new mentor",
	"transition:mentor":   "{mentee} becomes a mentor",
	"outcome:met":         "Met",
	"outcome:partial":     "Partly met",
	"outcome:not-met":     "Not met",
	"outcome:dropped":     "Dropped",
	"kind:updates":        "Updates: news now and then, in writing",
	"kind:ad-hoc":         "Questions when one of us has one",
	"kind:catch-up":       "Catch-ups at the cadence we agree",
}

func choicesOf(prefix string, set enum.Set) []Choice {
	out := make([]Choice, len(set))
	for i, v := range set {
		text, ok := choiceWords[prefix+":"+v.Name]
		if !ok {
			text = strings.ToUpper(v.Help[:1]) + v.Help[1:]
		}
		out[i] = Choice{Value: v.Name, Text: text}
	}
	return out
}

func transitionChoices() []Choice { return choicesOf("transition", closure.Transitions) }
func outcomeChoices() []Choice    { return choicesOf("outcome", closure.Outcomes) }
func kindChoices() []Choice       { return choicesOf("kind", closure.ContactKinds) }

// Pair is who meets: the two names, and the side that could not be reached
// ("" when both meet).
type Pair struct {
	Mentor, Mentee string
	Unreachable    string // mentor, mentee or ""
}

// For returns the sections and questions of an ending for a pair, in
// table order: only what applies to the ending, texts with names filled in,
// and By and To set. When one side could not be reached, a question both
// would answer goes to the other side alone, and a question only the
// absent side could answer is left out.
func For(p Pair, e Ending) []Section {
	mentor, mentee := Side{"mentor", p.Mentor}, Side{"mentee", p.Mentee}
	present, absent := Side{}, Side{}
	switch p.Unreachable {
	case "mentor":
		present, absent = mentee, mentor
	case "mentee":
		present, absent = mentor, mentee
	}
	fill := strings.NewReplacer("{mentor}", p.Mentor, "{mentee}", p.Mentee,
		"{absent}", absent.Name, "{present}", present.Name).Replace
	var out []Section
	for _, s := range Table {
		if s.Endings&e == 0 {
			continue
		}
		all := s.Questions
		s.Questions = nil
		for _, q := range all {
			if q.Endings&e == 0 {
				continue
			}
			switch q.Turn {
			case MenteeFirst:
				q.By = []Side{mentee, mentor}
			case Mentee:
				q.By, q.To = []Side{mentee}, p.Mentee
			case Mentor:
				q.By, q.To = []Side{mentor}, p.Mentor
			}
			if absent.Role != "" && len(q.By) > 0 {
				q.By, q.To = without(q.By, absent.Role), ""
				if len(q.By) == 0 {
					continue
				}
			}
			q.Text = fill(q.Text)
			q.Choices = append([]Choice(nil), q.Choices...)
			for i := range q.Choices {
				q.Choices[i].Text = fill(q.Choices[i].Text)
			}
			s.Questions = append(s.Questions, q)
		}
		if len(s.Questions) == 0 && len(all) > 0 {
			continue // every question was for the side that is not there
		}
		out = append(out, s)
	}
	return out
}

func without(sides []Side, role string) []Side {
	var out []Side
	for _, s := range sides {
		if s.Role != role {
			out = append(out, s)
		}
	}
	return out
}

// ForRecord returns the questions whose answers belong in the record
// section named heading (compared ignoring case and runs of spaces), in
// table order, once each (a per-goal question once, not per goal).
func ForRecord(sections []Section, heading string) []Question {
	want := norm(heading)
	var out []Question
	for _, s := range sections {
		for _, q := range s.Questions {
			if q.Section != "" && norm(q.Section) == want {
				out = append(out, q)
			}
		}
	}
	return out
}

func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
