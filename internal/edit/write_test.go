package edit

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/mentor-cli/mentor/internal/repo"
)

func testRepo(t *testing.T) (*repo.Repo, string) {
	t.Helper()
	root := t.TempDir()
	r, err := repo.OpenAt(root, repo.FoundByFlag)
	if err != nil {
		t.Fatal(err)
	}
	return r, root
}

func TestHoldsWriting(t *testing.T) {
	for in, want := range map[string]bool{
		"": false, "  \n": false, "Summary: TODO\n": false, "TODO: write this": false,
		"We met weekly.\n": true, "See the TODOs in the agenda.\n": true,
	} {
		if got := HoldsWriting([]byte(in)); got != want {
			t.Errorf("HoldsWriting(%q) = %v", in, got)
		}
	}
}

// --force over a finished record keeps it as closure.md.bak; over a record
// with TODO left it keeps nothing; without --force it refuses.
func TestWriteKeepsABackupOfFinishedWriting(t *testing.T) {
	r, root := testRepo(t)
	file := "pairs/a--b/closure.md"
	path := filepath.Join(root, filepath.FromSlash(file))
	if w, err := Write(r, file, []byte("new\n"), WriteOptions{}); err != nil || !w.Written || w.Existed || w.Backup != "" {
		t.Fatalf("%+v %v", w, err)
	}
	if _, err := Write(r, file, []byte("again\n"), WriteOptions{}); !errors.As(err, new(*repo.ExistsError)) {
		t.Fatalf("without --force: %v", err)
	}

	os.WriteFile(path, []byte("Summary: TODO\n"), 0o644)
	w, err := Write(r, file, []byte("v2\n"), WriteOptions{Force: true})
	if err != nil || w.Backup != "" {
		t.Fatalf("a record with TODO left got a backup: %+v %v", w, err)
	}

	os.WriteFile(path, []byte("We met weekly and it worked.\n"), 0o644)
	w, err = Write(r, file, []byte("v3\n"), WriteOptions{Force: true})
	if err != nil || w.Backup != file+".bak" {
		t.Fatalf("%+v %v", w, err)
	}
	if b, _ := os.ReadFile(path + ".bak"); string(b) != "We met weekly and it worked.\n" {
		t.Errorf("backup holds %q", b)
	}

	// A second finished version does not replace the first backup.
	os.WriteFile(path, []byte("Second finished version.\n"), 0o644)
	w, err = Write(r, file, []byte("v4\n"), WriteOptions{Force: true})
	if err != nil || w.Backup != file+".bak.2" {
		t.Fatalf("%+v %v", w, err)
	}
	if b, _ := os.ReadFile(path + ".bak"); string(b) != "We met weekly and it worked.\n" {
		t.Errorf("the first backup changed: %q", b)
	}
	// The same writing again reuses its backup.
	os.WriteFile(path, []byte("We met weekly and it worked.\n"), 0o644)
	if w, err = Write(r, file, []byte("v5\n"), WriteOptions{Force: true}); err != nil || w.Backup != file+".bak" {
		t.Fatalf("%+v %v", w, err)
	}
}

func TestWriteDryRun(t *testing.T) {
	r, root := testRepo(t)
	file := "pairs/a--b/agenda.md"
	var diff bytes.Buffer
	w, err := Write(r, file, []byte("hello\n"), WriteOptions{DryRun: true, Diff: &diff})
	if err != nil || w.Written {
		t.Fatalf("%+v %v", w, err)
	}
	if want := "--- /dev/null\n+++ b/pairs/a--b/agenda.md\n@@ -0,0 +1 @@\n+hello\n"; diff.String() != want {
		t.Errorf("diff:\n%s", diff.String())
	}
	if _, err := os.Stat(filepath.Join(root, "pairs", "a--b", "agenda.md")); !os.IsNotExist(err) {
		t.Errorf("a dry run wrote the file")
	}
}
