package clidocs

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

const repoRoot = "../.."

// webBase is where the repo's files are read on the web: a link there is
// checked as the file it names.
const webBase = "https://github.com/mentor-cli/mentor/blob/main/"

// elsewhere are pages the docs link to that are written apart from them;
// a link to one is checked once the page is there.
var elsewhere = map[string]bool{"docs/performance.md": true}

// page is what the link check needs of one Markdown file.
type page struct {
	anchors map[string]bool
	links   []link
}

type link struct {
	dest string
	line int
}

// readPage parses a Markdown file as GitHub does (CommonMark and GFM) and
// gives the anchors of its headings and its links.
func readPage(t *testing.T, file string) page {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(src))
	p := page{anchors: map[string]bool{}}
	seen := map[string]int{}
	lineOf := func(n ast.Node) int {
		for ; n != nil; n = n.Parent() {
			if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
				return 1 + strings.Count(string(src[:n.Lines().At(0).Start]), "\n")
			}
		}
		return 0
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			slug := Slug(plainText(n, src))
			if k := seen[slug]; k > 0 {
				p.anchors[fmt.Sprintf("%s-%d", slug, k)] = true
			} else {
				p.anchors[slug] = true
			}
			seen[slug]++
		case *ast.Link:
			p.links = append(p.links, link{string(n.Destination), lineOf(n)})
		case *ast.Image:
			p.links = append(p.links, link{string(n.Destination), lineOf(n)})
		}
		return ast.WalkContinue, nil
	})
	return p
}

// plainText is a heading's text as GitHub makes its anchor from it: the
// text of its inlines, code spans included.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Segment.Value(src))
			}
			if s, ok := c.(*ast.String); ok {
				b.Write(s.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// Slug is the anchor GitHub gives a heading: lower case, letters, digits,
// spaces made hyphens, - and _ kept, every other character dropped.
func Slug(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// docPages are the README and every page under docs/, repo-relative.
func docPages(t *testing.T) []string {
	t.Helper()
	files := []string{"README.md"}
	err := filepath.WalkDir(filepath.Join(repoRoot, "docs"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			rel, _ := filepath.Rel(repoRoot, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files
}

// Every relative link of the README and the docs leads to a file or folder
// of the repo, and every #anchor to a heading of the page it names.
func TestDocsLinks(t *testing.T) {
	pages := map[string]page{}
	get := func(file string) page {
		p, ok := pages[file]
		if !ok {
			p = readPage(t, filepath.Join(repoRoot, filepath.FromSlash(file)))
			pages[file] = p
		}
		return p
	}
	files := docPages(t)
	if len(files) < 20 {
		t.Fatalf("only %d pages: %v", len(files), files)
	}
	checked := 0
	for _, file := range files {
		for _, l := range get(file).links {
			if msg := checkLink(file, l.dest, get); msg != "" {
				t.Errorf("%s:%d: link %s: %s", file, l.line, l.dest, msg)
			}
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("only %d links checked", checked)
	}
}

// checkLink says what is wrong with a link of file, or "".
func checkLink(file, dest string, get func(string) page) string {
	if local, ok := strings.CutPrefix(dest, webBase); ok {
		dest = local
		file = "README.md" // the path is from the repo root
	} else if strings.Contains(dest, "://") || strings.HasPrefix(dest, "mailto:") {
		return ""
	}
	target, frag, _ := strings.Cut(dest, "#")
	if target == "" {
		target = file
	} else {
		target = path.Clean(path.Join(path.Dir(file), target))
	}
	if strings.HasPrefix(target, "../") {
		return "leads out of the repo"
	}
	info, err := os.Stat(filepath.Join(repoRoot, filepath.FromSlash(target)))
	if err != nil {
		if elsewhere[target] {
			return ""
		}
		return "no such file " + target
	}
	if frag == "" {
		return ""
	}
	if info.IsDir() || !strings.HasSuffix(target, ".md") {
		return "an anchor into " + target + ", which is not a Markdown page"
	}
	if !get(target).anchors[frag] {
		return "no heading of " + target + " has the anchor #" + frag
	}
	return ""
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Exit codes": "exit-codes",
		"Extending: `mentor close extend PAIR --to DATE --reason TEXT`": "extending-mentor-close-extend-pair---to-date---reason-text",
		"Rules of `mentor close verify`":                                "rules-of-mentor-close-verify",
		"What a person's files cannot do to an output":                  "what-a-persons-files-cannot-do-to-an-output",
		"Settings: `.mentor.yaml`":                                      "settings-mentoryaml",
		"GitHub Actions — the Action":                                   "github-actions--the-action",
		"snake_case kept":                                               "snake_case-kept",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
