package edit

import (
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/plan"
)

const goalsPlan = `---
mentor: Ada
mentee: Grace
start: 2026-01-15
---

## Goals

- [x] Lead a design review end to end
  - 2026-03-02: reviewed the payments RFC with the team
- [ ] Give an internal tech talk
- [ ] ~~Learn Rust~~ (dropped: no longer needed)
- [ ] Write the onboarding guide
  - 2026-04-10: outline drafted
    - a nested thought

  More about the guide.

## Meetings

### 2026-01-20 Kickoff
`

func edited(src, old, new string) string {
	if !strings.Contains(src, old) {
		panic("test: " + old + " not in the plan")
	}
	return strings.Replace(src, old, new, 1)
}

func TestAddProgress(t *testing.T) {
	d := dates.MustParse("2026-11-21")
	cases := []struct {
		name, src string
		n         int
		text      string
		want      string
	}{
		{"after the last note", goalsPlan, 1, "ran the storage review",
			edited(goalsPlan, "with the team\n", "with the team\n  - 2026-11-21: ran the storage review\n")},
		{"a goal without notes", goalsPlan, 2, "booked a slot",
			edited(goalsPlan, "tech talk\n", "tech talk\n  - 2026-11-21: booked a slot\n")},
		{"after a paragraph and nested notes", goalsPlan, 4, "first draft",
			edited(goalsPlan, "  More about the guide.\n", "  More about the guide.\n  - 2026-11-21: first draft\n")},
		{"notes nested four spaces", "---\nmentor: A\nmentee: B\nstart: 2026-01-15\n---\n## Goals\n* [ ] One\n    * 2026-02-01: a\n* [ ] Two\n", 1, "b",
			"---\nmentor: A\nmentee: B\nstart: 2026-01-15\n---\n## Goals\n* [ ] One\n    * 2026-02-01: a\n    * 2026-11-21: b\n* [ ] Two\n"},
		{"a numbered list", "---\nmentor: A\nmentee: B\nstart: 2026-01-15\n---\n## Goals\n1. [ ] One\n2. [ ] Two\n", 1, "b",
			"---\nmentor: A\nmentee: B\nstart: 2026-01-15\n---\n## Goals\n1. [ ] One\n   - 2026-11-21: b\n2. [ ] Two\n"},
		{"no such goal", goalsPlan, 9, "x", ""},
		{"a text the parser reads otherwise", goalsPlan, 2, "- dash", ""},
	}
	for _, c := range cases {
		variants(t, c.name, c.src, c.want, func(src []byte) ([]byte, error) {
			out, _, err := AddProgress(src, plan.Parse("plan.md", src, plan.Options{}), c.n, d, c.text)
			return out, err
		})
	}
}

func TestAddProgressLineAndFinalNewline(t *testing.T) {
	src := "---\nmentor: A\nmentee: B\nstart: 2026-01-15\n---\n## Goals\n- [ ] One"
	out, line, err := AddProgress([]byte(src), plan.Parse("plan.md", []byte(src), plan.Options{}), 1, dates.MustParse("2026-02-01"), "a")
	if err != nil {
		t.Fatal(err)
	}
	if want := src + "\n  - 2026-02-01: a"; string(out) != want || line != 8 {
		t.Errorf("line %d, got %q", line, out)
	}
}

func TestSetGoalState(t *testing.T) {
	cases := []struct {
		name, src string
		n         int
		state     plan.GoalState
		want      string
	}{
		{"met", goalsPlan, 2, plan.Met, edited(goalsPlan, "- [ ] Give", "- [x] Give")},
		{"open again", goalsPlan, 1, plan.Open, edited(goalsPlan, "- [x] Lead", "- [ ] Lead")},
		{"already met", goalsPlan, 1, plan.Met, goalsPlan},
		{"restore a dropped goal", goalsPlan, 3, plan.Open, edited(goalsPlan, "~~Learn Rust~~ (dropped: no longer needed)", "Learn Rust")},
		{"restore as met", goalsPlan, 3, plan.Met, edited(goalsPlan, "- [ ] ~~Learn Rust~~ (dropped: no longer needed)", "- [x] Learn Rust")},
		{"words after the strike-through are not lost", edited(goalsPlan, "(dropped: no longer needed)", "because"), 3, plan.Open, ""},
		{"capital X", edited(goalsPlan, "- [x] Lead", "- [X] Lead"), 1, plan.Open, edited(goalsPlan, "- [x] Lead", "- [ ] Lead")},
	}
	for _, c := range cases {
		variants(t, c.name, c.src, c.want, func(src []byte) ([]byte, error) {
			return SetGoalState(src, plan.Parse("plan.md", src, plan.Options{}), c.n, c.state)
		})
	}
}

func TestDropGoal(t *testing.T) {
	cases := []struct {
		name, src string
		n         int
		want      string
	}{
		{"open goal", goalsPlan, 2, edited(goalsPlan, "Give an internal tech talk", "~~Give an internal tech talk~~ (dropped: the team moved)")},
		{"met goal with notes", goalsPlan, 1, edited(goalsPlan, "Lead a design review end to end", "~~Lead a design review end to end~~ (dropped: the team moved)")},
		{"a title over two lines", "---\nmentor: A\nmentee: B\nstart: 2026-01-15\n---\n## Goals\n- [ ] Give a talk\n  about Go  \n  - 2026-02-01: a\n", 1,
			"---\nmentor: A\nmentee: B\nstart: 2026-01-15\n---\n## Goals\n- [ ] ~~Give a talk\n  about Go~~ (dropped: the team moved)  \n  - 2026-02-01: a\n"},
		{"already dropped", goalsPlan, 3, ""},
		{"a title with ~~", edited(goalsPlan, "Give an internal", "Give ~~an~~ internal"), 2, ""},
	}
	for _, c := range cases {
		variants(t, c.name, c.src, c.want, func(src []byte) ([]byte, error) {
			return DropGoal(src, plan.Parse("plan.md", src, plan.Options{}), c.n, "the team moved")
		})
	}
}
