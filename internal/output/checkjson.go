package output

import (
	"strconv"
	"unicode/utf8"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/signals"
)

// appendCheckPair appends one pair of `check --format json` as
// encoding/json writes it with SetEscapeHTML(false) and SetIndent(prefix
// "    ", indent "  "), without the final newline: the same bytes, without
// reflection and the second pass that indents. TestCheckPairJSON and
// FuzzCheckPairJSON hold it to encoding/json.
func appendCheckPair(b []byte, cp CheckPair) []byte {
	const in1, in2, in3, in4 = "\n      ", "\n        ", "\n          ", "\n            "
	b = append(b, '{')
	b = jsonKey(b, in1, "id", true)
	b = jsonString(b, cp.ID)
	b = jsonKey(b, in1, "plan", false)
	b = jsonString(b, cp.Plan)
	b = jsonKey(b, in1, "verdict", false)
	b = jsonString(b, string(cp.Verdict))

	b = jsonKey(b, in1, "signals", false)
	if cp.Signals == nil {
		b = append(b, "null"...)
	} else if len(cp.Signals) == 0 {
		b = append(b, "[]"...)
	} else {
		b = append(b, '[')
		for i, s := range cp.Signals {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, in2...)
			b = appendSignal(b, s, in3, in2)
		}
		b = append(b, in1...)
		b = append(b, ']')
	}

	b = jsonKey(b, in1, "goals", false)
	b = append(b, '{')
	b = jsonKey(b, in2, "total", true)
	b = strconv.AppendInt(b, int64(cp.Goals.Total), 10)
	b = jsonKey(b, in2, "met", false)
	b = strconv.AppendInt(b, int64(cp.Goals.Met), 10)
	b = jsonKey(b, in2, "open", false)
	b = strconv.AppendInt(b, int64(cp.Goals.Open), 10)
	b = jsonKey(b, in2, "dropped", false)
	b = strconv.AppendInt(b, int64(cp.Goals.Dropped), 10)
	b = jsonKey(b, in2, "items", false)
	if cp.Goals.Items == nil {
		b = append(b, "null"...)
	} else if len(cp.Goals.Items) == 0 {
		b = append(b, "[]"...)
	} else {
		b = append(b, '[')
		for i, g := range cp.Goals.Items {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, in3...)
			b = append(b, '{')
			b = jsonKey(b, in4, "n", true)
			b = strconv.AppendInt(b, int64(g.N), 10)
			b = jsonKey(b, in4, "title", false)
			b = jsonString(b, g.Title)
			b = jsonKey(b, in4, "state", false)
			b = jsonString(b, string(g.State))
			b = jsonKey(b, in4, "line", false)
			b = strconv.AppendInt(b, int64(g.Line), 10)
			b = jsonKey(b, in4, "last_note", false)
			b = jsonDate(b, g.LastNote)
			b = append(b, in3...)
			b = append(b, '}')
		}
		b = append(b, in2...)
		b = append(b, ']')
	}
	b = append(b, in1...)
	b = append(b, '}')

	m := cp.Meetings
	b = jsonKey(b, in1, "meetings", false)
	b = append(b, '{')
	b = jsonKey(b, in2, "held", true)
	b = strconv.AppendInt(b, int64(m.Held), 10)
	b = jsonKey(b, in2, "cancelled", false)
	b = strconv.AppendInt(b, int64(m.Cancelled), 10)
	b = jsonKey(b, in2, "no_show", false)
	b = strconv.AppendInt(b, int64(m.NoShow), 10)
	b = jsonKey(b, in2, "unproductive", false)
	b = strconv.AppendInt(b, int64(m.Unproductive), 10)
	b = jsonKey(b, in2, "last_held", false)
	b = jsonDate(b, m.LastHeld)
	b = append(b, in1...)
	b = append(b, '}')

	b = jsonKey(b, in1, "problems", false)
	if cp.Problems == nil {
		b = append(b, "null"...)
	} else if len(cp.Problems) == 0 {
		b = append(b, "[]"...)
	} else {
		b = append(b, '[')
		for i, p := range cp.Problems {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, in2...)
			b = appendProblem(b, p, in3, in2)
		}
		b = append(b, in1...)
		b = append(b, ']')
	}

	b = jsonKey(b, in1, "notes", false)
	b = append(b, '{')
	b = jsonKey(b, in2, "count", true)
	b = strconv.AppendInt(b, int64(cp.Notes.Count), 10)
	b = jsonKey(b, in2, "last", false)
	b = jsonDate(b, cp.Notes.Last)
	b = append(b, in1...)
	b = append(b, '}')

	b = jsonKey(b, in1, "previous", false)
	if cp.Previous == nil {
		b = append(b, "null"...)
	} else {
		b = jsonString(b, *cp.Previous)
	}

	b = jsonKey(b, in1, "chain", false)
	if cp.Chain == nil {
		b = append(b, "null"...)
	} else if len(cp.Chain) == 0 {
		b = append(b, "[]"...)
	} else {
		b = append(b, '[')
		for i, id := range cp.Chain {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, in2...)
			b = jsonString(b, id)
		}
		b = append(b, in1...)
		b = append(b, ']')
	}

	b = jsonKey(b, in1, "closure", false)
	if c := cp.Closure; c == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '{')
		b = jsonKey(b, in2, "file", true)
		b = jsonString(b, c.File)
		b = jsonKey(b, in2, "problems", false)
		b = strconv.AppendInt(b, int64(c.Problems), 10)
		b = jsonKey(b, in2, "missing", false)
		b = strconv.AppendBool(b, c.Missing)
		b = append(b, in1...)
		b = append(b, '}')
	}
	b = append(b, "\n    }"...)
	return b
}

func appendSignal(b []byte, s signals.Signal, in, out string) []byte {
	b = append(b, '{')
	b = jsonKey(b, in, "id", true)
	b = jsonString(b, s.ID)
	b = jsonKey(b, in, "message", false)
	b = jsonString(b, s.Message)
	b = jsonKey(b, in, "line", false)
	b = strconv.AppendInt(b, int64(s.Line), 10)
	if s.Fix != "" {
		b = jsonKey(b, in, "fix", false)
		b = jsonString(b, s.Fix)
	}
	b = append(b, out...)
	return append(b, '}')
}

func appendProblem(b []byte, p diag.Problem, in, out string) []byte {
	b = append(b, '{')
	b = jsonKey(b, in, "file", true)
	b = jsonString(b, p.File)
	b = jsonKey(b, in, "line", false)
	b = strconv.AppendInt(b, int64(p.Line), 10)
	b = jsonKey(b, in, "severity", false)
	b = jsonString(b, string(p.Severity))
	b = jsonKey(b, in, "message", false)
	b = jsonString(b, p.Message)
	b = append(b, out...)
	return append(b, '}')
}

// jsonKey starts a member on a new line: `"key": `, after a comma unless
// it is the first.
func jsonKey(b []byte, indent, key string, first bool) []byte {
	if !first {
		b = append(b, ',')
	}
	b = append(b, indent...)
	b = append(b, '"')
	b = append(b, key...)
	return append(b, '"', ':', ' ')
}

func jsonDate(b []byte, d dates.Date) []byte {
	if d.IsZero() {
		return append(b, "null"...)
	}
	b = append(b, '"')
	b = d.Time().AppendFormat(b, dates.Layout)
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"

// jsonString appends s quoted as encoding/json quotes a string without
// HTML escaping: the short escapes it knows, \u00XX for other control
// characters, U+FFFD for invalid UTF-8, and \u2028 and \u2029 escaped.
func jsonString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
