package clidocs

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/cli"
	"github.com/mentor-cli/mentor/internal/iostreams"
	"github.com/spf13/cobra"
)

const docsDir = "../../docs"

func factory() *cli.Factory {
	io, _, _, _ := iostreams.Test()
	return &cli.Factory{IO: io, Getenv: func(string) string { return "" }}
}

// The committed reference is what the command tree gives today: a new
// command, flag, help text, signal or rule that is not in docs/cli and
// docs/man fails here, as it fails CI's git diff.
func TestReferenceIsCurrent(t *testing.T) {
	pages, err := Pages(cli.NewRootCmd(factory()))
	if err != nil {
		t.Fatal(err)
	}
	const fix = "run go generate ./internal/clidocs and commit docs/cli and docs/man"
	for name, want := range pages {
		got, err := os.ReadFile(filepath.Join(docsDir, filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("docs/%s: %v: %s", name, err, fix)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("docs/%s is out of date (%s); first difference at line %d", name, fix, firstDiff(got, want))
		}
	}
	for _, sub := range []struct{ dir, ext string }{{MarkdownDir, ".md"}, {ManDir, ".1"}} {
		files, _ := filepath.Glob(filepath.Join(docsDir, sub.dir, "*"+sub.ext))
		for _, f := range files {
			if _, ok := pages[sub.dir+"/"+filepath.Base(f)]; !ok {
				t.Errorf("docs/%s/%s documents no command: %s", sub.dir, filepath.Base(f), fix)
			}
		}
	}
}

func firstDiff(a, b []byte) int {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return i + 1
		}
	}
	return min(len(al), len(bl)) + 1
}

// The same tree gives the same bytes: no date, no build detail.
func TestPagesAreDeterministic(t *testing.T) {
	a, err := Pages(cli.NewRootCmd(factory()))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Pages(cli.NewRootCmd(factory()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for name := range a {
		names = append(names, name)
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two runs", name)
		}
		for _, bad := range []string{"Auto generated", "spf13/cobra"} {
			if bytes.Contains(a[name], []byte(bad)) {
				t.Errorf("%s says %q", name, bad)
			}
		}
	}
	sort.Strings(names)
	for _, want := range []string{"cli/mentor_close_check.md", "man/mentor-close-check.1"} {
		if _, ok := a[want]; !ok {
			t.Errorf("no page %s among %v", want, names)
		}
	}
}

// Write removes the page of a command that is gone, and writes what Pages
// gives.
func TestWriteReplacesThePages(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{MarkdownDir, ManDir} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	stale := []string{filepath.Join(dir, MarkdownDir, "mentor_close_gone.md"), filepath.Join(dir, ManDir, "mentor-close-gone.1")}
	keep := filepath.Join(dir, MarkdownDir, "README.txt")
	for _, f := range append(stale, keep) {
		if err := os.WriteFile(f, []byte("old\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := Write(cli.NewRootCmd(factory()), dir); err != nil {
		t.Fatal(err)
	}
	for _, f := range stale {
		if _, err := os.Stat(f); !os.IsNotExist(err) {
			t.Errorf("%s was left: %v", f, err)
		}
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("a file that is not a page was removed: %v", err)
	}
	got, err := os.ReadFile(filepath.Join(dir, MarkdownDir, "mentor_close_check.md"))
	if err != nil || !bytes.HasPrefix(got, []byte("# mentor close check\n")) {
		t.Errorf("mentor_close_check.md: %v\n%.200s", err, got)
	}
}

func TestMarkdown(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"Writes <pair>/closure.md with remind_days and *stars*.", `Writes \<pair\>/closure.md with remind\_days and \*stars\*.`},
		{"Intro:\n\n  a  one\n  b  two", "Intro:\n\n```text\na  one\nb  two\n```"},
		{"- not a list\n# not a heading\n1. not a list\n--flag stays", "\\- not a list\n\\# not a heading\n1\\. not a list\n--flag stays"},
		{"para one\n  indented in a paragraph", "para one\nindented in a paragraph"},
	} {
		if got := Markdown(c.in); got != c.want {
			t.Errorf("Markdown(%q) =\n%s\nwant\n%s", c.in, got, c.want)
		}
	}
}

// A command without a guide is an error, and every guide is a page of the
// docs that the link check follows from the command's reference page.
func TestEveryCommandHasAGuide(t *testing.T) {
	tree := cli.NewRootCmd(factory())
	tree.AddCommand(&cobra.Command{Use: "unguided", Short: "new", Run: func(*cobra.Command, []string) {}})
	if _, err := Pages(tree); err == nil || !strings.Contains(err.Error(), "mentor unguided has no guide") {
		t.Errorf("a command without a guide: %v", err)
	}
	pages, err := Pages(cli.NewRootCmd(factory()))
	if err != nil {
		t.Fatal(err)
	}
	for path := range Guides {
		name := MarkdownDir + "/" + strings.ReplaceAll(path, " ", "_") + ".md"
		if _, ok := pages[name]; !ok {
			t.Errorf("Guides names %q, which has no page", path)
		}
	}
}

// Every flag of a man page is a tagged paragraph, its text below it.
func TestManOptionsAreTaggedParagraphs(t *testing.T) {
	pages, err := Pages(cli.NewRootCmd(factory()))
	if err != nil {
		t.Fatal(err)
	}
	man := string(pages["man/mentor-close-check.1"])
	for _, want := range []string{".SH OPTIONS\n.TP\n\\fB-f\\fP, \\fB--format\\fP=\"text\"\noutput", ".TP\n\\fB--verdict\\fP=\nkeep the pairs"} {
		if !strings.Contains(man, want) {
			t.Errorf("mentor-close-check.1 lacks %q", want)
		}
	}
	for name, page := range pages {
		if strings.HasPrefix(name, "man/") && strings.Contains(string(page), "\n\t") {
			t.Errorf("%s has a line that starts with a tab", name)
		}
	}
}
