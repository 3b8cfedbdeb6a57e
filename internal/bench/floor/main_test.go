package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/bench"
)

// The floor reads exactly the Markdown files of the pair folders, with
// any number of workers, and nothing else.
func TestReadsEveryMarkdownFile(t *testing.T) {
	dir := t.TempDir()
	st, err := bench.Generate(dir, 40, bench.DefaultSeed)
	if err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("x", 200<<10) // past the first buffer
	for name, text := range map[string]string{
		"pairs/README.txt":              "not a pair",
		"pairs/big--pair/plan.md":       big,
		"pairs/big--pair/agenda.md.bak": "not Markdown by its name",
		"pairs/big--pair/notes/x.txt":   "nor this",
	} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, workers := range []int{0, 1, 2, 7} {
		files, bytes, err := read(dir, workers)
		if err != nil {
			t.Fatal(err)
		}
		if files != st.Files+1 || bytes != st.Bytes+int64(len(big)) {
			t.Errorf("%d workers: %d files, %d bytes; want %d, %d", workers, files, bytes, st.Files+1, st.Bytes+int64(len(big)))
		}
	}
}

func TestNamesTheMissingFolder(t *testing.T) {
	dir := t.TempDir()
	_, _, err := read(dir, 2)
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "pairs")) {
		t.Errorf("err = %v", err)
	}
}

func TestNamesTheUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "pairs", "a--b")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	// A folder named like a Markdown file cannot be read as one.
	if err := os.Symlink(folder, filepath.Join(folder, "plan.md")); err != nil {
		t.Skip(err)
	}
	_, _, err := read(dir, 2)
	if err == nil || !strings.Contains(err.Error(), filepath.Join(folder, "plan.md")) {
		t.Errorf("err = %v", err)
	}
}
