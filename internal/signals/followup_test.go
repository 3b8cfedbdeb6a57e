package signals

import (
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/plan"
)

// record writes a closure record closed on 2026-11-21 with the given
// transition and contact, and check-ins on the given days.
func record(t *testing.T, transition, contact string, checkins ...string) *closure.Record {
	t.Helper()
	var b strings.Builder
	b.WriteString("---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-01\nclosed: 2026-11-21\nreason: goals-met\n" +
		"final_meeting: 2026-11-20\ntransition: " + transition + "\n")
	if contact != "" {
		b.WriteString("contact: {" + contact + "}\n")
	}
	b.WriteString("goals: []\n---\n\n## Summary\n\nDone.\n")
	if len(checkins) > 0 {
		b.WriteString("\n## Check-ins\n")
		for _, c := range checkins {
			b.WriteString("\n### " + c + "\n\nTalked.\n")
		}
	}
	r := closure.Parse("pairs/ada--grace/closure.md", []byte(b.String()))
	if !r.Valid() || len(r.CheckInProblems) > 0 {
		t.Fatalf("test record has problems: %v\n%s", r.Problems, b.String())
	}
	return r
}

func closedPair(t *testing.T, rec *closure.Record) *pair.Pair {
	t.Helper()
	p := plan.Parse("pairs/ada--grace/plan.md", []byte("---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-01\nstatus: closed\n---\n\n## Goals\n\n- [x] Ship it\n"), plan.Options{})
	if !p.Valid() {
		t.Fatal(p.Problems)
	}
	return &pair.Pair{Ref: pair.Ref{ID: "ada--grace", Dir: "pairs/ada--grace"}, Plan: p, Closure: rec}
}

// TestFollowUpBoundaries checks follow-up-due the day before, on and the day
// after each due date: closed 2026-11-21, a cadence later (or a cadence
// after the last check-in), up to contact.until.
func TestFollowUpBoundaries(t *testing.T) {
	cases := []struct {
		name     string
		rec      func(t *testing.T) *closure.Record
		due      string // "" when no check-in is ever due
		lastFire bool   // whether it still fires the day after due (false when until is the due day)
	}{
		{"quarterly: 91 days after closing", func(t *testing.T) *closure.Record {
			return record(t, "informal", "channel: email, cadence: quarterly")
		}, "2027-02-20", true},
		{"yearly: 365 days after closing", func(t *testing.T) *closure.Record {
			return record(t, "informal", "channel: email, cadence: yearly")
		}, "2027-11-21", true},
		{"weekly", func(t *testing.T) *closure.Record {
			return record(t, "mentor", "channel: Slack, cadence: weekly")
		}, "2026-11-28", true},
		{"biweekly", func(t *testing.T) *closure.Record {
			return record(t, "rematch", "channel: Slack, cadence: biweekly")
		}, "2026-12-05", true},
		{"monthly: 30 days", func(t *testing.T) *closure.Record {
			return record(t, "informal", "channel: email, cadence: monthly")
		}, "2026-12-21", true},
		{"every 45 days", func(t *testing.T) *closure.Record {
			return record(t, "informal", "channel: email, cadence: every 45 days")
		}, "2027-01-05", true},
		{"every 6 weeks", func(t *testing.T) *closure.Record {
			return record(t, "informal", "channel: email, cadence: every 6 weeks")
		}, "2027-01-02", true},
		{"from the last check-in", func(t *testing.T) *closure.Record {
			return record(t, "informal", "channel: email, cadence: quarterly", "2027-02-25", "2027-01-10")
		}, "2027-05-27", true},
		{"a check-in before closing does not count", func(t *testing.T) *closure.Record {
			r := record(t, "informal", "channel: email, cadence: quarterly")
			r.CheckIns = append(r.CheckIns, closure.CheckIn{Date: dates.MustParse("2026-11-01")})
			return r
		}, "2027-02-20", true},
		{"due on contact.until still fires", func(t *testing.T) *closure.Record {
			return record(t, "informal", "channel: email, cadence: quarterly, until: 2027-02-20")
		}, "2027-02-20", true},
		{"due the day after contact.until: never", func(t *testing.T) *closure.Record {
			return record(t, "informal", "channel: email, cadence: quarterly, until: 2027-02-19")
		}, "", false},
		{"after the last check-in before until: none left", func(t *testing.T) *closure.Record {
			return record(t, "informal", "channel: email, cadence: quarterly, until: 2027-05-01", "2027-02-20")
		}, "", false},
		{"transition end: no check-ins", func(t *testing.T) *closure.Record {
			return record(t, "end", "channel: email, cadence: quarterly")
		}, "", false},
		{"a cadence mentor does not read", func(t *testing.T) *closure.Record {
			return record(t, "informal", "channel: email, cadence: when we feel like it")
		}, "", false},
		{"no cadence", func(t *testing.T) *closure.Record {
			return record(t, "informal", "channel: email")
		}, "", false},
	}
	cfg := config.Default()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := c.rec(t)
			p := closedPair(t, rec)
			f, ok := NextCheckIn(rec)
			if c.due == "" {
				if ok {
					t.Fatalf("NextCheckIn = %s, want none", f.Due)
				}
				for _, day := range []string{"2026-11-21", "2027-02-20", "2027-06-01", "2030-01-01"} {
					if j := Judge(p, cfg, dates.MustParse(day)); j.Has(FollowUpDue) || j.Verdict != Closed {
						t.Errorf("%s: %s %v", day, j.Verdict, j.Signals)
					}
				}
				return
			}
			due := dates.MustParse(c.due)
			if !ok || !f.Due.Equal(due) {
				t.Fatalf("NextCheckIn = %s %v, want %s", f.Due, ok, due)
			}
			for _, x := range []struct {
				day  dates.Date
				want bool
			}{{due.AddDays(-1), false}, {due, true}, {due.AddDays(1), c.lastFire}} {
				j := Judge(p, cfg, x.day)
				if j.Has(FollowUpDue) != x.want {
					t.Errorf("%s: follow-up-due %v, want %v (%v)", x.day, j.Has(FollowUpDue), x.want, j.Signals)
				}
				if j.Verdict != Closed || len(j.Signals) > 1 {
					t.Errorf("%s: verdict %s with %v: a closed pair stays closed, with follow-up-due at most", x.day, j.Verdict, j.Signals)
				}
			}
		})
	}
}

// The pair of the SPEC's story: informal, quarterly; due on the right day
// and not the day before; a check-in clears it until the next quarter.
func TestFollowUpClearedByCheckIn(t *testing.T) {
	cfg := config.Default()
	before := record(t, "informal", "channel: email, cadence: quarterly")
	day := dates.MustParse("2027-02-22")
	j := Judge(closedPair(t, before), cfg, day)
	if !j.Has(FollowUpDue) {
		t.Fatalf("not due on %s: %v", day, j.Signals)
	}
	msg := j.Signals[0].Message
	for _, want := range []string{"since 2027-02-20 (2 days ago)", "91 days after closing on 2026-11-21", "quarterly", "mentor close checkin ada--grace"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not say %q", msg, want)
		}
	}
	after := record(t, "informal", "channel: email, cadence: quarterly", "2027-02-22")
	if j := Judge(closedPair(t, after), cfg, day); j.Has(FollowUpDue) {
		t.Errorf("still due after the check-in: %v", j.Signals)
	}
	next := dates.MustParse("2027-05-24")
	if j := Judge(closedPair(t, after), cfg, next.AddDays(-1)); j.Has(FollowUpDue) {
		t.Errorf("due before the next quarter: %v", j.Signals)
	}
	j = Judge(closedPair(t, after), cfg, next)
	if !j.Has(FollowUpDue) || !strings.Contains(j.Signals[0].Message, "due today") || !strings.Contains(j.Signals[0].Message, "after the last check-in on 2027-02-22") {
		t.Errorf("next quarter: %v", j.Signals)
	}
}

// Only a closed pair gets follow-up-due, and JudgePlan, without the record,
// gives a closed plan no signal at all.
func TestFollowUpOnlyWhenClosed(t *testing.T) {
	rec := record(t, "informal", "channel: email, cadence: weekly")
	p := closedPair(t, rec)
	p.Plan.Status = plan.Closing
	day := dates.MustParse("2027-06-01")
	if j := Judge(p, config.Default(), day); j.Has(FollowUpDue) {
		t.Errorf("a closing pair: %v", j.Signals)
	}
	p.Plan.Status = plan.Closed
	if j := JudgePlan(p.Plan, config.Default(), day); len(j.Signals) > 0 || j.Verdict != Closed {
		t.Errorf("JudgePlan: %s %v", j.Verdict, j.Signals)
	}
	if _, ok := NextCheckIn(nil); ok {
		t.Error("no record, no check-in")
	}
}
