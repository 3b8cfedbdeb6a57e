package edit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/frontmatter"
	"go.yaml.in/yaml/v3"
)

// The front-matter edits change one key's value, or add a key or a list
// item, the way a person would in an editor: the other keys, their order,
// comments (on the key's own line too), quoting, a byte-order mark, CRLF
// line endings and the body are left byte for byte. Each checks that the
// result reads back as meant — the key holds the new value, every other key
// holds what it held — and fails without a result when it would not.

// lines is a file cut into lines, each with its line ending.
type lines struct {
	src   []byte
	start []int // offset of each line; line n (1-based) starts at start[n-1]
}

func splitLines(src []byte) lines {
	l := lines{src: src, start: []int{0}}
	for i, c := range src {
		if c == '\n' && i+1 < len(src) {
			l.start = append(l.start, i+1)
		}
	}
	if len(src) == 0 {
		l.start = nil
	}
	return l
}

func (l lines) count() int { return len(l.start) }

// span is the offsets of line n, [from, to) including its line ending.
func (l lines) span(n int) (from, to int) {
	from = l.start[n-1]
	if n < len(l.start) {
		return from, l.start[n]
	}
	return from, len(l.src)
}

// text is line n without its line ending.
func (l lines) text(n int) string {
	from, to := l.span(n)
	return strings.TrimRight(string(l.src[from:to]), "\r\n")
}

// eol is the file's line ending: CRLF when its first line ends so.
func eol(src []byte) string {
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

// fmDoc is the front matter of a file, with what the edits need.
type fmDoc struct {
	doc    frontmatter.Doc
	fields []frontmatter.Field
	lines  lines
	first  int // file line of the first YAML line
	end    int // file line of the closing ---
}

func readFrontMatter(src []byte) (*fmDoc, error) {
	doc, ferr := frontmatter.Split(src)
	if ferr != nil {
		return nil, fmt.Errorf("line %d: %s", ferr.Line, ferr.Msg)
	}
	fields, ferr := doc.Fields()
	if ferr != nil {
		return nil, fmt.Errorf("line %d: %s", ferr.Line, ferr.Msg)
	}
	d := &fmDoc{doc: doc, fields: fields, lines: splitLines(src), first: doc.YAMLLine}
	d.end = doc.BodyLine - 1
	return d, nil
}

func (d *fmDoc) field(key string) (int, *frontmatter.Field) {
	for i := range d.fields {
		if d.fields[i].Key == key {
			return i, &d.fields[i]
		}
	}
	return -1, nil
}

// region is the lines a top-level field covers: from its key's line to the
// line before the next key (or the closing ---), without the blank lines
// and the comment lines at the top level that end it.
func (d *fmDoc) region(i int) (from, to int) {
	from = d.fields[i].Line
	to = d.end - 1
	if i+1 < len(d.fields) {
		to = d.fields[i+1].Line - 1
	}
	for to > from {
		t := d.lines.text(to)
		if s := strings.TrimSpace(t); s == "" || strings.HasPrefix(t, "#") {
			to--
			continue
		}
		break
	}
	return from, to
}

// Scalar writes s as a YAML scalar that reads back as the same string: plain
// when it can be (names, dates, single words), else double-quoted.
func Scalar(s string) string {
	if _, err := dates.Parse(s); err == nil {
		return s
	}
	if plainSafe(s) {
		return s
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a JSON string is a YAML double-quoted scalar
	return strings.TrimSuffix(b.String(), "\n")
}

// plainSafe reports whether s reads back as the same string when written
// plain: letters, digits, spaces and a few marks, starting with a letter,
// and not a word YAML reads as a boolean or null.
func plainSafe(s string) bool {
	if s == "" || s != strings.TrimSpace(s) {
		return false
	}
	c := s[0]
	if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case strings.ContainsRune(" .,_-/()'", r):
		default:
			return false
		}
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "y", "n":
		return false
	}
	return true
}

// scalarToken finds a scalar value on a line, starting at offset at: its
// extent, and ok false when the value does not end on this line (a quoted
// string that goes on, a block scalar).
func scalarToken(line string, at int) (from, to int, ok bool) {
	for at < len(line) && line[at] == ' ' {
		at++
	}
	if at >= len(line) || line[at] == '#' {
		return at, at, true // no value
	}
	switch c := line[at]; c {
	case '"':
		for i := at + 1; i < len(line); i++ {
			switch line[i] {
			case '\\':
				i++
			case '"':
				return at, i + 1, true
			}
		}
		return 0, 0, false
	case '\'':
		for i := at + 1; i < len(line); i++ {
			if line[i] == '\'' {
				if i+1 < len(line) && line[i+1] == '\'' {
					i++
					continue
				}
				return at, i + 1, true
			}
		}
		return 0, 0, false
	case '|', '>', '[', '{', '&', '*', '!':
		return 0, 0, false
	}
	end := len(line)
	if i := strings.Index(line[at:], " #"); i >= 0 {
		end = at + i
	}
	return at, at + len(strings.TrimRight(line[at:end], " ")), true
}

// SetKey returns src with the top-level front-matter key set to value, a
// string written as Scalar writes it. When the key is there, only its
// value's bytes change: a comment after it stays. When it is not, a line
// "key: value" is added after the first key of after that is there, else
// after the last key.
func SetKey(src []byte, key, value string, after ...string) ([]byte, error) {
	d, err := readFrontMatter(src)
	if err != nil {
		return nil, fmt.Errorf("the front matter cannot be read (%v): fix it first", err)
	}
	if strings.ContainsAny(value, "\r\n") {
		return nil, fmt.Errorf("%s must be one line", key)
	}
	written := Scalar(value)
	var out []byte
	if i, f := d.field(key); f != nil {
		from, to := d.region(i)
		if f.Value == nil || (f.Value.Kind != yaml.ScalarNode) || to != from {
			return nil, fmt.Errorf("line %d: %s in the front matter is not a single value on its line; write it as \"%s: %s\" and run this again", f.Line, key, key, written)
		}
		line := d.lines.text(from)
		if !strings.HasPrefix(line, key) {
			return nil, fmt.Errorf("line %d: %s is not where mentor expects it; write it as \"%s: %s\" at the start of its line", f.Line, key, key, written)
		}
		rest := strings.TrimLeft(line[len(key):], " ")
		if !strings.HasPrefix(rest, ":") {
			return nil, fmt.Errorf("line %d: %s is not written as \"%s: value\"", f.Line, key, key)
		}
		colon := len(line) - len(rest)
		vFrom, vTo, ok := scalarToken(line, colon+1)
		if !ok {
			return nil, fmt.Errorf("line %d: %s is written in a form mentor does not edit (a block or an unclosed quote); write it as \"%s: %s\"", f.Line, key, key, written)
		}
		lineStart, _ := d.lines.span(from)
		repl := written
		if vFrom == vTo {
			// No value yet: "key:" or "key: # comment".
			repl = written
			if vFrom == colon+1 {
				repl = " " + written
			}
			if vFrom < len(line) {
				repl += " "
			}
		}
		out = splice(src, lineStart+vFrom, lineStart+vTo, repl)
	} else {
		at := -1
		for _, a := range after {
			if i, f := d.field(a); f != nil {
				_, to := d.region(i)
				at = to
				break
			}
		}
		if at < 0 {
			if len(d.fields) > 0 {
				_, at = d.region(len(d.fields) - 1)
			} else {
				at = d.first - 1
			}
		}
		_, off := d.lines.span(at)
		out = splice(src, off, off, key+": "+written+eol(src))
	}
	if err := readsBackKeys(d, out, key, func(f *frontmatter.Field) bool {
		s, ok := f.Scalar()
		return ok && s == value
	}); err != nil {
		return nil, err
	}
	return out, nil
}

// Item is one key of a mapping added to a front-matter list: Value is a
// string or a []string (written as a flow list, [mentor, mentee]).
type Item struct {
	Key   string
	Value any
}

func itemValue(v any) string {
	switch x := v.(type) {
	case []string:
		parts := make([]string, len(x))
		for i, s := range x {
			parts[i] = Scalar(s)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	default:
		return Scalar(fmt.Sprint(x))
	}
}

// AppendItem returns src with a mapping added at the end of the top-level
// front-matter list key (created after the last key when it is not there),
// indented as the list's items are.
func AppendItem(src []byte, key string, item []Item) ([]byte, error) {
	d, err := readFrontMatter(src)
	if err != nil {
		return nil, fmt.Errorf("the front matter cannot be read (%v): fix it first", err)
	}
	for _, it := range item {
		if strings.ContainsAny(fmt.Sprint(it.Value), "\r\n") {
			return nil, fmt.Errorf("%s.%s must be one line", key, it.Key)
		}
	}
	nl := eol(src)
	render := func(indent string) string {
		var b strings.Builder
		for i, it := range item {
			lead := indent + "  "
			if i == 0 {
				lead = indent + "- "
			}
			b.WriteString(lead + it.Key + ": " + itemValue(it.Value) + nl)
		}
		return b.String()
	}
	var out []byte
	had := 0
	if i, f := d.field(key); f != nil {
		from, to := d.region(i)
		line := d.lines.text(from)
		colon := strings.IndexByte(line, ':')
		if !strings.HasPrefix(line, key) || colon < 0 {
			return nil, fmt.Errorf("line %d: %s is not written as \"%s:\" at the start of its line", f.Line, key, key)
		}
		after := strings.TrimSpace(line[colon+1:])
		if c := strings.Index(after, "#"); c >= 0 && (c == 0 || after[c-1] == ' ') {
			after = strings.TrimSpace(after[:c])
		}
		switch {
		case f.Value != nil && f.Value.Kind == yaml.SequenceNode && after == "" && to > from:
			had = len(f.Value.Content)
			// Indent like the list's first item.
			indent := ""
			for k := from + 1; k <= to; k++ {
				t := d.lines.text(k)
				if s := strings.TrimSpace(t); s != "" && !strings.HasPrefix(s, "#") {
					indent = t[:len(t)-len(strings.TrimLeft(t, " "))]
					break
				}
			}
			_, off := d.lines.span(to)
			out = splice(src, off, off, render(indent))
		case (f.Value == nil || f.Value.Tag == "!!null" || f.Value.Kind == yaml.SequenceNode && len(f.Value.Content) == 0) && to == from:
			// "key:" with nothing, or "key: []": the list starts here.
			lineStart, lineEnd := d.lines.span(from)
			newLine := key + ":"
			if c := strings.Index(line, " #"); c >= 0 {
				newLine += " " + strings.TrimLeft(line[c:], " ")
			}
			out = splice(src, lineStart, lineEnd, newLine+nl+render("  "))
		default:
			return nil, fmt.Errorf("line %d: %s in the front matter is not a list of \"- \" items, one a line; write it so and run this again", f.Line, key)
		}
	} else {
		at := d.first - 1
		if len(d.fields) > 0 {
			_, at = d.region(len(d.fields) - 1)
		}
		_, off := d.lines.span(at)
		out = splice(src, off, off, key+":"+nl+render("  "))
	}
	if err := readsBackKeys(d, out, key, func(f *frontmatter.Field) bool {
		v := f.Value
		if v == nil || v.Kind != yaml.SequenceNode || len(v.Content) != had+1 {
			return false
		}
		last := v.Content[had]
		if last.Kind != yaml.MappingNode || len(last.Content) != 2*len(item) {
			return false
		}
		for i, it := range item {
			k, val := last.Content[2*i], last.Content[2*i+1]
			if k.Value != it.Key {
				return false
			}
			switch x := it.Value.(type) {
			case []string:
				if val.Kind != yaml.SequenceNode || len(val.Content) != len(x) {
					return false
				}
				for j, s := range x {
					if val.Content[j].Value != s {
						return false
					}
				}
			default:
				if val.Kind != yaml.ScalarNode || val.Value != fmt.Sprint(x) {
					return false
				}
			}
		}
		return true
	}); err != nil {
		return nil, err
	}
	return out, nil
}

// readsBackKeys checks an edited file: its front matter still reads, key
// passes ok, and every other key holds what it held, in the same order.
func readsBackKeys(old *fmDoc, out []byte, key string, ok func(*frontmatter.Field) bool) error {
	nd, err := readFrontMatter(out)
	fail := func(why string) error {
		return fmt.Errorf("%s cannot be set safely: %s; nothing was written", key, why)
	}
	if err != nil {
		return fail("the front matter would not read back (" + err.Error() + ")")
	}
	var others []frontmatter.Field
	found := false
	for i := range nd.fields {
		if nd.fields[i].Key == key {
			if !ok(&nd.fields[i]) {
				return fail("it would read back as another value")
			}
			found = true
			continue
		}
		others = append(others, nd.fields[i])
	}
	if !found {
		return fail("it would not be read as a key")
	}
	var before []frontmatter.Field
	for _, f := range old.fields {
		if f.Key != key {
			before = append(before, f)
		}
	}
	if len(before) != len(others) {
		return fail("the other keys would change")
	}
	for i := range before {
		if before[i].Key != others[i].Key || !sameNode(before[i].Value, others[i].Value) {
			return fail(fmt.Sprintf("%s would change", before[i].Key))
		}
	}
	if !bytes.Equal(old.doc.Body, nd.doc.Body) {
		return fail("the body would change")
	}
	return nil
}

func sameNode(a, b *yaml.Node) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || len(a.Content) != len(b.Content) {
		return false
	}
	for i := range a.Content {
		if !sameNode(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}

// splice replaces src[from:to] with s, in a new slice.
func splice(src []byte, from, to int, s string) []byte {
	out := make([]byte, 0, len(src)-(to-from)+len(s))
	out = append(out, src[:from]...)
	out = append(out, s...)
	return append(out, src[to:]...)
}

// SetPath returns src with the value at a path of the front matter set to
// value: path names a top-level key, then keys of mappings and 1-based
// items of lists below it ("contact", "channel"; "goals", 2, "outcome").
// The value must already be there, on the line of its key, as a single
// value: only its bytes change, a comment after it stays.
func SetPath(src []byte, path []any, value string) ([]byte, error) {
	d, err := readFrontMatter(src)
	if err != nil {
		return nil, fmt.Errorf("the front matter cannot be read (%v): fix it first", err)
	}
	name := pathName(path)
	if len(path) == 0 || strings.ContainsAny(value, "\r\n") {
		return nil, fmt.Errorf("%s must be one line", name)
	}
	top, ok := path[0].(string)
	if !ok {
		return nil, fmt.Errorf("a path starts with a key")
	}
	_, f := d.field(top)
	if f == nil {
		return nil, fmt.Errorf("the front matter has no %s", name)
	}
	keyLine, node := f.Line, f.Value
	keyNode := &yaml.Node{Value: top, Line: f.Line - d.first + 1, Column: 1}
	for _, step := range path[1:] {
		if node == nil {
			return nil, fmt.Errorf("the front matter has no %s", name)
		}
		switch s := step.(type) {
		case string:
			if node.Kind != yaml.MappingNode {
				return nil, fmt.Errorf("line %d: %s is not a mapping, so it has no %s", keyLine, pathName(path[:1]), name)
			}
			var next *yaml.Node
			for j := 0; j+1 < len(node.Content); j += 2 {
				if node.Content[j].Value == s {
					keyNode, next = node.Content[j], node.Content[j+1]
				}
			}
			if next == nil {
				return nil, fmt.Errorf("the front matter has no %s", name)
			}
			node = next
		case int:
			if node.Kind != yaml.SequenceNode || s < 1 || s > len(node.Content) {
				return nil, fmt.Errorf("the front matter has no %s", name)
			}
			node = node.Content[s-1]
			keyNode = nil
		}
		keyLine = d.first + node.Line - 1
	}
	if keyNode == nil || node.Kind != yaml.ScalarNode || node.Line != keyNode.Line {
		return nil, fmt.Errorf("line %d: %s is not a single value on its key's line; mentor sets it only there", keyLine, name)
	}
	line := d.first + keyNode.Line - 1
	text := d.lines.text(line)
	at := strings.Index(text, keyNode.Value+":")
	if at < 0 {
		return nil, fmt.Errorf("line %d: %s is not written as \"%s: value\"", line, name, keyNode.Value)
	}
	colon := at + len(keyNode.Value)
	vFrom, vTo, ok := scalarToken(text, colon+1)
	if !ok || vFrom == vTo {
		return nil, fmt.Errorf("line %d: %s is written in a form mentor does not edit; write it as \"%s: %s\"", line, name, keyNode.Value, Scalar(value))
	}
	lineStart, _ := d.lines.span(line)
	out := splice(src, lineStart+vFrom, lineStart+vTo, Scalar(value))

	nd, err := readFrontMatter(out)
	if err != nil {
		return nil, fmt.Errorf("%s cannot be set safely: the front matter would not read back (%v); nothing was written", name, err)
	}
	if len(nd.fields) != len(d.fields) || !bytes.Equal(nd.doc.Body, d.doc.Body) {
		return nil, fmt.Errorf("%s cannot be set safely; nothing was written", name)
	}
	for k := range d.fields {
		a, b := d.fields[k], nd.fields[k]
		if a.Key != b.Key {
			return nil, fmt.Errorf("%s cannot be set safely: the keys would change; nothing was written", name)
		}
		if a.Key == top {
			if !sameExcept(a.Value, b.Value, path[1:], value) {
				return nil, fmt.Errorf("%s cannot be set safely: it would read back as another value; nothing was written", name)
			}
			continue
		}
		if !sameNode(a.Value, b.Value) {
			return nil, fmt.Errorf("%s cannot be set safely: %s would change; nothing was written", name, a.Key)
		}
	}
	return out, nil
}

// sameExcept reports whether b is a with only the value at path changed,
// to value.
func sameExcept(a, b *yaml.Node, path []any, value string) bool {
	if len(path) == 0 {
		return b != nil && b.Kind == yaml.ScalarNode && b.Value == value
	}
	if a == nil || b == nil || a.Kind != b.Kind || len(a.Content) != len(b.Content) {
		return false
	}
	for j := range a.Content {
		target := false
		switch s := path[0].(type) {
		case string:
			target = j%2 == 1 && a.Content[j-1].Value == s
		case int:
			target = j == s-1
		}
		if target {
			if !sameExcept(a.Content[j], b.Content[j], path[1:], value) {
				return false
			}
		} else if !sameNode(a.Content[j], b.Content[j]) {
			return false
		}
	}
	return true
}

func pathName(path []any) string {
	var b strings.Builder
	for i, p := range path {
		switch s := p.(type) {
		case string:
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s)
		case int:
			fmt.Fprintf(&b, "[%d]", s)
		}
	}
	return b.String()
}
