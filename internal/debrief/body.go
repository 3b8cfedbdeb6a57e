package debrief

import (
	"regexp"
	"strings"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/render"
)

// How the debrief writes an answer into a section of the record: a
// paragraph that starts with the question in bold, the answer after it.
//
//	**What are we proudest of?** The talk at the June all-hands.
//
// Reading a record back, a paragraph that starts with the bold question
// of a field of that section is that field's answer; every other block is
// the section's own text, kept as it is unless the pair changes it. A
// question worded differently in a later version of mentor reads back as
// the section's own text: shown, and kept.

// blockKind is what a block of a section holds.
type blockKind int

const (
	kept    blockKind = iota // what a person (or the template) wrote
	comment                  // an HTML comment: the agenda's questions
	todo                     // nothing but TODO lines
	answer                   // an answer of the debrief
	heading                  // a sub-heading
)

// block is a run of lines of a section, [start, end).
type block struct {
	start, end int
	kind       blockKind
	field      *Field // for an answer
	text       string // for an answer: the answer; for a heading: its text
	level      int    // for a heading
}

// splitLines cuts src into lines that keep their line endings.
func splitLines(src []byte) []string {
	var out []string
	s := string(src)
	for len(s) > 0 {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

func bare(line string) string { return strings.TrimRight(line, "\r\n") }

var atx = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)

// blocks splits lines[start:end] into blocks; leads are the fields whose
// answers the section may hold.
func blocks(lines []string, start, end int, leads []*Field) []block {
	var out []block
	for i := start; i < end; {
		s := strings.TrimSpace(bare(lines[i]))
		switch {
		case s == "":
			i++
			continue
		case strings.HasPrefix(s, "<!--"):
			j := i
			if !strings.Contains(s[4:], "-->") {
				for j = i + 1; j < end && !strings.Contains(bare(lines[j]), "-->"); j++ {
				}
			}
			j = min(j+1, end)
			out = append(out, block{start: i, end: j, kind: comment})
			i = j
			continue
		case strings.HasPrefix(s, "```") || strings.HasPrefix(s, "~~~"):
			fence := s[:3]
			j := i + 1
			for j < end && !strings.HasPrefix(strings.TrimSpace(bare(lines[j])), fence) {
				j++
			}
			if j < end {
				j++
			}
			out = append(out, block{start: i, end: j, kind: kept})
			i = j
			continue
		}
		if m := atx.FindStringSubmatch(bare(lines[i])); m != nil {
			out = append(out, block{start: i, end: i + 1, kind: heading, level: len(m[1]), text: strings.TrimSpace(m[2])})
			i++
			continue
		}
		// A paragraph (or a list): up to a blank line or a block that
		// interrupts it.
		j := i + 1
		for j < end {
			t := strings.TrimSpace(bare(lines[j]))
			if t == "" || strings.HasPrefix(t, "<!--") || strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") || atx.MatchString(bare(lines[j])) {
				break
			}
			j++
		}
		b := block{start: i, end: j, kind: kept}
		if f, text, ok := readAnswer(lines[i:j], leads); ok {
			b.kind, b.field, b.text = answer, f, text
		} else if allTODO(lines[i:j]) {
			b.kind = todo
		}
		out = append(out, b)
		i = j
	}
	return out
}

// allTODO reports whether every line is a TODO line, as closure reads it.
func allTODO(lines []string) bool {
	for _, l := range lines {
		s := strings.TrimSpace(bare(l))
		s = strings.TrimLeft(s, "> \t")
		for _, m := range []string{"- ", "* ", "+ "} {
			s = strings.TrimPrefix(s, m)
		}
		s = strings.TrimSpace(strings.TrimPrefix(s, "[ ]"))
		s = strings.TrimLeft(s, "*_ \t")
		if s != "" && !closure.IsTODO(s) {
			return false
		}
	}
	return true
}

// leadOf is the bold question that starts an answer's paragraph.
func leadOf(f *Field) string { return "**" + render.MarkdownText(f.Lead) + "**" }

// readAnswer reads a paragraph the debrief wrote: the bold question of one
// of leads, then the answer.
func readAnswer(para []string, leads []*Field) (*Field, string, bool) {
	first := strings.TrimSpace(bare(para[0]))
	if !strings.HasPrefix(first, "**") {
		return nil, "", false
	}
	for _, f := range leads {
		l := leadOf(f)
		if !strings.HasPrefix(first, l) {
			continue
		}
		rest := first[len(l):]
		if rest != "" && rest[0] != ' ' {
			continue
		}
		out := []string{strings.TrimSpace(rest)}
		for _, line := range para[1:] {
			out = append(out, unescapeLine(strings.TrimSpace(bare(line))))
		}
		return f, strings.TrimSpace(strings.Join(out, "\n")), true
	}
	return nil, "", false
}

// writeAnswer is the paragraph of an answer. Each line of the answer is a
// line of the paragraph (blank ones are dropped: one answer, one
// paragraph), and a line that would start a block of its own — a heading
// that would cut the section in two, a code fence or an HTML comment that
// would swallow the rest of the record, a list, a quote, a rule — starts
// with a backslash instead.
func writeAnswer(f *Field, v string) []string {
	var lines []string
	for _, l := range strings.Split(v, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return nil
	}
	out := []string{leadOf(f) + " " + lines[0]}
	for _, l := range lines[1:] {
		out = append(out, escapeLine(l))
	}
	return out
}

var orderedMarker = regexp.MustCompile(`^(\d{1,9})([.)])`)
var escapedOrdered = regexp.MustCompile(`^(\d{1,9})\\([.)])`)

func escapeLine(l string) string {
	if l == "" {
		return l
	}
	if m := orderedMarker.FindStringSubmatch(l); m != nil {
		return m[1] + `\` + l[len(m[1]):]
	}
	if strings.ContainsRune("#<>`~=-+*_|\\", rune(l[0])) {
		return `\` + l
	}
	return l
}

func unescapeLine(l string) string {
	if m := escapedOrdered.FindStringSubmatch(l); m != nil {
		return m[1] + l[len(m[1])+1:]
	}
	if len(l) >= 2 && l[0] == '\\' && strings.ContainsRune("#<>`~=-+*_|\\", rune(l[1])) {
		return l[1:]
	}
	return l
}

// section is one level-2 section of a record: its lines, and the lines of
// the Next goals list under it, if it has one.
type section struct {
	heading    string
	head       int // the heading's line, from 0
	start, end int // the section's own lines after the heading, up to the Next goals heading or the next section
	goals      int // the Next goals heading's line, -1 when none
	goalsEnd   int
	level      int // the Next goals heading's level
}

// sectionsOf finds the level-2 sections of a record; rec is src parsed.
func sectionsOf(lines []string, rec *closure.Record) []section {
	var out []section
	for i, s := range rec.Sections {
		head := s.Line - 1
		end := len(lines)
		if i+1 < len(rec.Sections) {
			end = rec.Sections[i+1].Line - 1
		}
		if head < 0 || head >= len(lines) || end < head {
			continue
		}
		sec := section{heading: s.Heading, head: head, start: head + 1, end: end, goals: -1}
		for _, b := range blocks(lines, head+1, end, nil) {
			if b.kind == heading && (b.level == 3 || b.level == 2) && sameHeading(b.text, closure.NextGoalsHeading) {
				sec.goals, sec.level, sec.goalsEnd = b.start, b.level, end
				sec.end = b.start
				for _, c := range blocks(lines, b.end, end, nil) {
					if c.kind == heading && c.level <= b.level {
						sec.goalsEnd = c.start
						break
					}
				}
				break
			}
		}
		out = append(out, sec)
	}
	return out
}

// sectionText is what a record's section holds for the debrief: the
// answers of its fields, and its own text.
type sectionText struct {
	heading string
	answers Answers
	kept    string
}

// readSections reads the answers and the own text of each section of an
// existing record.
func readSections(src []byte, rec *closure.Record, leads map[string][]*Field) []sectionText {
	if src == nil || rec == nil {
		return nil
	}
	lines := splitLines(src)
	var out []sectionText
	for _, sec := range sectionsOf(lines, rec) {
		st := sectionText{heading: sec.heading, answers: Answers{}}
		var own []string
		for _, b := range blocks(lines, sec.start, sec.end, leads[normHeading(sec.heading)]) {
			switch b.kind {
			case answer:
				if _, dup := st.answers[b.field.ID]; !dup {
					st.answers[b.field.ID] = b.text
				}
			case kept:
				own = append(own, blockText(lines, b))
			}
		}
		st.kept = strings.Join(own, "\n\n")
		out = append(out, st)
	}
	return out
}

func blockText(lines []string, b block) string {
	var out []string
	for _, l := range lines[b.start:b.end] {
		out = append(out, bare(l))
	}
	return strings.Join(out, "\n")
}
