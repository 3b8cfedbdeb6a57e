package markdown

import (
	"bytes"
	"encoding/binary"
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
	// Eight bytes at a time: every plan and record body is scanned, and a
	// byte at a time was a few per cent of check.
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(body); i += 8 {
		x := binary.LittleEndian.Uint64(body[i:])
		// Line feeds become '*' (0x0a | 0x20), so that only the other
		// controls are below 0x20.
		x |= zeroBytes(x^(0x0a*ones)) >> 2
		// A byte b of 0x00–0x7f is below 0x20 when b&0x7f + 0x60 has no
		// high bit (no carry leaves a byte); bytes of 0x80 and up are text.
		low := ^(((x & (0x7f * ones)) + 0x60*ones) | x) & highs
		if low|zeroBytes(x^(0x7f*ones)) != 0 {
			return false
		}
	}
	for _, c := range body[i:] {
		if c < 0x20 && c != '\n' || c == 0x7f {
			return false
		}
	}
	return true
}

// zeroBytes has the high bit set in each byte of x that is zero, and no
// other bit.
func zeroBytes(x uint64) uint64 {
	const lows, highs = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	return ^(((x & lows) + lows) | x) & highs
}
