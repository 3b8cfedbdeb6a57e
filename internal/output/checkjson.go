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
	b = keyString(b, in1, "id", cp.ID, true)
	b = keyString(b, in1, "plan", cp.Plan, false)
	b = keyString(b, in1, "verdict", string(cp.Verdict), false)

	b = keySignals(b, in1, in2, in3, cp.Signals)

	b = jsonKey(b, in1, "goals", false)
	b = append(b, '{')
	b = keyInt(b, in2, "total", cp.Goals.Total, true)
	b = keyInt(b, in2, "met", cp.Goals.Met, false)
	b = keyInt(b, in2, "open", cp.Goals.Open, false)
	b = keyInt(b, in2, "dropped", cp.Goals.Dropped, false)
	b = jsonKey(b, in2, "items", false)
	b = jsonList(b, cp.Goals.Items, in3, in2, func(b []byte, g signals.GoalItem) []byte {
		b = append(b, '{')
		b = keyInt(b, in4, "n", g.N, true)
		b = keyString(b, in4, "title", g.Title, false)
		b = keyString(b, in4, "state", string(g.State), false)
		b = keyInt(b, in4, "line", g.Line, false)
		b = keyDate(b, in4, "last_note", g.LastNote, false)
		b = append(b, in3...)
		return append(b, '}')
	})
	b = append(b, in1...)
	b = append(b, '}')

	m := cp.Meetings
	b = jsonKey(b, in1, "meetings", false)
	b = append(b, '{')
	b = keyInt(b, in2, "held", m.Held, true)
	b = keyInt(b, in2, "cancelled", m.Cancelled, false)
	b = keyInt(b, in2, "no_show", m.NoShow, false)
	b = keyInt(b, in2, "unproductive", m.Unproductive, false)
	b = keyDate(b, in2, "last_held", m.LastHeld, false)
	b = append(b, in1...)
	b = append(b, '}')

	b = jsonKey(b, in1, "problems", false)
	b = jsonList(b, cp.Problems, in2, in1, func(b []byte, p diag.Problem) []byte { return appendProblem(b, p, in3, in2) })

	b = jsonKey(b, in1, "notes", false)
	b = append(b, '{')
	b = keyInt(b, in2, "count", cp.Notes.Count, true)
	b = keyDate(b, in2, "last", cp.Notes.Last, false)
	b = append(b, in1...)
	b = append(b, '}')

	b = jsonKey(b, in1, "previous", false)
	if cp.Previous == nil {
		b = append(b, "null"...)
	} else {
		b = jsonString(b, *cp.Previous)
	}

	b = jsonKey(b, in1, "chain", false)
	b = jsonList(b, cp.Chain, in2, in1, jsonString)

	b = jsonKey(b, in1, "closure", false)
	if c := cp.Closure; c == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '{')
		b = keyString(b, in2, "file", c.File, true)
		b = keyInt(b, in2, "problems", c.Problems, false)
		b = keyBool(b, in2, "missing", c.Missing, false)
		b = append(b, in1...)
		b = append(b, '}')
	}
	b = append(b, "\n    }"...)
	return b
}

// keySignals appends a "signals" member, its items indented by in2 and
// their members by in3: the same list in check's pairs and report's rows
// and attention items.
func keySignals(b []byte, in1, in2, in3 string, xs []signals.Signal) []byte {
	b = jsonKey(b, in1, "signals", false)
	return jsonList(b, xs, in2, in1, func(b []byte, x signals.Signal) []byte { return appendSignal(b, x, in3, in2) })
}

func appendSignal(b []byte, s signals.Signal, in, out string) []byte {
	b = append(b, '{')
	b = keyString(b, in, "id", s.ID, true)
	b = keyString(b, in, "message", s.Message, false)
	b = keyInt(b, in, "line", s.Line, false)
	if s.Fix != "" {
		b = keyString(b, in, "fix", s.Fix, false)
	}
	b = append(b, out...)
	return append(b, '}')
}

func appendProblem(b []byte, p diag.Problem, in, out string) []byte {
	b = append(b, '{')
	b = keyString(b, in, "file", p.File, true)
	b = keyInt(b, in, "line", p.Line, false)
	b = keyString(b, in, "severity", string(p.Severity), false)
	b = keyString(b, in, "message", p.Message, false)
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
	b = keyString(b, in1, "id", r.ID, true)
	b = keyString(b, in1, "plan", r.Plan, false)
	b = keyNullable(b, in1, "program", r.Program, false)
	b = keyNullable(b, in1, "status", r.Status, false)
	b = keyString(b, in1, "verdict", string(r.Verdict), false)
	b = keySignals(b, in1, in2, in3, r.Signals)
	b = keyDate(b, in1, "start", r.Start, false)
	b = keyDate(b, in1, "end", r.End, false)
	b = keyDate(b, in1, "closed", r.Closed, false)
	b = keyNullable(b, in1, "reason", r.Reason, false)
	b = keyNullable(b, in1, "transition", r.Transition, false)
	b = keyNullable(b, in1, "contact_channel", r.ContactChannel, false)
	b = keyInt(b, in1, "goals_total", r.GoalsTotal, false)
	b = keyInt(b, in1, "goals_met", r.GoalsMet, false)
	b = keyInt(b, in1, "goals_open", r.GoalsOpen, false)
	b = keyInt(b, in1, "goals_dropped", r.GoalsDropped, false)
	b = jsonKey(b, in1, "outcomes", false)
	b = append(b, '{')
	b = keyInt(b, in2, "total", r.Outcomes.Total, true)
	b = keyInt(b, in2, "met", r.Outcomes.Met, false)
	b = keyInt(b, in2, "partial", r.Outcomes.Partial, false)
	b = keyInt(b, in2, "not_met", r.Outcomes.NotMet, false)
	b = keyInt(b, in2, "dropped", r.Outcomes.Dropped, false)
	b = append(b, in1...)
	b = append(b, '}')
	b = keyInt(b, in1, "meetings_held", r.Held, false)
	b = keyInt(b, in1, "meetings_unproductive", r.Unproductive, false)
	for _, side := range []struct {
		key string
		v   report.BySide
	}{{"cancelled", r.Cancelled}, {"no_show", r.NoShow}} {
		b = jsonKey(b, in1, side.key, false)
		b = append(b, '{')
		b = keyInt(b, in2, "mentor", side.v.Mentor, true)
		b = keyInt(b, in2, "mentee", side.v.Mentee, false)
		b = keyInt(b, in2, "unnamed", side.v.Unnamed, false)
		b = keyInt(b, in2, "total", side.v.Total, false)
		b = append(b, in1...)
		b = append(b, '}')
	}
	b = jsonKey(b, in1, "planned_days", false)
	b = jsonIntPtr(b, r.PlannedDays)
	b = jsonKey(b, in1, "actual_days", false)
	b = jsonIntPtr(b, r.ActualDays)
	b = keyBool(b, in1, "early", r.Early, false)
	b = keyBool(b, in1, "closure_missing", r.ClosureMissing, false)
	b = keyBool(b, in1, "attention", r.Attention, false)
	b = append(b, "\n    }"...)
	return b
}

// appendAttention appends an item of the report's "attention" list as
// encoding/json indents it under "    ": the list can hold most pairs.
func appendAttention(b []byte, a report.Attention) []byte {
	const in1, in2, in3 = "\n      ", "\n        ", "\n          "
	b = append(b, '{')
	b = keyString(b, in1, "id", a.ID, true)
	b = keyString(b, in1, "plan", a.Plan, false)
	b = keyNullable(b, in1, "program", a.Program, false)
	b = keyString(b, in1, "verdict", string(a.Verdict), false)
	b = keySignals(b, in1, in2, in3, a.Signals)
	b = jsonKey(b, in1, "problems", false)
	b = jsonList(b, a.Problems, in2, in1, func(b []byte, x diag.Problem) []byte { return appendProblem(b, x, in3, in2) })
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
	b = keyString(b, in1, "id", p.ID, true)
	b = keyString(b, in1, "plan", p.Plan, false)
	b = keyNullable(b, in1, "mentor", p.Mentor, false)
	b = keyNullable(b, in1, "mentee", p.Mentee, false)
	b = keyNullable(b, in1, "program", p.Program, false)
	b = keyNullable(b, in1, "status", p.Status, false)
	b = keyDate(b, in1, "start", p.Start, false)
	b = keyDate(b, in1, "end", p.End, false)
	return append(b, "\n    }"...)
}

// keyInt, keyString, keyDate, keyNullable and keyBool write one member.
func keyInt(b []byte, indent, key string, n int, first bool) []byte {
	return strconv.AppendInt(jsonKey(b, indent, key, first), int64(n), 10)
}

func keyString(b []byte, indent, key, v string, first bool) []byte {
	return jsonString(jsonKey(b, indent, key, first), v)
}

func keyDate(b []byte, indent, key string, d dates.Date, first bool) []byte {
	return d.AppendJSON(jsonKey(b, indent, key, first))
}

func keyNullable(b []byte, indent, key string, v nullable.String, first bool) []byte {
	return jsonNullable(jsonKey(b, indent, key, first), v)
}

func keyBool(b []byte, indent, key string, v bool, first bool) []byte {
	return strconv.AppendBool(jsonKey(b, indent, key, first), v)
}

// jsonList writes a list as encoding/json indents it: null, [], or each
// item on a line of its own at in, the closing bracket at out.
func jsonList[T any](b []byte, xs []T, in, out string, item func([]byte, T) []byte) []byte {
	switch {
	case xs == nil:
		return append(b, "null"...)
	case len(xs) == 0:
		return append(b, "[]"...)
	}
	b = append(b, '[')
	for i, x := range xs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, in...)
		b = item(b, x)
	}
	b = append(b, out...)
	return append(b, ']')
}
