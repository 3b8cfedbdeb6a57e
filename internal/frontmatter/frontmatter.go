// Package frontmatter splits a Markdown file into its YAML front matter and its
// body, and decodes the front matter into fields that keep their line numbers.
//
// Every reader in mentor (plans, closure records, notes) goes through Split, so
// there is one answer to where front matter ends.
package frontmatter

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// BOM is the UTF-8 byte-order mark.
var BOM = []byte{0xEF, 0xBB, 0xBF}

// Doc is a file split into its parts. Offsets are into the original bytes.
type Doc struct {
	HasBOM    bool
	YAML      []byte // the front matter, without its --- lines
	YAMLLine  int    // file line of the first YAML line
	Body      []byte // everything after the closing --- line
	BodyStart int    // offset of Body in the original bytes
	BodyLine  int    // file line of the first body line
}

// Error is a problem with the front matter at a file line (0: the whole file).
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string { return e.Msg }

// Split finds the front matter. A missing opening --- or a missing closing ---
// is an error; a byte-order mark and CRLF line endings are accepted.
func Split(src []byte) (Doc, *Error) {
	var d Doc
	off := 0
	if bytes.HasPrefix(src, BOM) {
		d.HasBOM = true
		off = len(BOM)
	}
	first, next := line(src, off)
	if !isFence(first) {
		if bytes.IndexByte(first, '\r') >= 0 {
			// Lines that end in a carriage return alone, as old Mac
			// editors saved them: mentor reads LF and CRLF.
			return d, &Error{1, "the lines of this file end with a carriage return alone (CR, as old Mac editors saved them): save it with LF or CRLF line endings"}
		}
		return d, &Error{1, "no front matter: the file must start with a line --- followed by YAML keys and another ---"}
	}
	start := next
	lineNo := 2
	for pos := start; pos < len(src); lineNo++ {
		l, n := line(src, pos)
		if isFence(l) || isEnd(l) {
			d.YAML = src[start:pos]
			d.YAMLLine = 2
			d.Body = src[n:]
			d.BodyStart = n
			d.BodyLine = lineNo + 1
			if err := otherBreak(d.YAML, d.YAMLLine); err != nil {
				return d, err
			}
			return d, nil
		}
		pos = n
	}
	return d, &Error{1, "front matter is not closed: add a line --- after the last key"}
}

// otherBreaks are the line breaks YAML counts besides LF and CRLF, with
// what to call them. mentor counts lines by LF alone, so with one of these
// in the front matter YAML's line numbers and mentor's would disagree and
// an edit could land on the wrong line: they are refused.
var otherBreaks = []struct{ seq, name string }{
	{"\r", "a carriage return alone (CR)"},
	{"\u0085", "a next-line character (U+0085)"},
	{"\u2028", "a line separator (U+2028)"},
	{"\u2029", "a paragraph separator (U+2029)"},
}

// otherBreak is an error at the first line of yaml (file line first) that
// holds a line break other than LF or CRLF.
func otherBreak(yaml []byte, first int) *Error {
	at, name := -1, ""
	for _, b := range otherBreaks {
		from := 0
		for {
			i := bytes.Index(yaml[from:], []byte(b.seq))
			if i < 0 {
				break
			}
			i += from
			if b.seq == "\r" && i+1 < len(yaml) && yaml[i+1] == '\n' {
				from = i + 1 // CRLF
				continue
			}
			if at < 0 || i < at {
				at, name = i, b.name
			}
			break
		}
	}
	if at < 0 {
		return nil
	}
	n := first + bytes.Count(yaml[:at], []byte("\n"))
	return &Error{n, "the front matter holds " + name + ", which YAML reads as a line break: replace it with a newline or a space"}
}

// line returns the line starting at off without its line ending, and the
// offset of the next line.
func line(src []byte, off int) ([]byte, int) {
	i := bytes.IndexByte(src[off:], '\n')
	if i < 0 {
		return bytes.TrimSuffix(src[off:], []byte("\r")), len(src)
	}
	return bytes.TrimSuffix(src[off:off+i], []byte("\r")), off + i + 1
}

func isFence(l []byte) bool { return string(bytes.TrimRight(l, " \t")) == "---" }
func isEnd(l []byte) bool   { return string(bytes.TrimRight(l, " \t")) == "..." }

// Field is one top-level key of the front matter.
type Field struct {
	Key   string
	Line  int // file line of the key
	Value *yaml.Node
}

// ValueLine is the file line of the field's value.
func (f Field) ValueLine(d Doc) int {
	if f.Value == nil || f.Value.Line == 0 {
		return f.Line
	}
	return f.Value.Line + d.YAMLLine - 1
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// Fields decodes the front matter as a YAML mapping, in file order. Duplicate
// keys and anything that is not a mapping are errors.
func (d Doc) Fields() ([]Field, *Error) {
	if fastOn {
		if fields, ok := d.fastFields(); ok {
			return fields, nil
		}
	}
	return d.yamlFields()
}

// yamlFields is Fields through yaml.v3, for any front matter.
func (d Doc) yamlFields() ([]Field, *Error) {
	var root yaml.Node
	if err := yaml.Unmarshal(d.YAML, &root); err != nil {
		msg := err.Error()
		line, n := d.YAMLLine, 0
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			n, _ = strconv.Atoi(m[1])
			line = d.YAMLLine + n - 1
			msg = msg[len(m[0]):]
		} else {
			msg = trimPrefix(msg, "yaml: ")
		}
		if h := hint(msg, d.YAML, n); h != "" {
			msg += ": " + h
		}
		return nil, &Error{line, "front matter is not valid YAML: " + msg}
	}
	if root.Kind == 0 {
		return nil, nil // empty front matter
	}
	m := &root
	if m.Kind == yaml.DocumentNode && len(m.Content) == 1 {
		m = m.Content[0]
	}
	if m.Kind != yaml.MappingNode {
		return nil, &Error{d.YAMLLine + m.Line - 1, "front matter must be YAML keys and values (key: value), one per line"}
	}
	fields := make([]Field, 0, len(m.Content)/2)
	seen := make(map[string]int, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		line := d.YAMLLine + k.Line - 1
		if k.Kind != yaml.ScalarNode {
			return nil, &Error{line, "front matter keys must be plain words"}
		}
		if isMerge(k) {
			continue
		}
		if prev, dup := seen[k.Value]; dup {
			return nil, &Error{line, fmt.Sprintf("key %q is given twice (first on line %d): keep one", k.Value, prev)}
		}
		seen[k.Value] = line
		if v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias
		}
		fields = append(fields, Field{Key: k.Value, Line: line, Value: v})
	}
	return d.merge(m, fields, seen)
}

// isMerge reports whether a key is YAML's merge key, "<<".
func isMerge(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && k.Value == "<<" && (k.Tag == "!!merge" || k.Tag == "")
}

// merge adds the keys that merge keys ("<<: *defaults", "<<: [*a, *b]")
// bring in, as YAML merges them: a key written in the mapping wins, and
// among merged mappings the first that has a key gives it. A merged key's
// line is the line where its anchor's mapping holds it.
func (d Doc) merge(m *yaml.Node, fields []Field, seen map[string]int) ([]Field, *Error) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if !isMerge(k) {
			continue
		}
		line := d.YAMLLine + k.Line - 1
		sources := []*yaml.Node{v}
		if v.Kind == yaml.SequenceNode {
			sources = v.Content
		}
		for _, src := range sources {
			if src.Kind == yaml.AliasNode && src.Alias != nil {
				src = src.Alias
			}
			if src.Kind != yaml.MappingNode {
				return nil, &Error{line, "the merge key << must name a mapping, as in <<: *defaults (or a list of them)"}
			}
			for j := 0; j+1 < len(src.Content); j += 2 {
				mk, mv := src.Content[j], src.Content[j+1]
				if mk.Kind != yaml.ScalarNode || isMerge(mk) {
					continue
				}
				if _, ok := seen[mk.Value]; ok {
					continue
				}
				kl := d.YAMLLine + mk.Line - 1
				seen[mk.Value] = kl
				if mv.Kind == yaml.AliasNode && mv.Alias != nil {
					mv = mv.Alias
				}
				fields = append(fields, Field{Key: mk.Value, Line: kl, Value: mv})
			}
		}
	}
	return fields, nil
}

func trimPrefix(s, p string) string {
	if len(s) >= len(p) && s[:len(p)] == p {
		return s[len(p):]
	}
	return s
}

// Scalar returns the field's value as text, and false when it is not a
// single value (a list, a mapping) or is null.
func (f Field) Scalar() (string, bool) {
	if f.Value == nil || f.Value.Kind != yaml.ScalarNode || f.Value.Tag == "!!null" {
		return "", false
	}
	return f.Value.Value, true
}

// Closest returns the known key within two edits of key, if any.
func Closest(key string, known []string) (string, bool) {
	best, bestD := "", 3
	for _, k := range known {
		if d := distance(key, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best, bestD <= 2 && bestD > 0
}

// distance is the optimal string alignment distance: insertions, deletions,
// substitutions and swaps of neighbours each cost one edit.
func distance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
