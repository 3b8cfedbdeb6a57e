package output

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/nullable"
	"github.com/mentor-cli/mentor/internal/report"
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

// appendReportRow appends one row of `report --format json`'s "pairs" as
// encoding/json writes it there (SetEscapeHTML(false), SetIndent("    ",
// "  ")), without the final newline. TestReportRowJSON and
// FuzzReportRowJSON hold it to encoding/json.
func appendReportRow(b []byte, r report.Row) []byte {
	const in1, in2, in3 = "\n      ", "\n        ", "\n          "
	b = append(b, '{')
	b = jsonKey(b, in1, "id", true)
	b = jsonString(b, r.ID)
	b = jsonKey(b, in1, "plan", false)
	b = jsonString(b, r.Plan)
	b = jsonKey(b, in1, "program", false)
	b = jsonNullable(b, r.Program)
	b = jsonKey(b, in1, "status", false)
	b = jsonNullable(b, r.Status)
	b = jsonKey(b, in1, "verdict", false)
	b = jsonString(b, string(r.Verdict))
	b = jsonKey(b, in1, "signals", false)
	if r.Signals == nil {
		b = append(b, "null"...)
	} else if len(r.Signals) == 0 {
		b = append(b, "[]"...)
	} else {
		b = append(b, '[')
		for i, s := range r.Signals {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, in2...)
			b = appendSignal(b, s, in3, in2)
		}
		b = append(b, in1...)
		b = append(b, ']')
	}
	b = jsonKey(b, in1, "start", false)
	b = jsonDate(b, r.Start)
	b = jsonKey(b, in1, "end", false)
	b = jsonDate(b, r.End)
	b = jsonKey(b, in1, "closed", false)
	b = jsonDate(b, r.Closed)
	b = jsonKey(b, in1, "reason", false)
	b = jsonNullable(b, r.Reason)
	b = jsonKey(b, in1, "transition", false)
	b = jsonNullable(b, r.Transition)
	b = jsonKey(b, in1, "contact_channel", false)
	b = jsonNullable(b, r.ContactChannel)
	b = jsonKey(b, in1, "goals_total", false)
	b = strconv.AppendInt(b, int64(r.GoalsTotal), 10)
	b = jsonKey(b, in1, "goals_met", false)
	b = strconv.AppendInt(b, int64(r.GoalsMet), 10)
	b = jsonKey(b, in1, "goals_open", false)
	b = strconv.AppendInt(b, int64(r.GoalsOpen), 10)
	b = jsonKey(b, in1, "goals_dropped", false)
	b = strconv.AppendInt(b, int64(r.GoalsDropped), 10)
	b = jsonKey(b, in1, "outcomes", false)
	b = append(b, '{')
	b = jsonKey(b, in2, "total", true)
	b = strconv.AppendInt(b, int64(r.Outcomes.Total), 10)
	b = jsonKey(b, in2, "met", false)
	b = strconv.AppendInt(b, int64(r.Outcomes.Met), 10)
	b = jsonKey(b, in2, "partial", false)
	b = strconv.AppendInt(b, int64(r.Outcomes.Partial), 10)
	b = jsonKey(b, in2, "not_met", false)
	b = strconv.AppendInt(b, int64(r.Outcomes.NotMet), 10)
	b = jsonKey(b, in2, "dropped", false)
	b = strconv.AppendInt(b, int64(r.Outcomes.Dropped), 10)
	b = append(b, in1...)
	b = append(b, '}')
	b = jsonKey(b, in1, "meetings_held", false)
	b = strconv.AppendInt(b, int64(r.Held), 10)
	b = jsonKey(b, in1, "meetings_unproductive", false)
	b = strconv.AppendInt(b, int64(r.Unproductive), 10)
	for _, side := range []struct {
		key string
		v   report.BySide
	}{{"cancelled", r.Cancelled}, {"no_show", r.NoShow}} {
		b = jsonKey(b, in1, side.key, false)
		b = append(b, '{')
		b = jsonKey(b, in2, "mentor", true)
		b = strconv.AppendInt(b, int64(side.v.Mentor), 10)
		b = jsonKey(b, in2, "mentee", false)
		b = strconv.AppendInt(b, int64(side.v.Mentee), 10)
		b = jsonKey(b, in2, "unnamed", false)
		b = strconv.AppendInt(b, int64(side.v.Unnamed), 10)
		b = jsonKey(b, in2, "total", false)
		b = strconv.AppendInt(b, int64(side.v.Total), 10)
		b = append(b, in1...)
		b = append(b, '}')
	}
	b = jsonKey(b, in1, "planned_days", false)
	b = jsonIntPtr(b, r.PlannedDays)
	b = jsonKey(b, in1, "actual_days", false)
	b = jsonIntPtr(b, r.ActualDays)
	b = jsonKey(b, in1, "early", false)
	b = strconv.AppendBool(b, r.Early)
	b = jsonKey(b, in1, "closure_missing", false)
	b = strconv.AppendBool(b, r.ClosureMissing)
	b = jsonKey(b, in1, "attention", false)
	b = strconv.AppendBool(b, r.Attention)
	b = append(b, "\n    }"...)
	return b
}

func jsonIntPtr(b []byte, n *int) []byte {
	if n == nil {
		return append(b, "null"...)
	}
	return strconv.AppendInt(b, int64(*n), 10)
}

// jsonNullable appends what nullable.String's MarshalJSON writes: null for
// "", else the string as json.Marshal quotes it, which escapes <, > and &
// (and encoding/json keeps those escapes inside a document).
func jsonNullable(b []byte, s nullable.String) []byte {
	if s == "" {
		return append(b, "null"...)
	}
	start := len(b)
	b = jsonString(b, string(s))
	if !strings.ContainsAny(string(b[start:]), "<>&") {
		return b
	}
	quoted := append([]byte(nil), b[start:]...)
	b = b[:start]
	for _, c := range quoted {
		switch c {
		case '<', '>', '&':
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		default:
			b = append(b, c)
		}
	}
	return b
}

// appendListed appends one pair of `list --format json` as encoding/json
// writes it there, without the final newline; TestListedJSON and
// FuzzListedJSON hold it to encoding/json.
func appendListed(b []byte, p Listed) []byte {
	const in1 = "\n      "
	b = append(b, '{')
	b = jsonKey(b, in1, "id", true)
	b = jsonString(b, p.ID)
	b = jsonKey(b, in1, "plan", false)
	b = jsonString(b, p.Plan)
	b = jsonKey(b, in1, "mentor", false)
	b = jsonNullable(b, nullable.String(p.Mentor))
	b = jsonKey(b, in1, "mentee", false)
	b = jsonNullable(b, nullable.String(p.Mentee))
	b = jsonKey(b, in1, "program", false)
	b = jsonNullable(b, nullable.String(p.Program))
	b = jsonKey(b, in1, "status", false)
	b = jsonNullable(b, nullable.String(p.Status))
	b = jsonKey(b, in1, "start", false)
	b = jsonDate(b, p.Start)
	b = jsonKey(b, in1, "end", false)
	b = jsonDate(b, p.End)
	return append(b, "\n    }"...)
}
