// Package debrief is the guided final meeting of a pair: the agenda's
// questions, then the closure record's decisions, as a plain model of steps
// and fields with their answers. The accessible line prompts (Ask), the
// full-screen form (RunForm) and the tests all drive the same model, and
// Fill writes its answers into closure.md.
//
// The questions come from the one question table the agenda is written
// from (package questions, through render.Data.Agenda), so the debrief asks
// what the agenda lists, in the same order, with the same words.
package debrief

import (
	"fmt"
	"strings"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/questions"
	"github.com/mentor-cli/mentor/internal/render"
)

// Kind is what a field asks for.
type Kind string

const (
	Text   Kind = "text"   // a free answer
	Choice Kind = "choice" // one of Choices
	Line   Kind = "line"   // one value on one line, checked by Check (a date)
	List   Kind = "list"   // items, one per line (the mentee's next goals)
)

// TODO is the value of a decision left for later.
const TODO = render.TODO

// Field is one question of the debrief and where its answer goes.
type Field struct {
	ID      string // stable: the question table's id, "goals.progress#2" per goal, "record.reason"…
	Label   string // the question, names filled in
	Who     string // who answers: "Grace first, then Ada", "Grace"; "" for a decision of the record
	Help    string // what mentor knows that bears on the answer, or how to answer
	Kind    Kind
	Choices []questions.Choice
	Check   func(string) error // for a Line; nil accepts anything
	// Show, when set, says whether the field is asked given the answers so
	// far (contact details only when the pair stays in touch).
	Show func(Answers) bool

	// Where the answer goes in closure.md (one of these):
	Section   string // a body section; the answer is written after Lead
	Lead      string // the words before the answer in the record: the question
	Key       string // a front-matter key: reason, initiated_by, final_meeting, transition, contact.channel…, outcome (with Goal)
	Goal      int    // for a goal's outcome: its number in the plan, from 1
	NextGoals bool   // the items of the Next goals list
	Kept      string // the heading of a section whose text, as the record has it, this field holds
	SignOff   bool   // who signs the record off now
}

// Shown reports whether the field is asked given the answers.
func (f *Field) Shown(a Answers) bool { return f.Show == nil || f.Show(a) }

// ChoiceText is the words of a choice's value, or the value itself.
func (f *Field) ChoiceText(v string) string {
	for _, c := range f.Choices {
		if c.Value == v {
			return c.Text
		}
	}
	return v
}

// Step is one page of the debrief.
type Step struct {
	ID     string   // the agenda section's id, or goal-N, record, rest, kept, sign-off
	Title  string   // as shown with the progress: "Celebrate"
	Lines  []string // read out or shown, not asked: ground rules, what mentor knows
	Fields []*Field
}

// Answers maps a field's ID to its answer: a choice's value, a list's
// items one per line, "" for no answer.
type Answers map[string]string

// Debrief is the model: the steps in order and the answers, which start as
// the defaults (the existing record's, else the plan's).
type Debrief struct {
	Pair    string // the pair id
	Steps   []Step
	Answers Answers

	data     render.Data
	original Answers // the answers the record already held (kept text, list items)
	signed   closure.SignOff
	signers  []string // who can sign: mentor, mentee, program
	today    dates.Date
}

// Fields returns every field, in order.
func (d *Debrief) Fields() []*Field {
	var out []*Field
	for _, s := range d.Steps {
		out = append(out, s.Fields...)
	}
	return out
}

// Field returns the field with the id, or nil.
func (d *Debrief) Field(id string) *Field {
	for _, f := range d.Fields() {
		if f.ID == id {
			return f
		}
	}
	return nil
}

// Shown returns the fields asked given the current answers, in order.
func (d *Debrief) Shown() []*Field {
	var out []*Field
	for _, f := range d.Fields() {
		if f.Shown(d.Answers) {
			out = append(out, f)
		}
	}
	return out
}

// Unanswered returns the shown fields whose answer leaves a TODO in the
// record: an empty text, a decision left for later.
func (d *Debrief) Unanswered() []*Field {
	var out []*Field
	for _, f := range d.Shown() {
		v := strings.TrimSpace(d.Answers[f.ID])
		if f.SignOff || f.Kept != "" {
			continue
		}
		if v == "" || v == TODO {
			out = append(out, f)
		}
	}
	return out
}

// Set records an answer, normalised as the record will hold it: trimmed,
// a list one item per line without blank ones.
func (d *Debrief) Set(f *Field, v string) {
	d.Answers[f.ID] = Normalize(f, v)
}

// Normalize trims an answer as the record holds it.
func Normalize(f *Field, v string) string {
	v = strings.ReplaceAll(v, "\r\n", "\n")
	switch f.Kind {
	case List:
		var items []string
		for _, it := range strings.Split(v, "\n") {
			if it = strings.TrimSpace(it); it != "" {
				items = append(items, it)
			}
		}
		return strings.Join(items, "\n")
	case Text:
		return strings.TrimSpace(v)
	}
	return strings.TrimSpace(strings.ReplaceAll(v, "\n", " "))
}

// Display is an answer as the review shows it.
func (d *Debrief) Display(f *Field) string {
	v := d.Answers[f.ID]
	switch {
	case f.Kind == Choice && v != "":
		return f.ChoiceText(v)
	case v == "" && f.Kept != "":
		return "(the section is emptied)"
	case v == "":
		return "(no answer: TODO)"
	case f.Kind == List:
		return strings.ReplaceAll(v, "\n", "; ")
	}
	return v
}

// Signers returns who the sign-off answer has sign the record now, in the
// order they sign: none for a draft or "none".
func (d *Debrief) Signers() []string {
	var f *Field
	for _, x := range d.Fields() {
		if x.SignOff {
			f = x
		}
	}
	if f == nil {
		return nil
	}
	v := d.Answers[f.ID]
	if v == "none" || v == "" {
		return nil
	}
	return strings.Split(v, "+")
}

// Signed is who signed the record already, and when.
func (d *Debrief) Signed() closure.SignOff { return d.signed }

// who says who answers a question of the table.
func who(q questions.Question) string {
	switch len(q.By) {
	case 0:
		return ""
	case 1:
		return q.By[0].Name
	}
	names := make([]string, len(q.By))
	for i, s := range q.By {
		names[i] = s.Name
	}
	return strings.Join(names[:len(names)-1], ", ") + " first, then " + names[len(names)-1]
}

// lead is what the record writes before an answer: the question, with the
// name of the one who answers when only one of two does, as the record's
// agenda comment lists it.
func lead(q questions.Question) string {
	if q.To != "" {
		return q.To + ": " + q.Text
	}
	return q.Text
}

func checkDateOrNone(s string) error {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "none") || s == "" {
		return nil
	}
	if _, err := dates.Parse(s); err != nil {
		return fmt.Errorf("%v: write a date as YYYY-MM-DD, or none", err)
	}
	return nil
}

func checkDate(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if _, err := dates.Parse(s); err != nil {
		return fmt.Errorf("%v: write a date as YYYY-MM-DD, or leave it empty", err)
	}
	return nil
}
