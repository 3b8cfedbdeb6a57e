package closure

import (
	"bytes"
	"strings"

	"github.com/mentor-cli/mentor/internal/markdown"
)

// fastBody reads the body line by line, without building a Markdown tree,
// when every line has a shape whose CommonMark block structure is plain:
//
//   - blank lines;
//   - ATX headings at the start of the line ("## Summary", "### 2027-02-20");
//   - "- text" items at the start of the line, and "  - text" items nested
//     one level under them;
//   - paragraph lines that start with a character that cannot open a block;
//   - HTML comments ("<!-- … -->") after a blank line or a heading.
//
// It returns false as soon as a line falls outside these shapes (code
// blocks, quotes, tabs, carriage returns, deeper nesting, lazy continuation
// lines, …), and the caller reads the body with goldmark instead. The blocks
// it hands on are goldmark's: a paragraph is its run of lines, a list runs
// over blank lines to the next block that is not an item, a comment runs to
// the line that closes it. FuzzParse checks that whenever it returns true
// the record is the one goldmark gives.
func (b *bodyReader) fastBody() bool {
	body := b.body
	b.str = string(body) // titles, notes and check-ins are slices of it
	if !markdown.NoControls(body) {
		return false // tabs, carriage returns and other controls
	}

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
	from, to := -1, 0 // the open block's first line and the end of its last, or -1
	html := false     // the open block is an HTML comment
	end := func() {
		if from >= 0 {
			b.fastContent(from, to, html)
			from = -1
		}
	}
	begin := func(start int, isHTML bool) {
		end()
		from, html = start, isHTML
	}
	for pos := 0; pos < len(body); {
		start := pos
		var ln []byte
		if i := bytes.IndexByte(body[pos:], '\n'); i < 0 {
			ln, pos = body[pos:], len(body)
		} else {
			ln, pos = body[pos:pos+i], pos+i+1
		}
		if inHTML {
			to = start + len(ln)
			if bytes.Contains(ln, []byte("-->")) {
				inHTML = false
				end()
			}
			continue
		}
		if len(bytes.TrimLeft(ln, " ")) == 0 {
			if prev == para {
				end()
			}
			prev = blank
			continue
		}
		switch {
		case ln[0] == '#':
			level, title, ok := markdown.PlainHeading(b.str[start : start+len(ln)])
			if !ok {
				return false // goldmark reads it
			}
			end()
			b.heading(level, title, start)
			prev, inList = closed, false
		case ln[0] == '-':
			if len(ln) < 3 || ln[1] != ' ' || !markdown.PlainStart(ln[2:]) {
				return false
			}
			if !inList || prev == para {
				begin(start, false)
			}
			to = start + len(ln)
			if b.goalLevel > 0 {
				b.item(strings.TrimSpace(b.str[start+2:start+len(ln)]), start)
			}
			prev, inList = item, true
		case ln[0] == ' ':
			if len(ln) < 5 || ln[1] != ' ' || ln[2] != '-' || ln[3] != ' ' || !markdown.PlainStart(ln[4:]) {
				return false
			}
			if !(prev == item || prev == nested || prev == blank && inList) {
				return false
			}
			to = start + len(ln)
			if b.goalLevel > 0 {
				b.note(strings.TrimSpace(b.str[start+4 : start+len(ln)]))
			}
			prev = nested
		case bytes.HasPrefix(ln, []byte("<!--")):
			if prev != blank && prev != closed {
				return false
			}
			begin(start, true)
			to = start + len(ln)
			if i := bytes.Index(ln, []byte("-->")); i >= 0 && i < 4 {
				return false // "<!-->" and "<!--->": leave them to goldmark
			} else if i < 0 {
				inHTML = true
			} else {
				end()
			}
			prev, inList = closed, false
		default:
			if prev == item || prev == nested || !markdown.PlainStart(ln) {
				return false // a lazy continuation line, or a block marker
			}
			if prev != para {
				begin(start, false)
			}
			to = start + len(ln)
			prev, inList = para, false
		}
	}
	end()
	b.finish()
	return true
}

// fastContent takes a top-level block the line reader found: its lines,
// and whether it is an HTML comment (which holds no TODO line: a TODO there
// is a note to the writer).
func (b *bodyReader) fastContent(from, to int, html bool) {
	s := b.open()
	if s == nil {
		return
	}
	text := b.str[from:to]
	todo := 0
	if s.TODO == 0 && !html {
		for off := 0; off < len(text); {
			ln := text[off:]
			if i := strings.IndexByte(ln, '\n'); i >= 0 {
				ln = ln[:i]
			}
			if todoLine(ln) {
				todo = b.lineOf(from + off)
				break
			}
			off += len(ln) + 1
		}
	}
	b.content(todo, s.Empty && saysText(text))
}
