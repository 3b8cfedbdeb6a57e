package render

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/templates"
)

// The built-in agenda asks every question of the table that applies to the
// ending, in the table's order (the guided debrief asks the same), under
// the section's heading; per-goal questions under each goal.
func TestAgendaAsksTheTable(t *testing.T) {
	src, err := fs.ReadFile(templates.FS, "agenda.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name        string
		unplanned   bool
		unreachable string
	}{{"planned", false, ""}, {"unplanned", true, ""}, {"unreachable mentee", false, "mentee"}, {"unreachable mentor", false, "mentor"}} {
		t.Run(tc.name, func(t *testing.T) {
			d := dataFor(t, "ada--grace", endingPlan, "2026-04-01")
			d.SetEnding(tc.unplanned, tc.unreachable)
			out, err := ExecuteText("agenda.md", src, d)
			if err != nil {
				t.Fatal(err)
			}
			text := string(out)
			pos := 0
			next := func(what, s string) {
				i := strings.Index(text[pos:], s)
				if i < 0 {
					t.Errorf("%s: %q is missing, or out of order, after:\n%s", what, s, text[max(0, pos-200):pos])
					return
				}
				pos += i + len(s)
			}
			for _, s := range d.Agenda {
				next(s.ID, "\n## "+s.Heading+"\n")
				if s.ID == "goals" {
					for _, g := range d.Goals {
						next(s.ID, "**"+MarkdownText(g.Title)+"**")
						for _, q := range g.Questions {
							next(q.ID, "  - "+MarkdownText(q.Text)+"\n")
						}
					}
					continue
				}
				for _, q := range s.Once() {
					line := MarkdownText(q.Text)
					if q.To != "" {
						line = MarkdownText(q.To) + ": " + line
					}
					next(q.ID, line)
					for _, c := range q.Choices {
						next(q.ID, "  - [ ] "+MarkdownText(c.Text)+"\n")
					}
				}
			}
		})
	}
}
