package render

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"
)

// The functions the built-in templates use to put a person's words — names,
// goal and meeting titles, file names — into Markdown and Mermaid without
// those words turning into markup: a name with "*" or "[" stays a name, a
// title with "<!--" cannot hide the rest of the agenda, a note's file name
// with a space still links.
func init() {
	Funcs["mdText"] = MarkdownText
	Funcs["mdLink"] = MarkdownLink
	Funcs["mdCode"] = MarkdownCode
	Funcs["mermaidText"] = MermaidText
	Funcs["quote"] = Quote
	Funcs["shell"] = ShellWord
	Funcs["orList"] = OrList
}

// OrList lists values for a person: "a, b or c".
func OrList(values []string) string {
	switch n := len(values); n {
	case 0:
		return ""
	case 1:
		return values[0]
	default:
		return strings.Join(values[:n-1], ", ") + " or " + values[n-1]
	}
}

// MarkdownText escapes text for one line of Markdown: every character that
// could start inline markup, an HTML tag, an entity, a table cell or a
// closing heading sequence gets a backslash, a character that would start
// a block at the start of the line is escaped, what would become a link
// by itself (http://…, www.…, an e-mail address) is not, and line breaks
// become spaces.
func MarkdownText(v any) string {
	s := oneLine(toString(v))
	if plainText(s) {
		return s // most names and titles: nothing to escape
	}
	return markdownTextLoop(s)
}

// markdownTextLoop is MarkdownText's pass over every rune of a line,
// without the shortcut for plain text.
func markdownTextLoop(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '&', '$':
			b.WriteByte('\\')
		case '-', '+', '=':
			if i == 0 {
				b.WriteByte('\\')
			}
		case '.', ')':
			if i > 0 && i <= 9 && isDigits(s[:i]) {
				b.WriteByte('\\') // "1. Ada" would start an ordered list
			}
		}
		b.WriteRune(r)
	}
	return autolinks.Replace(b.String())
}

// plainText reports whether MarkdownText would leave s as it is: no
// character it escapes anywhere, none that it escapes at the start, no
// number that reads as a list marker, and nothing autolinks changes.
func plainText(s string) bool {
	if s == "" {
		return true
	}
	switch s[0] {
	case '-', '+', '=':
		return false
	}
	if s[0] >= '0' && s[0] <= '9' {
		return false // "1. Ada" and "1) Ada"; rare enough to leave to the loop
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '&', '$', '@':
			return false
		case ':':
			if strings.HasPrefix(s[i:], "://") {
				return false
			}
		case '.':
			if i >= 3 && (s[i-3:i] == "www" || s[i-3:i] == "WWW") {
				return false
			}
		default:
			ascii = ascii && c < utf8.RuneSelf
		}
	}
	return ascii || utf8.ValidString(s) // the loop writes a bad byte as U+FFFD
}

// autolinks keeps GitHub from turning a URL or an address in a name into a
// link.
var autolinks = strings.NewReplacer("://", `\://`, "www.", `www\.`, "WWW.", `WWW\.`, "@", `\@`)

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// MarkdownLink escapes a relative path for a link destination: each part
// percent-encoded, the slashes kept.
func MarkdownLink(path string) string {
	parts := strings.Split(path, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

// MarkdownCode puts text in an inline code span that no backtick inside it
// can close.
func MarkdownCode(v any) string {
	s := oneLine(toString(v))
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// MermaidText makes text safe for an event or the title of a Mermaid
// timeline: line breaks become spaces, and a colon that would start a new
// event (one followed by a space, or at the end) becomes a dash.
func MermaidText(v any) string {
	s := oneLine(toString(v))
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == ':' && (i+1 == len(s) || s[i+1] == ' ') {
			b.WriteString(" -")
			continue
		}
		b.WriteByte(s[i])
	}
	if s = strings.Join(strings.Fields(b.String()), " "); s == "" {
		return "…" // an event cannot be empty
	}
	return s
}

// Quote turns Markdown into a block quote: "> " before each line, ">"
// alone on a blank one.
func Quote(v any) string {
	s := strings.TrimRight(lf(toString(v)), "\n")
	if s == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			lines[i] = ">"
		} else {
			lines[i] = "> " + l
		}
	}
	return strings.Join(lines, "\n")
}

// ShellWord quotes a word for a POSIX shell when it needs it, so that a
// command printed with a pair id can be copied and run.
func ShellWord(v any) string {
	s := toString(v)
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-") == "" && s[0] != '-' {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func oneLine(s string) string {
	if strings.ContainsAny(s, "\r\n") {
		s = lineBreaks.Replace(s)
	}
	return strings.TrimSpace(s)
}

var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

func toString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case interface{ String() string }:
		return x.String()
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}
