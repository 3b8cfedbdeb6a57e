package plan

import (
	"bytes"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/frontmatter"
	"github.com/mentor-cli/mentor/internal/markdown"
	"github.com/yuin/goldmark/ast"
)

// lineIndex maps body offsets to file lines. It finds the body's line
// breaks the first time it is asked, so the line reader, which counts its
// lines as it goes (walker.line), never pays for it.
type lineIndex struct {
	body     []byte
	first    int   // file line of the body's first line
	newlines []int // offsets of '\n' in the body, once built
	built    bool
}

func newLineIndex(body []byte, first int) *lineIndex {
	return &lineIndex{body: body, first: first}
}

func (x *lineIndex) build() {
	if x.built {
		return
	}
	x.built = true
	body := x.body
	nl := make([]int, 0, bytes.Count(body, []byte{'\n'}))
	for i := 0; ; {
		j := bytes.IndexByte(body[i:], '\n')
		if j < 0 {
			break
		}
		nl = append(nl, i+j)
		i += j + 1
	}
	x.newlines = nl
}

func (x *lineIndex) line(off int) int {
	x.build()
	return x.first + sort.SearchInts(x.newlines, off)
}

// lineStart returns the offset where the line holding off begins.
func (x *lineIndex) lineStart(off int) int {
	x.build()
	i := sort.SearchInts(x.newlines, off)
	if i == 0 {
		return 0
	}
	return x.newlines[i-1] + 1
}

type walker struct {
	p     *Plan
	l     *diag.List
	body  []byte
	str   string // body as one string: titles and notes are slices of it
	off   int    // offset of body in the file
	lines *lineIndex
	today dates.Date

	// The line the line reader is on: it starts at body offset atOff and
	// is file line atLine (atOff is -1 when no line is known).
	atOff, atLine int

	section string   // "goals", "meetings", or ""
	cur     *Meeting // the meeting being read: nil, or &meet
	meet    Meeting
	curSec  *Section
	goal    int // index in p.Goals of the goal whose notes come next, or -1
	open    int // index in p.Sections of the level-2 section being read, or -1

	misnamed string // the section the current misnamed level-2 heading means, or ""

	// allNotes holds the progress notes of every goal, each goal's a run
	// of it (a goal's notes come before the next goal): one array for the
	// plan rather than one that grows for each goal.
	allNotes []Note
}

func (p *Plan) body(src []byte, doc frontmatter.Doc, l *diag.List, opt Options) {
	text := newBodyText(doc) // made once for either reader
	if fastBodyOn && !opt.noFastBody {
		// Most plans are plain enough to read line by line; the result is
		// the same as goldmark's (FuzzParsePlan compares the two).
		fp := &Plan{}
		fl := &diag.List{File: l.File}
		if fastBody(fp, fl, doc, opt.Today, text) {
			p.Title, p.Goals, p.Meetings = fp.Title, fp.Goals, fp.Meetings
			p.GoalsSection, p.MeetingsSection = fp.GoalsSection, fp.MeetingsSection
			p.Sections = fp.Sections
			p.Misnamed = fp.Misnamed
			l.Problems = append(l.Problems, fl.Problems...)
			return
		}
	}
	w := newWalker(p, l, doc, opt.Today, text)
	md := markdown.Blocks(doc.Body)
	root := md.Root
	if line, msg, ok := md.Skips(w.lines.line); ok {
		// Lists nested past the limit are not read: the goals and
		// meetings around them still are.
		l.Warnf(line, "%s", msg)
	}

	// Only the document's own children make sections: a heading inside a
	// list or a quote is content, and code blocks are opaque to the parser.
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		switch n.Kind() {
		case ast.KindHeading:
			h := n.(*ast.Heading)
			w.heading(h.Level, strings.TrimSpace(string(w.text(n))), w.lines.lineStart(w.start(n)))
		case ast.KindList:
			if w.section == "goals" {
				for it := n.FirstChild(); it != nil; it = it.NextSibling() {
					txt, line := w.itemText(it)
					w.item(txt, line)
					for c := it.FirstChild(); c != nil; c = c.NextSibling() {
						if c.Kind() == ast.KindList {
							w.notes(c)
						}
					}
				}
			}
		}
	}
	w.finish()
}

// bodyText is the body as one string (titles and notes are slices of it)
// and its line index.
type bodyText struct {
	str   string
	lines *lineIndex
}

func newBodyText(doc frontmatter.Doc) bodyText {
	return bodyText{string(doc.Body), newLineIndex(doc.Body, doc.BodyLine)}
}

func newWalker(p *Plan, l *diag.List, doc frontmatter.Doc, today dates.Date, text bodyText) *walker {
	// Room for every level-3 heading as a meeting, so the log is not
	// copied as it grows.
	if n := bytes.Count(doc.Body, []byte("\n### ")); n > 0 && p.Meetings == nil {
		p.Meetings = make([]Meeting, 0, n+1)
	}
	w := &walker{p: p, l: l, body: doc.Body, str: text.str, off: doc.BodyStart,
		lines: text.lines, today: today, goal: -1, open: -1, atOff: -1}
	// Room for every nested "  - " item as a note, and for the usual few
	// level-2 sections.
	if n := bytes.Count(doc.Body, []byte("\n  - ")); n > 0 {
		w.allNotes = make([]Note, 0, n)
	}
	if p.Sections == nil {
		p.Sections = make([]Section, 0, 4)
	}
	return w
}

func (w *walker) closeMeeting(end int) {
	if w.cur != nil {
		w.cur.End = w.off + end
		w.cur.Notes = strings.TrimSpace(w.str[w.lineAfter(w.cur.Start-w.off):end])
		w.p.Meetings = append(w.p.Meetings, *w.cur)
		w.cur = nil
	}
}

func (w *walker) closeSection(end int) {
	w.closeMeeting(end)
	if w.curSec != nil {
		w.curSec.End = w.off + end
		w.curSec = nil
	}
	if w.open >= 0 {
		s := &w.p.Sections[w.open]
		s.End = w.off + end
		s.Text = sectionText(w.str[min(w.lineAfter(s.Start-w.off), end):end])
		w.open = -1
	}
	w.section = ""
}

// sectionText trims what follows a section's heading line. A line of only
// = or - right after it is the underline of a setext heading (or a rule),
// not the pair's text.
func sectionText(s string) string {
	if first, rest, ok := strings.Cut(s, "\n"); ok || first != "" {
		if t := strings.TrimSpace(first); t != "" && strings.Trim(t, "=") == "" || len(t) >= 3 && strings.Trim(t, "- ") == "" {
			s = rest
		}
	}
	return strings.TrimSpace(s)
}

// heading handles a heading of the document (not one nested in a block)
// whose line starts at body offset start.
func (w *walker) heading(level int, title string, start int) {
	w.warnHeading(level, title, start)
	p := w.p
	if level <= 2 {
		w.closeSection(start)
		if level == 1 {
			if p.Title == "" {
				p.Title = title
			}
			return
		}
		sec := Section{Heading: title, Line: w.line(start), Start: w.off + start}
		p.Sections = append(p.Sections, sec)
		w.open = len(p.Sections) - 1
		// The goals and meetings sections get a copy of their own (on the
		// heap only for them), which closeSection ends.
		switch {
		case lowerIs(title, "goals"):
			if p.GoalsSection == nil {
				s := new(Section)
				*s = sec
				p.GoalsSection, w.curSec, w.section = s, s, "goals"
			}
		case lowerIs(title, "meetings"), lowerIs(title, "meeting log"):
			s := new(Section)
			*s = sec
			if p.MeetingsSection == nil {
				p.MeetingsSection = s
			}
			w.curSec, w.section = s, "meetings"
		}
		return
	}
	if w.section == "meetings" && level == 3 {
		w.closeMeeting(start)
		w.cur = w.meeting(title, start)
	}
}

// lowerIs reports whether strings.ToLower(s) == lower, an ASCII word,
// without making the lower-case copy. Past ASCII it asks ToLower, which
// lowers some runes (the Kelvin sign) to ASCII letters.
func lowerIs(s, lower string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return strings.ToLower(s) == lower
		}
	}
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

func (w *walker) finish() { w.closeSection(len(w.body)) }

// start returns the body offset where a block's content begins.
func (w *walker) start(n ast.Node) int {
	if ls := n.Lines(); ls != nil && ls.Len() > 0 {
		return ls.At(0).Start
	}
	if pos := n.Pos(); pos >= 0 {
		return pos
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if s := w.start(c); s >= 0 {
			return s
		}
	}
	return -1
}

// lineAfter returns the body offset of the line after the one holding off,
// or the body's end.
func (w *walker) lineAfter(off int) int {
	if i := bytes.IndexByte(w.body[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(w.body)
}

// line returns the file line of body offset off.
func (w *walker) line(off int) int {
	if off == w.atOff {
		return w.atLine
	}
	return w.lines.line(off)
}

// text returns a leaf block's raw text, lines joined by a space.
func (w *walker) text(n ast.Node) []byte {
	ls := n.Lines()
	if ls == nil || ls.Len() == 0 {
		return nil
	}
	if ls.Len() == 1 {
		seg := ls.At(0)
		return bytes.TrimRight(seg.Value(w.body), "\r\n")
	}
	var b []byte
	for i := 0; i < ls.Len(); i++ {
		if i > 0 {
			b = append(b, ' ')
		}
		seg := ls.At(i)
		b = append(b, bytes.TrimSpace(seg.Value(w.body))...)
	}
	return b
}

// itemText is the text of a list item's first paragraph.
func (w *walker) itemText(it ast.Node) (string, int) {
	for c := it.FirstChild(); c != nil; c = c.NextSibling() {
		if k := c.Kind(); k == markdown.KindText || k == ast.KindParagraph || k == ast.KindTextBlock {
			s := w.start(c)
			return strings.TrimSpace(string(w.text(c))), w.lines.line(s)
		}
		break
	}
	s := w.start(it)
	if s < 0 {
		s = 0
	}
	return "", w.lines.line(s)
}

// item handles a top-level item of a list in the Goals section: a goal.
// The notes that follow belong to it.
func (w *walker) item(txt string, line int) {
	w.goal = -1
	g := Goal{Line: line, State: Open}
	rest, state, ok := checkbox(txt)
	if !ok {
		if txt == "" {
			return
		}
		w.l.Warnf(line, "goal %q has no checkbox: write it as \"- [ ] %s\" (open) or \"- [x] %s\" (met)", clip(txt), clip(txt), clip(txt))
		return
	}
	g.State = state
	if title, reason, struck := struckThrough(rest); struck {
		g.State, g.Title, g.Reason = Dropped, title, reason
	} else {
		g.Title = rest
	}
	w.p.Goals = append(w.p.Goals, g)
	w.goal = len(w.p.Goals) - 1
}

// note handles a nested item under the current goal, at any depth.
func (w *walker) note(txt string, line int) {
	if w.goal < 0 || txt == "" {
		return
	}
	n := Note{Text: txt, Line: line}
	if d, rest, ok := datedNote(txt); ok {
		n.Date, n.Text = d, rest
	}
	g := &w.p.Goals[w.goal]
	// g's notes are the last of w.allNotes; its slice ends at its length,
	// so that what appends to it later copies rather than overwrites.
	start := len(w.allNotes) - len(g.Notes)
	w.allNotes = append(w.allNotes, n)
	g.Notes = w.allNotes[start:len(w.allNotes):len(w.allNotes)]
}

// notes collects nested items, at any depth, as progress notes.
func (w *walker) notes(list ast.Node) {
	for it := list.FirstChild(); it != nil; it = it.NextSibling() {
		txt, line := w.itemText(it)
		w.note(txt, line)
		for c := it.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Kind() == ast.KindList {
				w.notes(c)
			}
		}
	}
}

func (w *walker) meeting(txt string, start int) *Meeting {
	line := w.line(start)
	h, err := ParseHeading(txt)
	if err != nil {
		w.l.Warnf(line, "meeting heading %q %v; it is not counted", clip(txt), err)
		return nil
	}
	// The walker holds the meeting being read; closeMeeting copies it
	// into the plan's list.
	w.meet = Meeting{Line: line, Start: w.off + start,
		Date: h.Date, Kind: h.Kind, By: h.By, Unproductive: h.Unproductive, Title: h.Title}
	m := &w.meet
	if !w.today.IsZero() && m.Date.After(w.today) {
		w.l.Warnf(line, "meeting dated %s is after today (%s): log meetings once they have happened", m.Date, w.today)
	}
	return m
}

// checkbox reads a GFM task-list marker.
func checkbox(s string) (rest string, st GoalState, ok bool) {
	if len(s) < 3 || s[0] != '[' || s[2] != ']' {
		return s, Open, false
	}
	switch s[1] {
	case ' ':
		st = Open
	case 'x', 'X':
		st = Met
	default:
		return s, Open, false
	}
	if len(s) > 3 && s[3] != ' ' && s[3] != '\t' {
		return s, Open, false
	}
	return strings.TrimSpace(s[3:]), st, true
}

// struckThrough reports whether a goal's title is wholly struck through:
// "~~Learn Rust~~ (dropped: …)" gives "Learn Rust" and "(dropped: …)".
func struckThrough(s string) (title, reason string, ok bool) {
	if !strings.HasPrefix(s, "~~") {
		return "", "", false
	}
	end := strings.Index(s[2:], "~~")
	if end <= 0 {
		return "", "", false
	}
	title = strings.TrimSpace(s[2 : 2+end])
	if title == "" {
		return "", "", false
	}
	return title, strings.TrimSpace(s[2+end+2:]), true
}

// datedNote reads "2026-04-10: text", "2026-04-10 — text" and the like.
func datedNote(s string) (dates.Date, string, bool) {
	d, rest, ok, err := dates.Prefix(s)
	if !ok || err != nil {
		return dates.Date{}, s, false
	}
	if rest == "" {
		return d, "", true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return dates.Date{}, s, false
	}
	return d, strings.TrimLeft(rest, " \t:—–-.,;)"), true
}

func clip(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		r := []rune(s)
		return string(r[:57]) + "..."
	}
	return s
}
