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

// CheckInsHeading is the level-2 section of a closure record that holds the
// check-ins after closure, one level-3 heading each: "### 2027-02-20".
const CheckInsHeading = "Check-ins"

// CheckIn is one check-in the pair held after closing.
type CheckIn struct {
	Date  dates.Date
	Title string // the words after the date, if any
	Notes string // the Markdown under the heading, trimmed
	Line  int    // line of the heading
	Start int    // offset of the heading line in the file
	End   int    // offset just past the check-in's notes
}

// CheckInSection locates the Check-ins section in the file.
type CheckInSection struct {
	Line  int // line of the heading
	Start int // offset of the heading line
	End   int // offset where the next level-1 or level-2 heading starts, or the end of the file
}

// IsCheckInsHeading reports whether a level-2 heading names the Check-ins
// section ("Check-ins", "Checkins", "Check-in", any case).
func IsCheckInsHeading(s string) bool {
	switch strings.ReplaceAll(normHeading(s), " ", "-") {
	case "check-ins", "checkins", "check-in", "checkin":
		return true
	}
	return false
}

// ParseAfterClosure reads what the follow-up of a closed pair is judged on,
// and no more: the front matter and the Check-ins section. Sections is nil,
// and Problems holds only the front matter's and the Check-ins section's.
// check reads every closed pair's record this way; it costs a fraction of
// Parse, which reads every section with the Markdown parser.
func ParseAfterClosure(file string, src []byte) *Record {
	r := &Record{File: file}
	l := diag.List{File: file}
	defer func() { r.Problems = l.Problems }()
	doc, ferr := frontmatter.Split(src)
	if ferr != nil {
		l.Errorf(ferr.Line, "%s", ferr.Msg)
		return r
	}
	r.frontMatter(doc, &l)
	if mayHaveCheckIns(doc.Body) {
		r.checkIns(doc, &l)
	}
	return r
}

// mayHaveCheckIns reports whether a body might hold a Check-ins heading: a
// line that starts with # and names check-ins, or such a line underlined
// with - or =. It only saves the Markdown parser's time on the records that
// have none; the parser decides.
func mayHaveCheckIns(body []byte) bool {
	var prev []byte
	for len(body) > 0 {
		line := body
		if i := bytes.IndexByte(body, '\n'); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			body = nil
		}
		t := bytes.TrimSpace(line)
		names := func(b []byte) bool {
			low := bytes.ToLower(b)
			return bytes.Contains(low, []byte("check-in")) || bytes.Contains(low, []byte("checkin")) || bytes.Contains(low, []byte("check in"))
		}
		switch {
		case len(t) > 0 && t[0] == '#' && names(t):
			return true
		case len(t) > 0 && (t[0] == '-' || t[0] == '=') && len(bytes.Trim(t, string(t[0:1])+" \t")) == 0 && names(prev):
			return true
		}
		prev = t
	}
	return false
}

// LastCheckIn returns the date of the latest check-in, zero when there is none.
func (r *Record) LastCheckIn() dates.Date {
	var last dates.Date
	for _, c := range r.CheckIns {
		if c.Date.After(last) {
			last = c.Date
		}
	}
	return last
}

// checkIns reads the first Check-ins section of the body. A level-3 heading
// there that does not start with a valid date is a warning with its line:
// it is not counted as a check-in.
func (r *Record) checkIns(doc frontmatter.Doc, l *diag.List) {
	body := doc.Body
	root := markdown.Blocks(body).Root
	nl := newlines(body)
	lineOf := func(off int) int { return doc.BodyLine + sort.SearchInts(nl, off) }
	lineStart := func(off int) int {
		i := sort.SearchInts(nl, off)
		if i == 0 {
			return 0
		}
		return nl[i-1] + 1
	}
	lineAfter := func(off int) int {
		i := sort.SearchInts(nl, off)
		if i == len(nl) {
			return len(body)
		}
		return nl[i] + 1
	}
	warn := func(line int, format string, args ...any) {
		before := len(l.Problems)
		l.Warnf(line, format, args...)
		r.CheckInProblems = append(r.CheckInProblems, l.Problems[before:]...)
	}

	var sec *CheckInSection
	var cur *CheckIn
	closeCheckIn := func(end int) {
		if cur == nil {
			return
		}
		from := lineAfter(cur.Start - doc.BodyStart)
		cur.End = doc.BodyStart + end
		if from < end {
			cur.Notes = strings.TrimSpace(string(body[from:end]))
		}
		r.CheckIns = append(r.CheckIns, *cur)
		cur = nil
	}
	done := false
	for n := root.FirstChild(); n != nil && !done; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok || h.Level > 3 {
			continue
		}
		at := lineStart(start(h))
		title := strings.TrimSpace(string(joinLines(h, body)))
		switch {
		case h.Level <= 2 && sec != nil:
			closeCheckIn(at)
			sec.End = doc.BodyStart + at
			done = true
		case h.Level == 2 && IsCheckInsHeading(title):
			sec = &CheckInSection{Line: lineOf(at), Start: doc.BodyStart + at}
		case h.Level == 3 && sec != nil:
			closeCheckIn(at)
			line := lineOf(at)
			d, rest, shaped, err := dates.Prefix(title)
			switch {
			case !shaped:
				warn(line, "check-in heading %q does not start with a date: write it as \"### YYYY-MM-DD\" (mentor close checkin writes it so); it is not counted", clip(title))
				continue
			case err != nil:
				warn(line, "check-in heading %q: %v; it is not counted", clip(title), err)
				continue
			}
			cur = &CheckIn{Date: d, Title: strings.TrimSpace(strings.TrimLeft(rest, " \t:—–-")), Line: line, Start: doc.BodyStart + at}
		}
	}
	if sec == nil {
		return
	}
	if !done {
		closeCheckIn(len(body))
		sec.End = doc.BodyStart + len(body)
	}
	r.CheckInSection = sec
	if !r.Closed.IsZero() {
		for _, c := range r.CheckIns {
			if c.Date.Before(r.Closed) {
				warn(c.Line, "check-in dated %s is before closed %s: a check-in comes after closing; fix its date", c.Date, r.Closed)
			}
		}
	}
}
