package frontmatter

import (
	"bytes"
	"strings"
)

// hint says what to do about a YAML error: yaml.v3 says what it found
// ("mapping values are not allowed in this context"), a person needs to
// know what to change. yamlLine is the error's line in the YAML (1-based,
// 0 when the error names none).
func hint(msg string, yaml []byte, yamlLine int) string {
	line, prev := lineAt(yaml, yamlLine)
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		if indented(line) && prev != "" && !strings.HasSuffix(strings.TrimSpace(stripComment(prev)), ":") {
			return "keys must not be indented: start the line at the first column, or put the key under one that has no value of its own"
		}
		return "quote the value if it contains \": \", such as title: \"Design: review\""
	case strings.Contains(msg, "found a tab character"),
		strings.Contains(msg, "cannot start any token") && strings.HasPrefix(strings.TrimLeft(line, " "), "\t"):
		return "indent with spaces, not tabs"
	case strings.Contains(msg, "could not find expected ':'"):
		return "write each key as key: value, with a colon and a space after the key; quote a value that runs over several lines"
	case strings.Contains(msg, "did not find expected key"), strings.Contains(msg, "did not find expected '-' indicator"):
		return "keys and list items at the same level must line up: check the indentation of this line against the lines above it"
	case strings.Contains(msg, "cannot start any token"):
		return "quote the value if it starts with @, ` or another character YAML reserves, such as mentee: \"@grace\""
	case strings.Contains(msg, "unexpected end of stream"), strings.Contains(msg, "did not find expected ',' or ']'"),
		strings.Contains(msg, "did not find expected ',' or '}'"):
		return "a quote or a bracket is not closed: close it on the same line, or quote the whole value"
	}
	return ""
}

// lineAt returns a YAML line (1-based) and the last non-blank line before it.
func lineAt(yaml []byte, n int) (line, prev string) {
	lines := strings.Split(string(bytes.ReplaceAll(yaml, []byte("\r\n"), []byte("\n"))), "\n")
	if n < 1 || n > len(lines) {
		return "", ""
	}
	for i := n - 2; i >= 0; i-- {
		if strings.TrimSpace(lines[i]) != "" {
			prev = lines[i]
			break
		}
	}
	return lines[n-1], prev
}

func indented(line string) bool {
	return line != "" && (line[0] == ' ' || line[0] == '\t') && strings.TrimSpace(line) != ""
}

// stripComment drops a trailing " # comment".
func stripComment(s string) string {
	if i := strings.Index(s, " #"); i >= 0 {
		return s[:i]
	}
	return s
}
