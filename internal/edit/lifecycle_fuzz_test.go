package edit

import (
	"bytes"
	"testing"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/plan"
)

// FuzzGoalEdits feeds arbitrary plans to the goal edits: they never panic,
// and an edit that succeeds leaves the front matter byte for byte and the
// plan with as many goals as before (each edit checks the rest itself).
func FuzzGoalEdits(f *testing.F) {
	f.Add([]byte(goalsPlan), 1, "note", uint8(0))
	f.Add([]byte(goalsPlan), 3, "reason", uint8(2))
	f.Add([]byte("---\nmentor: A\nmentee: B\nstart: 2026-01-15\n---\n## Goals\n1. [ ] x\n   - 2026-01-01: y\n"), 1, "z", uint8(1))
	f.Add([]byte("---\r\nmentor: A\r\n---\r\n## Goals\r\n- [x] ~~a~~ (dropped: b)\r\n"), 1, "c", uint8(3))
	f.Fuzz(func(t *testing.T, src []byte, n int, text string, op uint8) {
		if len(src) > 1<<16 {
			return
		}
		p := plan.Parse("plan.md", src, plan.Options{})
		var out []byte
		var err error
		switch op % 4 {
		case 0:
			out, _, err = AddProgress(src, p, n, dates.MustParse("2026-11-21"), text)
		case 1:
			out, err = SetGoalState(src, p, n, plan.Met)
		case 2:
			out, err = DropGoal(src, p, n, text)
		case 3:
			out, err = SetGoalState(src, p, n, plan.Open)
		}
		if err != nil {
			return
		}
		if !bytes.Equal(out[:p.BodyOff], src[:p.BodyOff]) {
			t.Fatalf("the front matter changed:\n%q\n%q", src, out)
		}
		if got := plan.Parse("plan.md", out, plan.Options{}); len(got.Goals) != len(p.Goals) {
			t.Fatalf("%d goals became %d", len(p.Goals), len(got.Goals))
		}
	})
}

// FuzzFrontMatterEdits: SetKey and AppendItem never panic, and what they
// return reads back with the key set (they check it themselves) and the
// body unchanged.
func FuzzFrontMatterEdits(f *testing.F) {
	f.Add([]byte(planHead), "status", "closing")
	f.Add([]byte("---\nextended:\n  - from: 2026-01-01\n---\n"), "extended", "x")
	f.Add([]byte("\ufeff---\r\nend: 2026-01-01 # c\r\n---\r\nbody"), "end", "2026-02-01")
	f.Fuzz(func(t *testing.T, src []byte, key, value string) {
		if len(src) > 1<<16 || key == "" {
			return
		}
		if out, err := SetKey(src, key, value); err == nil {
			if headOf(out) == nil {
				t.Fatalf("the result has no front matter: %q", out)
			}
		}
		if out, err := AppendItem(src, key, []Item{{"to", value}, {"agreed_by", []string{value}}}); err == nil {
			if headOf(out) == nil {
				t.Fatalf("the result has no front matter: %q", out)
			}
		}
	})
}
