package render

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/frontmatter"
	"github.com/mentor-cli/mentor/templates"
)

// Every built-in template runs on the shared data, with and without the
// optional parts, and makes front matter a YAML reader takes.
func TestBuiltinTemplatesRun(t *testing.T) {
	full := Defaults()
	full.ID, full.Dir, full.Mentor, full.Mentee, full.Program = "ada--grace", "pairs/ada--grace", "Ada: L", "Grace #H", "P"
	full.Start, full.End, full.Today = dates.MustParse("2026-01-05"), dates.MustParse("2026-07-05"), dates.MustParse("2026-07-10")
	full.Date, full.Cadence, full.CadenceDays, full.Role, full.Text = full.Today, "weekly", 7, "mentee", "Learned a lot."
	full.Sections = []string{"Summary", "Thanks"}
	full.AddGoal(Goal{Title: "Talk", State: "met", Outcome: "met"})
	full.AddGoal(Goal{Title: "Review", State: "open", Outcome: TODO})
	full.Notes = []Note{{File: "2026-07-01-mentee.md", Link: "notes/2026-07-01-mentee.md", Date: dates.MustParse("2026-07-01"), Role: "mentee"}}
	full.SetSpan()
	empty := Defaults()
	empty.ID, empty.Mentor, empty.Mentee, empty.Role = "a--b", "A", "B", "mentor"
	for _, name := range Names {
		src, err := fs.ReadFile(templates.FS, name)
		if err != nil {
			t.Fatalf("%s is not built in: %v", name, err)
		}
		for _, d := range []Data{full, empty} {
			out, err := ExecuteText(name, src, d)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			doc, ferr := frontmatter.Split(out)
			if ferr == nil {
				_, ferr = doc.Fields()
			}
			if ferr != nil {
				t.Errorf("%s: front matter: %v\n%s", name, ferr.Msg, out)
			}
			if !strings.HasSuffix(string(out), "\n") || strings.HasSuffix(string(out), "\n\n") {
				t.Errorf("%s: output must end with exactly one newline:\n%q", name, out)
			}
		}
	}
}

func TestNoteTemplate(t *testing.T) {
	src, _ := fs.ReadFile(templates.FS, "note.md")
	d := Defaults()
	d.ID, d.Mentor, d.Mentee, d.Role, d.Date = "ada--grace", "Ada", "Grace", "mentor", dates.MustParse("2026-03-01")
	d.Text = "First line.\n\nSecond paragraph."
	out, err := ExecuteText("note.md", src, d)
	if err != nil {
		t.Fatal(err)
	}
	want := "---\ndate: 2026-03-01\nauthor: mentor\npair: ada--grace\n---\n\n# Reflection: 2026-03-01 (mentor)\n\nFirst line.\n\nSecond paragraph.\n"
	if string(out) != want {
		t.Errorf("note:\n%s\nwant:\n%s", out, want)
	}
	d.Text = ""
	out, _ = ExecuteText("note.md", src, d)
	if !strings.Contains(string(out), "<!--") || !strings.Contains(string(out), "next meeting with Grace") {
		t.Errorf("a note without text should prompt the mentor about the mentee:\n%s", out)
	}
}
