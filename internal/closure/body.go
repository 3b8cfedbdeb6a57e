package closure

import (
	"bytes"
	"sort"
	"strings"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/frontmatter"
	"github.com/mentor-cli/mentor/internal/markdown"
	"github.com/yuin/goldmark/ast"
)

// What a reading of the body gathers.
const (
	readSections = 1 << iota // the level-2 sections, and the warning about nesting cut short
	readNextGoals
	readCheckIns
	readAll = readSections | readNextGoals | readCheckIns
)

// bodyReader gathers what a record's body holds — its level-2 sections, its
// Next goals list and its Check-ins section — in one walk over the body's
// top-level blocks. The blocks come from the line reader (fastBody) when
// the body is plain enough, else from goldmark's tree (walkTree); both call
// heading, content, item and note in document order, so what is gathered
// is the same whichever read the body (FuzzParse compares the two).
type bodyReader struct {
	r    *Record
	l    *diag.List
	doc  frontmatter.Doc
	body []byte
	str  string // body as one string, for the line reader: what it keeps is a slice of it
	nl   []int  // offsets of '\n' in body
	what int    // read… flags

	cur int // index in r.Sections of the open section, -1 outside one

	goalLevel int  // level of the Next goals heading while inside it, else 0
	goalsDone bool // the Next goals list has ended
	inGoal    bool // the last item was a goal: its nested items are its notes

	sec    *CheckInSection
	ci     *CheckIn
	ciDone bool // the Check-ins section has ended
}

// readBody reads the body of a record into r: the line reader first, unless
// it is turned off, and goldmark for a body it does not take.
func (r *Record) readBody(doc frontmatter.Doc, l *diag.List, what int, noFast bool) {
	nl := newlines(doc.Body)
	if fastBodyOn && !noFast {
		// The line reader works on a scratch record, so that a body it
		// gives up on half-way leaves nothing behind.
		scratch := &Record{Closed: r.Closed}
		sl := &diag.List{File: l.File}
		b := &bodyReader{r: scratch, l: sl, doc: doc, body: doc.Body, nl: nl, what: what, cur: -1}
		if b.fastBody() {
			r.Sections, r.NextGoals = scratch.Sections, scratch.NextGoals
			r.CheckIns, r.CheckInSection, r.CheckInProblems = scratch.CheckIns, scratch.CheckInSection, scratch.CheckInProblems
			l.Problems = append(l.Problems, sl.Problems...)
			return
		}
	}
	b := &bodyReader{r: r, l: l, doc: doc, body: doc.Body, nl: nl, what: what, cur: -1}
	b.walkTree()
}

// walkTree reads the body through goldmark: only the document's own
// children count (a heading in a list, a quote or a code block is content).
func (b *bodyReader) walkTree() {
	md := markdown.Blocks(b.body)
	if b.what&readSections != 0 {
		if line, msg, ok := md.Skips(b.lineOf); ok {
			// What nests past the limit is kept as text: a section that
			// holds it still says something.
			b.l.Warnf(line, "%s", msg)
		}
	}
	body := b.body
	for n := md.Root.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			b.heading(h.Level, strings.TrimSpace(string(joinLines(h, body))), b.lineStart(headingStart(h)))
			continue
		}
		if s := b.open(); s != nil {
			todo := 0
			if s.TODO == 0 {
				if off := firstTODO(n, body); off >= 0 {
					todo = b.lineOf(off)
				}
			}
			b.content(todo, s.Empty && says(n, body))
		}
		if b.goalLevel > 0 && n.Kind() == ast.KindList {
			for it := n.FirstChild(); it != nil; it = it.NextSibling() {
				b.item(itemText(it, body), start(it))
				for c := it.FirstChild(); c != nil; c = c.NextSibling() {
					if c.Kind() != ast.KindList {
						continue
					}
					for sub := c.FirstChild(); sub != nil; sub = sub.NextSibling() {
						b.note(itemText(sub, body))
					}
				}
			}
		}
	}
	b.finish()
}

// headingStart is the body offset of a heading's text, or of the heading
// itself when it has none ("##").
func headingStart(h *ast.Heading) int {
	if s, _ := span(h); s >= 0 {
		return s
	}
	return max(h.Pos(), 0)
}

func (b *bodyReader) lineOf(off int) int { return b.doc.BodyLine + sort.SearchInts(b.nl, off) }

// lineStart returns the offset where the line holding off begins.
func (b *bodyReader) lineStart(off int) int {
	i := sort.SearchInts(b.nl, off)
	if i == 0 {
		return 0
	}
	return b.nl[i-1] + 1
}

// lineAfter returns the offset of the line after the one holding off.
func (b *bodyReader) lineAfter(off int) int {
	i := sort.SearchInts(b.nl, off)
	if i == len(b.nl) {
		return len(b.body)
	}
	return b.nl[i] + 1
}

// open returns the section a block belongs to while something of it is
// still unknown (whether it is empty, its first TODO line), else nil.
func (b *bodyReader) open() *Section {
	if b.cur < 0 {
		return nil
	}
	s := &b.r.Sections[b.cur]
	if s.TODO == 0 || s.Empty {
		return s
	}
	return nil
}

// heading takes a top-level heading whose line starts at body offset at.
func (b *bodyReader) heading(level int, title string, at int) {
	if b.what&readSections != 0 && level <= 2 {
		b.cur = -1
		if level == 2 {
			if b.r.Sections == nil {
				// Room for every line that looks like a section, so that
				// a record of thousands does not copy them over and over.
				b.r.Sections = make([]Section, 0, 1+bytes.Count(b.body, []byte("\n## ")))
			}
			b.r.Sections = append(b.r.Sections, Section{Heading: title, Line: b.lineOf(at), Empty: true})
			b.cur = len(b.r.Sections) - 1
		}
	}
	if b.what&readNextGoals != 0 && !b.goalsDone {
		switch {
		case b.goalLevel > 0 && level <= b.goalLevel:
			b.goalLevel, b.goalsDone = 0, true
		case b.goalLevel == 0 && (level == 2 || level == 3) && sameHeading(title, NextGoalsHeading):
			b.goalLevel = level
		}
	}
	if b.what&readCheckIns != 0 && !b.ciDone && level <= 3 {
		b.checkInHeading(level, title, at)
	}
}

// content takes a top-level block of the open section: the line of its
// first TODO line (0: none) and whether it says something.
func (b *bodyReader) content(todo int, says bool) {
	s := &b.r.Sections[b.cur]
	if s.TODO == 0 {
		s.TODO = todo
	}
	if says {
		s.Empty = false
	}
}

// item takes the text of a top-level item of a list under Next goals, at
// body offset off; an item still TODO is not a goal yet.
func (b *bodyReader) item(text string, off int) {
	b.inGoal = false
	title := goalTitle(text)
	if title == "" || IsTODO(title) {
		return
	}
	b.r.NextGoals = append(b.r.NextGoals, NextGoal{Title: title, Line: b.lineOf(off)})
	b.inGoal = true
}

// note takes the text of an item nested in the last item.
func (b *bodyReader) note(text string) {
	if !b.inGoal || text == "" || IsTODO(text) {
		return
	}
	g := &b.r.NextGoals[len(b.r.NextGoals)-1]
	g.Notes = append(g.Notes, text)
}

func (b *bodyReader) warn(line int, format string, args ...any) {
	before := len(b.l.Problems)
	b.l.Warnf(line, format, args...)
	b.r.CheckInProblems = append(b.r.CheckInProblems, b.l.Problems[before:]...)
}

// checkInHeading follows the first Check-ins section: a level-3 heading in
// it that does not start with a valid date is a warning with its line, and
// is not counted as a check-in.
func (b *bodyReader) checkInHeading(level int, title string, at int) {
	switch {
	case level <= 2 && b.sec != nil:
		b.closeCheckIn(at)
		b.sec.End = b.doc.BodyStart + at
		b.ciDone = true
	case level == 2 && IsCheckInsHeading(title):
		b.sec = &CheckInSection{Line: b.lineOf(at), Start: b.doc.BodyStart + at}
	case level == 3 && b.sec != nil:
		b.closeCheckIn(at)
		line := b.lineOf(at)
		d, rest, shaped, err := dates.Prefix(title)
		switch {
		case !shaped:
			b.warn(line, "check-in heading %q does not start with a date: write it as \"### YYYY-MM-DD\" (mentor close checkin writes it so); it is not counted", clip(title))
			return
		case err != nil:
			b.warn(line, "check-in heading %q: %v; it is not counted", clip(title), err)
			return
		}
		b.ci = &CheckIn{Date: d, Title: strings.TrimSpace(strings.TrimLeft(rest, " \t:—–-")), Line: line, Start: b.doc.BodyStart + at}
	}
}

// closeCheckIn ends the open check-in at body offset end.
func (b *bodyReader) closeCheckIn(end int) {
	cur := b.ci
	if cur == nil {
		return
	}
	from := b.lineAfter(cur.Start - b.doc.BodyStart)
	cur.End = b.doc.BodyStart + end
	if from < end {
		cur.Notes = strings.TrimSpace(b.text(from, end))
	}
	b.r.CheckIns = append(b.r.CheckIns, *cur)
	b.ci = nil
}

// text is the body from offset from to offset to.
func (b *bodyReader) text(from, to int) string {
	if b.str != "" {
		return b.str[from:to]
	}
	return string(b.body[from:to])
}

// finish ends what is still open at the end of the body.
func (b *bodyReader) finish() {
	if b.sec == nil {
		return
	}
	if !b.ciDone {
		b.closeCheckIn(len(b.body))
		b.sec.End = b.doc.BodyStart + len(b.body)
	}
	b.r.CheckInSection = b.sec
	if !b.r.Closed.IsZero() {
		for _, c := range b.r.CheckIns {
			if c.Date.Before(b.r.Closed) {
				b.warn(c.Line, "check-in dated %s is before closed %s: a check-in comes after closing; fix its date", c.Date, b.r.Closed)
			}
		}
	}
}

// sameHeading reports whether normHeading(s) == normHeading(want) — the
// same words, ignoring case and runs of spaces — without allocating when
// both are ASCII, as headings nearly always are.
func sameHeading(s, want string) bool {
	s, want = skipSpace(s), skipSpace(want)
	if s != "" && want != "" && s[0] < 0x80 && want[0] < 0x80 && lower(s[0]) != lower(want[0]) {
		return false // most headings differ in their first letter
	}
	if !isASCII(s) || !isASCII(want) {
		return normHeading(s) == normHeading(want)
	}
	for {
		s, want = skipSpace(s), skipSpace(want)
		if s == "" || want == "" {
			return s == "" && want == ""
		}
		i, j := wordEnd(s), wordEnd(want)
		if i != j {
			return false
		}
		for k := 0; k < i; k++ {
			if lower(s[k]) != lower(want[k]) {
				return false
			}
		}
		s, want = s[i:], want[j:]
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// isSpace is unicode.IsSpace for ASCII.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func skipSpace(s string) string {
	i := 0
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return s[i:]
}

func wordEnd(s string) int {
	i := 0
	for i < len(s) && !isSpace(s[i]) {
		i++
	}
	return i
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
