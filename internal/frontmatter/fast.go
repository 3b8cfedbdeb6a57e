package frontmatter

import (
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// fastFields decodes the common shapes of front matter without the YAML
// parser: block mappings of "key: value" lines, nested mappings and lists
// indented under a key ("contact:" then "  channel: email", "goals:" then
// "  - title: …"), every value a single plain or simply quoted scalar,
// maybe followed by a comment. It builds the nodes yaml.v3 would build for
// the same text (kind, style, tag, value, line, column, line comment,
// content). Anything else — comment lines, flow style, anchors, multi-line
// scalars, tabs, and every error case — returns ok == false and goes to
// yaml.v3; FuzzFields checks that both agree.
func (d Doc) fastFields() (fields []Field, ok bool) {
	var p fastParser
	return d.fastFieldsWith(&p)
}

// fastFieldsWith is fastFields with the storage of p, which may hold a
// document read before (see FieldsTemp).
func (d Doc) fastFieldsWith(p *fastParser) (fields []Field, ok bool) {
	if !p.split(string(d.YAML)) || len(p.lines) == 0 || p.lines[0].indent != 0 {
		return nil, false
	}
	root, ok := p.mapping(0)
	if !ok || p.cur != len(p.lines) {
		return nil, false
	}
	fields = p.fields[:0]
	if n := len(root.Content) / 2; cap(fields) < n {
		fields = make([]Field, 0, n)
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		fields = append(fields, Field{Key: k.Value, Line: d.YAMLLine + k.Line - 1, Value: root.Content[i+1]})
	}
	p.fields = fields
	return fields, true
}

// parsers keeps the storage of documents read by FieldsTemp for the next.
var parsers = sync.Pool{New: func() any { return new(fastParser) }}

// maxPooled is the most nodes a parser's storage may hold and still be
// kept: a huge front matter's is left to the collector.
const maxPooled = 4096

// FieldsTemp is Fields for a reader that is done with the fields, and with
// every node in them, when it calls done: the nodes of front matter read
// the common way are then reused for the next document, rather than
// allocated for each (what plans and records are read with, once a pair).
// The strings in the nodes are the document's own, not the storage's, and
// stay valid.
func (d Doc) FieldsTemp() (fields []Field, done func(), err *Error) {
	if fastOn {
		p := parsers.Get().(*fastParser)
		if fields, ok := d.fastFieldsWith(p); ok {
			return fields, p.release, nil
		}
		p.release()
	}
	fields, err = d.yamlFields()
	return fields, func() {}, err
}

// release gives the parser's storage back to the pool.
func (p *fastParser) release() {
	if cap(p.nodes) > maxPooled {
		return
	}
	p.cur = 0
	p.lines, p.nodes, p.kids, p.fields = p.lines[:0], p.nodes[:0], p.kids[:0], p.fields[:0]
	parsers.Put(p)
}

// maxKey is the longest key the fast path reads: YAML limits an implicit
// key to 1024 characters, and yaml.v3 counts from where the key starts.
const maxKey = 512

type fastLine struct {
	no     int    // 1-based line in the YAML
	indent int    // leading spaces (or where a list item's content starts)
	text   string // the whole line, without its line ending
}

type fastParser struct {
	lines  []fastLine
	cur    int
	nodes  []yaml.Node  // storage for the nodes, one allocation per document
	kids   []*yaml.Node // storage for the nodes' Content, carved to size
	fields []Field
}

// split cuts the YAML into non-blank lines, refusing what the fast path
// leaves to yaml.v3 anywhere in it: comments, tabs and other control
// characters, text yaml.v3 does not accept as printable. The keys and
// values are substrings of src, which is converted once.
func (p *fastParser) split(src string) bool {
	if strings.IndexByte(src, '\t') >= 0 {
		return false
	}
	n := strings.Count(src, "\n") + 1
	p.cur = 0
	p.lines = grow(p.lines, n)
	p.nodes = grow(p.nodes, 2*n+2)
	p.kids = grow(p.kids, 2*n+2)
	for no, pos := 1, 0; pos < len(src); no++ {
		end := strings.IndexByte(src[pos:], '\n')
		var l string
		if end < 0 {
			l, pos = src[pos:], len(src)
		} else {
			l, pos = src[pos:pos+end], pos+end+1
		}
		if len(l) > 0 && l[len(l)-1] == '\r' {
			l = l[:len(l)-1]
		}
		if !printable(l) {
			return false
		}
		indent := 0
		for indent < len(l) && l[indent] == ' ' {
			indent++
		}
		if indent == len(l) {
			continue // blank
		}
		if l[indent] == '#' {
			return false // a comment line: yaml.v3 hangs it on a node by rules of its own
		}
		p.lines = append(p.lines, fastLine{no: no, indent: indent, text: l})
	}
	return true
}

// grow is s emptied, with room for n.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, 0, n)
	}
	return s[:0]
}

func (p *fastParser) node(n yaml.Node) *yaml.Node {
	if len(p.nodes) == cap(p.nodes) {
		// Storage full: nodes already handed out keep their address. (A
		// copy, not &n, which would put every n on the heap.)
		m := new(yaml.Node)
		*m = n
		return m
	}
	p.nodes = append(p.nodes, n)
	return &p.nodes[len(p.nodes)-1]
}

// content is room for the Content of a node with up to n children, from
// the document's storage when it has room.
func (p *fastParser) content(n int) []*yaml.Node {
	if len(p.kids)+n > cap(p.kids) {
		return make([]*yaml.Node, 0, n)
	}
	c := p.kids[len(p.kids) : len(p.kids) : len(p.kids)+n]
	p.kids = p.kids[:len(p.kids)+n]
	return c
}

// siblings counts the lines from the current one on at exactly indent,
// up to the first line indented less: the entries of a mapping or a list.
func (p *fastParser) siblings(indent int) int {
	n := 0
	for _, l := range p.lines[p.cur:] {
		if l.indent < indent {
			break
		}
		if l.indent == indent {
			n++
		}
	}
	return n
}

// mapping reads "key: …" lines at exactly indent.
func (p *fastParser) mapping(indent int) (*yaml.Node, bool) {
	first := p.lines[p.cur]
	m := p.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: first.no, Column: indent + 1})
	m.Content = p.content(2 * p.siblings(indent))
	for p.cur < len(p.lines) && p.lines[p.cur].indent == indent {
		l := p.lines[p.cur]
		t := l.text[indent:]
		k := 0
		for k < len(t) && isKeyByte(t[k], k) {
			k++
		}
		if k == 0 || k >= len(t) || t[k] != ':' || k+1 < len(t) && t[k+1] != ' ' || k > maxKey {
			return nil, false
		}
		key := t[:k]
		if special(key) {
			return nil, false
		}
		for i := 0; i < len(m.Content); i += 2 {
			if m.Content[i].Value == key {
				return nil, false // a duplicate: yaml.v3 words the error
			}
		}
		keyNode := p.node(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: l.no, Column: indent + 1})
		v := k + 1
		for v < len(t) && t[v] == ' ' {
			v++
		}
		comment := ""
		if v < len(t) && t[v] == '#' {
			// "key:  # comment" with nothing after the key: the comment
			// is the key's line comment (yaml.v3 keeps trailing spaces).
			if comment = t[v:]; comment[len(comment)-1] == ' ' {
				return nil, false
			}
			v = len(t)
		}
		p.cur++
		var val *yaml.Node
		if v < len(t) {
			var ok bool
			if val, ok = p.scalar(t[v:], l.no, indent+v+1); !ok {
				return nil, false
			}
		} else if p.cur == len(p.lines) || p.lines[p.cur].indent < indent ||
			p.lines[p.cur].indent == indent && p.lines[p.cur].text[indent] != '-' {
			// Nothing under the key (a list may start at its indent):
			// null, placed just after the colon as yaml.v3 places it.
			keyNode.LineComment = comment
			val = p.node(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: l.no, Column: indent + k + 2})
		} else {
			// The value is the block indented under the key.
			if comment != "" || p.lines[p.cur].indent == indent {
				return nil, false
			}
			var ok bool
			next := p.lines[p.cur]
			if strings.HasPrefix(next.text[next.indent:], "- ") {
				val, ok = p.sequence(next.indent)
			} else {
				val, ok = p.mapping(next.indent)
			}
			if !ok {
				return nil, false
			}
		}
		m.Content = append(m.Content, keyNode, val)
	}
	if p.cur < len(p.lines) && p.lines[p.cur].indent > indent {
		return nil, false // a continuation line or a stray indent
	}
	return m, true
}

// sequence reads "- …" items at exactly indent.
func (p *fastParser) sequence(indent int) (*yaml.Node, bool) {
	first := p.lines[p.cur]
	s := p.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: first.no, Column: indent + 1})
	s.Content = p.content(p.siblings(indent))
	for p.cur < len(p.lines) && p.lines[p.cur].indent == indent {
		l := p.lines[p.cur]
		t := l.text[indent:]
		if len(t) < 3 || t[0] != '-' || t[1] != ' ' || t[2] == ' ' {
			return nil, false
		}
		content := t[2:]
		k := 0
		for k < len(content) && isKeyByte(content[k], k) {
			k++
		}
		var item *yaml.Node
		var ok bool
		if k > 0 && k < len(content) && content[k] == ':' && (k+1 == len(content) || content[k+1] == ' ') {
			// A mapping whose first key is on the item's line.
			p.lines[p.cur].indent = indent + 2
			item, ok = p.mapping(indent + 2)
		} else {
			item, ok = p.scalar(content, l.no, indent+3)
			p.cur++
			if ok && p.cur < len(p.lines) && p.lines[p.cur].indent > indent {
				ok = false
			}
		}
		if !ok {
			return nil, false
		}
		s.Content = append(s.Content, item)
	}
	if p.cur < len(p.lines) && p.lines[p.cur].indent > indent {
		return nil, false
	}
	return s, true
}

// scalar reads a value, text being the rest of its line: a plain scalar
// that yaml.v3 tags !!str, a date it tags !!timestamp, or a quoted string
// without escapes, maybe followed by a comment.
func (p *fastParser) scalar(text string, line, col int) (*yaml.Node, bool) {
	raw := strings.TrimRight(text, " ")
	if len(raw) == 0 || raw[0] == '#' {
		return nil, false
	}
	if len(raw) < len(text) && strings.IndexByte(raw, '#') >= 0 {
		return nil, false // spaces after a comment: yaml.v3 keeps some of them
	}
	n := yaml.Node{Kind: yaml.ScalarNode, Line: line, Column: col}
	// A comment after the value ("reason: goals-met  # proposed"), as
	// mentor close record writes them, is the value's line comment.
	if c := raw[0]; c == '"' || c == '\'' {
		if q := strings.IndexByte(raw[1:], c); q >= 0 {
			if rest := raw[q+2:]; len(rest) > 0 {
				comment := strings.TrimLeft(rest, " ")
				if rest[0] != ' ' || len(comment) == 0 || comment[0] != '#' {
					return nil, false
				}
				n.LineComment, raw = comment, raw[:q+2]
			}
		}
	} else if i := strings.Index(raw, " #"); i >= 0 {
		n.LineComment, raw = raw[i+1:], strings.TrimRight(raw[:i], " ")
	}
	switch c := raw[0]; {
	case c == '"' || c == '\'':
		if len(raw) < 2 || raw[len(raw)-1] != c {
			return nil, false
		}
		inner := raw[1 : len(raw)-1]
		if strings.IndexByte(inner, c) >= 0 || strings.IndexByte(inner, '\\') >= 0 {
			return nil, false
		}
		n.Tag, n.Value = "!!str", inner
		n.Style = yaml.DoubleQuotedStyle
		if c == '\'' {
			n.Style = yaml.SingleQuotedStyle
		}
	case c >= '0' && c <= '9':
		// Only a date, which yaml.v3 tags as a timestamp.
		if len(raw) != 10 || !dateShaped(raw) {
			return nil, false
		}
		if _, err := time.Parse("2006-01-02", raw); err != nil {
			return nil, false
		}
		n.Tag, n.Value = "!!timestamp", raw
	case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
		if strings.IndexByte(raw, ':') >= 0 || special(raw) {
			return nil, false
		}
		n.Tag, n.Value = "!!str", raw
	default:
		return nil, false
	}
	return p.node(n), true
}

// special reports the words yaml.v3 resolves to something other than a
// string (booleans and null) when they start with a letter.
func special(b string) bool {
	switch b {
	case "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL":
		return true
	}
	return false
}

// isKeyByte accepts keys made of ASCII letters, digits, '_' and '-' that
// start with a letter.
func isKeyByte(c byte, i int) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		return true
	case i > 0 && (c >= '0' && c <= '9' || c == '_' || c == '-'):
		return true
	}
	return false
}

func dateShaped(b string) bool {
	for i, c := range b {
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// printable accepts what yaml.v3 reads as printable text inside a line:
// ASCII from space to '~' and the Unicode ranges A0–D7FF and E000–FFFD
// except the byte-order mark and the line and paragraph separators.
func printable(b string) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			if c < 0x20 || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(b[i:])
		if r == utf8.RuneError || r < 0xA0 || r > 0xFFFD || (r > 0xD7FF && r < 0xE000) ||
			r == 0xFEFF || r == 0x2028 || r == 0x2029 {
			return false
		}
		i += size
	}
	return true
}
