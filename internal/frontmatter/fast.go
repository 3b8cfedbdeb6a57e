package frontmatter

import (
	"bytes"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// fastFields decodes the common shape of front matter without the YAML
// parser: one "key: value" per line, at the start of the line, each value a
// single plain or simply quoted scalar. It builds the nodes yaml.v3 would
// build for the same text (kind, style, tag, value, line, column). Anything
// else, including every error case, returns ok == false and goes to yaml.v3;
// FuzzFields checks that both agree.
func (d Doc) fastFields() (fields []Field, ok bool) {
	src := d.YAML
	n := bytes.Count(src, []byte{'\n'}) + 1
	nodes := make([]yaml.Node, 0, n)
	fields = make([]Field, 0, n)
	for lineNo, pos := 1, 0; pos < len(src); lineNo++ {
		end := bytes.IndexByte(src[pos:], '\n')
		var l []byte
		if end < 0 {
			l, pos = src[pos:], len(src)
		} else {
			l, pos = src[pos:pos+end], pos+end+1
		}
		if len(l) > 0 && l[len(l)-1] == '\r' {
			l = l[:len(l)-1]
		}
		if len(l) == 0 {
			continue
		}
		// The key: a word at the start of the line, then ": ".
		k := 0
		for k < len(l) && isKeyByte(l[k], k) {
			k++
		}
		if k == 0 || k+1 >= len(l) || l[k] != ':' || l[k+1] != ' ' {
			return nil, false
		}
		v := k + 1
		for v < len(l) && l[v] == ' ' {
			v++
		}
		raw := bytes.TrimRight(l[v:], " ")
		if len(raw) == 0 || !printable(raw) {
			return nil, false
		}
		node := yaml.Node{Kind: yaml.ScalarNode, Line: lineNo, Column: v + 1}
		switch c := raw[0]; {
		case c == '"' || c == '\'':
			if len(raw) < 2 || raw[len(raw)-1] != c {
				return nil, false
			}
			inner := raw[1 : len(raw)-1]
			if bytes.IndexByte(inner, c) >= 0 || bytes.IndexByte(inner, '\\') >= 0 || bytes.IndexByte(inner, '#') >= 0 {
				return nil, false
			}
			node.Tag, node.Value = "!!str", string(inner)
			node.Style = yaml.DoubleQuotedStyle
			if c == '\'' {
				node.Style = yaml.SingleQuotedStyle
			}
		case c >= '0' && c <= '9':
			// Only a date, which yaml.v3 tags as a timestamp.
			if len(raw) != 10 || !dateShaped(raw) {
				return nil, false
			}
			if _, err := time.Parse("2006-01-02", string(raw)); err != nil {
				return nil, false
			}
			node.Tag, node.Value = "!!timestamp", string(raw)
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
			if bytes.IndexByte(raw, ':') >= 0 || bytes.IndexByte(raw, '#') >= 0 {
				return nil, false
			}
			switch string(raw) {
			case "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL":
				return nil, false
			}
			node.Tag, node.Value = "!!str", string(raw)
		default:
			return nil, false
		}
		key := string(l[:k])
		for _, f := range fields {
			if f.Key == key {
				return nil, false // duplicate: yaml.v3 words the error
			}
		}
		nodes = append(nodes, node)
		fields = append(fields, Field{Key: key, Line: d.YAMLLine + lineNo - 1, Value: &nodes[len(nodes)-1]})
	}
	if len(fields) == 0 {
		return nil, false
	}
	return fields, true
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

func dateShaped(b []byte) bool {
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
func printable(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			if c < 0x20 || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError || r < 0xA0 || r > 0xFFFD || (r > 0xD7FF && r < 0xE000) ||
			r == 0xFEFF || r == 0x2028 || r == 0x2029 {
			return false
		}
		i += size
	}
	return true
}
