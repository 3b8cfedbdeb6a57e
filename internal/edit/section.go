package edit

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/mentor-cli/mentor/internal/closure"
)

// FillSection returns a closure record with the section whose heading is
// heading (in any case) written: text takes the place of its TODO lines
// (placeholder items such as "- [ ] TODO: …" too), so the facts mentor
// prefilled stay. A section that holds nothing but
// comments gets the text after its heading. A section already written (no
// TODO line left in it, and not empty) is refused: it holds the pair's
// words, which an edit must not lose. rec must be closure.Parse's reading
// of src.
func FillSection(src []byte, rec *closure.Record, heading, text string) ([]byte, error) {
	idx := -1
	for i := range rec.Sections {
		if norm(rec.Sections[i].Heading) == norm(heading) {
			idx = i
			break
		}
	}
	if idx < 0 {
		return nil, fmt.Errorf("%s has no section %q", rec.File, heading)
	}
	sec := rec.Sections[idx]
	text = strings.Trim(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("the text for %q is empty", heading)
	}
	l := splitLines(src)
	end := l.count()
	if idx+1 < len(rec.Sections) {
		end = rec.Sections[idx+1].Line - 1
	}
	var todo []int
	for k := sec.Line + 1; k <= end; k++ {
		// A TODO line at the margin, or a placeholder item such as the
		// record's "- [ ] TODO: a next goal": the text stands in for them.
		if t := l.text(k); t == strings.TrimLeft(t, " ") && closure.IsTODOLine(t) {
			todo = append(todo, k)
		}
	}
	nl := eol(src)
	lines := strings.Split(text, "\n")
	block := strings.Join(lines, nl) + nl
	var out []byte
	switch {
	case len(todo) > 0:
		// The text in place of the first TODO line; the other TODO lines go.
		out = append([]byte(nil), src...)
		for i := len(todo) - 1; i >= 0; i-- {
			from, to := l.span(todo[i])
			repl := ""
			if i == 0 {
				repl = block
				if to == len(src) && !bytes.HasSuffix(src, []byte("\n")) {
					repl = strings.TrimSuffix(block, nl)
				}
			}
			out = splice(out, from, to, repl)
		}
	case sec.Empty:
		_, to := l.span(sec.Line)
		add := nl + block
		if to == len(src) && !bytes.HasSuffix(src, []byte("\n")) {
			add = nl + nl + strings.TrimSuffix(block, nl)
		}
		out = splice(src, to, to, add)
	default:
		return nil, fmt.Errorf("%s:%d: section %q is already written (no TODO is left in it); edit it in the file to change it", rec.File, sec.Line, sec.Heading)
	}
	// It reads back: the same sections, this one written, the others as
	// they were, the front matter byte for byte.
	back := closure.Parse(rec.File, out)
	fail := func(why string) error {
		return fmt.Errorf("%s: section %q cannot be written safely: %s; nothing was written", rec.File, sec.Heading, why)
	}
	if len(back.Sections) != len(rec.Sections) {
		return nil, fail("the text would change the record's sections (does it hold a \"## \" heading, or open a code block it does not close?)")
	}
	for i := range rec.Sections {
		if norm(back.Sections[i].Heading) != norm(rec.Sections[i].Heading) {
			return nil, fail("the headings would change")
		}
		if i == idx {
			if back.Sections[i].Empty {
				return nil, fail("it would still read as empty")
			}
			continue
		}
		if back.Sections[i].Empty != rec.Sections[i].Empty {
			return nil, fail(fmt.Sprintf("section %q would change too", rec.Sections[i].Heading))
		}
	}
	if hs, ho := headOf(src), headOf(out); !bytes.Equal(hs, ho) {
		return nil, fail("the front matter would change")
	}
	return out, nil
}

// headOf is the front matter of a file, for comparing.
func headOf(src []byte) []byte {
	d, err := readFrontMatter(src)
	if err != nil {
		return nil
	}
	return d.doc.YAML
}

func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// SplitSections cuts Markdown into level-2 sections: each "## Heading" line
// and the text under it, in order. Text before the first heading is an
// error, and so is a heading given twice.
func SplitSections(md string) (headings, texts []string, err error) {
	md = strings.ReplaceAll(md, "\r\n", "\n")
	fence := ""
	for i, line := range strings.Split(md, "\n") {
		t := strings.TrimSpace(line)
		if fence != "" {
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
		} else if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = t[:3]
		}
		if fence == "" && strings.HasPrefix(line, "## ") {
			h := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(line[3:]), "#"))
			for _, seen := range headings {
				if norm(seen) == norm(h) {
					return nil, nil, fmt.Errorf("line %d: section %q is given twice", i+1, h)
				}
			}
			headings = append(headings, h)
			texts = append(texts, "")
			continue
		}
		if len(headings) == 0 {
			if t != "" {
				return nil, nil, fmt.Errorf("line %d: the text must start with a \"## Section\" heading (it has %q)", i+1, clipText(t))
			}
			continue
		}
		texts[len(texts)-1] += line + "\n"
	}
	if len(headings) == 0 {
		return nil, nil, fmt.Errorf("no \"## Section\" heading: write each section as \"## Summary\" and its text")
	}
	return headings, texts, nil
}

func clipText(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:37]) + "..."
	}
	return s
}
