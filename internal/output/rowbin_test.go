package output

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"testing"

	"github.com/mentor-cli/mentor/internal/dates"
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
