package render

import (
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/signals"
)

func TestProposeReason(t *testing.T) {
	for _, tc := range []struct {
		signals []string
		reason  string
	}{
		{nil, "TODO"},
		{[]string{signals.EndNear}, "TODO"},
		{[]string{signals.GoalsMet}, "goals-met"},
		{[]string{signals.EndReached}, "end-of-term"},
		{[]string{signals.Stalled}, "stalled"},
		{[]string{signals.Commitment}, "commitment"},
		{[]string{signals.Unproductive}, "unproductive"},
		{[]string{signals.NoProgress}, "no-progress"},
		// A planned ending wins over a sign of drift, goals over the calendar.
		{[]string{signals.EndReached, signals.GoalsMet, signals.Stalled}, "goals-met"},
		{[]string{signals.NoProgress, signals.EndReached}, "end-of-term"},
		{[]string{signals.NoProgress, signals.Unproductive, signals.Stalled}, "stalled"},
	} {
		var sigs []signals.Signal
		for _, id := range tc.signals {
			sigs = append(sigs, signals.Signal{ID: id})
		}
		got, sig := ProposeReason(sigs)
		if got != tc.reason {
			t.Errorf("ProposeReason(%v) = %q, want %q", tc.signals, got, tc.reason)
		}
		if (got == TODO) != (sig == "") {
			t.Errorf("ProposeReason(%v) signal = %q with reason %q", tc.signals, sig, got)
		}
		if got != TODO && !contains(Reasons, got) {
			t.Errorf("proposed reason %q is not an allowed value", got)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestSpan(t *testing.T) {
	for _, tc := range []struct {
		start, date  string
		days, months int
		span         string
	}{
		{"2026-05-04", "2026-11-24", 204, 6, "6 months"},
		{"2026-01-31", "2026-02-28", 28, 0, "4 weeks"},
		{"2026-01-31", "2026-03-01", 29, 1, "1 month"},
		{"2026-03-01", "2026-03-14", 13, 0, "13 days"},
		{"2026-03-01", "2026-03-02", 1, 0, "1 day"},
		{"2026-03-01", "2026-03-01", 0, 0, "0 days"},
		{"2026-03-01", "2026-02-01", 0, 0, ""},
	} {
		d := Data{Start: dates.MustParse(tc.start), Date: dates.MustParse(tc.date)}
		d.SetSpan()
		if d.SpanDays != tc.days || d.SpanMonths != tc.months || d.Span != tc.span {
			t.Errorf("%s..%s: %d days, %d months, %q; want %d, %d, %q", tc.start, tc.date,
				d.SpanDays, d.SpanMonths, d.Span, tc.days, tc.months, tc.span)
		}
	}
}

func TestNewData(t *testing.T) {
	src := `---
mentor: Ada
mentee: Grace
start: 2026-01-05
---
## Goals
- [x] Talk
  - 2026-02-01: outline
  - undated idea
- [ ] Review
- [ ] ~~Rust~~ (dropped: not needed)

## Meetings
### 2026-01-10 Kickoff
### 2026-01-24 cancelled by mentee
### 2026-02-07 no-show mentor
### 2026-02-21 Chat unproductive
### 2026-12-01 Future
`
	today := dates.MustParse("2026-03-01")
	p := &pair.Pair{Ref: pair.Ref{ID: "ada--grace", Dir: "pairs/ada--grace"}, PlanRead: pair.Read{Exists: true}}
	p.Plan = plan.Parse("plan.md", []byte(src), plan.Options{})
	cfg := config.Default()
	j := signals.Judge(p, cfg, today)
	d := NewData(p, j, cfg, today, dates.Date{})
	if !d.Date.Equal(today) {
		t.Errorf("Date = %s, want today", d.Date)
	}
	if len(d.Goals) != 3 || len(d.GoalsMet) != 1 || len(d.GoalsOpen) != 1 || len(d.GoalsDropped) != 1 {
		t.Fatalf("goals: %d all, %d met, %d open, %d dropped", len(d.Goals), len(d.GoalsMet), len(d.GoalsOpen), len(d.GoalsDropped))
	}
	var outcomes []string
	for _, g := range d.Goals {
		outcomes = append(outcomes, g.Outcome)
	}
	if got := strings.Join(outcomes, ","); got != "met,TODO,dropped" {
		t.Errorf("outcomes = %s", got)
	}
	if g := d.GoalsMet[0]; len(g.Notes) != 2 || len(g.Dated) != 1 || g.Dated[0].Text != "outline" {
		t.Errorf("met goal notes = %+v, dated = %+v", g.Notes, g.Dated)
	}
	if d.Held != 2 || d.Cancelled != 1 || d.NoShow != 1 || d.Missed != 2 || d.Unproductive != 1 {
		t.Errorf("counts: held %d cancelled %d no-show %d missed %d unproductive %d", d.Held, d.Cancelled, d.NoShow, d.Missed, d.Unproductive)
	}
	if len(d.Meetings) != 4 {
		t.Errorf("meetings up to today = %d, want 4 (the one after today left out)", len(d.Meetings))
	}
	if d.FinalMeeting != "2026-02-21" || d.Cadence != "biweekly" || d.CadenceDays != 14 || d.Status != "active" {
		t.Errorf("final %s, cadence %s/%d, status %s", d.FinalMeeting, d.Cadence, d.CadenceDays, d.Status)
	}
	if d.Transition != TODO || d.InitiatedBy != TODO || len(d.Sections) != len(config.DefaultSections) {
		t.Errorf("transition %s, initiated_by %s, sections %v", d.Transition, d.InitiatedBy, d.Sections)
	}
	if d.Unplanned != (d.Verdict == string(signals.ConsiderClosing)) {
		t.Errorf("Unplanned %v with verdict %s", d.Unplanned, d.Verdict)
	}

	empty := &pair.Pair{Ref: pair.Ref{ID: "a--b", Dir: "pairs/a--b"}, PlanRead: pair.Read{Exists: true}}
	empty.Plan = plan.Parse("plan.md", []byte("---\nmentor: A\nmentee: B\nstart: 2026-01-05\n---\n"), plan.Options{})
	d = NewData(empty, signals.Judge(empty, cfg, today), cfg, today, dates.Date{})
	if d.FinalMeeting != "none" || !d.LastHeld.IsZero() {
		t.Errorf("no meetings: FinalMeeting %q", d.FinalMeeting)
	}
}
