package output

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/note"
	"github.com/mentor-cli/mentor/internal/nullable"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/report"
	"github.com/mentor-cli/mentor/internal/signals"
)

// reflectJSON is how encoding/json writes v as an item of a list two
// levels deep, as check, report and list do.
func reflectJSON(t testing.TB, v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// jsonStrings are texts that need each kind of escape, or none.
var jsonStrings = []string{"ada--grace", "", "a \"quoted\" \\ back", "tab\tnew\nline\r\b\f\x00\x1f\x7f", "<b>&amp;</b>",
	"caf\u00e9 \u2028 \u2029 \U0001F600", "bad \xff\xfe utf8 \xe2\x80", "\u202e rtl \u200b"}

func samplePair(s1, s2 string, n int, flags uint8) CheckPair {
	day := func(k int) dates.Date {
		if k%3 == 0 {
			return dates.Date{}
		}
		d, _ := dates.Parse("2026-01-15")
		return d.AddDays(k)
	}
	cp := CheckPair{ID: s1, Plan: "pairs/" + s1 + "/plan.md", Verdict: signals.Verdict(s2),
		Goals:    signals.Goals{Total: n, Met: n / 2, Open: n - n/2, Dropped: -n},
		Meetings: signals.Meetings{Held: n, Cancelled: 1, NoShow: 2, Unproductive: 3, LastHeld: day(n)},
		Notes:    note.Summary{Count: n, Last: day(n + 1)},
	}
	if flags&1 != 0 {
		cp.Signals = []signals.Signal{{ID: s2, Message: s1 + s2, Line: n}, {ID: "x", Message: s2, Line: 1, Fix: s1}}
	} else if flags&2 != 0 {
		cp.Signals = []signals.Signal{}
	}
	if flags&4 != 0 {
		cp.Goals.Items = []signals.GoalItem{{N: 1, Title: s1, State: plan.GoalState(s2), Line: n, LastNote: day(n + 2)},
			{N: 2, Title: s2, State: plan.Met, Line: 3, LastNote: day(1)}}
	} else if flags&2 != 0 {
		cp.Goals.Items = []signals.GoalItem{}
	}
	if flags&8 != 0 {
		cp.Problems = []diag.Problem{{File: s1, Line: n, Severity: diag.Warning, Message: s2}}
	} else if flags&2 != 0 {
		cp.Problems = []diag.Problem{}
	}
	if flags&16 != 0 {
		cp.Previous = &s2
	}
	if flags&32 != 0 {
		cp.Chain = []string{s1, s2}
	} else if flags&2 != 0 {
		cp.Chain = []string{}
	}
	if flags&64 != 0 {
		cp.Closure = &ClosureProgress{File: s1, Problems: n, Missing: flags&128 != 0}
	}
	return cp
}

// Every shape of a pair, nil and empty lists, null and set values, and
// strings that need escaping give encoding/json's bytes.
func TestCheckPairJSON(t *testing.T) {
	for _, s1 := range jsonStrings {
		for _, s2 := range jsonStrings {
			for flags := 0; flags < 256; flags += 7 {
				cp := samplePair(s1, s2, len(s1)+flags, uint8(flags))
				if got, want := appendCheckPair(nil, cp), reflectJSON(t, cp); !bytes.Equal(got, want) {
					t.Fatalf("flags %d, %q %q:\ngot  %s\nwant %s", flags, s1, s2, got, want)
				}
			}
		}
	}
}

func FuzzCheckPairJSON(f *testing.F) {
	f.Add("ada--grace", "on-track", 3, uint8(0xff))
	f.Add("a\"\\\n\u2028\xff", "", -1, uint8(0))
	f.Fuzz(func(t *testing.T, s1, s2 string, n int, flags uint8) {
		cp := samplePair(s1, s2, n%100000, flags)
		if got, want := appendCheckPair(nil, cp), reflectJSON(t, cp); !bytes.Equal(got, want) {
			t.Fatalf("got  %s\nwant %s", got, want)
		}
	})
}

func sampleRow(s1, s2 string, n int, flags uint8) report.Row {
	cp := samplePair(s1, s2, n, flags)
	r := report.Row{ID: s1, Plan: cp.Plan, Program: nullable.String(s2), Verdict: cp.Verdict, Signals: cp.Signals,
		Start: cp.Meetings.LastHeld, End: cp.Notes.Last, Closed: cp.Meetings.LastHeld.AddDays(3),
		Reason: nullable.String(s1), Transition: nullable.String(s2 + s1),
		GoalsTotal: n, GoalsMet: n + 1, GoalsOpen: -n, GoalsDropped: n * 2,
		Outcomes: report.Outcomes{Total: n, Met: 1, Partial: 2, NotMet: 3, Dropped: 4},
		Held:     n, Unproductive: n / 3,
		Cancelled: report.BySide{Mentor: 1, Mentee: n, Unnamed: 3, Total: 4}, NoShow: report.BySide{Total: n},
		Early: flags&1 != 0, ClosureMissing: flags&2 != 0, Attention: flags&4 != 0,
	}
	if flags&8 != 0 {
		r.Status = nullable.String(s1)
		r.ContactChannel = nullable.String("<" + s2 + "&>")
	}
	if flags&16 != 0 {
		d := n
		r.PlannedDays = &d
	}
	if flags&32 != 0 {
		d := -n
		r.ActualDays = &d
	}
	return r
}

// A report row of every shape gives encoding/json's bytes, nullable
// strings with json.Marshal's HTML escapes included.
func TestReportRowJSON(t *testing.T) {
	for _, s1 := range jsonStrings {
		for _, s2 := range jsonStrings {
			for flags := 0; flags < 256; flags += 5 {
				r := sampleRow(s1, s2, len(s2)+flags, uint8(flags))
				if got, want := appendReportRow(nil, r), reflectJSON(t, r); !bytes.Equal(got, want) {
					t.Fatalf("flags %d, %q %q:\ngot  %s\nwant %s", flags, s1, s2, got, want)
				}
			}
		}
	}
}

func sampleAttention(s1, s2 string, n int, flags uint8) report.Attention {
	cp := samplePair(s1, s2, n, flags)
	a := report.Attention{ID: s1, Plan: cp.Plan, Program: nullable.String(s2), Verdict: cp.Verdict, Signals: cp.Signals}
	switch flags % 3 {
	case 1:
		a.Problems = []diag.Problem{}
	case 2:
		a.Problems = []diag.Problem{{File: s1, Line: n, Severity: diag.Error, Message: s2},
			{File: s2, Line: -n, Severity: diag.Warning, Message: s1 + s2}}
	}
	return a
}

// An attention item of every shape gives encoding/json's bytes.
func TestAttentionJSON(t *testing.T) {
	for _, s1 := range jsonStrings {
		for _, s2 := range jsonStrings {
			for flags := 0; flags < 256; flags += 7 {
				a := sampleAttention(s1, s2, len(s1)+flags, uint8(flags))
				if got, want := appendAttention(nil, a), reflectJSON(t, a); !bytes.Equal(got, want) {
					t.Fatalf("flags %d, %q %q:\ngot  %s\nwant %s", flags, s1, s2, got, want)
				}
			}
		}
	}
}

func FuzzAttentionJSON(f *testing.F) {
	f.Add("ada--grace", "<Platform & co>", 3, uint8(0xff))
	f.Fuzz(func(t *testing.T, s1, s2 string, n int, flags uint8) {
		a := sampleAttention(s1, s2, n%100000, flags)
		if got, want := appendAttention(nil, a), reflectJSON(t, a); !bytes.Equal(got, want) {
			t.Fatalf("got  %s\nwant %s", got, want)
		}
	})
}

func FuzzReportRowJSON(f *testing.F) {
	f.Add("ada--grace", "<Platform & co>", 3, uint8(0xff))
	f.Add("a\"\\\n\u2028\xff", "", -1, uint8(0))
	f.Fuzz(func(t *testing.T, s1, s2 string, n int, flags uint8) {
		r := sampleRow(s1, s2, n%100000, flags)
		if got, want := appendReportRow(nil, r), reflectJSON(t, r); !bytes.Equal(got, want) {
			t.Fatalf("got  %s\nwant %s", got, want)
		}
	})
}

func sampleListed(s1, s2 string, n int) Listed {
	cp := samplePair(s1, s2, n, 0)
	return Listed{ID: s1, Plan: cp.Plan, Mentor: Nullable(s2), Mentee: Nullable(s1 + s2), Program: Nullable("<" + s1 + "&>"),
		Status: Nullable(s2), Start: cp.Meetings.LastHeld, End: cp.Notes.Last}
}

// A listed pair gives encoding/json's bytes, with Nullable's HTML escapes.
func TestListedJSON(t *testing.T) {
	for _, s1 := range jsonStrings {
		for _, s2 := range jsonStrings {
			for n := 0; n < 6; n++ {
				p := sampleListed(s1, s2, n)
				if got, want := appendListed(nil, p), reflectJSON(t, p); !bytes.Equal(got, want) {
					t.Fatalf("%q %q:\ngot  %s\nwant %s", s1, s2, got, want)
				}
			}
		}
	}
}

func FuzzListedJSON(f *testing.F) {
	f.Add("ada--grace", "<Platform & co>", 3)
	f.Fuzz(func(t *testing.T, s1, s2 string, n int) {
		p := sampleListed(s1, s2, n%100000)
		if got, want := appendListed(nil, p), reflectJSON(t, p); !bytes.Equal(got, want) {
			t.Fatalf("got  %s\nwant %s", got, want)
		}
	})
}
