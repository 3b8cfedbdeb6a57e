package debrief

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/edit"
)

// Fill writes the answers into a closure record: base is the existing
// closure.md, or the record the closure.md template renders from
// RecordData. Only what the answers change is touched: the decisions in
// the front matter, in place; each answer after its question in its
// section, where the section's TODO line was; the section's own text only
// when the pair changed it; the Next goals list. What was not answered
// stays TODO. file names the record in errors.
func (d *Debrief) Fill(file string, base []byte) ([]byte, error) {
	out := base
	a := d.Answers
	for _, f := range d.Fields() {
		if f.Key == "" || !f.Shown(a) {
			continue
		}
		v := strings.TrimSpace(a[f.ID])
		if v == "" {
			v = TODO
		}
		var err error
		switch {
		case f.Key == "outcome":
			out, err = setOutcome(out, d.data.Goals[f.Goal-1].Title, v)
		case strings.HasPrefix(f.Key, "contact."):
			child := strings.TrimPrefix(f.Key, "contact.")
			if v == TODO && !hasKey(out, "contact", child) {
				continue
			}
			if v != TODO && (child == "channel" || child == "cadence") {
				v = scalar(v)
			}
			out, err = setChild(out, "contact", child, v)
		default:
			if v == TODO && f.Key == "initiated_by" && !hasKey(out, f.Key, "") {
				continue // optional: no key is better than a TODO
			}
			out, err = setTop(out, f.Key, v)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: cannot write %s: %v; write it by hand, or run the debrief again", file, f.Key, err)
		}
	}
	out, err := d.fillBody(file, out)
	if err != nil {
		return nil, err
	}
	if err := d.readsBack(file, out); err != nil {
		return nil, err
	}
	return out, nil
}

// Sign has the sides that answered the sign-off sign the record, with the
// same edit as mentor close sign. A side that signed already keeps its
// date.
func (d *Debrief) Sign(file string, src []byte, date dates.Date) ([]byte, error) {
	out := src
	rec := closure.Parse(file, src)
	for _, s := range d.Signers() {
		if !rec.SignedOff.Signed(s).IsZero() {
			continue
		}
		var err error
		if out, err = edit.SetNested(out, "signed_off", s, date.String()); err != nil {
			return nil, fmt.Errorf("%s: cannot sign for the %s: %v", file, s, err)
		}
	}
	return out, nil
}

func hasKey(src []byte, parent, child string) bool {
	fm, err := readFrontMatter(src)
	if err != nil {
		return false
	}
	k, v := get(fm.root, parent)
	if child == "" || k == nil {
		return k != nil
	}
	ck, _ := get(v, child)
	return ck != nil
}

// readsBack checks that the record reads back with the decisions answered.
func (d *Debrief) readsBack(file string, out []byte) error {
	rec := closure.Parse(file, out)
	a := d.Answers
	for _, f := range d.Fields() {
		v := strings.TrimSpace(a[f.ID])
		if f.Key == "" || !f.Shown(a) || v == "" || v == TODO {
			continue
		}
		got := ""
		switch f.Key {
		case "reason":
			got = rec.Reason
		case "initiated_by":
			got = rec.InitiatedBy
		case "transition":
			got = rec.Transition
		case "final_meeting":
			got = rec.FinalMeeting
		case "outcome":
			got = recordOutcome(rec, d.data.Goals[f.Goal-1].Title)
		case "contact.channel":
			got = rec.Contact.Channel
		case "contact.cadence":
			got = rec.Contact.Cadence
		case "contact.kind":
			got = rec.Contact.Kind
		case "contact.until":
			got = rec.Contact.Until.String()
		}
		if !strings.EqualFold(got, v) {
			return fmt.Errorf("%s: %s would not read back as %q (it reads %q); nothing was written: write it by hand", file, f.Key, v, got)
		}
	}
	return nil
}

// want is what one section of the record gets.
type want struct {
	heading     string
	answers     [][]string // paragraphs
	keptChanged bool
	kept        string
	goals       []string // the Next goals, when they changed
	goalsSet    bool
}

func (d *Debrief) wants() (map[string]*want, []string) {
	a := d.Answers
	by := map[string]*want{}
	var order []string
	get := func(h string) *want {
		k := normHeading(h)
		if by[k] == nil {
			by[k] = &want{heading: h}
			order = append(order, k)
		}
		return by[k]
	}
	for _, f := range d.Fields() {
		if !f.Shown(a) {
			continue
		}
		switch {
		case f.Section != "" && f.Lead != "":
			if p := writeAnswer(f, a[f.ID]); p != nil {
				w := get(f.Section)
				w.answers = append(w.answers, p)
			} else {
				get(f.Section) // an answer cleared still rewrites the section
			}
		case f.Kept != "":
			if Normalize(f, a[f.ID]) != Normalize(f, d.original[f.ID]) {
				w := get(f.Kept)
				w.keptChanged, w.kept = true, Normalize(f, a[f.ID])
			}
		case f.NextGoals:
			v := Normalize(f, a[f.ID])
			if v != "" && v != Normalize(f, d.original[f.ID]) {
				w := get("Next steps")
				w.goals, w.goalsSet = strings.Split(v, "\n"), true
			}
		}
	}
	return by, order
}

func (d *Debrief) fillBody(file string, src []byte) ([]byte, error) {
	rec := closure.Parse(file, src)
	lines := splitLines(src)
	eol := "\n"
	if len(lines) > 0 && strings.HasSuffix(lines[0], "\r\n") {
		eol = "\r\n"
	}
	secs := sectionsOf(lines, rec)
	leads := d.leadsBySection()
	wants, order := d.wants()
	first := map[string]int{}
	for i, s := range secs {
		if _, ok := first[normHeading(s.heading)]; !ok {
			first[normHeading(s.heading)] = i
		}
	}
	// From the last section up, so that the lines of those above stay put.
	for i := len(secs) - 1; i >= 0; i-- {
		sec := secs[i]
		k := normHeading(sec.heading)
		w := wants[k]
		if w == nil || first[k] != i {
			continue
		}
		if w.goalsSet {
			if sec.goals >= 0 {
				lines = editGoals(lines, sec, w.goals, eol)
			} else {
				add := append([]string{"### " + closure.NextGoalsHeading, ""}, goalItems(w.goals)...)
				lines = insertBlock(lines, sec.end, add, eol)
			}
		}
		lines = editSection(lines, sec, leads[k], w, eol)
	}
	// Sections the record lacks get added at its end.
	for _, k := range order {
		if _, ok := first[k]; ok {
			continue
		}
		w := wants[k]
		var add []string
		add = append(add, "## "+w.heading)
		for _, p := range contentOf(w) {
			add = append(add, "")
			add = append(add, p...)
		}
		if w.goalsSet {
			add = append(add, "", "### "+closure.NextGoalsHeading, "")
			add = append(add, goalItems(w.goals)...)
		}
		if len(add) == 1 {
			continue
		}
		lines = insertBlock(lines, len(lines), add, eol)
	}
	return []byte(strings.Join(lines, "")), nil
}

func goalItems(goals []string) []string {
	out := make([]string, len(goals))
	for i, g := range goals {
		out[i] = "- [ ] " + g
	}
	return out
}

// contentOf is what goes where a section's TODO was: its own text when it
// changed, then the answers.
func contentOf(w *want) [][]string {
	var out [][]string
	if w.keptChanged && w.kept != "" {
		for _, p := range strings.Split(w.kept, "\n\n") {
			if p = strings.Trim(p, "\n"); p != "" {
				out = append(out, strings.Split(p, "\n"))
			}
		}
	}
	return append(out, w.answers...)
}

// editSection rewrites a section's own lines (up to its Next goals list)
// with the answers; a section that would not change is left byte for byte.
func editSection(lines []string, sec section, leads []*Field, w *want, eol string) []string {
	bs := blocks(lines, sec.start, sec.end, leads)
	content := contentOf(w)
	var old, out [][]string
	done := false
	put := func() {
		if !done {
			out = append(out, content...)
			done = true
		}
	}
	says := false
	for _, b := range bs {
		raw := strings.Split(blockText(lines, b), "\n")
		old = append(old, raw)
		switch b.kind {
		case answer:
			put()
			continue
		case kept:
			if w.keptChanged {
				put()
				continue
			}
			says = true
		case todo:
			if len(content) > 0 {
				put()
				continue
			}
			says = true
		}
		out = append(out, raw)
	}
	put()
	if len(content) > 0 {
		says = true
	}
	if !says {
		out = append(out, []string{"TODO: write this section."})
	}
	if same(old, out) {
		return lines
	}
	var region []string
	for _, b := range out {
		region = append(region, eol)
		for _, l := range b {
			region = append(region, l+eol)
		}
	}
	if sec.end < len(lines) {
		region = append(region, eol)
	}
	return splice(lines, sec.start, sec.end, region)
}

var itemStart = regexp.MustCompile(`^ {0,3}[-*+] `)

// editGoals replaces the items of the Next goals list with goals, keeping
// an item that stays as it is written (with its notes) and every block
// that is not a list.
func editGoals(lines []string, sec section, goals []string, eol string) []string {
	bs := blocks(lines, sec.goals+1, sec.goalsEnd, nil)
	items := map[string][]string{}
	for _, b := range bs {
		raw := strings.Split(blockText(lines, b), "\n")
		var cur []string
		flush := func() {
			if len(cur) > 0 {
				t := strings.TrimSpace(itemStart.ReplaceAllString(cur[0], ""))
				t = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(t, "[ ]"), "[x]"), "[X]"))
				if _, dup := items[t]; !dup {
					items[t] = cur
				}
			}
			cur = nil
		}
		for _, l := range raw {
			if itemStart.MatchString(l) {
				flush()
			}
			cur = append(cur, l)
		}
		flush()
	}
	var list []string
	for _, g := range goals {
		if it, ok := items[g]; ok {
			list = append(list, it...)
		} else {
			list = append(list, "- [ ] "+g)
		}
	}
	var out [][]string
	done := false
	for _, b := range bs {
		raw := strings.Split(blockText(lines, b), "\n")
		if b.kind != comment && b.kind != heading && itemStart.MatchString(raw[0]) {
			if !done {
				out = append(out, list)
				done = true
			}
			continue
		}
		out = append(out, raw)
	}
	if !done {
		out = append(out, list)
	}
	var region []string
	for _, b := range out {
		region = append(region, eol)
		for _, l := range b {
			region = append(region, l+eol)
		}
	}
	if sec.goalsEnd < len(lines) {
		region = append(region, eol)
	}
	return splice(lines, sec.goals+1, sec.goalsEnd, region)
}

// insertBlock adds lines at index at, with a blank line before them (and
// one after, unless they end the file).
func insertBlock(lines []string, at int, add []string, eol string) []string {
	if at > 0 && !strings.HasSuffix(lines[at-1], "\n") {
		lines[at-1] += eol
	}
	region := []string{}
	if at > 0 && strings.TrimSpace(lines[at-1]) != "" {
		region = append(region, eol)
	}
	for _, l := range add {
		region = append(region, l+eol)
	}
	if at < len(lines) {
		region = append(region, eol)
	}
	return splice(lines, at, at, region)
}

func splice(lines []string, from, to int, with []string) []string {
	out := make([]string, 0, len(lines)-(to-from)+len(with))
	out = append(out, lines[:from]...)
	out = append(out, with...)
	return append(out, lines[to:]...)
}

func same(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "\n") != strings.Join(b[i], "\n") {
			return false
		}
	}
	return true
}
