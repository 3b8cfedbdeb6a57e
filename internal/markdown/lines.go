package markdown

import (
	"bytes"
	"strings"
)

// PlainStart reports whether text at the start of a line (or of a list
// item's content) can only begin a paragraph: it cannot open a heading, a
// list, a quote, a code block, an HTML block, a thematic break, a setext
// underline or a link reference definition, and it is not empty. The line
// readers of plans and closure records read a line that starts so as text,
// as goldmark would.
func PlainStart(s []byte) bool {
	if len(s) == 0 {
		return false
	}
	switch c := s[0]; {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= 0x80:
		return true
	case c >= '0' && c <= '9':
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i == len(s) || s[i] != '.' && s[i] != ')'
	case c == '[':
		// Only a task-list checkbox, which no link definition looks like.
		return len(s) >= 3 && s[2] == ']' && (s[1] == ' ' || s[1] == 'x' || s[1] == 'X') &&
			(len(s) == 3 || s[3] == ' ')
	case c == '~':
		return len(s) >= 3 && s[1] == '~' && s[2] != '~'
	case c == '*':
		// Emphasis, not a bullet or a thematic break.
		return len(s) >= 2 && s[1] != ' ' && len(bytes.Trim(s, "* ")) > 0
	case strings.IndexByte("#->=+_<`| \t", c) >= 0:
		return false
	case c < 0x20:
		return false
	}
	return true
}

// PlainHeading reads line, which starts with '#', as an ATX heading the line
// readers can take without goldmark: its level and its title, trimmed. It is
// not one (ok false) when the hashes are more than six or not followed by a
// space, or when the title ends in '#' (a closing sequence, left to goldmark).
func PlainHeading(line string) (level int, title string, ok bool) {
	for level < len(line) && line[level] == '#' {
		level++
	}
	if level > 6 || level < len(line) && line[level] != ' ' {
		return 0, "", false
	}
	title = strings.TrimSpace(line[level:])
	if strings.HasSuffix(title, "#") {
		return 0, "", false
	}
	return level, title, true
}

// NoControls reports whether body holds no control character but the line
// feed: no tab, carriage return or DEL, which the line readers leave to
// goldmark.
func NoControls(body []byte) bool {
	for _, c := range body {
		if c < 0x20 && c != '\n' || c == 0x7f {
			return false
		}
	}
	return true
}
