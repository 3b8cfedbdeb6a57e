package output

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"testing"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/report"
	"github.com/mentor-cli/mentor/internal/signals"
)

// Every field of a row comes back from its binary form as it went in,
// and a row cut short is an error, not a row.
func TestRowBinRoundTrip(t *testing.T) {
	seven, minus := 7, -3
	rows := []report.Row{
		{}, // every field unset, signals nil
		{ID: "ada--bob", Plan: "pairs/ada--bob/plan.md", Signals: []signals.Signal{}},
		{
			ID: "ada--bob", Plan: "pairs/ada--bob/plan.md", Program: "Graduates",
			Status: "closed", Verdict: signals.Closed,
			Signals: []signals.Signal{
				{ID: "no-progress", Message: "no note since 2026-05-28", Line: 24, Fix: "mentor close goal ada--bob 1"},
				{ID: "stalled", Message: "é \x1b[31m", Line: -1},
			},
			Start: dates.MustParse("1969-12-31"), End: dates.MustParse("2027-05-09"), Closed: dates.MustParse("9999-12-31"),
			Reason: "goals-met", Transition: "informal", ContactChannel: "email",
			GoalsTotal: 1, GoalsMet: 2, GoalsOpen: 3, GoalsDropped: 4,
			Outcomes: report.Outcomes{Total: 5, Met: 6, Partial: 7, NotMet: 8, Dropped: 9},
			Held:     10, Unproductive: 11,
			Cancelled:   report.BySide{Mentor: 12, Mentee: 13, Unnamed: 14, Total: 15},
			NoShow:      report.BySide{Mentor: 16, Mentee: 17, Unnamed: 18, Total: 1 << 40},
			PlannedDays: &seven, ActualDays: &minus,
			Early: true, Attention: true,
		},
		{ClosureMissing: true, ActualDays: &seven},
	}
	var b []byte
	for i := range rows {
		b = appendRowBin(b, &rows[i])
	}
	rr := newRowReader(bytes.NewReader(b))
	for i, want := range rows {
		var got report.Row
		if err := rr.read(&got); err != nil {
			t.Fatalf("row %d: %v", i, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("row %d:\n got %#v\nwant %#v", i, got, want)
		}
	}
	for cut := 1; cut < len(b); cut += 7 {
		rr := newRowReader(bytes.NewReader(b[:cut]))
		var err error
		var row report.Row
		for range rows {
			if err = rr.read(&row); err != nil {
				break
			}
		}
		if !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Fatalf("cut at %d of %d: got %v, want an unexpected end", cut, len(b), err)
		}
	}
}

// The rows and the attention list share a Spool as records: each kind
// reads back as it went in, a pass over one kind skips the other, and a
// record cut short is an error.
func TestRecordsRoundTrip(t *testing.T) {
	rows := []report.Row{{ID: "ada--bob", Attention: true}, {ID: "cy--dee"}}
	items := []report.Attention{
		{}, // nothing set: signals and problems nil
		{ID: "ada--bob", Plan: "pairs/ada--bob/plan.md", Program: "Graduates", Verdict: signals.Closing,
			Signals:  []signals.Signal{{ID: "stalled", Message: "no meeting since 2026-05-02", Line: 9, Fix: "mentor close log ada--bob"}},
			Problems: []diag.Problem{{File: "pairs/ada--bob/closure.md", Line: 3, Severity: diag.Error, Message: "é \x1b[31m"}, {Line: -2}}},
		{ID: "cy--dee", Signals: []signals.Signal{}, Problems: []diag.Problem{}},
	}
	var b []byte
	b = appendRecord(b, recAttention, appendAttentionBin(nil, &items[0]))
	b = appendRecord(b, recRow, appendRowBin(nil, &rows[0]))
	b = appendRecord(b, recAttention, appendAttentionBin(nil, &items[1]))
	b = appendRecord(b, recRow, appendRowBin(nil, &rows[1]))
	b = appendRecord(b, recAttention, appendAttentionBin(nil, &items[2]))

	pass := func(b []byte, want byte) (gotRows []report.Row, gotItems []report.Attention, err error) {
		rr := newRowReader(bytes.NewReader(b))
		for {
			kind, n, ok := rr.record()
			if !ok {
				return gotRows, gotItems, rr.err
			}
			switch {
			case kind != want:
				rr.skip(n)
			case kind == recRow:
				var r report.Row
				if err := rr.read(&r); err != nil {
					return nil, nil, err
				}
				gotRows = append(gotRows, r)
			default:
				var a report.Attention
				if err := rr.readAttention(&a); err != nil {
					return nil, nil, err
				}
				gotItems = append(gotItems, a)
			}
		}
	}
	gotRows, _, err := pass(b, recRow)
	if err != nil || !reflect.DeepEqual(gotRows, rows) {
		t.Errorf("rows: %v\n got %#v\nwant %#v", err, gotRows, rows)
	}
	_, gotItems, err := pass(b, recAttention)
	if err != nil || !reflect.DeepEqual(gotItems, items) {
		t.Errorf("attention: %v\n got %#v\nwant %#v", err, gotItems, items)
	}
	for cut := 1; cut < len(b); cut++ {
		for _, kind := range []byte{recRow, recAttention} {
			if _, _, err := pass(b[:cut], kind); !errors.Is(err, io.ErrUnexpectedEOF) && !endsRecord(b, cut) {
				t.Fatalf("cut at %d of %d, reading %q: got %v, want an unexpected end", cut, len(b), kind, err)
			}
		}
	}
}

// endsRecord reports whether b[:cut] ends where a record of b ends.
func endsRecord(b []byte, cut int) bool {
	rr := newRowReader(bytes.NewReader(b))
	at := 0
	for at < cut {
		_, n, ok := rr.record()
		if !ok {
			return false
		}
		rr.skip(n)
		at = len(b) - rr.r.Buffered()
	}
	return at == cut
}
