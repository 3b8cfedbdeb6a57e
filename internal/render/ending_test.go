package render

import (
	"reflect"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/note"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/signals"
)

// dataFor judges a plan as of today and fills the template data for it.
func dataFor(t *testing.T, id, src, today string, notes ...note.Note) Data {
	t.Helper()
	day := dates.MustParse(today)
	p := &pair.Pair{Ref: pair.Ref{ID: id, Dir: "pairs/" + id}, PlanRead: pair.Read{Exists: true}, Notes: notes}
	p.Plan = plan.Parse(p.PlanFile(), []byte(src), plan.Options{Today: day})
	cfg := config.Default()
	return NewData(p, signals.Judge(p, cfg, day), cfg, day, dates.Date{})
}

const endingPlan = `---
mentor: Ada Lovelace
mentee: Grace Hopper
start: 2026-01-05
end: 2026-07-05
---
# Mentoring plan

## Agreement

<!-- How you work together. -->

- We meet weekly.
- **How we will end:** two weeks' notice.

## Focus and expectations

<!-- What the mentee wants. -->

Grace wants to lead a design review.

## Goals
- [x] Lead a design review
  - 2026-02-01: picked the payments RFC
  - 2026-03-02: reviewed it with the team
- [ ] Give a talk
  - 2026-03-20: outline drafted
- [ ] ~~Learn Rust~~ (dropped: no longer needed for the role)

## Meetings
### 2026-01-10 Kickoff
Agreed goals and cadence.

More later.
### 2026-01-24 cancelled by mentee
### 2026-02-07
### 2026-02-21 Review prep unproductive
Ran out of topics.
### 2026-03-07 Code
` + "```go\nx := 1\n```" + `
### 2026-03-21 Sync
We settled on this:

- one
`

func TestPlanTextAndHistory(t *testing.T) {
	d := dataFor(t, "ada--grace", endingPlan, "2026-04-01")
	if d.Agreement != "- We meet weekly.\n- **How we will end:** two weeks' notice." {
		t.Errorf("Agreement = %q", d.Agreement)
	}
	if d.Expectations != "Grace wants to lead a design review." {
		t.Errorf("Expectations = %q", d.Expectations)
	}
	var heads []string
	for _, s := range d.PlanSections {
		heads = append(heads, s.Heading)
	}
	if strings.Join(heads, "|") != "Agreement|Focus and expectations|Goals|Meetings" || d.PlanSections[0].Line != 9 {
		t.Errorf("PlanSections = %+v", d.PlanSections)
	}
	var hist []string
	for _, m := range d.History {
		hist = append(hist, m.Date.String()+" "+m.Title+": "+m.Summary)
	}
	want := []string{
		"2026-03-21 Sync: We settled on this: …",
		"2026-03-07 Code: ",
		"2026-02-21 Review prep: Ran out of topics.",
		"2026-01-10 Kickoff: Agreed goals and cadence.",
	}
	if !reflect.DeepEqual(hist, want) {
		t.Errorf("History =\n%q\nwant\n%q", hist, want)
	}
	if g := d.GoalsDropped[0]; g.DropReason != "no longer needed for the role" || g.N != 3 {
		t.Errorf("dropped goal %+v", g)
	}
}

func TestDropReason(t *testing.T) {
	for in, want := range map[string]string{
		"(dropped: no longer needed)":  "no longer needed",
		"(Dropped — team moved)":       "team moved",
		"(dropped)":                    "",
		"":                             "",
		"(not needed after the reorg)": "not needed after the reorg",
		"dropped: as written.":         "as written",
	} {
		if got := DropReason(in); got != want {
			t.Errorf("DropReason(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTimeline(t *testing.T) {
	d := dataFor(t, "ada--grace", endingPlan, "2026-04-01")
	var got []string
	for _, p := range d.Timeline {
		var evs []string
		for _, e := range p.Events {
			evs = append(evs, e.Kind+":"+e.Text)
		}
		got = append(got, p.Label+" = "+strings.Join(evs, ", "))
	}
	want := []string{
		"January 2026 = meeting:Kickoff, cancelled:Cancelled by mentee",
		"February 2026 = progress:picked the payments RFC, meeting:Meeting, meeting:Review prep (unproductive)",
		"March 2026 = met:Lead a design review, meeting:Code, progress:outline drafted, meeting:Sync",
		"April 2026 = final:Final meeting",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Timeline =\n%q\nwant\n%q", got, want)
	}
}

func TestSetEnding(t *testing.T) {
	d := dataFor(t, "ada--grace", endingPlan, "2026-04-01")
	if d.Ending != "planned" || d.Unplanned || d.Absent.Role != "" {
		t.Fatalf("ending %s, unplanned %v, absent %+v", d.Ending, d.Unplanned, d.Absent)
	}
	has := func(d Data, id string) bool {
		for _, s := range d.Agenda {
			if s.Find(id) != nil {
				return true
			}
		}
		return false
	}
	if has(d, "led-here.differently") || !has(d, "rules.mentee-first") || has(d, "thanks.absent") {
		t.Errorf("a planned agenda: %+v", d.Agenda)
	}
	if s, err := d.Section("led-here"); s != nil || err != nil {
		t.Errorf("a planned ending has a led-here section: %v %v", s, err)
	}
	if _, err := d.Section("celebrat"); err == nil || !strings.Contains(err.Error(), "celebrate") {
		t.Errorf("a typo in a section id: %v", err)
	}
	var open Goal
	for _, g := range d.Goals {
		if g.State == "open" {
			open = g
		}
	}
	var ids []string
	for _, q := range open.Questions {
		ids = append(ids, q.ID)
	}
	if strings.Join(ids, ",") != "goals.progress,goals.challenges,goals.methods,goals.outcome" || len(d.GoalsOpen[0].Questions) != 4 {
		t.Errorf("an open goal's questions: %v", ids)
	}
	if len(d.ReflectionsDue) != 2 || d.ReflectionsDue[0].Role != "mentee" {
		t.Errorf("ReflectionsDue = %+v", d.ReflectionsDue)
	}
	if d.Opener != "We have met 5 times since January 2026, and Grace Hopper has met one of our 2 goals: Lead a design review. Let's start by celebrating that, then look back together and agree how we close." {
		t.Errorf("Opener = %q", d.Opener)
	}

	d.SetEnding(true, "")
	if d.Ending != "unplanned" || !has(d, "led-here.differently") || has(d, "led-here.last-heard") {
		t.Errorf("an unplanned agenda: %s", d.Ending)
	}
	if !strings.Contains(d.Opener, "Things have not gone as we planned") {
		t.Errorf("an unplanned opener: %q", d.Opener)
	}

	d.SetEnding(false, "mentee")
	if d.Ending != "unreachable" || !d.Unplanned || d.Absent.Name != "Grace Hopper" || d.Present.Role != "mentor" ||
		d.Reason != "unreachable" || d.ReasonProposed || d.FinalMeeting != "none" {
		t.Errorf("unreachable mentee: %+v %+v reason %s final %s", d.Absent, d.Present, d.Reason, d.FinalMeeting)
	}
	if !has(d, "led-here.last-heard") || has(d, "rules.mentee-first") || has(d, "after.next-goals") {
		t.Errorf("an unreachable agenda asks the absent side")
	}
	for _, s := range d.Agenda {
		for _, q := range s.Questions {
			for _, by := range q.By {
				if by.Role == "mentee" {
					t.Errorf("%s is put to the mentee, who is not there", q.ID)
				}
			}
			if q.To != "" || strings.Contains(q.Text, "{") {
				t.Errorf("%s: To %q, text %q", q.ID, q.To, q.Text)
			}
		}
	}
	if len(d.ReflectionsDue) != 1 || d.ReflectionsDue[0].Role != "mentor" {
		t.Errorf("ReflectionsDue = %+v", d.ReflectionsDue)
	}
	if !strings.HasPrefix(d.Opener, "You and Grace Hopper have met 5 times") || !strings.Contains(d.Opener, "one of the 2 goals") {
		t.Errorf("an unreachable opener: %q", d.Opener)
	}
}

// A final reflection already written is not asked for again.
func TestReflectionsDue(t *testing.T) {
	final := note.Parse("pairs/ada--grace", "2026-03-30-mentee.md", []byte("---\ndate: 2026-03-30\nauthor: mentee\nkind: final-reflection\n---\nx\n"), nil)
	plain := note.Parse("pairs/ada--grace", "2026-03-30-mentor.md", []byte("---\ndate: 2026-03-30\nauthor: mentor\n---\nx\n"), nil)
	d := dataFor(t, "ada--grace", endingPlan, "2026-04-01", final, plain)
	if len(d.ReflectionsDue) != 1 || d.ReflectionsDue[0] != (Side{Role: "mentor", Name: "Ada Lovelace"}) {
		t.Errorf("ReflectionsDue = %+v", d.ReflectionsDue)
	}
	if d.Notes[0].Kind != note.FinalReflection {
		t.Errorf("notes %+v", d.Notes)
	}
}

// AskedFor gives each record section the agenda's questions for it, and
// every question with a section is asked for one of the default sections.
func TestAskedFor(t *testing.T) {
	d := dataFor(t, "ada--grace", endingPlan, "2026-04-01")
	seen := map[string]bool{}
	for _, sec := range config.DefaultSections {
		for _, q := range d.AskedFor(sec) {
			if q.Section != sec {
				t.Errorf("%s: %s goes to %s", sec, q.ID, q.Section)
			}
			seen[q.ID] = true
		}
	}
	for _, s := range d.Agenda {
		for _, q := range s.Questions {
			if q.Section != "" && !seen[q.ID] {
				t.Errorf("%s goes to %q, not a record section", q.ID, q.Section)
			}
		}
	}
	if got := d.AskedFor("what WENT  well"); len(got) == 0 {
		t.Error("AskedFor does not match headings the way verify does")
	}
}

// The shortcuts of DropReason and withoutComments give what the full paths
// give.
func TestShortcutsAgree(t *testing.T) {
	for _, s := range dropSeeds {
		if got, want := DropReason(s), dropReasonSlow(strings.TrimSpace(s)); got != want {
			t.Errorf("DropReason(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range commentSeeds {
		if got, want := withoutComments(s), withoutCommentsSlow(s); got != want {
			t.Errorf("withoutComments(%q) = %q, want %q", s, got, want)
		}
	}
	if !cleanAlready("- [ ] a\n- [x] b\n\nText.") || cleanAlready("a\n\n\nb") {
		t.Error("cleanAlready takes the wrong texts")
	}
}

var dropSeeds = []string{"", "(dropped: no time)", "(Dropped - moved teams).", "dropped", "(dropped)", "dropped:",
	"DROPPED :  x  ).", "droppedx", "(dropped — em dash)", "(no longer needed)", "(paused)", "( dropped ) )",
	"dropped x..", "x )", "(dropped: a\tb)", "dropped: é)", "(dropped-)", "(  dropped  :  why  )  ."}

var commentSeeds = []string{"", "a", "a\n", "\na", "a \nb", "a\t", "a\n\nb", "a\n\n\nb", "a<!-- c -->b", "a\r\nb",
	"a\rb", "  a", "a\n  \nb", "- [ ] a\n  - 2026-01-01: x\n- [x] b", "<!--", "a\n \n\nb"}

func FuzzDropReason(f *testing.F) {
	for _, s := range dropSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := DropReason(s), dropReasonSlow(strings.TrimSpace(s)); got != want {
			t.Fatalf("DropReason(%q) = %q, want %q", s, got, want)
		}
	})
}

func FuzzWithoutComments(f *testing.F) {
	for _, s := range commentSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := withoutComments(s), withoutCommentsSlow(s); got != want {
			t.Fatalf("withoutComments(%q) = %q, want %q", s, got, want)
		}
	})
}
