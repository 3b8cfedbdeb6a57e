package edit

import (
	"fmt"
	"strings"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/plan"
)

// The goal edits change one goal of a plan's Goals section: a progress note
// added under it, its checkbox, its title struck through. p must be
// plan.Parse's reading of src, and n the goal's number (1-based, in plan
// order). Each checks that the plan reads back with the same goals, only
// the one edited changed as meant, and fails without a result otherwise.

// goalLine is the layout of a goal's first line.
type goalLine struct {
	line    int    // file line
	box     int    // offset of '[' in the file
	content int    // column of '[' in the line: where the item's content starts
	text    string // the line without its line ending
}

func findGoal(src []byte, p *plan.Plan, n int) (*plan.Goal, goalLine, lines, error) {
	var gl goalLine
	l := splitLines(src)
	if p.BodyOff == 0 {
		return nil, gl, l, fmt.Errorf("%s: the plan's front matter could not be read; fix it before editing goals", p.File)
	}
	if n < 1 || n > len(p.Goals) {
		return nil, gl, l, fmt.Errorf("%s has no goal %d", p.File, n)
	}
	g := &p.Goals[n-1]
	if g.Line < 1 || g.Line > l.count() {
		return nil, gl, l, fmt.Errorf("%s:%d: the goal is not where the plan says", p.File, g.Line)
	}
	text := l.text(g.Line) // never line 1, which opens the front matter
	i := 0
	for i < len(text) && text[i] == ' ' {
		i++
	}
	// The list marker: -, * or +, or a number and . or ).
	j := i
	switch {
	case j < len(text) && strings.IndexByte("-*+", text[j]) >= 0:
		j++
	default:
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if j > i && j < len(text) && (text[j] == '.' || text[j] == ')') {
			j++
		} else {
			j = i // no marker: the item's text starts on a later line
		}
	}
	if j > i {
		k := j
		for k < len(text) && text[k] == ' ' {
			k++
		}
		if k == j {
			return nil, gl, l, fmt.Errorf("%s:%d: goal %d is not laid out as \"- [ ] title\"; mentor edits goals written that way", p.File, g.Line, n)
		}
		j = k
	}
	if j+3 > len(text) || text[j] != '[' || text[j+2] != ']' || !strings.ContainsRune(" xX", rune(text[j+1])) {
		return nil, gl, l, fmt.Errorf("%s:%d: goal %d is not laid out as \"- [ ] title\" on one line; mentor edits goals written that way", p.File, g.Line, n)
	}
	from, _ := l.span(g.Line)
	gl = goalLine{line: g.Line, box: from + j, content: j, text: text}
	return g, gl, l, nil
}

// indentOf is the number of leading spaces of a line.
func indentOf(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// itemEnd is the last non-blank line of the goal's list item: the lines
// after its first that are indented to its content, and the blank lines
// between them.
func itemEnd(l lines, gl goalLine, limit int) int {
	last := gl.line
	for k := gl.line + 1; k <= l.count() && k <= limit; k++ {
		t := l.text(k)
		if strings.TrimSpace(t) == "" {
			continue
		}
		if indentOf(t) < gl.content {
			break
		}
		last = k
	}
	return last
}

// sectionEndLine is the last file line of the Goals section.
func sectionEndLine(src []byte, p *plan.Plan) int {
	if p.GoalsSection == nil {
		return strings.Count(string(src), "\n") + 1
	}
	end := min(p.GoalsSection.End, len(src))
	return strings.Count(string(src[:end]), "\n")
}

// AddProgress returns src with the dated progress note "- D: TEXT" added
// under goal n, after its last note (nested as its notes are, else under
// the goal's text), and the file line it is on.
func AddProgress(src []byte, p *plan.Plan, n int, d dates.Date, text string) ([]byte, int, error) {
	_, gl, l, err := findGoal(src, p, n)
	if err != nil {
		return nil, 0, err
	}
	text = strings.TrimSpace(text)
	if text == "" || strings.ContainsAny(text, "\r\n") {
		return nil, 0, fmt.Errorf("the progress note must be one line of text")
	}
	if d.IsZero() {
		return nil, 0, fmt.Errorf("the progress note has no date")
	}
	last := itemEnd(l, gl, sectionEndLine(src, p))
	// Nest the note as the goal's first note is nested, else two spaces
	// under the goal's content.
	indent, marker := strings.Repeat(" ", gl.content), "-"
	for k := gl.line + 1; k <= last; k++ {
		t := strings.TrimLeft(l.text(k), " ")
		if len(t) >= 2 && strings.IndexByte("-*+", t[0]) >= 0 && t[1] == ' ' {
			indent, marker = l.text(k)[:indentOf(l.text(k))], t[:1]
			break
		}
	}
	nl := eol(src)
	_, off := l.span(last)
	add := indent + marker + " " + d.String() + ": " + text + nl
	if off == len(src) && !strings.HasSuffix(string(src), "\n") {
		// The goal ends the file, without a final newline: keep it so.
		add = nl + strings.TrimSuffix(add, nl)
	}
	out := splice(src, off, off, add)
	line := last + 1
	err = goalsReadBack(p, out, n, func(old, got plan.Goal) bool {
		if !sameGoalHead(old, got) || len(got.Notes) != len(old.Notes)+1 {
			return false
		}
		nn := got.Notes[len(got.Notes)-1]
		return sameNotes(old.Notes, got.Notes[:len(old.Notes)]) && nn.Date.Equal(d) && nn.Text == text && nn.Line == line
	}, "the note")
	if err != nil {
		return nil, 0, err
	}
	return out, line, nil
}

// SetGoalState returns src with goal n met (state plan.Met: "[x]") or open
// (plan.Open: "[ ]"). A dropped goal is restored: its title's
// strike-through and the "(dropped: …)" after it are taken out.
func SetGoalState(src []byte, p *plan.Plan, n int, state plan.GoalState) ([]byte, error) {
	g, gl, _, err := findGoal(src, p, n)
	if err != nil {
		return nil, err
	}
	mark := " "
	switch state {
	case plan.Met:
		mark = "x"
	case plan.Open:
	default:
		return nil, fmt.Errorf("a goal's checkbox says met or open, not %s", state)
	}
	out := splice(src, gl.box+1, gl.box+2, mark)
	if g.State == plan.Dropped {
		// "[ ] ~~Title~~ (dropped: …)" on one line.
		rest := gl.text[gl.content+3:]
		lead := len(rest) - len(strings.TrimLeft(rest, " "))
		body := rest[lead:]
		closeAt := strings.Index(body[2:], "~~")
		if !strings.HasPrefix(body, "~~") || closeAt < 0 {
			return nil, fmt.Errorf("%s:%d: goal %d is struck through over more than one line; take out its ~~ by hand", p.File, g.Line, n)
		}
		after := strings.TrimSpace(body[2+closeAt+2:])
		if after != "" && !(strings.HasPrefix(after, "(dropped") && strings.HasSuffix(after, ")")) {
			return nil, fmt.Errorf("%s:%d: goal %d has words after its struck-through title (%q) that mentor would lose; edit the goal by hand", p.File, g.Line, n, after)
		}
		titleFrom := gl.box + 3 + lead
		lineEnd := gl.box - gl.content + len(gl.text)
		out = splice(out, titleFrom, lineEnd, body[2:2+closeAt])
	}
	err = goalsReadBack(p, out, n, func(old, got plan.Goal) bool {
		return got.Title == old.Title && got.State == state && got.Reason == "" && sameNotes(old.Notes, got.Notes)
	}, "the goal")
	if err != nil {
		return nil, err
	}
	return out, nil
}

// DropGoal returns src with goal n's title struck through and
// "(dropped: REASON)" after it; the checkbox stays as it is.
func DropGoal(src []byte, p *plan.Plan, n int, reason string) ([]byte, error) {
	g, gl, l, err := findGoal(src, p, n)
	if err != nil {
		return nil, err
	}
	reason = strings.TrimSpace(reason)
	if reason == "" || strings.ContainsAny(reason, "\r\n") {
		return nil, fmt.Errorf("the reason for dropping a goal must be one line of text")
	}
	if g.State == plan.Dropped {
		return nil, fmt.Errorf("%s:%d: goal %d is already dropped %s", p.File, g.Line, n, g.Reason)
	}
	if strings.Contains(g.Title, "~~") {
		return nil, fmt.Errorf("%s:%d: goal %d's title holds ~~ already; strike it through by hand", p.File, g.Line, n)
	}
	// The title runs to the end of the item's first paragraph.
	noteLines := map[int]bool{}
	for _, nt := range g.Notes {
		noteLines[nt.Line] = true
	}
	last := gl.line
	for k := gl.line + 1; k <= l.count(); k++ {
		t := l.text(k)
		s := strings.TrimSpace(t)
		// An unindented line that opens no block continues the paragraph
		// (a lazy continuation line), as CommonMark reads it.
		if s == "" || noteLines[k] || startsBlock(s) {
			break
		}
		last = k
	}
	rest := gl.text[gl.content+3:]
	lead := len(rest) - len(strings.TrimLeft(rest, " "))
	titleFrom := gl.box + 3 + lead
	endText := l.text(last)
	lineStart, _ := l.span(last)
	titleTo := lineStart + len(strings.TrimRight(endText, " "))
	out := splice(src, titleTo, titleTo, "~~ (dropped: "+reason+")")
	out = splice(out, titleFrom, titleFrom, "~~")
	err = goalsReadBack(p, out, n, func(old, got plan.Goal) bool {
		return got.Title == old.Title && got.State == plan.Dropped && got.Reason == "(dropped: "+reason+")" && sameNotes(old.Notes, got.Notes)
	}, "the goal")
	if err != nil {
		return nil, err
	}
	return out, nil
}

// startsBlock reports whether a trimmed line opens a block of its own (a
// list item, a heading, a quote, a fence, HTML), which ends a paragraph.
func startsBlock(s string) bool {
	if len(s) >= 2 && strings.IndexByte("-*+", s[0]) >= 0 && s[1] == ' ' {
		return true
	}
	for _, p := range []string{"#", ">", "```", "~~~", "<"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')')
}

func sameGoalHead(a, b plan.Goal) bool {
	return a.Title == b.Title && a.State == b.State && a.Reason == b.Reason
}

func sameNotes(a, b []plan.Note) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Date.Equal(b[i].Date) || a[i].Text != b[i].Text {
			return false
		}
	}
	return true
}

// goalsReadBack parses the edited plan and checks it has the same goals and
// meetings as before, goal n passing ok.
func goalsReadBack(old *plan.Plan, out []byte, n int, ok func(old, got plan.Goal) bool, what string) error {
	np := plan.Parse(old.File, out, plan.Options{})
	fail := func(why string) error {
		return fmt.Errorf("%s: goal %d cannot be changed safely: %s %s; nothing was written", old.File, n, what, why)
	}
	if len(np.Goals) != len(old.Goals) {
		return fail(fmt.Sprintf("would make the plan read back with %d goals instead of %d", len(np.Goals), len(old.Goals)))
	}
	for i := range old.Goals {
		if i == n-1 {
			if !ok(old.Goals[i], np.Goals[i]) {
				return fail("would not read back as written (is the goal's text laid out in an unusual way?)")
			}
			continue
		}
		if !sameGoalHead(old.Goals[i], np.Goals[i]) || !sameNotes(old.Goals[i].Notes, np.Goals[i].Notes) {
			return fail(fmt.Sprintf("would change goal %d too", i+1))
		}
	}
	if len(np.Meetings) != len(old.Meetings) || old.Valid() && !np.Valid() {
		return fail("would change the rest of the plan")
	}
	return nil
}
