package repo

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A pair folder's own files are read through its bare descriptor, and every
// file the bare read cannot take (a link, a FIFO, a folder, a file too
// large or not text) still gets Read's answer and message; a pair folder
// that is a link is read through the os.Root.
func TestScopeBareReads(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	files := map[string][]byte{
		"pairs/a/plan.md": []byte("plan\n"), "pairs/a/empty.md": nil, "pairs/a/nul.md": []byte("a\x00b"),
		"pairs/a/latin1.md": []byte("caf\xe9"), "pairs/a/big.md": bytes.Repeat([]byte("x"), MaxFileSize+1),
		"pairs/a/limit.md": bytes.Repeat([]byte("y"), MaxFileSize), "pairs/a/notes/n.md": []byte("note\n"),
		"pairs/b/plan.md": []byte("other\n"), "pairs/a/dir.md/x": []byte("x"), "pairs/a/notes/nul.md": []byte("\x00"),
		"pairs/a/notes/deep/x.md": []byte("deep"), "pairs/b/notes/n.md": []byte("b's note\n"),
	}
	for rel, data := range files {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(rel)), 0o755)
		os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	}
	os.WriteFile(filepath.Join(outside, "x.md"), []byte("secret"), 0o644)
	if err := syscall.Mkfifo(filepath.Join(dir, "pairs", "a", "fifo.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Symlink("../b/plan.md", filepath.Join(dir, "pairs", "a", "up.md"))
	os.Symlink(filepath.Join(outside, "x.md"), filepath.Join(dir, "pairs", "a", "out.md"))
	os.Symlink("nowhere.md", filepath.Join(dir, "pairs", "a", "dangling.md"))
	os.Symlink(filepath.Join(outside, "x.md"), filepath.Join(dir, "pairs", "a", "notes", "out.md"))
	os.Symlink(outside, filepath.Join(dir, "pairs", "a", "survey"))
	os.Symlink("b", filepath.Join(dir, "pairs", "c"))
	os.Symlink(outside, filepath.Join(dir, "pairs", "d"))
	r, err := OpenAt(dir, FoundByFlag)
	if err != nil {
		t.Fatal(err)
	}
	for folder, bare := range map[string]bool{"pairs/a": true, "pairs/b": true, "pairs/c": false, "pairs/d": false, "pairs/none": false} {
		s := r.Scope(folder)
		if s.bare.open != bare {
			t.Errorf("%s: bare descriptor open %v, want %v", folder, s.bare.open, bare)
		}
		for _, list := range []string{"survey", "none", "plan.md", "notes"} {
			rel := folder + "/" + list
			e1, err1 := r.ReadDir(rel)
			e2, err2 := s.ReadDir(rel)
			if len(e1) != len(e2) || (err1 == nil) != (err2 == nil) || errors.Is(err1, fs.ErrNotExist) != errors.Is(err2, fs.ErrNotExist) {
				t.Errorf("%s: ReadDir %v %v, Scope %v %v", rel, e1, err1, e2, err2)
			}
		}
		// notes/ was listed last: its files are read from its descriptor.
		if held := s.bare.holds("notes"); held != (bare && folder != "pairs/none") {
			t.Errorf("%s: notes/ held open %v", folder, held)
		}
		for _, name := range []string{"plan.md", "empty.md", "nul.md", "latin1.md", "big.md", "limit.md", "fifo.md",
			"dir.md", "up.md", "out.md", "dangling.md", "closure.md", "notes", "notes/n.md", "notes/nul.md",
			"notes/out.md", "notes/deep", "notes/deep/x.md", "notes/none.md", "survey/n.md", "x.md"} {
			rel := folder + "/" + name
			d1, p1 := r.Read(rel)
			for _, read := range []func(string) ([]byte, *ReadProblem){s.Read, s.ReadExpected} {
				d2, p2 := read(rel)
				if !bytes.Equal(d1, d2) || (p1 == nil) != (p2 == nil) || p1 != nil && (*p1.Problem != *p2.Problem || p1.NotExist() != p2.NotExist()) {
					t.Errorf("%s: Read %.20q %+v, Scope %.20q %+v", rel, d1, p1, d2, p2)
				}
			}
		}
		s.Close()
		if s.bare.open {
			t.Errorf("%s: Close left the descriptor open", folder)
		}
	}
	if data, prob := r.Read("pairs/a/limit.md"); prob != nil || len(data) != MaxFileSize {
		t.Errorf("a file of exactly 1 MiB: %d bytes, %v", len(data), prob)
	}
	if data, prob := r.Read("pairs/a/empty.md"); prob != nil || len(data) != 0 {
		t.Errorf("an empty file: %q, %v", data, prob)
	}
}
