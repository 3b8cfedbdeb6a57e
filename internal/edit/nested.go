package edit

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/mentor-cli/mentor/internal/frontmatter"
	"go.yaml.in/yaml/v3"
)

// SetNested returns src with the front-matter key parent.child set to value
// (a plain scalar such as a date), changing no other byte: the byte-order
// mark, line endings, comments, key order and every other key stay as they
// were. The key is replaced where it is, added under parent when parent is
// a block mapping without it, rewritten inside a one-line flow mapping
// ({mentor: 2026-07-28}), and parent itself is added at the end of the
// front matter when it is missing or empty. A parent of another shape
// (a list, a multi-line flow mapping) is an error that says to edit it by
// hand. The result must read back with parent.child = value and every
// other key the same, or it is an error.
func SetNested(src []byte, parent, child, value string) ([]byte, error) {
	if strings.ContainsAny(value, "\r\n#:{}[],'\"") || strings.TrimSpace(value) != value || value == "" {
		return nil, fmt.Errorf("%q cannot be written as a plain value", value)
	}
	doc, ferr := frontmatter.Split(src)
	if ferr != nil {
		return nil, fmt.Errorf("the front matter cannot be read (%s): fix it first", ferr.Msg)
	}
	yamlStart := fenceStart(src, doc) - len(doc.YAML)
	eol := "\n"
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		eol = "\r\n"
	}
	var root yaml.Node
	if err := yaml.Unmarshal(doc.YAML, &root); err != nil {
		return nil, fmt.Errorf("the front matter is not valid YAML: fix it first")
	}
	var m *yaml.Node
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		m = root.Content[0]
	}
	lines := splitKeepEnds(src[yamlStart : yamlStart+len(doc.YAML)])
	// lineAt is the offset in src of a 1-based line of the YAML.
	lineAt := func(n int) int {
		off := yamlStart
		for i := 0; i < n-1 && i < len(lines); i++ {
			off += len(lines[i])
		}
		return off
	}
	splice := func(at, end int, text string) []byte { return spliceBytes(src, at, end, text) }
	entry := "  " + child + ": " + value + eol

	var key, val *yaml.Node
	if m != nil && m.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == parent {
				key, val = m.Content[i], m.Content[i+1]
			}
		}
	} else if m != nil && !(m.Kind == yaml.ScalarNode && m.Tag == "!!null") {
		return nil, fmt.Errorf("the front matter is not a mapping of keys: fix it first")
	}

	var out []byte
	switch {
	case key == nil:
		// No parent yet: add it as the last key.
		end := yamlStart + len(doc.YAML)
		out = splice(end, end, parent+":"+eol+entry)
	case isEmpty(val):
		// parent: (nothing, null, TODO or {}) becomes a block mapping.
		n := key.Line
		if n < 1 || n > len(lines) {
			return nil, fmt.Errorf("cannot find %s in the front matter; fix it by hand", parent)
		}
		at := lineAt(n)
		text := strings.TrimRight(string(lines[n-1]), "\r\n")
		colon := strings.Index(text, parent+":") + len(parent) + 1
		comment := commentOf(text[colon:])
		head := text[:colon]
		if comment != "" {
			head += "  " + comment
		}
		out = splice(at, at+len(lines[n-1]), head+eol+entry)
	case val.Kind == yaml.MappingNode && val.Style&yaml.FlowStyle == 0:
		out2, err := setBlock(src, lines, lineAt, val, child, value, eol)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", parent, err)
		}
		out = out2
	case val.Kind == yaml.MappingNode:
		out2, err := setFlow(src, lines, lineAt, key, val, child, value)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", parent, err)
		}
		out = out2
	default:
		return nil, fmt.Errorf("%s must be a mapping (such as %s: {%s: %s}); fix it by hand", parent, parent, child, value)
	}
	if err := sameBut(doc.YAML, out, parent, child, value); err != nil {
		return nil, err
	}
	return out, nil
}

// fenceStart is the offset of the closing --- line.
func fenceStart(src []byte, doc frontmatter.Doc) int {
	end := doc.BodyStart
	// Step back over the fence line and its line ending.
	i := end - 1
	if i >= 0 && src[i] == '\n' {
		i--
	}
	for i >= 0 && src[i] != '\n' {
		i--
	}
	return i + 1
}

// splitKeepEnds cuts b into lines that keep their line endings.
func splitKeepEnds(b []byte) [][]byte {
	var out [][]byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			out = append(out, b)
			break
		}
		out = append(out, b[:i+1])
		b = b[i+1:]
	}
	return out
}

func isEmpty(v *yaml.Node) bool {
	switch {
	case v == nil:
		return true
	case v.Kind == yaml.ScalarNode:
		s := strings.TrimSpace(v.Value)
		return v.Tag == "!!null" || s == "" || strings.HasPrefix(s, "TODO")
	case v.Kind == yaml.MappingNode:
		return len(v.Content) == 0
	}
	return false
}

// commentOf returns the comment at the end of a line's value part, with
// its #, or "".
func commentOf(rest string) string {
	for i := 0; i < len(rest); i++ {
		if rest[i] == '#' && (i == 0 || rest[i-1] == ' ' || rest[i-1] == '\t') {
			return rest[i:]
		}
	}
	return ""
}

// setBlock sets child in a block mapping: on its own line when it is there,
// else on a new line after the mapping's last line.
func setBlock(src []byte, lines [][]byte, lineAt func(int) int, m *yaml.Node, child, value, eol string) ([]byte, error) {
	indent := m.Content[0].Column - 1
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Value != child {
			continue
		}
		if v.Kind != yaml.ScalarNode || (v.Line != k.Line && v.Tag != "!!null") || v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			return nil, fmt.Errorf("%s is not a single value on its line; fix it by hand", child)
		}
		n := k.Line
		if n < 1 || n > len(lines) {
			return nil, fmt.Errorf("%s: cannot find its line; fix it by hand", child)
		}
		text := strings.TrimRight(string(lines[n-1]), "\r\n")
		colon := k.Column - 1 + len(child) + 1
		if colon > len(text) || text[colon-1] != ':' {
			return nil, fmt.Errorf("%s: cannot find its value; fix it by hand", child)
		}
		rest := text[colon:]
		comment := commentOf(rest)
		line := text[:colon] + " " + value
		if comment != "" {
			gap := rest[:len(rest)-len(comment)]
			gap = gap[len(strings.TrimRight(gap, " \t")):]
			if gap == "" {
				gap = " "
			}
			line += gap + comment
		}
		at := lineAt(n)
		ending := string(lines[n-1])[len(text):]
		return spliceBytes(src, at, at+len(lines[n-1]), line+ending), nil
	}
	// After the mapping's last line: the last line any node of it is on.
	last := lastLine(m)
	if last < 1 || last > len(lines) {
		return nil, fmt.Errorf("cannot find the end of the mapping; fix it by hand")
	}
	at := lineAt(last) + len(lines[last-1])
	prefix := ""
	if !bytes.HasSuffix(lines[last-1], []byte("\n")) {
		prefix = eol
	}
	return spliceBytes(src, at, at, prefix+strings.Repeat(" ", indent)+child+": "+value+eol), nil
}

func lastLine(n *yaml.Node) int {
	last := n.Line
	for _, c := range n.Content {
		last = max(last, lastLine(c))
	}
	return last
}

// setFlow rewrites a one-line flow mapping with child set.
func setFlow(src []byte, lines [][]byte, lineAt func(int) int, key, m *yaml.Node, child, value string) ([]byte, error) {
	if lastLine(m) != m.Line {
		return nil, fmt.Errorf("a flow mapping over several lines; fix it by hand")
	}
	n := m.Line
	if n < 1 || n > len(lines) {
		return nil, fmt.Errorf("cannot find the mapping; fix it by hand")
	}
	text := strings.TrimRight(string(lines[n-1]), "\r\n")
	open := m.Column - 1
	if open >= len(text) || text[open] != '{' {
		return nil, fmt.Errorf("cannot find the mapping; fix it by hand")
	}
	close := strings.LastIndex(text, "}")
	if close < open {
		return nil, fmt.Errorf("cannot find the end of the mapping; fix it by hand")
	}
	var parts []string
	found := false
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			return nil, fmt.Errorf("%s is not a single value; fix it by hand", k.Value)
		}
		val := v.Value
		if k.Value == child {
			val, found = value, true
		} else if v.Style != 0 || v.Tag == "!!null" {
			// Keep what the user wrote for the other keys.
			raw, ok := flowRaw(text[open+1:close], k.Value)
			if !ok {
				return nil, fmt.Errorf("%s: cannot keep its value; fix it by hand", k.Value)
			}
			val = raw
		}
		parts = append(parts, k.Value+": "+val)
	}
	if !found {
		parts = append(parts, child+": "+value)
	}
	line := text[:open] + "{" + strings.Join(parts, ", ") + "}" + text[close+1:]
	at := lineAt(n)
	ending := string(lines[n-1])[len(text):]
	return spliceBytes(src, at, at+len(lines[n-1]), line+ending), nil
}

// flowRaw finds the text of key's value in the inside of a flow mapping.
func flowRaw(inside, key string) (string, bool) {
	for _, part := range strings.Split(inside, ",") {
		k, v, ok := strings.Cut(part, ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v), true
		}
	}
	return "", false
}

func spliceBytes(src []byte, at, end int, text string) []byte {
	out := make([]byte, 0, len(src)+len(text))
	out = append(out, src[:at]...)
	out = append(out, text...)
	return append(out, src[end:]...)
}

// sameBut checks that out's front matter reads as old's with parent.child
// set to value and nothing else changed.
func sameBut(old, out []byte, parent, child, value string) error {
	doc, ferr := frontmatter.Split(out)
	if ferr != nil {
		return fmt.Errorf("the edit would break the front matter (%s); edit it by hand", ferr.Msg)
	}
	var before, after map[string]any
	if err := yaml.Unmarshal(old, &before); err != nil {
		return err
	}
	if err := yaml.Unmarshal(doc.YAML, &after); err != nil {
		return fmt.Errorf("the edit would make the front matter invalid YAML; edit it by hand")
	}
	if before == nil {
		before = map[string]any{}
	}
	sub, _ := after[parent].(map[string]any)
	if sub == nil || fmt.Sprint(sub[child]) != fmt.Sprint(decoded(value)) {
		return fmt.Errorf("the edit would not read back as %s.%s: %s; edit it by hand", parent, child, value)
	}
	want, _ := before[parent].(map[string]any)
	if want == nil {
		want = map[string]any{}
	}
	want = copyMap(want)
	want[child] = sub[child]
	before[parent] = want
	if fmt.Sprint(before) != fmt.Sprint(after) {
		return fmt.Errorf("the edit would change other keys of the front matter; edit it by hand")
	}
	return nil
}

// decoded is value as YAML reads it.
func decoded(value string) any {
	var m map[string]any
	if err := yaml.Unmarshal([]byte("v: "+value), &m); err != nil {
		return value
	}
	return m["v"]
}

func copyMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
