package closure

import (
	"os"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/diag"
)

const complete = `---
mentor: Priya Raman
mentee: Tomasz Nowak
start: 2026-02-03
closed: "2026-07-28"
reason: goals-met
initiated_by: both
final_meeting: 2026-07-28
transition: mentor
contact:
  channel: Slack
  cadence: quarterly
goals:
  - title: Lead the CI migration
    outcome: met
  - title: Get the CKA certification
    outcome: dropped
---

# Closure record

## Summary

We met eleven times.

## Thanks
<!-- say thank you -->
TODO
`

func TestParseComplete(t *testing.T) {
	r := Parse("closure.md", []byte(complete))
	if !r.Valid() || len(r.Problems) != 0 {
		t.Fatalf("problems: %v", r.Problems)
	}
	if r.Mentor != "Priya Raman" || r.Mentee != "Tomasz Nowak" {
		t.Errorf("names: %q %q", r.Mentor, r.Mentee)
	}
	if r.Start.String() != "2026-02-03" || r.Closed.String() != "2026-07-28" {
		t.Errorf("dates: %s %s", r.Start, r.Closed)
	}
	if r.Reason != "goals-met" || r.InitiatedBy != "both" || r.Transition != "mentor" {
		t.Errorf("choices: %q %q %q", r.Reason, r.InitiatedBy, r.Transition)
	}
	if r.FinalMeeting != "2026-07-28" || r.FinalMeetingDate.String() != "2026-07-28" {
		t.Errorf("final meeting: %q %s", r.FinalMeeting, r.FinalMeetingDate)
	}
	if r.Contact != (Contact{Channel: "Slack", Cadence: "quarterly", Line: 11}) {
		t.Errorf("contact: %+v", r.Contact)
	}
	wantGoals := []Goal{{"Lead the CI migration", "met", 14}, {"Get the CKA certification", "dropped", 16}}
	if len(r.Goals) != 2 || r.Goals[0] != wantGoals[0] || r.Goals[1] != wantGoals[1] {
		t.Errorf("goals: %+v", r.Goals)
	}
	want := Lines{Mentor: 2, Mentee: 3, Start: 4, Closed: 5, Reason: 6, InitiatedBy: 7, FinalMeeting: 8, Transition: 9, Contact: 10, Goals: 13}
	if r.Lines != want {
		t.Errorf("lines: %+v, want %+v", r.Lines, want)
	}
	wantSecs := []Section{{"Summary", 22, false, 0}, {"Thanks", 26, true, 28}}
	if len(r.Sections) != 2 || r.Sections[0] != wantSecs[0] || r.Sections[1] != wantSecs[1] {
		t.Errorf("sections: %+v", r.Sections)
	}
	if s := r.FindSection("  thanks "); s == nil || s.Line != 26 {
		t.Errorf("FindSection: %+v", s)
	}
}

// problemAt checks that the record has an error on line (any line when 0)
// whose message holds sub.
func problemAt(t *testing.T, r *Record, line int, sub string) {
	t.Helper()
	for _, p := range r.Problems {
		if (p.Line == line || line == 0 && p.Line > 0) && p.Severity == diag.Error && strings.Contains(p.Message, sub) {
			return
		}
	}
	t.Errorf("no error on line %d containing %q; problems: %v", line, sub, r.Problems)
}

func TestParseProblems(t *testing.T) {
	tests := []struct {
		name string
		edit func(string) string
		line int
		sub  string
	}{
		{"no front matter", func(s string) string { return "# Closure\n" }, 1, "no front matter"},
		{"unterminated", func(s string) string { return "---\nmentor: A\n" }, 1, "not closed"},
		{"bad yaml", func(s string) string { return strings.Replace(s, "reason: goals-met", "reason: [goals-met", 1) }, 0, "not valid YAML"},
		{"missing reason", func(s string) string { return strings.Replace(s, "reason: goals-met\n", "", 1) }, 1, "reason is missing"},
		{"missing goals", func(s string) string { return strings.Replace(s, "goals:\n", "gaols:\n", 1) }, 1, "goals is missing"},
		{"todo reason", func(s string) string { return strings.Replace(s, "reason: goals-met", "reason: TODO", 1) }, 6, "reason is still TODO"},
		{"todo transition", func(s string) string {
			return strings.Replace(s, "transition: mentor", "transition: TODO  # end, informal, rematch or mentor", 1)
		}, 9, "transition is still TODO"},
		{"todo final meeting", func(s string) string {
			return strings.Replace(s, "final_meeting: 2026-07-28", "final_meeting: TODO", 1)
		}, 8, "final_meeting is still TODO"},
		{"empty mentee", func(s string) string { return strings.Replace(s, "mentee: Tomasz Nowak", "mentee:", 1) }, 3, "mentee has no value"},
		{"bad reason", func(s string) string { return strings.Replace(s, "reason: goals-met", "reason: goal-met", 1) }, 6, "did you mean goals-met"},
		{"bad initiator", func(s string) string { return strings.Replace(s, "initiated_by: both", "initiated_by: hr", 1) }, 7, "not one of mentor, mentee, both, program"},
		{"bad date", func(s string) string { return strings.Replace(s, `closed: "2026-07-28"`, "closed: 2026-02-30", 1) }, 5, "not a valid date"},
		{"closed before start", func(s string) string { return strings.Replace(s, `closed: "2026-07-28"`, "closed: 2026-01-01", 1) }, 5, "before start"},
		{"bad final meeting", func(s string) string {
			return strings.Replace(s, "final_meeting: 2026-07-28", "final_meeting: last week", 1)
		}, 8, "or none"},
		{"todo outcome", func(s string) string { return strings.Replace(s, "outcome: met", "outcome: TODO", 1) }, 15, "still TODO"},
		{"bad outcome", func(s string) string { return strings.Replace(s, "outcome: met", "outcome: done", 1) }, 15, "not one of met, partial, not-met, dropped"},
		{"goal without outcome", func(s string) string { return strings.Replace(s, "    outcome: met\n", "", 1) }, 14, "has no outcome"},
		{"goals not a list", func(s string) string {
			return strings.Replace(s, "goals:\n  - title: Lead the CI migration\n    outcome: met\n  - title: Get the CKA certification\n    outcome: dropped\n", "goals: all met\n", 1)
		}, 13, "must be a list"},
		{"todo goals", func(s string) string {
			return strings.Replace(s, "goals:\n  - title: Lead the CI migration\n    outcome: met\n  - title: Get the CKA certification\n    outcome: dropped\n", "goals: TODO\n", 1)
		}, 13, "goals is still TODO"},
		{"contact not a mapping", func(s string) string {
			return strings.Replace(s, "contact:\n  channel: Slack\n  cadence: quarterly\n", "contact: [Slack]\n", 1)
		}, 10, "contact must be a mapping"},
		{"duplicate key", func(s string) string {
			return strings.Replace(s, "mentee: Tomasz Nowak\n", "mentee: Tomasz Nowak\nmentor: X\n", 1)
		}, 4, "given twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Parse("closure.md", []byte(tt.edit(complete)))
			if r.Valid() {
				t.Fatalf("record is valid; want an error")
			}
			problemAt(t, r, tt.line, tt.sub)
		})
	}
}

// A file without front matter still has its sections read, from line 1.
func TestSectionsWithoutFrontMatter(t *testing.T) {
	r := Parse("closure.md", []byte("\xEF\xBB\xBF# Closure\n\n## Summary\nDone.\n"))
	if r.Valid() || len(r.Sections) != 1 || r.Sections[0] != (Section{"Summary", 3, false, 0}) {
		t.Errorf("sections %+v problems %v", r.Sections, r.Problems)
	}
}

func TestContactTODOIsEmpty(t *testing.T) {
	src := strings.Replace(complete, "channel: Slack", "channel: TODO", 1)
	r := Parse("closure.md", []byte(src))
	if !r.Valid() {
		t.Fatalf("problems: %v", r.Problems)
	}
	if r.Contact.Channel != "" || r.Contact.Line != 11 {
		t.Errorf("contact: %+v", r.Contact)
	}
	src = strings.Replace(complete, "contact:\n  channel: Slack\n  cadence: quarterly\n", "", 1)
	r = Parse("closure.md", []byte(src))
	if !r.Valid() || r.Contact != (Contact{}) || r.Lines.Contact != 0 {
		t.Errorf("no contact: %+v %v", r.Contact, r.Problems)
	}
}

func TestOptionalAndWarnings(t *testing.T) {
	src := strings.Replace(complete, "initiated_by: both\n", "intiated_by: both\n", 1)
	src = strings.Replace(src, "final_meeting: 2026-07-28", "final_meeting: none", 1)
	r := Parse("closure.md", []byte(src))
	if !r.Valid() {
		t.Fatalf("problems: %v", r.Problems)
	}
	if r.InitiatedBy != "" || r.FinalMeeting != "none" || !r.FinalMeetingDate.IsZero() {
		t.Errorf("got %q %q %s", r.InitiatedBy, r.FinalMeeting, r.FinalMeetingDate)
	}
	if len(r.Problems) != 1 || r.Problems[0].Line != 7 || !strings.Contains(r.Problems[0].Message, `did you mean "initiated_by"`) {
		t.Errorf("problems: %v", r.Problems)
	}
}

func TestIsTODO(t *testing.T) {
	for s, want := range map[string]bool{
		"TODO": true, " TODO ": true, "TODO: decide": true, "TODO - ask": true, "TODO.": true,
		"Todo": false, "TODOS": false, "TODO_x": false, "Todor Zhivkov": false, "not TODO": false, "": false,
	} {
		if got := IsTODO(s); got != want {
			t.Errorf("IsTODO(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestSections(t *testing.T) {
	body := "---\nmentor: A\n---\n" + `# Title

## Summary
TODO: what happened, in a few sentences

## Goals and outcomes
<!-- one line per goal -->
- TODO
- **TODO**: the second goal
1. TODO

## What went well
<!--
A multi-line comment.
-->
> TODO

## What was challenging
### Mentor
TODO
### Mentee
Deadlines.

## Lessons learned
` + "```" + `
## Not a heading
TODO
` + "```" + `

## Next steps
- [ ] TODO
---

## Future connection
- Coffee every quarter <!-- TODO -->

## Thanks
<!-- TODO --> Thank you.
<details>TODO</details>
`
	r := Parse("closure.md", []byte(body))
	want := []Section{
		{"Summary", 6, true, 7},
		{"Goals and outcomes", 9, true, 11},
		{"What went well", 15, true, 19},
		{"What was challenging", 21, false, 23}, // a TODO left beside what was written
		{"Lessons learned", 27, false, 0},       // in a code block: content
		{"Next steps", 33, true, 34},
		{"Future connection", 37, false, 0}, // in a comment: a note to the writer
		{"Thanks", 40, false, 0},
	}
	if len(r.Sections) != len(want) {
		t.Fatalf("sections: %+v", r.Sections)
	}
	for i := range want {
		if r.Sections[i] != want[i] {
			t.Errorf("section %d: got %+v, want %+v", i, r.Sections[i], want[i])
		}
	}
}

// A TODO value anywhere in the front matter is listed with its path and
// line, whether or not its key is one mentor checks.
func TestPlaceholders(t *testing.T) {
	src := "---\nmentor: Ada\nreason: TODO\ncontact:\n  channel: email\n  cadence: TODO  # quarterly?\n" +
		"goals:\n  - title: A\n    outcome: met\n  - title: B\n    outcome: TODO\nextra: [x, TODO]\nnote: \"TODOs done\"\n---\n"
	r := Parse("closure.md", []byte(src))
	want := []Placeholder{{"reason", 3}, {"contact.cadence", 6}, {"goals[2].outcome", 11}, {"extra[2]", 12}}
	if len(r.TODOs) != len(want) {
		t.Fatalf("placeholders: %+v", r.TODOs)
	}
	for i := range want {
		if r.TODOs[i] != want[i] {
			t.Errorf("placeholder %d: got %+v, want %+v", i, r.TODOs[i], want[i])
		}
	}
}

func TestCRLFAndBOM(t *testing.T) {
	src := "\xEF\xBB\xBF" + strings.ReplaceAll(complete, "\n", "\r\n")
	r := Parse("closure.md", []byte(src))
	if !r.Valid() {
		t.Fatalf("problems: %v", r.Problems)
	}
	if r.Lines.Reason != 6 || len(r.Sections) != 2 || r.Sections[1].Line != 26 || !r.Sections[1].Empty || r.Sections[0].Empty {
		t.Errorf("lines %+v sections %+v", r.Lines, r.Sections)
	}
}

func TestExampleRecords(t *testing.T) {
	for _, f := range []string{
		"../../examples/programme/pairs/kwame-mensah--lucia-fernandez/closure.md",
		"../../examples/programme/pairs/priya-raman--tomasz-nowak/closure.md",
	} {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r := Parse(f, src)
		if len(r.Problems) != 0 {
			t.Errorf("%s: %v", f, r.Problems)
		}
		if len(r.Sections) != 8 {
			t.Errorf("%s: %d sections", f, len(r.Sections))
		}
		for _, s := range r.Sections {
			if s.Empty {
				t.Errorf("%s: section %q is empty", f, s.Heading)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(complete))
	f.Add([]byte("---\ngoals:\n  - x\n  - {title: [a]}\ncontact: {channel: [x]}\n---\n## A\n<!--\n"))
	f.Add([]byte("---\n---\n" + strings.Repeat("- ", 500) + "\n## S\n" + strings.Repeat("> ", 300)))
	f.Fuzz(func(t *testing.T, src []byte) {
		r := Parse("closure.md", src)
		for _, p := range r.Problems {
			if p.Line < 0 {
				t.Fatalf("negative line: %v", p)
			}
		}
		for _, s := range r.Sections {
			if s.Line < 1 {
				t.Fatalf("section line: %+v", s)
			}
		}
	})
}

// Deep block quotes are where goldmark's time grows fastest; a record of
// them still parses quickly, what is deeper than the limit is kept as text
// (a section of it says what it says), and the reader warns on its line.
func TestDeepQuotes(t *testing.T) {
	src := "---\nmentor: A\n---\n## Summary\n" + strings.Repeat("> ", 200000) + "done\n## Thanks\n" + strings.Repeat("> ", 300) + "TODO\n"
	r := Parse("closure.md", []byte(src))
	if len(r.Sections) != 2 || r.Sections[0].Empty || r.Sections[1].Line != 6 || !r.Sections[1].Empty {
		t.Errorf("sections: %+v", r.Sections)
	}
	var warned []int
	for _, p := range r.Problems {
		if p.Severity == diag.Warning && strings.Contains(p.Message, "nest more than") {
			warned = append(warned, p.Line)
		}
	}
	if len(warned) != 1 || warned[0] != 5 {
		t.Errorf("warnings about nesting on lines %v, want one on line 5: %v", warned, r.Problems)
	}
}

func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile("../../examples/programme/pairs/priya-raman--tomasz-nowak/closure.md")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for i := 0; i < b.N; i++ {
		Parse("closure.md", src)
	}
}

// The v2 keys: contact kind and until, sign-off, the unreachable side and
// the rematch rule; bad values are errors on their line.
func TestParseV2Keys(t *testing.T) {
	src := strings.Replace(complete, "  cadence: quarterly\n", "  cadence: quarterly\n  kind: catch-up\n  until: 2027-07-28\n", 1)
	src = strings.Replace(src, "goals:\n", "signed_off:\n  mentor: 2026-07-29\n  mentee: TODO\nunreachable: mentee\nrematch_avoid: true\ngoals:\n", 1)
	r := Parse("closure.md", []byte(src))
	if !r.Valid() {
		t.Fatalf("problems: %v", r.Problems)
	}
	if r.Contact.Kind != "catch-up" || r.Contact.Until.String() != "2027-07-28" || r.Contact.UntilLine != 14 {
		t.Errorf("contact %+v", r.Contact)
	}
	if r.SignedOff.Signed("mentor").String() != "2026-07-29" || !r.SignedOff.Signed("mentee").IsZero() || r.SignedOff.Line != 15 {
		t.Errorf("signed_off %+v", r.SignedOff)
	}
	if r.Unreachable != "mentee" || !r.RematchAvoid {
		t.Errorf("unreachable %q, rematch_avoid %v", r.Unreachable, r.RematchAvoid)
	}
	// A kind still TODO, as the record template writes it, is no kind yet.
	if r := Parse("closure.md", []byte(strings.Replace(src, "  kind: catch-up\n", "  kind: TODO  # updates, ad-hoc or catch-up\n", 1))); !r.Valid() || r.Contact.Kind != "" {
		t.Errorf("kind TODO: problems %v, kind %q", r.Problems, r.Contact.Kind)
	}
	for _, c := range []struct{ from, to, msg string }{
		{"  kind: catch-up\n", "  kind: weekly\n", `contact.kind "weekly" is not one of updates, ad-hoc, catch-up`},
		{"  until: 2027-07-28\n", "  until: someday\n", "contact.until:"},
		{"  mentor: 2026-07-29\n", "  mentor: yesterday\n", "signed_off.mentor:"},
		{"  mentee: TODO\n", "  boss: 2026-07-29\n", "signed_off.boss: only mentor, mentee, program sign"},
		{"unreachable: mentee\n", "unreachable: both\n", `unreachable "both" is not one of mentor, mentee`},
		{"rematch_avoid: true\n", "rematch_avoid: maybe\n", `rematch_avoid "maybe" must be true or false`},
	} {
		r := Parse("closure.md", []byte(strings.Replace(src, c.from, c.to, 1)))
		if r.Valid() || !strings.Contains(r.Problems[0].Message, c.msg) || r.Problems[0].Line == 0 {
			t.Errorf("%q: problems %v, want one saying %q with its line", c.to, r.Problems, c.msg)
		}
	}
}
