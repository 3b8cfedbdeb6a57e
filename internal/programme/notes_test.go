package programme

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/repo"
)

func TestNoteDate(t *testing.T) {
	tests := []struct {
		name string
		want string // "" when the name is not a note
	}{
		{"2026-03-01-mentee.md", "2026-03-01"},
		{"2026-03-01-mentor-2.md", "2026-03-01"},
		{"2026-03-01-x.md", "2026-03-01"},
		{"2026-03-01.md", ""},
		{"2026-03-01-mentee.md.lock", ""},
		{"2026-02-30-mentee.md", ""},
		{"README.md", ""},
		{".2026-03-01-mentee.md.123.tmp", ""},
		{"2026-03-01_mentee.md", ""},
	}
	for _, tt := range tests {
		d, ok := NoteDate(tt.name)
		if ok != (tt.want != "") || (ok && d.String() != tt.want) {
			t.Errorf("NoteDate(%q) = %v, %v; want %q", tt.name, d, ok, tt.want)
		}
	}
}

// TestJudgeCountsNotes checks that every pair gets its notes counted, and a
// pair without a notes folder gets none.
func TestJudgeCountsNotes(t *testing.T) {
	root := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	plan := "---\nmentor: A\nmentee: B\nstart: 2026-01-01\n---\n"
	write("pairs/a--b/plan.md", plan)
	write("pairs/a--b/notes/2026-03-01-mentee.md", "x")
	write("pairs/a--b/notes/2026-05-02-mentor.md", "x")
	write("pairs/a--b/notes/2026-04-01-mentee-2.md", "x")
	write("pairs/a--b/notes/README.md", "not a note")
	write("pairs/a--b/notes/2026-06-01-mentee.md.lock", "")
	write("pairs/c--d/plan.md", plan)
	write("pairs/e--f/plan.md", "no front matter") // invalid, still counted
	write("pairs/e--f/notes/2026-02-02-mentor.md", "x")
	r := &repo.Repo{Root: root, Config: config.Default()}
	pairs, err := r.Pairs()
	if err != nil {
		t.Fatal(err)
	}
	res := Judge(r, pairs, dates.MustParse("2026-11-21"))
	want := map[string]Notes{
		"a--b": {3, dates.MustParse("2026-05-02")},
		"c--d": {0, dates.Date{}},
		"e--f": {1, dates.MustParse("2026-02-02")},
	}
	for _, x := range res {
		if x.Notes == nil {
			t.Fatalf("%s: no notes summary", x.Pair.ID)
		}
		if w := want[x.Pair.ID]; x.Notes.Count != w.Count || !x.Notes.Last.Equal(w.Last) {
			t.Errorf("%s: notes %+v, want %+v", x.Pair.ID, *x.Notes, w)
		}
	}
}
