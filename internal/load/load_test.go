package load

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/repo"
)

func write(t *testing.T, root, rel, text string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func open(t *testing.T, root string) *repo.Repo {
	t.Helper()
	r, err := repo.OpenAt(root, repo.FoundByFlag)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

const planText = "---\nmentor: A\nmentee: B\nstart: 2026-01-01\n---\n"

// Every note of a pair is read one way: date from the front matter, else
// the file name; side from the front matter, else the file name.
func TestNotes(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"2026-03-02-mentor.md":      "---\ndate: 2026-03-02\nauthor: mentor\npair: a--b\n---\nx\n",
		"2026-03-01-mentee.md":      "no front matter\n",
		"2026-03-01-mentee-2.md":    "---\ndate: 2026-03-01\nside: mentee\n---\n",
		"retro.md":                  "---\ndate: 2026-02-01\nas: mentee\n---\n",
		"odd.md":                    "---\n: [\n---\n",
		"final.md":                  "---\ndate: 2026-03-03\nside: mentor\nas: mentee\nkind: final-reflection\n---\n",
		".hidden.md":                "",
		"readme.txt":                "",
		"2026-06-01-mentee.md.lock": "",
	}
	write(t, root, "pairs/a--b/plan.md", planText)
	for name, text := range files {
		write(t, root, "pairs/a--b/notes/"+name, text)
	}
	r := open(t, root)
	var got []string
	for _, n := range Notes(r, pair.Ref{ID: "a--b", Dir: "pairs/a--b"}) {
		got = append(got, strings.TrimSpace(n.Date.String()+" "+n.Side+" "+n.Kind+" "+n.Link+" "+n.Path))
	}
	want := []string{
		"notes/odd.md pairs/a--b/notes/odd.md",
		"2026-02-01 mentee  notes/retro.md pairs/a--b/notes/retro.md",
		"2026-03-01 mentee  notes/2026-03-01-mentee-2.md pairs/a--b/notes/2026-03-01-mentee-2.md",
		"2026-03-01 mentee  notes/2026-03-01-mentee.md pairs/a--b/notes/2026-03-01-mentee.md",
		"2026-03-02 mentor  notes/2026-03-02-mentor.md pairs/a--b/notes/2026-03-02-mentor.md",
		"2026-03-03 mentor final-reflection notes/final.md pairs/a--b/notes/final.md",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := Notes(r, pair.Ref{ID: "none", Dir: "pairs/none"}); n != nil {
		t.Errorf("no notes folder: %v", n)
	}
}

// The pair on which check once counted 1 note (last 2026-03-01, from a file
// name) while the agenda listed 2 (2026-03-05 and 2026-04-01, from the front
// matter): there is one answer now.
func TestNotesOneAnswer(t *testing.T) {
	root := t.TempDir()
	write(t, root, "pairs/a--b/plan.md", planText)
	write(t, root, "pairs/a--b/notes/2026-03-01-mentee.md", "---\ndate: 2026-03-05\nauthor: mentee\n---\nx\n")
	write(t, root, "pairs/a--b/notes/retro.md", "---\ndate: 2026-04-01\nauthor: mentor\n---\ny\n")
	r := open(t, root)
	p := One(r, pair.Ref{ID: "a--b", Dir: "pairs/a--b"}, Everything(dates.MustParse("2026-11-21")))
	s := p.NotesSummary()
	if s.Count != 2 || s.Last.String() != "2026-04-01" {
		t.Errorf("summary %+v, want 2 notes, the last on 2026-04-01", s)
	}
	if len(p.Notes) != 2 || p.Notes[0].Date.String() != "2026-03-05" || p.Notes[1].Date.String() != "2026-04-01" {
		t.Errorf("notes %+v", p.Notes)
	}
}

// Each skips folders that hold no pair, keeps id order, and counts notes of
// every pair, invalid ones too.
func TestEach(t *testing.T) {
	root := t.TempDir()
	write(t, root, "pairs/a--b/plan.md", planText)
	write(t, root, "pairs/a--b/notes/2026-03-01-mentee.md", "x")
	write(t, root, "pairs/a--b/notes/2026-05-02-mentor.md", "x")
	write(t, root, "pairs/c--d/plan.md", planText)
	write(t, root, "pairs/e--f/plan.md", "no front matter") // invalid, still counted
	write(t, root, "pairs/e--f/notes/2026-02-02-mentor.md", "x")
	write(t, root, "pairs/g--h/closure.md", "---\n---\n") // a pair that lost its plan
	write(t, root, "pairs/empty/notes/x.md", "")          // not a pair
	r := open(t, root)
	refs, err := r.Pairs()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	err = Each(r, refs, Options{Notes: true}, func(p *pair.Pair) string {
		s := p.NotesSummary()
		return p.ID + " " + s.Last.String() + " " + strings.Repeat("n", s.Count)
	}, func(s string) error { got = append(got, s); return nil })
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a--b 2026-05-02 nn", "c--d  ", "e--f 2026-02-02 n", "g--h  "}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A panic while working on one pair becomes a problem that names the pair;
// the others are still worked on.
func TestEachRecovers(t *testing.T) {
	root := t.TempDir()
	for _, id := range []string{"a", "b", "c"} {
		write(t, root, "pairs/"+id+"/plan.md", planText)
	}
	r := open(t, root)
	refs, _ := r.Pairs()
	got := All(r, refs, Options{}, func(p *pair.Pair) string {
		if p.ID == "b" && p.Problem == nil {
			var m map[string]int
			m["boom"]++ // a bug
		}
		if p.Problem != nil {
			return p.ID + ": " + p.Problem.File + ": " + p.Problem.Message
		}
		return p.ID
	})
	if len(got) != 3 || got[0] != "a" || got[2] != "c" || !strings.HasPrefix(got[1], "b: pairs/b/plan.md: mentor failed on this pair (internal error: assignment to entry in nil map)") {
		t.Errorf("got %q", got)
	}
}

// check reads every closure.md lightly: the front matter and the check-ins,
// not the sections it leaves to verify.
func TestClosureLight(t *testing.T) {
	root := t.TempDir()
	rec := "---\nmentor: A\nmentee: B\n---\n"
	write(t, root, "pairs/open/plan.md", planText)
	write(t, root, "pairs/open/closure.md", rec)
	write(t, root, "pairs/done/plan.md", strings.Replace(planText, "start:", "status: closed\nstart:", 1))
	write(t, root, "pairs/done/closure.md", rec)
	r := open(t, root)
	write(t, root, "pairs/done/closure.md", rec+"\n## Summary\n\nDone.\n")
	opt := Options{ClosureLight: true}
	if p := One(r, pair.Ref{ID: "open", Dir: "pairs/open"}, opt); p.Closure == nil || p.Closure.Mentor != "A" {
		t.Errorf("an open pair's record was not read: %+v", p.ClosureRead)
	}
	p := One(r, pair.Ref{ID: "done", Dir: "pairs/done"}, opt)
	if p.Closure == nil || p.Closure.Mentor != "A" || p.Closure.Sections != nil {
		t.Errorf("a closed pair's record was not read lightly: %+v %+v", p.ClosureRead, p.Closure)
	}
	if p := One(r, pair.Ref{ID: "done", Dir: "pairs/done"}, Options{ClosureLight: true, Closure: true}); len(p.Closure.Sections) != 1 {
		t.Errorf("Closure wins over ClosureLight: %+v", p.Closure.Sections)
	}
}

// A record read lightly is parsed whole, when check needs it (a closing
// pair), from the text already read: the file is not read twice.
func TestClosureFromLightRead(t *testing.T) {
	root := t.TempDir()
	write(t, root, "pairs/p/plan.md", planText)
	write(t, root, "pairs/p/closure.md", "---\nmentor: A\nmentee: B\n---\n\n## Summary\n\nDone.\n")
	r := open(t, root)
	p := One(r, pair.Ref{ID: "p", Dir: "pairs/p"}, Options{ClosureLight: true})
	if p.Closure == nil || p.Closure.Sections != nil {
		t.Fatalf("not a light read: %+v", p.Closure)
	}
	write(t, root, "pairs/p/closure.md", "---\nmentor: C\n---\n")
	Closure(r, p)
	if p.Closure == nil || p.Closure.Mentor != "A" || len(p.Closure.Sections) != 1 || p.ClosureText != nil {
		t.Errorf("the record was read again, or not whole: %+v", p.Closure)
	}
	Closure(r, p) // no text kept: read from the file
	if p.Closure == nil || p.Closure.Mentor != "C" {
		t.Errorf("a second Closure did not read the file: %+v", p.Closure)
	}
}
