package closure

import (
	"bytes"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/frontmatter"
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
	for _, name := range []string{"check-ins", "checkins", "check-in", "checkin", "check ins", "check in"} {
		if sameHeading(s, name) {
			return true
		}
	}
	return false
}

// ParseAfterClosure reads what the follow-up of a closed pair is judged on,
// and no more: the front matter and the Check-ins section. Sections is nil,
// and Problems holds only the front matter's and the Check-ins section's.
// check reads every closed pair's record this way; it costs a fraction of
// Parse, which reads every section with the Markdown parser.
func ParseAfterClosure(file string, src []byte) *Record { return parseAfterClosure(file, src, false) }

func parseAfterClosure(file string, src []byte, noFast bool) *Record {
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
		r.readBody(doc, &l, readCheckIns, noFast)
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
			return containsFold(b, "check-in") || containsFold(b, "checkin") || containsFold(b, "check in")
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

// containsFold reports whether b holds sub, a lower-case ASCII word, in
// any case (as bytes.Contains(bytes.ToLower(b), sub), without the copy).
func containsFold(b []byte, sub string) bool {
	for _, c := range b {
		if c >= 0x80 {
			// bytes.ToLower lowers some runes (the Kelvin sign) to ASCII.
			return bytes.Contains(bytes.ToLower(b), []byte(sub))
		}
	}
	for i := 0; i+len(sub) <= len(b); i++ {
		j := 0
		for j < len(sub) {
			c := b[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[j] {
				break
			}
			j++
		}
		if j == len(sub) {
			return true
		}
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
