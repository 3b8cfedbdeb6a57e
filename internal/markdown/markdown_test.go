package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// reference is goldmark's CommonMark block parser as it comes, without the
// link-reference transformer mentor leaves out on purpose.
var reference = parser.NewParser(parser.WithBlockParsers(parser.DefaultBlockParsers()...))

// shape writes a tree's blocks as mentor reads them: kind, depth and
// lines. A paragraph, a tight item's text block and a Text are one kind
// with trimmed lines (mentor trims them); a code block shows only where
// its content starts.
func shape(n ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(n ast.Node, depth int)
	walk = func(n ast.Node, depth int) {
		if n.Type() != ast.TypeBlock {
			return
		}
		kind := n.Kind().String()
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, KindText:
			kind = "Text"
		}
		fmt.Fprintf(&b, "%s%s", strings.Repeat(" ", depth), kind)
		if h, ok := n.(*ast.Heading); ok {
			fmt.Fprintf(&b, " %d", h.Level)
		}
		if ls := n.Lines(); ls != nil {
			for i := 0; i < ls.Len(); i++ {
				seg := ls.At(i)
				switch n.Kind() {
				case ast.KindFencedCodeBlock, ast.KindCodeBlock:
					if i == 0 {
						fmt.Fprintf(&b, " @%d", seg.Start)
					}
				default:
					fmt.Fprintf(&b, " %q", bytes.TrimSpace(seg.Value(src)))
				}
			}
		}
		b.WriteByte('\n')
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// same checks that mentor's parser gives src the block structure goldmark
// gives it, when nothing nests past the limit.
func same(t *testing.T, src []byte) {
	t.Helper()
	d := Blocks(src)
	if len(d.Skipped) > 0 {
		return
	}
	want := shape(reference.Parse(text.NewReader(src)), src)
	if got := shape(d.Root, src); got != want {
		t.Fatalf("%q:\ngot\n%s\nwant\n%s", src, got, want)
	}
}

var samples = []string{
	"",
	"# Title\n\n## Goals\n- [ ] A\n  - 2026-01-01: note\n- [x] B\n\n## Meetings\n### 2026-02-01 Kickoff\nNotes.\n",
	"Goals\n-----\n\n- [ ] Setext headings\n\nMeetings\n========\n",
	"para\n---\n- item\n---\n",
	"text\n  - lazy\ncontinued\n\n> quote\ncontinued\n> > deeper\n",
	"- a\n\n  b\n\n- c\n",
	"- tight\n- list\n\n1. ordered\n2) other\n",
	"```go\ncode\n\n  more\n```\n\n    indented\n    code\n\ntext\n",
	"<pre>\n  - x\n</pre>\n<!--\n- y\n-->\n<div>\n- z\n\n</div>\n",
	"[a]: https://example.com\n[b]: /x \"title\"\n\ntext [a]\n",
	"- - - -\n* * *\n_ _ _\n- * * *\n",
	"  # indented heading\n\t- tab item\n\t\tnested\n",
	"> ```\n> code\n> ```\n\n- ~~~\n  tilde\n  ~~~\n",
	"a\r\nb\r\n\r\n- c\r\n  d\r\n",
	"Setext in a list\n- item\n  ===\n- x\n  ---\n",
}

// The parser reads block structure exactly as goldmark does (paragraphs
// kept as raw text, code blocks by where they start), link reference
// definitions included, as long as nothing nests past the limit.
func TestSameBlocksAsGoldmark(t *testing.T) {
	for _, s := range samples {
		same(t, []byte(s))
	}
}

func FuzzBlocks(f *testing.F) {
	for _, s := range samples {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 4096 {
			return
		}
		same(t, src)
	})
}

// Setext headings survive the paragraphs becoming raw text: their lines
// become the heading's.
func TestSetextHeadings(t *testing.T) {
	src := []byte("Goals\n-----\n\nMeetings log\nsecond line\n===\n")
	d := Blocks(src)
	var got []string
	for n := d.Root.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			var b []byte
			for i := 0; i < h.Lines().Len(); i++ {
				seg := h.Lines().At(i)
				b = append(b, bytes.TrimSpace(seg.Value(src))...)
				b = append(b, '|')
			}
			got = append(got, fmt.Sprintf("%d:%s", h.Level, b))
		} else {
			got = append(got, n.Kind().String())
		}
	}
	if strings.Join(got, " ") != "2:Goals| 1:Meetings log|second line|" {
		t.Errorf("blocks: %v", got)
	}
}

// Lists and quotes nest Limit deep; a line that would nest deeper keeps the
// rest as a Skipped block, and Skipped gives its offset.
func TestNestingLimit(t *testing.T) {
	at := strings.Repeat("- ", Limit) + "x\n"
	if d := Blocks([]byte(at)); len(d.Skipped) != 0 {
		t.Errorf("at the limit: skipped %v", d.Skipped)
	}
	for _, marker := range []string{"- ", "> ", "1. ", "> - "} {
		src := "first\n\n" + strings.Repeat(marker, 1000) + "x\n"
		d := Blocks([]byte(src))
		if len(d.Skipped) != 1 {
			t.Errorf("%q: skipped %v", marker, d.Skipped)
			continue
		}
		n := d.Root
		for n != nil && n.Kind() != KindSkipped {
			n = n.LastChild()
		}
		if n == nil || depth(n.Parent()) != Limit {
			t.Errorf("%q: the Skipped block is not at depth %d", marker, Limit)
		}
		line, msg, ok := d.Skips(func(off int) int { return 1 + bytes.Count([]byte(src[:off]), []byte("\n")) })
		if !ok || line != 3 || !strings.Contains(msg, "nest more than 16 deep here") {
			t.Errorf("%q: warning %d %q", marker, line, msg)
		}
	}
}
