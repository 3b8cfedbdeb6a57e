package repo

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Read takes a short path for plain files; every other case goes the long
// way. Both must give the same answers.
func TestRead(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	r := &Repo{Root: dir}
	write := func(rel string, data []byte) {
		if err := os.MkdirAll(filepath.Dir(r.Abs(rel)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(r.Abs(rel), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("plan.md", []byte("hello\n"))
	write("empty.md", nil)
	write("limit.md", make([]byte, MaxFileSize))
	big := []byte(strings.Repeat("x", MaxFileSize+1))
	write("big.md", big)
	write("nul.md", []byte("a\nb\x00"))
	write("latin1.md", []byte("caf\xe9\n"))
	os.Mkdir(r.Abs("folder"), 0o755)
	os.Symlink("plan.md", r.Abs("inside-link.md"))
	os.WriteFile(filepath.Join(outside, "x.md"), []byte("secret"), 0o644)
	os.Symlink(filepath.Join(outside, "x.md"), r.Abs("outside-link.md"))
	os.Symlink("nowhere.md", r.Abs("dangling.md"))
	r, err := OpenAt(r.Root, FoundByFlag)
	if err != nil {
		t.Fatal(err)
	}

	for _, c := range []struct {
		rel, data, problem string
		notExist           bool
	}{
		{rel: "plan.md", data: "hello\n"},
		{rel: "empty.md", data: ""},
		{rel: "inside-link.md", data: "hello\n"},
		{rel: "missing.md", problem: "cannot read: no such file or directory", notExist: true},
		{rel: "nope/missing.md", problem: "cannot read: no such file or directory", notExist: true},
		{rel: "big.md", problem: "file is 1048577 bytes, over the 1 MiB limit"},
		{rel: "nul.md", problem: "NUL byte (at line 2)"},
		{rel: "latin1.md", problem: "not UTF-8 text (invalid bytes at line 1)"},
		{rel: "folder", problem: "not a regular file"},
		{rel: "outside-link.md", problem: "symbolic link to a file outside the repo"},
		{rel: "dangling.md", problem: "symbolic link leads nowhere", notExist: true},
	} {
		data, prob := r.Read(c.rel)
		if c.problem == "" {
			if prob != nil || string(data) != c.data {
				t.Errorf("%s: %q, %v", c.rel, data, prob)
			}
			continue
		}
		if prob == nil || prob.File != c.rel || !strings.Contains(prob.Message, c.problem) || prob.NotExist() != c.notExist {
			t.Errorf("%s: got %+v, want a problem saying %q (not exist: %v)", c.rel, prob, c.problem, c.notExist)
		}
	}
	if data, prob := r.Read("limit.md"); prob == nil || len(data) != 0 || !strings.Contains(prob.Message, "NUL") {
		t.Errorf("a file of exactly 1 MiB is read (and here refused for its NUL bytes): %v", prob)
	}
}

// A symbolic link anywhere along a path that leads outside the repo is not
// followed, for reads and for writes; a link inside the repo is, even when
// it is absolute.
func TestConfinement(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	os.MkdirAll(filepath.Join(dir, "pairs", "a"), 0o755)
	os.MkdirAll(filepath.Join(dir, "pairs", "real", "notes"), 0o755)
	os.WriteFile(filepath.Join(outside, "x.md"), []byte("secret"), 0o644)
	os.WriteFile(filepath.Join(dir, "pairs", "real", "notes", "n.md"), []byte("mine"), 0o644)
	os.Symlink(outside, filepath.Join(dir, "pairs", "a", "notes"))
	os.Symlink(filepath.Join(dir, "pairs", "real"), filepath.Join(dir, "pairs", "abs"))
	os.Symlink("../..", filepath.Join(dir, "pairs", "real", "up"))
	r, err := OpenAt(dir, FoundByFlag)
	if err != nil {
		t.Fatal(err)
	}
	if _, prob := r.Read("pairs/a/notes/x.md"); prob == nil || !strings.Contains(prob.Message, "pairs/a/notes is a symbolic link to a place outside the repo") {
		t.Errorf("read through a link outside: %+v", prob)
	}
	if err := r.Write("pairs/a/notes/new.md", []byte("x"), false); err == nil {
		t.Errorf("wrote through a link outside")
	}
	if err := r.MkdirAll("pairs/a/notes/sub"); err == nil {
		t.Errorf("made a folder through a link outside")
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 1 {
		t.Errorf("the folder outside changed: %v", entries)
	}
	if _, err := r.ReadDir("pairs/a/notes"); err == nil {
		t.Errorf("listed a folder outside")
	}
	if data, prob := r.Read("pairs/abs/notes/n.md"); prob != nil || string(data) != "mine" {
		t.Errorf("read through an absolute link inside: %q %v", data, prob)
	}
	if err := r.Write("pairs/abs/notes/new.md", []byte("x"), false); err != nil {
		t.Errorf("write through an absolute link inside: %v", err)
	}
	if data, prob := r.Read("pairs/real/up/pairs/real/notes/n.md"); prob != nil || string(data) != "mine" {
		t.Errorf("a relative link that stays inside: %q %v", data, prob)
	}
	if _, prob := r.Read("pairs/real/up/../x.md"); prob == nil {
		t.Errorf("read above the root")
	}
}

// A Scope reads what Read reads, with the same answers and messages, for
// files below its folder and for paths that leave it.
func TestScopeReadsAsRead(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	for rel, text := range map[string]string{
		"pairs/a/plan.md": "plan\n", "pairs/a/notes/n.md": "note\n", "pairs/b/plan.md": "other\n",
	} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(rel)), 0o755)
		os.WriteFile(filepath.Join(dir, rel), []byte(text), 0o644)
	}
	os.WriteFile(filepath.Join(outside, "x.md"), []byte("secret"), 0o644)
	os.Symlink("../b/plan.md", filepath.Join(dir, "pairs", "a", "up.md"))
	os.Symlink(filepath.Join(dir, "pairs", "b", "plan.md"), filepath.Join(dir, "pairs", "a", "abs.md"))
	os.Symlink(filepath.Join(outside, "x.md"), filepath.Join(dir, "pairs", "a", "out.md"))
	os.Symlink("nowhere.md", filepath.Join(dir, "pairs", "a", "dangling.md"))
	os.Symlink(outside, filepath.Join(dir, "pairs", "a", "survey"))
	r, err := OpenAt(dir, FoundByFlag)
	if err != nil {
		t.Fatal(err)
	}
	s := r.Scope("pairs/a")
	defer s.Close()
	for _, rel := range []string{"pairs/a/plan.md", "pairs/a/notes/n.md", "pairs/a/closure.md", "pairs/a/up.md",
		"pairs/a/abs.md", "pairs/a/out.md", "pairs/a/dangling.md", "pairs/a/survey/x.md", "pairs/b/plan.md", "pairs/a/notes",
		"pairs/a/none/x.md", "pairs/a/Plan.md", "pairs/a/NOTES/n.md"} {
		d1, p1 := r.Read(rel)
		for _, read := range []func(string) ([]byte, *ReadProblem){s.Read, s.ReadExpected} {
			d2, p2 := read(rel)
			if string(d1) != string(d2) || (p1 == nil) != (p2 == nil) || p1 != nil && (*p1.Problem != *p2.Problem || p1.NotExist() != p2.NotExist()) {
				t.Errorf("%s: Read %q %+v, Scope %q %+v", rel, d1, p1, d2, p2)
			}
		}
	}
	for _, rel := range []string{"pairs/a/notes", "pairs/a/survey", "pairs/a/none", "pairs/a/Notes"} {
		e1, err1 := r.ReadDir(rel)
		e2, err2 := s.ReadDir(rel)
		if len(e1) != len(e2) || (err1 == nil) != (err2 == nil) ||
			errors.Is(err1, fs.ErrNotExist) != errors.Is(err2, fs.ErrNotExist) {
			t.Errorf("%s: ReadDir %v %v, Scope %v %v", rel, e1, err1, e2, err2)
		}
	}
	for _, rel := range []string{"pairs/a/plan.md", "pairs/a/closure.md", "pairs/a/dangling.md", "pairs/a/survey", "pairs/a/none/x"} {
		i1, err1 := r.Lstat(rel)
		i2, err2 := s.Lstat(rel)
		if (err1 == nil) != (err2 == nil) || err1 == nil && i1.Mode() != i2.Mode() ||
			errors.Is(err1, fs.ErrNotExist) != errors.Is(err2, fs.ErrNotExist) {
			t.Errorf("%s: Lstat %v %v, Scope %v %v", rel, i1, err1, i2, err2)
		}
	}
}
