package edit

import (
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/plan"
)

const oldPlan = "---\nmentor: A\nmentee: B\nstart: 2026-01-01\n---\n\n## Goals\n\n" +
	"- [x] Met\n  - 2026-02-01: done\n" +
	"  - [ ] Open one **bold**  \n    - 2026-03-01: started\n\n    more text of the note\n" +
	"- [ ] Last\n\n\nA paragraph after the list.\n## Meetings\n"

func TestGoalItem(t *testing.T) {
	for _, form := range []string{"lf", "crlf"} {
		src := oldPlan
		if form == "crlf" {
			src = strings.ReplaceAll(src, "\n", "\r\n")
		}
		p := plan.Parse("plan.md", []byte(src), plan.Options{})
		var got []string
		for _, g := range p.Goals {
			got = append(got, GoalItem([]byte(src), g))
		}
		want := []string{
			"- [x] Met\n  - 2026-02-01: done\n  - [ ] Open one **bold**  \n    - 2026-03-01: started\n\n    more text of the note",
			"- [ ] Last",
		}
		if strings.Join(got, "\n~\n") != strings.Join(want, "\n~\n") {
			t.Errorf("%s: items:\n%s", form, strings.Join(got, "\n~\n"))
		}
	}
}

func TestCarryOver(t *testing.T) {
	fresh := "---\nmentor: C\nmentee: B\nstart: 2026-12-01\n---\n\n# Plan\n\n## Goals\n\n- [ ] New\n\n## Meetings\n"
	for _, form := range []string{"lf", "crlf"} {
		src, want := fresh, "---\nmentor: C\nmentee: B\nstart: 2026-12-01\nprevious: a--b\n---\n\n# Plan\n\nFollows a--b.\n\n## Goals\n\n- [ ] New\n\n- [ ] Old\n  - 2026-03-01: started\n\n## Meetings\n"
		if form == "crlf" {
			src, want = strings.ReplaceAll(src, "\n", "\r\n"), strings.ReplaceAll(want, "\n", "\r\n")
		}
		p := plan.Parse("plan.md", []byte(src), plan.Options{})
		out, err := CarryOver([]byte(src), p, "a--b", "Follows a--b.", []string{"- [ ] Old\n  - 2026-03-01: started"})
		if err != nil || string(out) != want {
			t.Errorf("%s: %v\n%q\nwant\n%q", form, err, out, want)
		}
	}
	// No title and no Goals section: the line opens the body, the section is added.
	src := "---\nmentor: C\nmentee: B\nstart: 2026-12-01\n---\nText."
	p := plan.Parse("plan.md", []byte(src), plan.Options{})
	out, err := CarryOver([]byte(src), p, "a--b", "Follows a--b.", []string{"- [ ] Old"})
	want := "---\nmentor: C\nmentee: B\nstart: 2026-12-01\nprevious: a--b\n---\n\nFollows a--b.\n\nText.\n\n## Goals\n\n- [ ] Old\n"
	if err != nil || string(out) != want {
		t.Errorf("no title: %v\n%q\nwant\n%q", err, out, want)
	}
	// A template that ends inside a code block swallows the goals: refused.
	src = "---\nmentor: C\nmentee: B\nstart: 2026-12-01\n---\n# Plan\n## Goals\n```\n"
	p = plan.Parse("plan.md", []byte(src), plan.Options{})
	if _, err := CarryOver([]byte(src), p, "a--b", "x", []string{"- [ ] Old"}); err == nil {
		t.Error("goals inside a code block were accepted")
	}
}
