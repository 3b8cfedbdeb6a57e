package survey

import (
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/dates"
)

// FuzzParse: no input makes the survey reader fail, and a free-text answer
// that Render writes reads back as written.
func FuzzParse(f *testing.F) {
	d, _ := dates.Parse("2026-11-21")
	f.Add([]byte(Render("mentee", d, Default, answersFor())), "More time.\n# heading\n\\back")
	f.Add([]byte("---\nkind: closure-survey\nside: mentor\ndate: 2026-11-21\nanswers: {satisfaction: 9}\n---\n## x\n<!-- question: y -->\nz\n"), "")
	f.Add([]byte("-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n"), "  <!-- question: q -->")
	f.Fuzz(func(t *testing.T, src []byte, text string) {
		s := Read("pairs/a--b/survey/2026-11-21-mentee.md", src, nil)
		_ = Check(s, Default)
		q := Question{ID: "t", Text: "T?", Scale: Text}
		v, err := q.Canonical(text)
		if err != nil || v == "" || strings.ContainsRune(v, '\r') {
			return
		}
		back := Parse("s.md", Render("mentor", d, []Question{q}, map[string]string{"t": v}))
		// Render trims trailing blanks of each line and the leading
		// blanks of an escaped one; compare what is left.
		norm := func(s string) string {
			var out []string
			for _, l := range strings.Split(s, "\n") {
				out = append(out, strings.TrimSpace(l))
			}
			return strings.TrimSpace(strings.Join(out, "\n"))
		}
		if got := back.Value(q); norm(got) != norm(v) {
			t.Fatalf("text %q read back as %q", v, got)
		}
	})
}
