package closure

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// firstTODO returns the body offset of the first TODO line a block holds
// as text, or -1. Code, HTML (comments) and sub-headings do not count: a
// TODO there is content, or a note to the writer.
func firstTODO(n ast.Node, body []byte) int {
	switch n.(type) {
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.Heading:
		return -1
	}
	if n.Type() == ast.TypeBlock {
		if ls := n.Lines(); ls != nil {
			for i := 0; i < ls.Len(); i++ {
				seg := ls.At(i)
				if todoLine(string(seg.Value(body))) {
					return seg.Start
				}
			}
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if off := firstTODO(c, body); off >= 0 {
			return off
		}
	}
	return -1
}

// IsTODOLine reports whether a line of a record's body is a TODO
// placeholder: TODO at its start, after any quote or list marker and an
// empty checkbox ("TODO: why it ended", "- [ ] TODO: a next goal").
func IsTODOLine(line string) bool { return todoLine(line) }

// todoLine reports whether a line of text is a TODO placeholder, with the
// list and quote markers, checkbox and emphasis that saysText allows.
func todoLine(s string) bool {
	s = strings.TrimSpace(s)
	s = trimLeftOf(s, "> \t")
	s = trimListMarker(s)
	s = strings.TrimPrefix(s, "[ ]")
	s = trimLeftOf(s, " \t*_")
	return s != "" && IsTODO(s)
}

// trimLeftOf is strings.TrimLeft for a few ASCII bytes, without building
// a set on every call (it runs on every line of a record).
func trimLeftOf(s, cut string) string {
	for s != "" && strings.IndexByte(cut, s[0]) >= 0 {
		s = s[1:]
	}
	return s
}

// says reports whether a block holds something a person wrote: anything but
// TODO lines, HTML comments, sub-headings, rules and blank lines.
func says(n ast.Node, body []byte) bool {
	switch b := n.(type) {
	case *ast.Heading, *ast.ThematicBreak:
		return false
	case *ast.HTMLBlock:
		if b.HTMLBlockType != ast.HTMLBlockType2 {
			return true
		}
		// A comment block; text after the closing --> on its last line counts.
		raw := blockText(b, body)
		if b.HasClosure() {
			raw = append(raw, b.ClosureLine.Value(body)...)
		}
		return saysText(string(raw))
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return true
	}
	s, e := span(n)
	if s < 0 {
		return false
	}
	return saysText(string(body[s:e]))
}

var comment = regexp.MustCompile(`(?s)<!--.*?-->`)

// saysText reports whether raw Markdown has a line that is not blank, not a
// TODO line and not inside an HTML comment. List markers, quote markers,
// checkboxes and emphasis around a TODO are allowed.
func saysText(raw string) bool {
	if strings.Contains(raw, "<!--") {
		raw = comment.ReplaceAllString(raw, "")
		if i := strings.Index(raw, "<!--"); i >= 0 {
			raw = raw[:i] // an unclosed comment runs to the end of the block
		}
	}
	for len(raw) > 0 { // line by line, up to the first that says something
		line := raw
		if i := strings.IndexByte(raw, '\n'); i >= 0 {
			line, raw = raw[:i], raw[i+1:]
		} else {
			raw = ""
		}
		s := strings.TrimSpace(line)
		for { // quote and list markers, as deep as they go
			t := trimListMarker(trimLeftOf(s, "> \t"))
			if t == s {
				break
			}
			s = t
		}
		s = strings.TrimPrefix(s, "[ ]")
		s = trimLeftOf(s, " \t*_")
		if s == "" || IsTODO(s) {
			continue
		}
		return true
	}
	return false
}

func trimListMarker(s string) string {
	if len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\t') {
		return strings.TrimLeft(s[2:], " \t")
	}
	if s == "-" || s == "*" || s == "+" {
		return ""
	}
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && (s[i+1] == ' ' || s[i+1] == '\t') {
		return strings.TrimLeft(s[i+2:], " \t")
	}
	return s
}

// span returns the byte range covered by a block's lines and its children's.
func span(n ast.Node) (int, int) {
	s, e := -1, -1
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		if n.Type() == ast.TypeBlock {
			if ls := n.Lines(); ls != nil {
				for i := 0; i < ls.Len(); i++ {
					seg := ls.At(i)
					if s < 0 || seg.Start < s {
						s = seg.Start
					}
					if seg.Stop > e {
						e = seg.Stop
					}
				}
			}
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Type() == ast.TypeBlock { // a leaf's text is in its lines, not its inline children
				walk(c)
			}
		}
	}
	walk(n)
	return s, e
}

func start(n ast.Node) int {
	if s, _ := span(n); s >= 0 {
		return s
	}
	return 0
}

func blockText(n ast.Node, body []byte) []byte {
	var b []byte
	ls := n.Lines()
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		b = append(b, seg.Value(body)...)
	}
	return b
}

// joinLines returns a leaf block's text, its lines joined by a space.
func joinLines(n ast.Node, body []byte) []byte {
	var b []byte
	ls := n.Lines()
	for i := 0; i < ls.Len(); i++ {
		if i > 0 {
			b = append(b, ' ')
		}
		seg := ls.At(i)
		b = append(b, bytes.TrimSpace(seg.Value(body))...)
	}
	return b
}

func newlines(body []byte) []int {
	nl := make([]int, 0, bytes.Count(body, []byte{'\n'}))
	for i := 0; ; {
		j := bytes.IndexByte(body[i:], '\n')
		if j < 0 {
			return nl
		}
		nl = append(nl, i+j)
		i += j + 1
	}
}
