package edit

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/mentor-cli/mentor/internal/plan"
)

// SectionHeading is the heading written when a plan has no meeting log yet.
const SectionHeading = "## Meetings"

// Insertion says where Insert put the new meeting.
type Insertion struct {
	Offset  int // where the added bytes start in the original file
	Len     int // how many bytes were added
	Heading int // offset of the new "### " line in the new file
	Line    int // line of the new heading in the new file
}

// InsertMeeting returns src with a meeting added to the plan's first Meetings (or
// Meeting log) section, after the last meeting dated on or before h.Date (in
// file order), or before the first meeting when all are later. Same-date
// meetings keep the order they were logged in. A plan without the section
// gets one at the end of the file. p must be plan.Parse's reading of src.
//
// The heading is written in the canonical form (plan.Heading.Format) and the
// notes under it, both with the file's line ending and a blank line around
// the heading. Insert fails when the result would not read back as the same
// meeting: a heading the parser reads differently, notes that hold a
// heading of their own, a file that ends inside an unclosed code block.
func InsertMeeting(src []byte, p *plan.Plan, h plan.Heading, notes string) ([]byte, Insertion, error) {
	var ins Insertion
	if p.BodyOff == 0 {
		// A plan always has front matter; without it the body was not read.
		return nil, ins, fmt.Errorf("%s: the plan's front matter could not be read; fix it before logging meetings", p.File)
	}
	if h.Date.IsZero() {
		return nil, ins, fmt.Errorf("the meeting has no date")
	}
	heading := h.Format()
	if strings.ContainsAny(heading, "\r\n") {
		return nil, ins, fmt.Errorf("the title must be on one line")
	}
	eol := "\n"
	if p.CRLF {
		eol = "\r\n"
	}
	noteLines := normaliseNotes(notes)

	at, newSection := position(src, p, h)

	section := ""
	if newSection {
		section = SectionHeading
	}
	out, ins := insertBlock(src, at, eol, section, "### "+heading, noteLines)

	if err := readsBack(out, p, h, noteLines, ins); err != nil {
		return nil, ins, err
	}
	return out, ins, nil
}

// Same reports whether two headings say the same thing.
func Same(a, b plan.Heading) bool {
	return a.Date.Equal(b.Date) && a.Kind == b.Kind && a.By == b.By &&
		a.Unproductive == b.Unproductive && a.Title == b.Title
}

// position finds the offset to insert at, and whether the Meetings section
// must be created there.
func position(src []byte, p *plan.Plan, h plan.Heading) (int, bool) {
	sec := p.MeetingsSection
	if sec == nil {
		return len(src), true
	}
	at, first := -1, -1
	for _, m := range p.Meetings {
		if m.Start < sec.Start || m.Start >= sec.End {
			continue // a meeting of a later Meetings section
		}
		if first < 0 {
			first = m.Start
		}
		if !m.Date.After(h.Date) {
			at = m.End
		}
	}
	switch {
	case at >= 0:
		return at, false
	case first >= 0:
		return first, false
	}
	return sec.End, false
}

// normaliseNotes splits notes into lines without their endings, dropping
// blank lines at the start and the end and trailing spaces nowhere: the
// text is the user's.
func normaliseNotes(notes string) []string {
	notes = strings.ReplaceAll(notes, "\r\n", "\n")
	notes = strings.ReplaceAll(notes, "\r", "\n")
	lines := strings.Split(notes, "\n")
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// lastLineBlank reports whether the text before an offset at a line start
// ends with a blank line (or is empty).
func lastLineBlank(before []byte) bool {
	if len(before) == 0 {
		return true
	}
	s := before[:len(before)-1] // drop the final '\n'
	i := bytes.LastIndexByte(s, '\n')
	return len(bytes.TrimRight(s[i+1:], " \t\r")) == 0
}

// lineBlank reports whether the first line of rest is blank.
func lineBlank(rest []byte) bool {
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	return len(bytes.TrimRight(rest, " \t\r")) == 0
}

// readsBack parses the new file and checks that it holds the old meetings
// and the new one, as meant.
func readsBack(out []byte, old *plan.Plan, h plan.Heading, noteLines []string, ins Insertion) error {
	np := plan.Parse(old.File, out, plan.Options{})
	fail := func(why string) error {
		return fmt.Errorf("%s: the meeting cannot be added safely: %s; nothing was written", old.File, why)
	}
	if len(np.Meetings) != len(old.Meetings)+1 {
		return fail(fmt.Sprintf("the file would read back with %d meetings instead of %d (do the notes hold a \"###\" heading, or does the file end inside an unclosed code block?)",
			len(np.Meetings), len(old.Meetings)+1))
	}
	var got *plan.Meeting
	for i := range np.Meetings {
		if np.Meetings[i].Start == ins.Heading {
			got = &np.Meetings[i]
		}
	}
	if got == nil {
		return fail("the new heading would not be read as a meeting (does the file end inside an unclosed code block or HTML block?)")
	}
	back := plan.Heading{Date: got.Date, Kind: got.Kind, By: got.By, Unproductive: got.Unproductive, Title: got.Title}
	if !Same(back, h) {
		return fail(fmt.Sprintf("the heading would read back as %q", back.Format()))
	}
	want := strings.TrimSpace(strings.Join(noteLines, "\n"))
	if have := strings.ReplaceAll(got.Notes, "\r\n", "\n"); have != want {
		return fail("the notes would not read back as written (do they hold a heading?)")
	}
	return nil
}

// gapBefore is what goes before a block inserted at offset at of src so
// that one blank line stands between it and the text before: the end of
// the previous line and a blank line, a blank line, or nothing.
func gapBefore(src []byte, at int, eol string) string {
	before := src[:at]
	switch {
	case len(before) > 0 && before[len(before)-1] != '\n':
		return eol + eol
	case !lastLineBlank(before):
		return eol
	}
	return ""
}

// insertBlock inserts a level-3 heading line and its note lines at offset at of
// src, as its own block: a blank line before and after it, the section
// heading first when section is not empty, and no final newline added to a
// file that has none. Meetings and check-ins are inserted this one way.
func insertBlock(src []byte, at int, eol, section, heading string, noteLines []string) ([]byte, Insertion) {
	var b strings.Builder
	b.WriteString(gapBefore(src, at, eol))
	if section != "" {
		b.WriteString(section + eol + eol)
	}
	headOff := at + b.Len()
	b.WriteString(heading + eol)
	if len(noteLines) > 0 {
		b.WriteString(eol + strings.Join(noteLines, eol) + eol)
	}
	// After: a blank line before whatever follows; at the end of a file
	// that has no final newline, keep it without one.
	switch {
	case at < len(src):
		if !lineBlank(src[at:]) {
			b.WriteString(eol)
		}
	case len(src) > 0 && src[len(src)-1] != '\n':
		s := strings.TrimSuffix(b.String(), eol)
		b.Reset()
		b.WriteString(s)
	}

	add := b.String()
	out := make([]byte, 0, len(src)+len(add))
	out = append(out, src[:at]...)
	out = append(out, add...)
	out = append(out, src[at:]...)
	return out, Insertion{Offset: at, Len: len(add), Heading: headOff, Line: 1 + bytes.Count(out[:headOff], []byte{'\n'})}
}
