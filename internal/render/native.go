package render

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/questions"
)

// The built-in agenda.md and closure.md, written out in Go. A plan of
// thousands of goals spends most of `agenda` and `record` in
// text/template's reflection; these write the same bytes as the templates
// in templates/ do for the same data, with the same limits and the same
// errors, and are used only when the repo keeps no template of its own
// under that name (a repo's template runs through text/template).
// TestNativeMatchesTemplate runs both on every pair of the test programmes
// and on generated data that takes every branch, and FuzzNativeMatchesTemplate
// on the fuzzer's names and titles.
var natives = map[string]func(*nativeWriter, *Data){
	"agenda.md":  nativeAgenda,
	"closure.md": nativeClosure,
}

// nativeOn turns the native renderers off when false (a test compares).
var nativeOn = true

// executeNative renders a built-in template natively, if it has a native
// form and data is template data: ok is false otherwise.
func executeNative(name, file string, data any) (out []byte, ok bool, err error) {
	f := natives[name]
	if f == nil || !nativeOn {
		return nil, false, nil
	}
	var d *Data
	switch v := data.(type) {
	case Data:
		d = &v
	case *Data:
		if v == nil {
			return nil, false, nil
		}
		d = v
	default:
		return nil, false, nil
	}
	w := &nativeWriter{max: limits.Output, buf: make([]byte, 0, 16<<10)}
	f(w, d)
	switch {
	case errors.Is(w.err, errOutput):
		return nil, true, &TemplateError{file, &LimitError{fmt.Sprintf("its output passed the %s limit", size(w.max))}}
	case w.err != nil:
		return nil, true, &TemplateError{file, w.err}
	}
	return w.buf, true, nil
}

// nativeWriter is a native template's output: like limitedWriter it fails
// the write that would pass the limit, and like a template's functions it
// refuses to build a string past it; after the first error it writes
// nothing more.
type nativeWriter struct {
	buf []byte
	max int
	err error
}

func (w *nativeWriter) s(s string) {
	if w.err != nil {
		return
	}
	n := len(w.buf) + len(s)
	if n > w.max {
		w.err = errOutput
		return
	}
	if n > cap(w.buf) {
		// Double, not append's quarter for a large slice: a 1 MiB
		// agenda is copied a few times, not dozens.
		grown := make([]byte, len(w.buf), min(max(2*cap(w.buf), n), w.max))
		copy(grown, w.buf)
		w.buf = grown
	}
	w.buf = append(w.buf, s...)
}

func (w *nativeWriter) int(n int) { w.s(strconv.Itoa(n)) }

// md writes MarkdownText(s) (mdText).
func (w *nativeWriter) md(s string) {
	if w.err == nil {
		w.s(MarkdownText(s))
	}
}

// yaml writes YAMLScalar(s), refusing as the template's yaml does.
func (w *nativeWriter) yaml(s string) {
	if w.err != nil {
		return
	}
	if len(s) > w.max {
		w.err = tooLong(w.max, len(s))
		return
	}
	w.checked(YAMLScalar(s))
}

// printf is the template's printf: "" once an error is set.
func (w *nativeWriter) printf(format string, args ...any) string {
	if w.err != nil {
		return ""
	}
	if n := printfBound(format, args, w.max); n > w.max {
		w.err = tooLong(w.max, n)
		return ""
	}
	return fmt.Sprintf(format, args...)
}

// checked writes a string a function built, refused past the limit.
func (w *nativeWriter) checked(s string) {
	if w.err != nil {
		return
	}
	if len(s) > w.max {
		w.err = tooLong(w.max, len(s))
		return
	}
	w.s(s)
}

func tooLong(max, n int) error {
	return (&run{lim: Limits{Output: max}}).tooLong(n)
}

// join is the template's join, refused past the limit.
func (w *nativeWriter) join(elems []string, sep string) {
	if w.err != nil {
		return
	}
	n := len(sep) * max(len(elems)-1, 0)
	for _, e := range elems {
		n += len(e)
	}
	if n > w.max {
		w.err = tooLong(w.max, n)
		return
	}
	w.s(strings.Join(elems, sep))
}

// questions is agenda.md's "questions" template.
func (w *nativeWriter) questions(s *questions.Section) {
	for _, q := range s.Questions {
		w.s("\n- ")
		if q.To != "" {
			w.md(q.To)
			w.s(": ")
		}
		w.md(q.Text)
		for _, c := range q.Choices {
			w.s("\n  - [ ] ")
			w.md(c.Text)
		}
	}
}

// section is the agenda's .Section: the known ids are the template's.
func (d *Data) section(id string) *questions.Section {
	for i := range d.Agenda {
		if d.Agenda[i].ID == id {
			return &d.Agenda[i]
		}
	}
	return nil
}

func lastNote(ns []plan.Note) plan.Note { return ns[len(ns)-1] }

// sectionHead writes "\n\n## Heading".
func (w *nativeWriter) sectionHead(s *questions.Section) {
	w.s("\n\n## ")
	w.s(s.Heading)
}

// nativeAgenda is templates/agenda.md.
func nativeAgenda(w *nativeWriter, d *Data) {
	w.s("---\npair: ")
	w.yaml(d.ID)
	w.s("\nmentor: ")
	w.yaml(d.Mentor)
	w.s("\nmentee: ")
	w.yaml(d.Mentee)
	w.s("\nmeeting: ")
	w.s(d.Date.String())
	w.s("\nkind: debrief-agenda\n---\n\n# Debrief agenda: ")
	w.md(d.Mentor)
	w.s(" and ")
	w.md(d.Mentee)
	w.s("\n\n")
	if d.Absent.Role != "" {
		w.s("The closing meeting of ")
		w.md(d.Present.Name)
		w.s(" with the programme, on ")
		w.s(d.Date.String())
		w.s(": ")
		w.md(d.Absent.Name)
		w.s(" could not be reached.")
	} else {
		w.s("The final meeting of ")
		w.md(d.Mentor)
		w.s(" and ")
		w.md(d.Mentee)
		w.s(", on ")
		w.s(d.Date.String())
		w.s(".")
		if d.Unplanned {
			w.s(" This ending was not planned, so we also look at how we got here.")
		}
	}
	if s := d.section("before"); s != nil {
		agendaBefore(w, d, s)
	}
	if s := d.section("rules"); s != nil {
		w.sectionHead(s)
		w.s("\n")
		w.questions(s)
	}
	if s := d.section("led-here"); s != nil {
		w.sectionHead(s)
		w.s("\n\n")
		if len(d.Signals) > 0 {
			w.s("`mentor close check` on ")
			w.s(d.Today.String())
			w.s(" found:\n")
			for _, sg := range d.Signals {
				w.s("\n- **")
				w.s(sg.ID)
				w.s("**: ")
				w.md(sg.Message)
			}
		} else {
			w.s("`mentor close check` on ")
			w.s(d.Today.String())
			w.s(" found no ending signal: say in your own words what led here.")
		}
		w.s("\n")
		w.questions(s)
	}
	if s := d.section("celebrate"); s != nil {
		w.sectionHead(s)
		w.s("\n")
		if len(d.GoalsMet) > 0 {
			w.s("\nGoals met:\n")
			for _, g := range d.GoalsMet {
				w.s("\n- **")
				w.md(g.Title)
				w.s("**")
				for _, n := range g.Dated {
					w.s("\n  - ")
					w.s(n.Date.String())
					w.s(": ")
					w.s(n.Text)
				}
			}
			w.s("\n")
		} else {
			w.s("\nNo goal is marked met. Name what did move forward, however small.\n")
		}
		w.s("\nTogether since ")
		w.s(d.Start.String())
		if d.Span != "" {
			w.s(", ")
			w.s(d.Span)
		}
		w.s(":")
		if d.Held != 0 {
			w.s(" ")
			w.s(plural(d.Held, "meeting"))
			w.s(" held, the last on ")
			w.s(d.LastHeld.String())
			w.s(".")
		} else {
			w.s(" no meeting was logged as held.")
		}
		w.s("\n")
		w.questions(s)
	}
	if s := d.section("goals"); s != nil {
		w.sectionHead(s)
		w.s("\n")
		if len(d.Goals) > 0 {
			for _, g := range d.Goals {
				w.s("\n- **")
				w.md(g.Title)
				w.s("** (")
				w.s(g.State)
				if g.DropReason != "" {
					w.s(": ")
					w.md(g.DropReason)
				}
				if len(g.Dated) > 0 {
					w.s("; last note ")
					w.s(lastNote(g.Dated).Date.String())
				}
				w.s(")")
				for _, q := range g.Questions {
					w.s("\n  - ")
					w.md(q.Text)
				}
				if w.err != nil {
					return
				}
			}
		} else {
			w.s("\nThe plan lists no goals. What did we work on, and what came of it?")
		}
	}
	if s := d.section("relationship"); s != nil {
		w.sectionHead(s)
		if d.Missed != 0 {
			w.s("\n\nOf ")
			w.int(d.Held + d.Missed)
			w.s(" meetings planned, ")
			w.int(d.Missed)
			w.s(" did not happen.")
		}
		w.s("\n")
		w.questions(s)
	}
	for _, id := range []string{"feelings", "feedback-mentor", "feedback-mentee", "mentor-side"} {
		if s := d.section(id); s != nil {
			w.sectionHead(s)
			w.s("\n")
			w.questions(s)
		}
	}
	if s := d.section("after"); s != nil {
		w.sectionHead(s)
		w.s("\n\n")
		w.md(d.Mentee)
		w.s("'s roadmap without ")
		w.md(d.Mentor)
		w.s(".")
		if len(d.GoalsOpen) > 0 {
			w.s(" Goals still open: ")
			for i, g := range d.GoalsOpen {
				if i > 0 {
					w.s("; ")
				}
				w.md(g.Title)
			}
			w.s(".")
		}
		w.s("\n")
		w.questions(s)
		w.s("\n\nThe next goals go in the closure record, under Next goals, where `mentor close rematch` finds them.")
	}
	for _, id := range []string{"touch", "thanks"} {
		if s := d.section(id); s != nil {
			w.sectionHead(s)
			w.s("\n")
			w.questions(s)
		}
	}
	w.s("\n\nAfterwards, start the closure record with ")
	unreachable := ""
	if d.Unreachable != "" {
		unreachable = w.printf(" --unreachable %s", d.Unreachable)
	}
	if cmd := w.printf("mentor close record %s%s", ShellWord(d.ID), unreachable); w.err == nil {
		w.s(MarkdownCode(cmd))
	}
	w.s(" and fill in its TODOs ")
	if d.Absent.Role != "" {
		w.s("with the programme")
	} else {
		w.s("together")
	}
	w.s(".\n")
}

// agendaBefore is the agenda's "before" section.
func agendaBefore(w *nativeWriter, d *Data, s *questions.Section) {
	w.sectionHead(s)
	if q := s.Find("before.plan"); q != nil {
		w.s("\n\n")
		w.md(q.Text)
		w.s(" It is in [plan.md](plan.md).")
		if d.Expectations != "" {
			w.s("\n\nThe plan's focus and expectations:\n\n")
			w.s(Quote(d.Expectations))
		}
		if d.Agreement != "" {
			w.s("\n\nThe plan's agreement:\n\n")
			w.s(Quote(d.Agreement))
		}
	}
	if len(d.History) > 0 {
		w.s("\n\n### Meetings that mattered\n\nThe meetings held, most recent first:\n")
		for _, m := range d.History {
			w.s("\n- **")
			w.s(m.Date.String())
			if m.Title != "" {
				w.s(" ")
				w.md(m.Title)
			}
			w.s("**")
			if m.Unproductive {
				w.s(" (unproductive)")
			}
			if m.Summary != "" {
				w.s(": ")
				w.s(m.Summary)
			}
		}
	}
	if len(d.Timeline) > 0 {
		w.s("\n\n### Our time together\n\n```mermaid\ntimeline\n    title ")
		w.s(MermaidText(d.Mentor))
		w.s(" and ")
		w.s(MermaidText(d.Mentee))
		for _, p := range d.Timeline {
			w.s("\n    ")
			w.s(p.Label)
			for _, e := range p.Events {
				w.s(" : ")
				switch e.Kind {
				case "met":
					w.s("Goal met - ")
				case "dropped":
					w.s("Goal dropped - ")
				}
				if w.err != nil {
					return
				}
				t := upperFirst(e.Text)
				if len(t) > w.max {
					w.err = tooLong(w.max, len(t))
					return
				}
				w.s(MermaidText(t))
			}
		}
		w.s("\n```")
	}
	q := s.Find("before.notes")
	if q == nil {
		q = s.Find("before.notes-present")
	}
	if q != nil {
		w.s("\n\n### Reflection notes\n\n")
		w.md(q.Text)
		if len(d.ReflectionsDue) > 0 {
			w.s(" To write one:\n")
			for _, side := range d.ReflectionsDue {
				w.s("\n- ")
				w.md(side.Name)
				w.s(": ")
				if cmd := w.printf("mentor close note %s --as %s --final", ShellWord(d.ID), side.Role); w.err == nil {
					w.s(MarkdownCode(cmd))
				}
			}
		}
		if len(d.Notes) > 0 {
			w.s("\n\nRead these before the meeting:\n")
			for _, n := range d.Notes {
				w.s("\n- [")
				if n.Date.IsZero() {
					w.md(n.File)
				} else {
					w.s(n.Date.String())
				}
				if n.Role != "" {
					w.s(", ")
					w.s(n.Role)
				}
				if n.Kind == "final-reflection" {
					w.s(", final reflection")
				}
				w.s("](")
				w.s(MarkdownLink(n.Link))
				w.s(")")
			}
		}
	}
	q = s.Find("before.opener")
	if q == nil {
		q = s.Find("before.opener-programme")
	}
	if q != nil && d.Opener != "" {
		w.s("\n\n### Opening the conversation\n\n")
		w.md(q.Text)
		w.s(" For example:\n\n> ")
		w.md(d.Opener)
	}
}

// nativeClosure is templates/closure.md.
func nativeClosure(w *nativeWriter, d *Data) {
	w.s("---\nmentor: ")
	w.yaml(d.Mentor)
	w.s("\nmentee: ")
	w.yaml(d.Mentee)
	w.s("\nstart: ")
	w.s(d.Start.String())
	w.s("\nclosed: ")
	w.s(d.Date.String())
	w.s("\nreason: ")
	w.s(d.Reason)
	w.s("  # ")
	if d.ReasonProposed {
		w.s("proposed from the ")
		w.s(d.ReasonSignal)
		w.s(" signal; ")
	} else if d.Unreachable != "" {
		w.s("the ")
		w.s(d.Unreachable)
		w.s(" could not be reached; ")
	}
	w.s("one of ")
	w.join(d.Reasons, ", ")
	w.s("\ninitiated_by: ")
	w.s(d.InitiatedBy)
	w.s("  # ")
	w.s(OrList(d.Initiators))
	w.s("\nfinal_meeting: ")
	w.s(d.FinalMeeting)
	w.s("  # the date of the final meeting, or none\ntransition: ")
	w.s(d.Transition)
	if d.Transition == TODO {
		w.s("  # end, informal, rematch or mentor (the mentee becomes a mentor)")
	}
	if d.Transition != "end" {
		w.s("\ncontact:\n  channel: TODO  # email, LinkedIn, Slack…\n  kind: TODO  # ")
		w.s(OrList(d.ContactKinds))
		w.s("\n  cadence: TODO  # monthly, quarterly… (and until: YYYY-MM-DD below it for a last day of contact)")
	}
	if d.Unreachable != "" {
		w.s("\nunreachable: ")
		w.s(d.Unreachable)
		w.s("  # the side that could not be reached: the other side and program sign")
	}
	if len(d.Goals) > 0 {
		w.s("\ngoals:")
		for _, g := range d.Goals {
			w.s("\n  - title: ")
			w.yaml(g.Title)
			w.s("\n    outcome: ")
			w.s(g.Outcome)
			if g.Outcome == TODO {
				w.s("  # met, partial or not-met")
			}
			if w.err != nil {
				return
			}
		}
	} else {
		w.s("\ngoals: []")
	}
	w.s("\nsigned_off:  # empty until each side signs with: mentor close sign PAIR --as SIDE\n---\n\n# Closure record: ")
	w.md(d.Mentor)
	w.s(" and ")
	w.md(d.Mentee)
	missed := ""
	if d.Missed != 0 {
		cancelled, sep, noShow := "", "", ""
		if d.Cancelled != 0 {
			cancelled = w.printf("%d cancelled", d.Cancelled)
		}
		if d.Cancelled != 0 && d.NoShow != 0 {
			sep = ", "
		}
		if d.NoShow != 0 {
			noShow = w.printf("%d no-show", d.NoShow)
		}
		missed = w.printf("%d (%s%s%s)", d.Missed, cancelled, sep, noShow)
	}
	w.s("\n")
	for _, sec := range d.Sections {
		w.s("\n## ")
		w.s(sec)
		w.s("\n")
		if asked := d.AskedFor(sec); len(asked) > 0 {
			w.s("\n<!-- From the debrief agenda:")
			for _, q := range asked {
				w.s("\n- ")
				if q.To != "" {
					w.md(q.To)
					w.s(": ")
				}
				w.md(q.Text)
			}
			w.s("\n-->\n")
		}
		w.s("\n")
		closureSection(w, d, sec, missed)
		if w.err != nil {
			return
		}
	}
}

// closureSection is the text of one of the record's sections.
func closureSection(w *nativeWriter, d *Data, sec, missed string) {
	switch sec {
	case "Summary":
		w.md(d.Mentor)
		w.s(" mentored ")
		w.md(d.Mentee)
		w.s(" from ")
		w.s(d.Start.String())
		w.s(" to ")
		w.s(d.Date.String())
		if d.Span != "" {
			w.s(" (")
			w.s(d.Span)
			w.s(")")
		}
		if d.Program != "" {
			w.s(", in ")
			w.md(d.Program)
		}
		w.s(".")
		if d.Held != 0 {
			w.s(" They held ")
			w.s(plural(d.Held, "meeting"))
			if missed != "" {
				w.s(" and missed ")
				w.s(missed)
			}
			w.s("; the last was on ")
			w.s(d.LastHeld.String())
			w.s(".")
		} else {
			w.s(" No meeting was logged as held")
			if missed != "" {
				w.s("; missed: ")
				w.s(missed)
			}
			w.s(".")
		}
		if d.Absent.Role != "" {
			w.s(" ")
			w.md(d.Absent.Name)
			w.s(" could not be reached.")
		}
		if len(d.Signals) > 0 {
			w.s(" At closing, mentor saw: ")
			for i, sg := range d.Signals {
				if i > 0 {
					w.s("; ")
				}
				w.md(sg.Message)
			}
			w.s(".")
		}
		w.s("\n\n")
		if d.Absent.Role != "" {
			w.s("TODO: why and how the relationship ended, when ")
			w.md(d.Absent.Name)
			w.s(" was last heard from, and how ")
			w.md(d.Present.Name)
			w.s(" feels about it.")
		} else {
			w.s("TODO: in two or three sentences, why and how the relationship ended, and how each of you feels about it.")
		}
		w.s("\n")
	case "Goals and outcomes":
		if len(d.Goals) > 0 {
			for _, g := range d.Goals {
				w.s("- **")
				w.md(g.Title)
				w.s("**: ")
				if g.Outcome == TODO {
					w.s("open (met, partial or not met?)")
				} else {
					w.s(g.Outcome)
				}
				if g.DropReason != "" {
					w.s(" (")
					w.md(g.DropReason)
					w.s(")")
				}
				w.s(".")
				if len(g.Dated) > 0 {
					n := lastNote(g.Dated)
					w.s(" Last progress note, ")
					w.s(n.Date.String())
					w.s(": ")
					w.s(n.Text)
				}
				w.s("\n")
				if w.err != nil {
					return
				}
			}
			w.s("\n")
		}
		w.s("TODO: for each goal, what came of it and what shows it.\n")
	case "What went well":
		w.s("TODO: what worked, with an example, and how you marked the end.\n")
	case "What was challenging":
		if missed != "" {
			w.s("Meetings missed: ")
			w.s(missed)
			w.s(".")
			if d.Unproductive != 0 {
				w.s(" Held but unproductive: ")
				w.int(d.Unproductive)
				w.s(".")
			}
			w.s("\n\n")
		} else if d.Unproductive != 0 {
			w.s("Meetings held but unproductive: ")
			w.int(d.Unproductive)
			w.s(".\n\n")
		}
		w.s("TODO: what got in the way, and what got you past it.\n")
	case "Lessons learned":
		w.s("TODO: feedback both ways (for ")
		w.md(d.Mentor)
		w.s(" as a mentor, for ")
		w.md(d.Mentee)
		w.s(" on how the goals went)")
		if d.Unreachable != "mentor" {
			w.s(", what ")
			w.md(d.Mentor)
			w.s(" gained as a mentor")
		}
		if d.Unreachable != "mentee" {
			w.s(", what ")
			w.md(d.Mentee)
			w.s(" learned most")
		}
		w.s(".\n")
	case "Next steps":
		if len(d.GoalsOpen) > 0 {
			w.s("Goals still open:\n")
			for _, g := range d.GoalsOpen {
				w.s("\n- ")
				w.md(g.Title)
			}
			w.s("\n\n")
		}
		w.s("TODO: what ")
		w.md(d.Mentee)
		w.s(" does next and who helps, and where ")
		w.md(d.Mentor)
		w.s(" goes from here as a mentor.")
		if d.Unreachable != "mentee" {
			w.s("\n\n### Next goals\n\n<!-- ")
			w.md(d.Mentee)
			w.s("'s goals for what comes next, one task item each, as in a plan.\n     mentor close rematch carries them into the new plan. With none, remove the placeholder item. -->\n\n- [ ] TODO: a goal ")
			w.md(d.Mentee)
			w.s(" sets for what comes next")
		}
		w.s("\n")
	case "Future connection":
		switch d.Transition {
		case "end":
			w.s("We end the mentoring formally.\n\n")
		case "informal":
			w.s("We stay in touch informally.\n\n")
		case "rematch":
			w.md(d.Mentee)
			w.s(" will be rematched with a new mentor.\n\n")
		case "mentor":
			w.md(d.Mentee)
			w.s(" becomes a mentor.\n\n")
		}
		if d.Absent.Role != "" {
			w.s("TODO: what the programme tells ")
			w.md(d.Absent.Name)
			w.s(" about the ending, and what ")
			w.md(d.Present.Name)
			w.s(" wants next.")
		} else {
			w.s("TODO: how and how often you will stay in touch, or that you will not, and where the limits are.")
		}
		w.s("\n")
	case "Thanks":
		if d.Absent.Role != "" {
			w.s("TODO: what ")
			w.md(d.Present.Name)
			w.s(" thanks ")
			w.md(d.Absent.Name)
			w.s(" for; the programme can pass it on.")
		} else {
			w.s("TODO: each of you thanks the other for something specific.")
		}
		w.s("\n")
	default:
		w.s("TODO: write this section.\n")
	}
}
