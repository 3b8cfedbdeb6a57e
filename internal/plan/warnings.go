package plan

import (
	"fmt"
	"sort"
	"strings"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/frontmatter"
)

// The warnings of a plan that reads, but not as its writers meant it: a
// section renamed, a meeting heading in the wrong place, no goals, a meeting
// dated outside the relationship. Whoever renames a section must be told,
// not judged on less. The heading warnings come from the walker, which both
// body readers (the line scanner and goldmark) drive, so both give the same.

// Misnamed is a level-2 heading that is close to a section mentor reads but
// is not one, so what it holds is not counted.
type Misnamed struct {
	Heading string // as written
	Want    string // the section it probably means: "Goals" or "Meetings"
	Line    int
}

// readSections are the level-2 headings mentor reads (lower case), and the
// section a near miss of each is told to be.
var readSections = map[string]string{"goals": "Goals", "meetings": "Meetings", "meeting log": "Meetings"}

// readNames are readSections' keys, in a fixed order, for the loops every
// heading goes through.
var readNames = [...]string{"goals", "meetings", "meeting log"}

// nearMiss tells whether a level-2 heading that mentor does not read looks
// like one it does: within two edits of Goals, Meetings or Meeting log
// (case-insensitive), or starting with Goal or Meeting. Every plan's
// headings go through it, so the common ones cost no allocation.
func nearMiss(title string) (want string, ok bool) {
	t := title
	if strings.Contains(t, "  ") || strings.ContainsAny(t, "\t") {
		t = strings.Join(strings.Fields(t), " ")
	}
	for _, name := range readNames {
		if strings.EqualFold(t, name) {
			return "", false
		}
	}
	switch {
	case t == "":
		return "", false
	case hasPrefixFold(t, "goal"):
		return "Goals", true
	case hasPrefixFold(t, "meeting"):
		return "Meetings", true
	}
	for _, name := range readNames {
		if d := len(t) - len(name); d < -2 || d > 2 {
			continue // more than two edits apart by length alone
		}
		if within2(t, name) {
			return readSections[name], true
		}
	}
	return "", false
}

// within2 reports whether s is within two edits (insertions, deletions,
// substitutions, swaps of neighbours) of the lower-case ASCII word, case
// aside. It is frontmatter.Closest's distance for short words, without
// allocating.
func within2(s, word string) bool {
	if len(s) > 16 || len(word) > 16 {
		_, ok := frontmatter.Closest(strings.ToLower(s), []string{word})
		return ok
	}
	lower := func(c byte) byte {
		if 'A' <= c && c <= 'Z' {
			return c + 'a' - 'A'
		}
		return c
	}
	var prev2, prev, cur [17]int
	for j := range prev[:len(word)+1] {
		prev[j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(word); j++ {
			cost := 1
			if lower(s[i-1]) == word[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && lower(s[i-1]) == word[j-2] && lower(s[i-2]) == word[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			best = min(best, cur[j])
		}
		if best > 2 {
			return false
		}
		prev2, prev, cur = prev, cur, prev2
	}
	d := prev[len(word)]
	return d > 0 && d <= 2
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// warnHeading looks at a heading of the document before the walker files
// it: w.section is still the section the heading is in.
func (w *walker) warnHeading(level int, title string, start int) {
	if level > 3 {
		return
	}
	dated := false
	// A meeting's own heading is read as one (ParseHeading): whether it
	// starts with a date only matters elsewhere.
	if title != "" && title[0] >= '0' && title[0] <= '9' && !(level == 3 && w.section == "meetings") {
		_, _, dated, _ = dates.Prefix(title)
	}
	line := w.line(start)
	switch {
	case level == 1:
		w.misnamed = ""
	case level == 2:
		w.misnamed = ""
		if dated {
			w.l.Warnf(line, "heading \"## %s\" starts with a date: did you mean \"### %s\" under ## Meetings? It is not counted as a meeting",
				clip(title), clip(title))
			return
		}
		if want, ok := nearMiss(title); ok {
			w.misnamed = want
			w.p.Misnamed = append(w.p.Misnamed, Misnamed{Heading: title, Want: want, Line: line})
			what := "meetings"
			if want == "Goals" {
				what = "goals"
			}
			w.l.Warnf(line, "section \"## %s\" is not one mentor reads: did you mean \"## %s\"? Its %s are not counted until it is renamed",
				clip(title), want, what)
		}
	case level == 3 && dated && w.section != "meetings" && w.misnamed != "Meetings":
		// Under a misnamed Meetings section its heading's warning says it all.
		w.l.Warnf(line, "heading \"### %s\" starts with a date but is not under ## Meetings: move it under ## Meetings (or ## Meeting log) to count it as a meeting",
			clip(title))
	}
}

// warnBody adds the warnings about the plan as a whole, once the body is
// read: no goals, and meetings dated before the start.
func (p *Plan) warnBody(l *diag.List) {
	switch {
	case p.GoalsSection != nil && len(p.Goals) == 0:
		l.Warnf(p.GoalsSection.Line, "the ## Goals section lists no goal: add one task item per goal, such as \"- [ ] Give an internal tech talk\"")
	case p.GoalsSection == nil && !p.misnamedGoals():
		l.Warnf(1, "the plan has no ## Goals section: add one, with one task item per goal, such as \"- [ ] Give an internal tech talk\"")
	}
	if p.Start.IsZero() {
		return
	}
	for _, m := range p.Meetings {
		if m.Date.Before(p.Start) {
			l.Warnf(m.Line, "meeting dated %s is before the start %s: fix the meeting's date or the plan's start", m.Date, p.Start)
		}
	}
}

func (p *Plan) misnamedGoals() bool {
	for _, m := range p.Misnamed {
		if m.Want == "Goals" {
			return true
		}
	}
	return false
}

// AfterClosed warns about the meetings dated after the day the closure
// record says the relationship closed. file and line name that record's
// closed key.
func (p *Plan) AfterClosed(closed dates.Date, file string, line int) []diag.Problem {
	if closed.IsZero() {
		return nil
	}
	var out []diag.Problem
	for _, m := range p.Meetings {
		if m.Date.After(closed) {
			out = append(out, diag.Problem{File: p.File, Line: m.Line, Severity: diag.Warning,
				Message: fmt.Sprintf("meeting dated %s is after the relationship closed on %s (%s:%d): fix the meeting's date, or closed in the record", m.Date, closed, file, line)})
		}
	}
	return out
}

// sortProblems orders problems by line, keeping the order of equals; they
// nearly always come in order already.
func sortProblems(ps []diag.Problem) {
	for i := 1; i < len(ps); i++ {
		if ps[i].Line < ps[i-1].Line {
			sort.SliceStable(ps, func(i, j int) bool { return ps[i].Line < ps[j].Line })
			return
		}
	}
}
