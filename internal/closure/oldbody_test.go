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

// The reader of record bodies as it was before it read them in one pass:
// a goldmark parse for the sections, one for the Next goals and one for the
// Check-ins. TestOnePassMatchesThreePasses holds the one pass to it. (The
// one change: a heading with no text, "##", is on its own line, not the
// body's first.)

// oldParse is Parse with the three passes.
func oldParse(file string, src []byte) *Record {
	r := &Record{File: file}
	l := diag.List{File: file}
	defer func() { r.Problems = l.Problems }()
	doc, ferr := frontmatter.Split(src)
	if ferr != nil {
		l.Errorf(ferr.Line, "%s", ferr.Msg)
		body := src
		if doc.HasBOM {
			body = src[len(frontmatter.BOM):]
		}
		r.Sections = oldSections(frontmatter.Doc{Body: body, BodyLine: 1}, &l)
		return r
	}
	r.frontMatter(doc, &l)
	r.Sections = oldSections(doc, &l)
	r.NextGoals = oldNextGoals(doc)
	for _, s := range r.Sections {
		if IsCheckInsHeading(s.Heading) {
			r.oldCheckIns(doc, &l)
			break
		}
	}
	return r
}

func oldSections(doc frontmatter.Doc, l *diag.List) []Section {
	body := doc.Body
	md := markdown.Blocks(body)
	root := md.Root
	nl := newlines(body)
	lineOf := func(off int) int { return doc.BodyLine + sort.SearchInts(nl, off) }
	if line, msg, ok := md.Skips(lineOf); ok {
		// What nests past the limit is kept as text: a section that holds
		// it still says something.
		l.Warnf(line, "%s", msg)
	}

	var out []Section
	cur := -1 // index in out of the open section, -1 outside one
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level <= 2 {
			cur = -1
			if h.Level == 2 {
				out = append(out, Section{
					Heading: strings.TrimSpace(string(joinLines(h, body))),
					Line:    lineOf(headingStart(h)),
					Empty:   true,
				})
				cur = len(out) - 1
			}
			continue
		}
		if cur < 0 {
			continue
		}
		if out[cur].TODO == 0 {
			if off := firstTODO(n, body); off >= 0 {
				out[cur].TODO = lineOf(off)
			}
		}
		if out[cur].Empty && says(n, body) {
			out[cur].Empty = false
		}
	}
	return out
}

func oldNextGoals(doc frontmatter.Doc) []NextGoal {
	body := doc.Body
	if !bytes.Contains(bytes.ToLower(body), []byte("next goals")) {
		return nil
	}
	root := markdown.Blocks(body).Root
	nl := newlines(body)
	lineOf := func(off int) int { return doc.BodyLine + sort.SearchInts(nl, off) }
	var out []NextGoal
	level := 0 // the level of the Next goals heading while inside it
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			switch {
			case level > 0 && h.Level <= level:
				return out
			case level == 0 && (h.Level == 2 || h.Level == 3) && normHeading(string(joinLines(h, body))) == normHeading(NextGoalsHeading):
				level = h.Level
			}
			continue
		}
		if level == 0 || n.Kind() != ast.KindList {
			continue
		}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			title := goalTitle(itemText(it, body))
			if title == "" || IsTODO(title) {
				continue
			}
			g := NextGoal{Title: title, Line: lineOf(start(it))}
			for c := it.FirstChild(); c != nil; c = c.NextSibling() {
				if c.Kind() != ast.KindList {
					continue
				}
				for sub := c.FirstChild(); sub != nil; sub = sub.NextSibling() {
					if s := itemText(sub, body); s != "" && !IsTODO(s) {
						g.Notes = append(g.Notes, s)
					}
				}
			}
			out = append(out, g)
		}
	}
	return out
}

func (r *Record) oldCheckIns(doc frontmatter.Doc, l *diag.List) {
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
		at := lineStart(headingStart(h))
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
