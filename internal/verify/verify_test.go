package verify

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/plan"
)

const planSrc = `---
mentor: Ada Lovelace
mentee: Grace Hopper
start: 2026-01-15
end: 2026-07-15
status: %s
---
`

const recordSrc = `---
mentor: Ada Lovelace
mentee: Grace Hopper
start: 2026-01-15
closed: 2026-07-20
reason: end-of-term
final_meeting: 2026-07-20
transition: informal
contact:
  channel: email
  cadence: quarterly
goals:
  - title: Give a talk
    outcome: met
signed_off:
  mentor: 2026-07-20
  mentee: 2026-07-21
---
## Summary
Done.
## Thanks
Thank you.
`

func mkpair(status string, record string) *pair.Pair {
	p := &pair.Pair{Ref: pair.Ref{ID: "ada--grace", Dir: "pairs/ada--grace"}, PlanRead: pair.Read{Exists: true}}
	p.Plan = plan.Parse(p.PlanFile(), []byte(fmt.Sprintf(planSrc, status)), plan.Options{FrontMatterOnly: true})
	if record != "" {
		p.ClosureRead.Exists = true
		p.Closure = closure.Parse(p.ClosureFile(), []byte(record))
	}
	return p
}

func checkAll(ps []*pair.Pair, opt Options) []Finding {
	var out []Finding
	for _, p := range ps {
		out = append(out, Check(p, opt)...)
	}
	Sort(out)
	return out
}

func opts(today string) Options {
	cfg := config.Default()
	cfg.RequiredSections = []string{"Summary", "Thanks"}
	return Options{Config: cfg, Today: dates.MustParse(today)}
}

func TestRules(t *testing.T) {
	tests := []struct {
		name  string
		p     *pair.Pair
		opt   Options
		want  string // rule@file:line, joined by spaces; "" for no findings
		inMsg string
	}{
		{"complete record", mkpair("closed", recordSrc), opts("2026-11-21"), "", ""},
		{"active, not ended", mkpair("active", ""), opts("2026-07-29"), "", ""},
		{"end + grace not yet passed", mkpair("active", ""), opts("2026-07-29"), "", ""},
		{"end + grace passed", mkpair("active", ""), opts("2026-07-30"),
			"closure-missing@plan.md:5", "planned end 2026-07-15 passed more than 14 days ago"},
		{"closed without record", mkpair("closed", ""), opts("2026-02-01"),
			"closure-missing@plan.md:6", "status: closed"},
		{"--all", mkpair("active", ""), Options{Config: opts("2026-02-01").Config, Today: dates.MustParse("2026-02-01"), All: true},
			"closure-missing@plan.md:6", "--all"},
		{"record but plan still active", mkpair("active", recordSrc), opts("2026-11-21"),
			"status-stale@plan.md:6", "status is active"},
		{"record being completed", mkpair("closing", recordSrc), opts("2026-11-21"), "", ""},
		{"a misspelt key in the record", mkpair("closed", strings.Replace(recordSrc, "transition: informal", "transition: informal\ninitated_by: both", 1)), opts("2026-11-21"),
			"closure-warning@closure.md:9", `unknown key "initated_by": did you mean "initiated_by"?`},
		{"final meeting after closing", mkpair("closed", strings.Replace(recordSrc, "final_meeting: 2026-07-20", "final_meeting: 2026-07-25", 1)), opts("2026-11-21"),
			"closure-warning@closure.md:7", "final_meeting 2026-07-25 is after closed 2026-07-20"},
		{"TODO line beside prefilled facts", mkpair("closed", strings.Replace(recordSrc, "Done.", "We met twelve times.\n\nTODO: why it ended", 1)), opts("2026-11-21"),
			"closure-incomplete@closure.md:22", `section "Summary" still has a TODO line`},
		{"TODO line in a section that is not required", mkpair("closed", recordSrc+"## Notes\nTODO\n"), opts("2026-11-21"), "", ""},
		{"TODO value in the front matter", mkpair("closed", strings.Replace(recordSrc, "cadence: quarterly", "cadence: TODO  # monthly?", 1)), opts("2026-11-21"),
			"closure-incomplete@closure.md:11", "contact.cadence is still TODO"},
		{"TODO value already an error", mkpair("closed", strings.Replace(recordSrc, "outcome: met", "outcome: TODO", 1)), opts("2026-11-21"),
			"closure-invalid@closure.md:14", `outcome of goal "Give a talk" is still TODO`},
		{"TODO channel is contact-missing alone", mkpair("closed", strings.Replace(recordSrc, "channel: email", "channel: TODO", 1)), opts("2026-11-21"),
			"contact-missing@closure.md:10", "contact.channel is empty"},
		{"invalid record", mkpair("closed", strings.Replace(recordSrc, "reason: end-of-term", "reason: TODO", 1)), opts("2026-11-21"),
			"closure-invalid@closure.md:6", "still TODO"},
		{"record without front matter", mkpair("closed", "## Summary\nDone.\n## Thanks\nYes.\n"), opts("2026-11-21"),
			"closure-invalid@closure.md:1", "no front matter"},
		{"section missing", mkpair("closed", strings.Replace(recordSrc, "## Thanks\nThank you.\n", "", 1)), opts("2026-11-21"),
			"closure-incomplete@closure.md:1", `"Thanks" is missing`},
		{"section empty", mkpair("closed", strings.Replace(recordSrc, "Thank you.", "<!-- say thanks -->\nTODO", 1)), opts("2026-11-21"),
			"closure-incomplete@closure.md:21", `"Thanks" holds nothing but TODO`},
		{"mentee differs", mkpair("closed", strings.Replace(recordSrc, "mentee: Grace Hopper", "mentee: Grace  Hoper", 1)), opts("2026-11-21"),
			"closure-mismatch@closure.md:3", `"Grace  Hoper" differs from the plan's "Grace Hopper" (pairs/ada--grace/plan.md:3)`},
		{"names differ only in spacing", mkpair("closed", strings.Replace(recordSrc, "mentee: Grace Hopper", "mentee: Grace   Hopper", 1)), opts("2026-11-21"), "", ""},
		{"start differs", mkpair("closed", strings.Replace(recordSrc, "start: 2026-01-15", "start: 2026-01-16", 1)), opts("2026-11-21"),
			"closure-mismatch@closure.md:4", "start 2026-01-16 differs from the plan's 2026-01-15"},
		{"contact missing", mkpair("closed", strings.Replace(recordSrc, "  channel: email\n", "", 1)), opts("2026-11-21"),
			"contact-missing@closure.md:9", "transition is informal"},
		{"no contact key", mkpair("closed", strings.Replace(recordSrc, "contact:\n  channel: email\n  cadence: quarterly\n", "", 1)), opts("2026-11-21"),
			"contact-missing@closure.md:1", "contact.channel is empty"},
		{"a malformed check-in heading", mkpair("closed", recordSrc+"## Check-ins\n### 2027-02-20\nCoffee.\n### Spring catch-up\n"), opts("2026-11-21"),
			"checkin-invalid@closure.md:26", `check-in heading "Spring catch-up" does not start with a date`},
		{"check-ins well formed", mkpair("closed", recordSrc+"## Check-ins\n### 2027-02-20\nCoffee.\n"), opts("2026-11-21"), "", ""},
		{"contact not needed at end", mkpair("closed", strings.Replace(strings.Replace(recordSrc, "transition: informal", "transition: end", 1), "  channel: email\n", "", 1)), opts("2026-11-21"), "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Check(tt.p, tt.opt)
			var got []string
			for _, f := range fs {
				got = append(got, fmt.Sprintf("%s@%s:%d", f.Rule, f.File[strings.LastIndex(f.File, "/")+1:], f.Line))
			}
			if strings.Join(got, " ") != tt.want {
				t.Fatalf("findings %v, want %s\n%v", got, tt.want, fs)
			}
			if tt.inMsg != "" && !strings.Contains(fs[0].Message, tt.inMsg) {
				t.Errorf("message %q does not contain %q", fs[0].Message, tt.inMsg)
			}
			for _, f := range fs {
				r, ok := RuleByID(f.Rule)
				if !ok || f.Severity != r.Severity {
					t.Errorf("finding %v has the wrong severity", f)
				}
			}
		})
	}
}

func TestPlanProblemsAndOrphans(t *testing.T) {
	bad := &pair.Pair{Ref: pair.Ref{ID: "bad", Dir: "pairs/bad"}, PlanRead: pair.Read{Exists: true}}
	bad.Plan = plan.Parse(bad.PlanFile(), []byte("---\nmentor: A\nstart: 2026-02-30\nedn: 2026-03-01\n---\n"), plan.Options{FrontMatterOnly: true})
	big := &pair.Pair{Ref: pair.Ref{ID: "big", Dir: "pairs/big"},
		PlanRead: pair.Read{Exists: true, Problem: &diag.Problem{File: "pairs/big/plan.md", Line: 1, Severity: diag.Error, Message: "file is over the 1 MiB limit"}}}
	orphan := &pair.Pair{Ref: pair.Ref{ID: "orphan", Dir: "pairs/orphan"}, ClosureRead: pair.Read{Exists: true}}
	orphan.Closure = closure.Parse(orphan.ClosureFile(), []byte(recordSrc))
	empty := &pair.Pair{Ref: pair.Ref{ID: "empty", Dir: "pairs/empty"}}
	fs := checkAll([]*pair.Pair{orphan, big, bad, empty}, opts("2026-11-21"))
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%s:%d %s %s", f.File, f.Line, f.Rule, f.Severity))
	}
	want := []string{
		"pairs/bad/plan.md:1 plan-invalid error",   // mentee missing
		"pairs/bad/plan.md:3 plan-invalid error",   // bad start; the edn warning is not a finding
		"pairs/big/plan.md:1 plan-invalid error",   // could not be read
		"pairs/empty/plan.md:1 plan-invalid error", // no plan at all
		"pairs/orphan/closure.md:1 closure-orphan error",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if e, w := Count(fs); e != 5 || w != 0 {
		t.Errorf("count %d %d", e, w)
	}
}

// Every rule has metadata, and only status-stale, plan-warning, closure-warning and
// checkin-invalid are warnings.
func TestRuleTable(t *testing.T) {
	if len(Rules) != 15 {
		t.Fatalf("%d rules", len(Rules))
	}
	for _, r := range Rules {
		if r.Summary == "" || r.Help == "" || r.Detail == "" {
			t.Errorf("%s lacks text", r.ID)
		}
		if (r.Severity == diag.Warning) != (r.ID == StatusStale || r.ID == PlanWarning || r.ID == CheckInInvalid || r.ID == ClosureWarning) {
			t.Errorf("%s is a %s", r.ID, r.Severity)
		}
	}
}

// verify reports the plan's warnings as plan-warning, on the plan's lines,
// with the meetings dated after the record's closed date; a plan that
// cannot be read gets plan-invalid only.
func TestPlanWarnings(t *testing.T) {
	body := "\n## Goals\n\n- [x] Give a talk\n\n## Meeting notes\n\n## Meetings\n\n### 2026-07-10 Wrap-up\n\n### 2026-07-25 Coffee\n"
	mk := func(front string, record string) *pair.Pair {
		p := &pair.Pair{Ref: pair.Ref{ID: "ada--grace", Dir: "pairs/ada--grace"}, PlanRead: pair.Read{Exists: true}}
		p.Plan = plan.Parse(p.PlanFile(), []byte(front+body), plan.Options{})
		if record != "" {
			p.ClosureRead.Exists = true
			p.Closure = closure.Parse(p.ClosureFile(), []byte(record))
		}
		return p
	}
	fs := Check(mk(fmt.Sprintf(planSrc, "closed"), recordSrc), opts("2026-11-21"))
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%s@%s:%d %s", f.Rule, f.File, f.Line, f.Severity))
	}
	want := "plan-warning@pairs/ada--grace/plan.md:13 warning plan-warning@pairs/ada--grace/plan.md:19 warning"
	if strings.Join(got, " ") != want {
		t.Fatalf("got %v, want %s\n%v", got, want, fs)
	}
	if !strings.Contains(fs[0].Message, `did you mean "## Meetings"?`) || !strings.Contains(fs[1].Message, "after the relationship closed on 2026-07-20") {
		t.Errorf("messages: %v", fs)
	}
	bad := mk(strings.Replace(fmt.Sprintf(planSrc, "closed"), "start: 2026-01-15", "start: 2026-02-30", 1), recordSrc)
	for _, f := range Check(bad, opts("2026-11-21")) {
		if f.Rule == PlanWarning {
			t.Errorf("an invalid plan gets no plan-warning: %v", f)
		}
	}
}

// Every finding is on a line of its file, 1 for the file as a whole.
func TestWholeFileFindingsAreOnLineOne(t *testing.T) {
	f := NewFinding(ClosureMissing, "pairs/a/plan.md", 0, "x")
	if f.Line != 1 || f.Severity != diag.Error {
		t.Errorf("finding %+v", f)
	}
}
