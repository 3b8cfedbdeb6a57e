// Package escape makes every text that a person's file can put into an
// output safe for that output. Outputs (internal/output) and templates
// (internal/render) both use it.
package escape

import (
	"encoding/binary"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A pair folder's name, a goal's title, a message that quotes a heading:
// each is escaped for the output it goes to.
//
//   - text for a terminal or a CI log (Text, Name): control characters,
//     terminal escape sequences and the Unicode characters that reorder or
//     break lines never reach it raw, and no line can start a GitHub
//     workflow command (a line whose first non-blank characters are "::",
//     or one that holds "##[", the runner's older form);
//   - Markdown (Markdown, MarkdownInline, MarkdownCell, MarkdownLink,
//     MarkdownCode): nothing becomes markup, or breaks a table, a link or a
//     heading;
//   - CSV (CSV): no cell is a formula a spreadsheet would run;
//   - JSON (JSON): the characters above are \u escapes.

// unsafeRune reports whether r must not reach a terminal or a log raw: C0
// and C1 control characters (ESC starts terminal escape sequences, CSI is
// their one-byte form), DEL, the bidirectional formatting characters that
// make text read differently from its bytes, and the Unicode line and
// paragraph separators.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r == 0x2028, r == 0x2029, r == 0xfeff:
		return true
	}
	return false
}

// escapeRune writes r the way Go writes it in a string literal: \n, \t,
// \x1b, \u202e.
func escapeRune(b *strings.Builder, r rune) {
	q := strconv.QuoteRuneToASCII(r)
	b.WriteString(q[1 : len(q)-1])
}

// Text makes text safe to print on a terminal or in a CI log, inside a
// line: unsafe characters are written as escapes (\x1b, \n), a backslash
// stays as it is, and "##[" is broken up so that the runner's older command
// form cannot start.
func Text(s string) string {
	if plainText(s) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !validAt(s, i):
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unsafeRune(r):
			escapeRune(&b, r)
		default:
			b.WriteRune(r)
		}
	}
	return strings.ReplaceAll(b.String(), "##[", `#\#[`)
}

func validAt(s string, i int) bool {
	r, n := utf8.DecodeRuneInString(s[i:])
	return r != utf8.RuneError || n > 1
}

func plainText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unsafeRune(r) {
			return false
		}
	}
	return !strings.Contains(s, "##[")
}

// Controls writes unsafe characters as escapes but for line breaks, and
// leaves everything else as it is: for the values of a workflow command,
// which escapes line breaks itself and whose line the runner reads as a
// command (so "##[" in it starts nothing).
func Controls(s string) string {
	unsafe := func(r rune) bool { return r != '\n' && r != '\r' && unsafeRune(r) }
	if utf8.ValidString(s) && !strings.ContainsFunc(s, unsafe) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !validAt(s, i):
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unsafe(r):
			escapeRune(&b, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Name makes a name (a pair id, a path) safe to print where it may start a
// line: an ordinary name is printed as it is; one that holds unsafe
// characters, could start a workflow command, or has spaces at its ends is
// printed quoted, as a Go string literal.
func Name(s string) string {
	t := strings.TrimLeft(s, " \t")
	if plainText(s) && !strings.HasPrefix(t, "::") && !strings.HasPrefix(s, `"`) && strings.TrimSpace(s) == s && s != "" {
		return s
	}
	var b strings.Builder
	b.WriteByte('"')
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !validAt(s, i):
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case unsafeRune(r):
			escapeRune(&b, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return strings.ReplaceAll(b.String(), "##[", `#\#[`)
}

// markdownSpecial are the ASCII punctuation characters that can start
// Markdown or GitHub markup inside a line: emphasis, code, links and
// images, HTML and autolinks, entities, tables, strike-through, headings,
// math, and the "@" of the links GitHub makes of bare e-mail addresses.
// Each is written with a backslash, which CommonMark allows before any
// ASCII punctuation.
const markdownSpecial = "\\`*_[]<>|~#&$!@"

// Markdown makes text safe inside a Markdown paragraph, list item,
// heading or table cell: on one line (line breaks become spaces), without
// unsafe characters, and with every character that could start markup
// escaped, so it reads as the text it is. A "-", "+" or "1." at its start
// is escaped too, so that it starts no list when it starts a line.
func Markdown(s string) string {
	out := MarkdownInline(s)
	if out != "" && (out[0] == '-' || out[0] == '+' || out[0] == '=') {
		out = `\` + out
	}
	if n := leadingDigits(out); n > 0 && n < len(out) && (out[n] == '.' || out[n] == ')') {
		out = out[:n] + `\` + out[n:]
	}
	return out
}

// MarkdownInline is Markdown without the escapes at its start, for
// places where no block can start (a table cell, a link's text).
func MarkdownInline(s string) string {
	if plainInline(s) {
		return s // nothing to escape or join: most ids, names and paths
	}
	return markdownInline(s)
}

// markdownInline is MarkdownInline's whole pass.
func markdownInline(s string) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == 0x2028 || r == 0x2029 }), " ")
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !validAt(s, i):
			b.WriteRune(utf8.RuneError)
		case unsafeRune(r):
			// Written as the escape Text uses, with its backslash escaped.
			var e strings.Builder
			escapeRune(&e, r)
			b.WriteString(`\` + e.String())
		case r < utf8.RuneSelf && strings.IndexByte(markdownSpecial, byte(r)) >= 0:
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	// GitHub also links bare URLs: https://…, www.…, mailto:….
	return autolinks.Replace(b.String())
}

// plainInline reports whether MarkdownInline would give s back as it is:
// printable ASCII with single spaces between words, none of the
// characters Markdown escapes, and nothing GitHub would link.
func plainInline(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c > '~' || c == ' ' && s[i+1] == ' ' || strings.IndexByte(markdownSpecial, c) >= 0 {
			return false
		}
	}
	return !strings.Contains(s, "://") && !strings.Contains(s, "www.") && !strings.Contains(s, "WWW.") &&
		!strings.Contains(s, "mailto:") && !strings.Contains(s, "xmpp:")
}

var autolinks = strings.NewReplacer("://", `\://`, "www.", `www\.`, "WWW.", `WWW\.`, "mailto:", `mailto\:`, "xmpp:", `xmpp\:`)

func leadingDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// MarkdownCell is Markdown for a table cell (where no block starts):
// an empty cell shows "-".
func MarkdownCell(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return MarkdownInline(s)
}

// MarkdownLink makes a repo-relative slash path a link destination: every
// byte but letters, digits, "-", ".", "_", "~" and the "/" between
// segments is percent-encoded, so that spaces, parentheses, "%", "<" and
// line breaks cannot end or break the link.
func MarkdownLink(path string) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		segs[i] = linkDelims.Replace(url.PathEscape(s))
	}
	return strings.Join(segs, "/")
}

// linkDelims percent-encodes the sub-delimiters that url.PathEscape keeps
// and Markdown reads, and ":"; built once, as a Replacer is costly to make.
var linkDelims = strings.NewReplacer(":", "%3A", "(", "%28", ")", "%29", "*", "%2A", "!", "%21", "'", "%27", "$", "%24",
	"&", "%26", "+", "%2B", ",", "%2C", ";", "%3B", "=", "%3D", "@", "%40")

// CSV neutralises a cell that a spreadsheet would run as a formula (a
// leading =, +, -, @, tab or carriage return) by starting it with a single
// quote, as OWASP advises, and one that would start a workflow command
// when the file is printed in a CI log (a leading ::) the same way; it
// writes unsafe characters as escapes.
func CSV(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 || strings.HasPrefix(strings.TrimLeft(s, " "), "::") {
		s = "'" + s
	}
	if plainText(s) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r) // CSV quotes a cell with a line break
		case r == utf8.RuneError && !validAt(s, i):
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unsafeRune(r):
			escapeRune(&b, r)
		default:
			b.WriteRune(r)
		}
	}
	return strings.ReplaceAll(b.String(), "##[", `#\#[`)
}

// JSON rewrites what encoding/json leaves raw but a terminal would
// act on (DEL, C1 controls, bidirectional formatting) as \u escapes, which
// decode to the same string.
func JSON(b []byte) []byte {
	// The bytes are walked as they are: ranging over string(b) would copy
	// the whole buffer (a pair's JSON) on every call.
	clean := true
	for i := asciiPrefix(b); i < len(b) && clean; {
		if b[i] < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		clean = !unsafeRune(r)
		i += size
	}
	if clean {
		return b
	}
	var out strings.Builder
	for _, r := range string(b) {
		if r >= 0x7f && unsafeRune(r) {
			fmt.Fprintf(&out, `\u%04x`, r)
			continue
		}
		out.WriteRune(r)
	}
	return []byte(out.String())
}

// asciiPrefix returns the length of b's longest prefix, in whole eight-byte
// words, of bytes below 0x7f: JSON's scan starts after it. Adding one to
// each byte sets its high bit only when it is 0x7f or above (a carry into a
// byte comes only from a byte of 0xff before it), so a word without a high
// bit in x or x+ones holds none.
func asciiPrefix(b []byte) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		if (x|(x+ones))&highs != 0 {
			break
		}
	}
	return i
}

// MarkdownCode writes text as inline code, on one line, with a fence of
// backticks longer than any run inside it.
func MarkdownCode(s string) string {
	s = strings.Join(strings.Fields(Text(s)), " ")
	run, longest := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if longest > 0 || strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

// Line makes text a single line without unsafe characters, for a value
// that a template writes inside a line: line breaks and runs of white space
// become one space, and unsafe characters are written as escapes (Text).
func Line(s string) string {
	if lineAlready(s) {
		return s
	}
	return lineSlow(s)
}

// lineSlow is Line without the shortcut.
func lineSlow(s string) string {
	return Text(strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == 0x2028 || r == 0x2029
	}), " "))
}

// lineAlready reports whether Line gives s back as it is: printable ASCII,
// words one space apart, no space at either end, and no "##[".
func lineAlready(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i-1] == ' ' {
				return false
			}
		case c < 0x21 || c >= 0x7f:
			return false
		}
	}
	return !strings.Contains(s, "##[")
}

var lineBreaksAndTabs = strings.NewReplacer("\n", "", "\t", "")

// Block keeps a multi-line text's lines (and tabs) but writes every other
// unsafe character as an escape (Text), for notes a template may copy.
func Block(s string) string {
	if plainText(lineBreaksAndTabs.Replace(s)) {
		return s
	}
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		parts := strings.Split(l, "\t")
		for j := range parts {
			parts[j] = Text(parts[j])
		}
		lines[i] = strings.Join(parts, "\t")
	}
	return strings.Join(lines, "\n")
}
