package edit

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/mentor-cli/mentor/internal/frontmatter"
	"github.com/mentor-cli/mentor/internal/plan"
)

// GoalItem returns a goal's list item as written in src, the plan p was
// read from: its first line and every line after it that belongs to the
// item (blank, or indented past the item's marker), without the blank lines
// at the end, and with "\n" line endings. The title and the progress notes
// are kept byte for byte.
func GoalItem(src []byte, g plan.Goal) string {
	lines := strings.Split(string(src), "\n")
	if g.Line < 1 || g.Line > len(lines) {
		return ""
	}
	first := strings.TrimSuffix(lines[g.Line-1], "\r")
	indent := len(first) - len(strings.TrimLeft(first, " \t"))
	out := []string{first}
	for _, l := range lines[g.Line:] {
		l = strings.TrimSuffix(l, "\r")
		if strings.TrimSpace(l) != "" && len(l)-len(strings.TrimLeft(l, " \t")) <= indent {
			break
		}
		out = append(out, l)
	}
	for len(out) > 1 && strings.TrimSpace(out[len(out)-1]) == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

// CarryOver turns a new plan, as the plan template made it, into the plan of
// a rematch: it adds "previous: PREVIOUS" as the last front-matter key, the
// line naming the earlier pair under the level-1 title (or at the start of
// the body when there is none), and the carried goals (GoalItem's text) at
// the end of the Goals section, which it creates at the end of the plan when
// the template made none. Nothing else changes. It fails when the result
// would not read back with the previous link and every carried goal.
func CarryOver(src []byte, p *plan.Plan, previous, line string, goals []string) ([]byte, error) {
	doc, ferr := frontmatter.Split(src)
	if ferr != nil {
		return nil, fmt.Errorf("the new plan has no front matter mentor can read: %s", ferr.Msg)
	}
	eol := "\n"
	if p.CRLF {
		eol = "\r\n"
	}
	type insert struct {
		at   int
		text string
	}
	var ins []insert

	// previous: before the closing --- of the front matter.
	fence := bytes.LastIndexByte(src[:doc.BodyStart-1], '\n') + 1
	ins = append(ins, insert{fence, "previous: " + previous + eol})

	// The line naming the earlier pair, a paragraph of its own.
	body := string(doc.Body)
	at := doc.BodyStart
	off := 0
	for _, l := range strings.SplitAfter(body, "\n") {
		if t := strings.TrimRight(l, "\r\n"); strings.HasPrefix(t, "# ") || t == "#" {
			at = doc.BodyStart + off + len(l)
			break
		}
		off += len(l)
	}
	ins = append(ins, insert{at, paragraph(src, at, line, eol)})

	// The carried goals, at the end of the Goals section.
	if len(goals) > 0 {
		text := make([]string, len(goals))
		for i, g := range goals {
			text[i] = strings.ReplaceAll(g, "\n", eol)
		}
		block := strings.Join(text, eol)
		if sec := p.GoalsSection; sec != nil {
			ins = append(ins, insert{sec.End, paragraph(src, sec.End, block, eol)})
		} else {
			ins = append(ins, insert{len(src), paragraph(src, len(src), "## Goals"+eol+eol+block, eol)})
		}
	}

	sort.SliceStable(ins, func(i, j int) bool { return ins[i].at < ins[j].at })
	out := append([]byte(nil), src...)
	for i := len(ins) - 1; i >= 0; i-- { // from the end, so that offsets hold
		x := ins[i]
		out = append(out[:x.at], append([]byte(x.text), out[x.at:]...)...)
	}
	return out, carriedReadsBack(out, p, previous, goals)
}

// paragraph is text to insert at an offset at a line start so that it stands
// apart: a blank line before it and after it.
func paragraph(src []byte, at int, text, eol string) string {
	var b strings.Builder
	b.WriteString(gapBefore(src, at, eol))
	b.WriteString(text + eol)
	if at < len(src) && !lineBlank(src[at:]) {
		b.WriteString(eol)
	}
	return b.String()
}

func carriedReadsBack(out []byte, old *plan.Plan, previous string, goals []string) error {
	np := plan.Parse(old.File, out, plan.Options{})
	fail := func(why string) error {
		return fmt.Errorf("%s: the earlier goals cannot be carried over safely: %s; nothing was written", old.File, why)
	}
	switch {
	case !np.Valid():
		return fail("the plan would not read back: " + np.Problems[0].String())
	case np.Previous != previous:
		return fail(fmt.Sprintf("previous would read back as %q", np.Previous))
	case len(np.Goals) != len(old.Goals)+len(goals):
		return fail(fmt.Sprintf("the plan would read back with %d goals instead of %d (does the template end inside an unclosed code block or comment?)",
			len(np.Goals), len(old.Goals)+len(goals)))
	}
	return nil
}
