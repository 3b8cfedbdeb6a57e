package debrief

import (
	"fmt"
	"strings"

	"github.com/mentor-cli/mentor/internal/frontmatter"
	"go.yaml.in/yaml/v3"
)

// The front-matter edits of the debrief: a value set on its own line,
// keeping the key's place, its indentation and its comment, every other
// line as it was. A key that is missing is added (a top-level key before
// the closing ---, a contact key under contact:, a goal to the goals
// list). A value written some other way (a flow mapping, a value over
// several lines) is an error that says to edit it by hand.

type frontMatter struct {
	lines     []string
	eol       string
	yamlStart int // the first YAML line, from 0
	fence     int // the closing --- line
	root      *yaml.Node
}

func readFrontMatter(src []byte) (*frontMatter, error) {
	doc, ferr := frontmatter.Split(src)
	if ferr != nil {
		return nil, fmt.Errorf("the front matter cannot be read (%s): fix it first", ferr.Msg)
	}
	fm := &frontMatter{lines: splitLines(src), eol: "\n", yamlStart: doc.YAMLLine - 1, fence: doc.BodyLine - 2}
	if len(fm.lines) > 0 && strings.HasSuffix(fm.lines[0], "\r\n") {
		fm.eol = "\r\n"
	}
	var root yaml.Node
	if err := yaml.Unmarshal(doc.YAML, &root); err != nil {
		return nil, fmt.Errorf("the front matter is not valid YAML: fix it first")
	}
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		fm.root = root.Content[0]
	}
	if fm.root == nil || fm.root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("the front matter is not a mapping of keys: fix it first")
	}
	return fm, nil
}

func (fm *frontMatter) bytes() []byte { return []byte(strings.Join(fm.lines, "")) }

// line is the index in lines of a YAML node's line.
func (fm *frontMatter) line(n *yaml.Node) int { return fm.yamlStart + n.Line - 1 }

func get(m *yaml.Node, key string) (k, v *yaml.Node) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

func lastLine(n *yaml.Node) int {
	last := n.Line
	for _, c := range n.Content {
		last = max(last, lastLine(c))
	}
	return last
}

func (fm *frontMatter) insert(at int, text ...string) {
	add := make([]string, len(text))
	for i, t := range text {
		add[i] = t + fm.eol
	}
	fm.lines = append(fm.lines[:at], append(add, fm.lines[at:]...)...)
}

// replace writes key: value on the key's line, keeping what comes before
// the key (indentation, a list's "- ") and the line's comment.
func (fm *frontMatter) replace(k, v *yaml.Node, value string) error {
	if v.Kind != yaml.ScalarNode || lastLine(v) != k.Line || v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return fmt.Errorf("%s is not a single value on its line", k.Value)
	}
	i := fm.line(k)
	text := bare(fm.lines[i])
	if k.Column-1 > len(text) || strings.Trim(text[:k.Column-1], " -") != "" {
		return fmt.Errorf("%s is not where mentor can edit it", k.Value)
	}
	out := text[:k.Column-1] + k.Value + ": " + value
	if c := firstNonEmpty(v.LineComment, k.LineComment); c != "" {
		out += "  " + c
	}
	fm.lines[i] = out + fm.lines[i][len(text):]
	return nil
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// setTop sets a top-level key.
func setTop(src []byte, key, value string) ([]byte, error) {
	fm, err := readFrontMatter(src)
	if err != nil {
		return nil, err
	}
	k, v := get(fm.root, key)
	if k == nil {
		fm.insert(fm.fence, key+": "+value)
		return fm.bytes(), nil
	}
	if err := fm.replace(k, v, value); err != nil {
		return nil, err
	}
	return fm.bytes(), nil
}

// setChild sets parent.child, parent a block mapping (added when missing
// or empty).
func setChild(src []byte, parent, child, value string) ([]byte, error) {
	fm, err := readFrontMatter(src)
	if err != nil {
		return nil, err
	}
	pk, pv := get(fm.root, parent)
	switch {
	case pk == nil:
		fm.insert(fm.fence, parent+":", "  "+child+": "+value)
	case pv.Kind == yaml.ScalarNode && (pv.Tag == "!!null" || strings.TrimSpace(pv.Value) == "" || strings.HasPrefix(pv.Value, TODO)) && lastLine(pv) == pk.Line:
		i := fm.line(pk)
		text := bare(fm.lines[i])
		if pk.Column-1 > len(text) || strings.TrimSpace(text[:pk.Column-1]) != "" {
			return nil, fmt.Errorf("%s is not where mentor can edit it", parent)
		}
		head := text[:pk.Column-1] + parent + ":"
		if c := firstNonEmpty(pv.LineComment, pk.LineComment); c != "" {
			head += "  " + c
		}
		fm.lines[i] = head + fm.lines[i][len(text):]
		fm.insert(i+1, "  "+child+": "+value)
	case pv.Kind == yaml.MappingNode && pv.Style&yaml.FlowStyle == 0 && len(pv.Content) > 0:
		ck, cv := get(pv, child)
		if ck == nil {
			indent := strings.Repeat(" ", pv.Content[0].Column-1)
			fm.insert(fm.yamlStart+lastLine(pv), indent+child+": "+value)
			break
		}
		if err := fm.replace(ck, cv, value); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("%s is not a block mapping mentor can add %s to", parent, child)
	}
	return fm.bytes(), nil
}

// setOutcome sets the outcome of the goal with the title in the goals
// list, adding the goal when the list lacks it.
func setOutcome(src []byte, title, value string) ([]byte, error) {
	fm, err := readFrontMatter(src)
	if err != nil {
		return nil, err
	}
	gk, gv := get(fm.root, "goals")
	if gk == nil {
		fm.insert(fm.fence, "goals:", "  - title: "+scalar(title), "    outcome: "+value)
		return fm.bytes(), nil
	}
	if gv.Kind != yaml.SequenceNode || gv.Style&yaml.FlowStyle != 0 || len(gv.Content) == 0 {
		return nil, fmt.Errorf("goals is not a list of goals, one a line, that mentor can edit")
	}
	match := func(eq func(a, b string) bool) *yaml.Node {
		for _, it := range gv.Content {
			if _, t := get(it, "title"); t != nil && t.Kind == yaml.ScalarNode && eq(strings.TrimSpace(t.Value), strings.TrimSpace(title)) {
				return it
			}
		}
		return nil
	}
	it := match(func(a, b string) bool { return a == b })
	if it == nil {
		it = match(strings.EqualFold)
	}
	if it == nil {
		first := gv.Content[0]
		if first.Kind != yaml.MappingNode || first.Column < 3 {
			return nil, fmt.Errorf("goals is not a list of goals that mentor can add one to")
		}
		dash := strings.Repeat(" ", first.Column-3)
		fm.insert(fm.yamlStart+lastLine(gv), dash+"- title: "+scalar(title), dash+"  outcome: "+value)
		return fm.bytes(), nil
	}
	ok, ov := get(it, "outcome")
	if ok == nil {
		tk, _ := get(it, "title")
		fm.insert(fm.line(tk)+1, strings.Repeat(" ", it.Column-1)+"outcome: "+value)
		return fm.bytes(), nil
	}
	if err := fm.replace(ok, ov, value); err != nil {
		return nil, err
	}
	return fm.bytes(), nil
}

// scalar is a string as a YAML value that reads back as the same string.
func scalar(s string) string {
	out, err := yaml.Marshal(s)
	if err != nil {
		return fmt.Sprintf("%q", s)
	}
	return strings.TrimSuffix(string(out), "\n")
}
