package plan

import (
	"bytes"
	"strings"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/frontmatter"
	"github.com/mentor-cli/mentor/internal/markdown"
)

// fastBody reads the body line by line, without building a Markdown tree,
// when every line has a shape whose CommonMark block structure is plain:
//
//   - blank lines;
//   - ATX headings at the start of the line ("## Goals", "### 2026-01-20 Kickoff");
//   - "- text" items at the start of the line, and "  - text" items nested
//     one level under them;
//   - paragraph lines that start with a character that cannot open a block;
//   - HTML comments ("<!-- … -->") after a blank line or a heading.
//
// It returns false as soon as a line falls outside these shapes (code blocks,
// quotes, tabs, carriage returns, deeper nesting, lazy continuation lines, …),
// and the caller parses the body with goldmark instead. FuzzParsePlan checks
// that whenever it returns true the plan is the one goldmark gives.
func fastBody(p *Plan, l *diag.List, doc frontmatter.Doc, today dates.Date, text bodyText) bool {
	body := doc.Body
	if !markdown.NoControls(body) {
		return false // tabs, carriage returns and other controls
	}
	w := newWalker(p, l, doc, today, text)

	const (
		closed = iota // start of the body, after a heading or an HTML block
		blank
		para   // a paragraph at the top level
		item   // a top-level "- " item
		nested // a nested "  - " item
	)
	prev := closed
	inList := false // the last top-level block is a list
	inHTML := false
	line := doc.BodyLine - 1 // the file line of ln
	for pos := 0; pos < len(body); {
		start := pos
		end := bytes.IndexByte(body[pos:], '\n')
		var ln []byte
		if end < 0 {
			ln, pos = body[pos:], len(body)
		} else {
			ln, pos = body[pos:pos+end], pos+end+1
		}
		line++
		w.atOff, w.atLine = start, line
		if inHTML {
			if bytes.Contains(ln, []byte("-->")) {
				inHTML = false
			}
			continue
		}
		if len(bytes.TrimLeft(ln, " ")) == 0 {
			prev = blank
			continue
		}
		switch {
		case ln[0] == '#':
			level, title, ok := markdown.PlainHeading(w.str[start : start+len(ln)])
			if !ok {
				return false // goldmark reads it
			}
			w.heading(level, title, start)
			prev, inList = closed, false
		case ln[0] == '-':
			if len(ln) < 3 || ln[1] != ' ' || !safeStart(ln[2:]) {
				return false
			}
			if w.section == "goals" {
				w.item(strings.TrimSpace(w.str[start+2:start+len(ln)]), line)
			}
			prev, inList = item, true
		case ln[0] == ' ':
			if len(ln) < 5 || ln[1] != ' ' || ln[2] != '-' || ln[3] != ' ' || !safeStart(ln[4:]) {
				return false
			}
			if !(prev == item || prev == nested || prev == blank && inList) {
				return false
			}
			if w.section == "goals" {
				w.note(strings.TrimSpace(w.str[start+4:start+len(ln)]), line)
			}
			prev = nested
		case bytes.HasPrefix(ln, []byte("<!--")):
			if prev != blank && prev != closed {
				return false
			}
			if i := bytes.Index(ln, []byte("-->")); i >= 0 && i < 4 {
				return false // "<!-->" and "<!--->": leave them to goldmark
			} else if i < 0 {
				inHTML = true
			}
			prev, inList = closed, false
		default:
			if prev == item || prev == nested || !safeStart(ln) {
				return false // a lazy continuation line, or a block marker
			}
			prev, inList = para, false
		}
	}
	w.finish()
	return true
}

func safeStart(s []byte) bool { return markdown.PlainStart(s) }
