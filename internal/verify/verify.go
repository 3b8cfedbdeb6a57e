// Package verify is the CI gate: from the parsed plans and closure records of
// a programme, its config and today, it finds every pair that has ended
// without a complete closure record, and every record that does not match
// its plan. It is pure: the caller reads the files.
package verify

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/signals"
)

// Rule ids, as in the SPEC.
const (
	PlanInvalid       = "plan-invalid"
	ClosureMissing    = "closure-missing"
	ClosureInvalid    = "closure-invalid"
	ClosureIncomplete = "closure-incomplete"
	ClosureMismatch   = "closure-mismatch"
	ContactMissing    = "contact-missing"
	StatusStale       = "status-stale"
	ClosureOrphan     = "closure-orphan"
)

// Rule describes one rule for people and for CI formats that list them.
type Rule struct {
	ID       string
	Severity diag.Severity
	Summary  string // one line: what the finding means
	Help     string // what to do about it
}

// Rules are every rule verify applies, in the SPEC's order.
var Rules = []Rule{
	{PlanInvalid, diag.Error, "A plan cannot be read",
		"Fix plan.md at the line named: the front matter must be closed by ---, be valid YAML, and have mentor, mentee and a start date; every value must be valid."},
	{ClosureMissing, diag.Error, "A pair that has ended has no closure record",
		"The pair's plan has status: closed, or its planned end passed more than grace_days ago. Write the record with `mentor close record PAIR` and complete it with the pair."},
	{ClosureInvalid, diag.Error, "A closure record's front matter is missing, malformed or incomplete",
		"closure.md needs front matter with mentor, mentee, start, closed, reason, final_meeting, transition and goals; replace every TODO with the pair's decision."},
	{ClosureIncomplete, diag.Error, "A closure record lacks a required section, or one holds nothing but TODO",
		"Add each required level-2 section (closure.required_sections in .mentor.yaml) and replace its TODO lines with what the pair has to say."},
	{ClosureMismatch, diag.Error, "A closure record's mentor, mentee or start differs from the plan's",
		"Make mentor, mentee and start in closure.md the same as in plan.md."},
	{ContactMissing, diag.Error, "The pair stays in touch but the record does not say how",
		"When transition is not end, set contact.channel (and contact.cadence), or set transition: end."},
	{StatusStale, diag.Warning, "A closure record exists but the plan is still active",
		"mentor close record sets the plan's status to closing; once the record is complete, close the pair with `mentor close done PAIR`."},
	{ClosureOrphan, diag.Error, "A closure record is in a folder without a plan",
		"Put closure.md in the pair folder that holds its plan.md, or restore the plan."},
}

// RuleByID returns the rule with the id; ok is false for an unknown id.
func RuleByID(id string) (Rule, bool) {
	for _, r := range Rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// Finding is one thing CI should fail (error) or flag (warning) on.
type Finding struct {
	File     string        `json:"file"`
	Line     int           `json:"line"` // 0 when about the file as a whole
	Rule     string        `json:"rule"`
	Severity diag.Severity `json:"severity"`
	Message  string        `json:"message"`
}

// Options say what to require.
type Options struct {
	Config config.Config
	Today  dates.Date
	// All requires a closure record for every pair, ended or not.
	All bool
}

// Check applies every rule to one pair and returns its findings sorted by
// file, then line.
func Check(p *pair.Pair, opt Options) []Finding {
	out := checkPair(p, opt)
	Sort(out)
	return out
}

// Sort orders findings by file, then line, keeping the order of equals.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].File != fs[j].File {
			return fs[i].File < fs[j].File
		}
		return fs[i].Line < fs[j].Line
	})
}

// Count returns the number of errors and warnings.
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		if f.Severity == diag.Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

func find(rule, file string, line int, format string, args ...any) Finding {
	r, _ := RuleByID(rule)
	return Finding{File: file, Line: line, Rule: rule, Severity: r.Severity, Message: fmt.Sprintf(format, args...)}
}

func orOne(line int) int {
	if line <= 0 {
		return 1
	}
	return line
}

func checkPair(p *pair.Pair, opt Options) []Finding {
	var out []Finding
	add := func(f Finding) { out = append(out, f) }

	// The plan.
	pl := p.Plan
	planOK := false
	switch {
	case p.Problem != nil:
		add(find(PlanInvalid, p.Problem.File, orOne(p.Problem.Line), "%s", p.Problem.Message))
	case !p.PlanRead.Exists && p.HasClosure():
		// The record is judged once it is beside its plan: until then
		// its other findings would only be noise.
		return []Finding{find(ClosureOrphan, p.ClosureFile(), 1,
			"closure record without a plan: %s has no plan.md; move closure.md to its pair's folder or restore the plan", p.Dir)}
	case !p.PlanRead.Exists:
		add(find(PlanInvalid, p.PlanFile(), 1, "%s", pair.NoPlanMessage))
	case p.PlanRead.Problem != nil:
		add(find(PlanInvalid, p.PlanRead.Problem.File, orOne(p.PlanRead.Problem.Line), "%s", p.PlanRead.Problem.Message))
	case pl != nil:
		for _, pr := range pl.Problems {
			if pr.Severity == diag.Error {
				add(find(PlanInvalid, pr.File, pr.Line, "%s", pr.Message))
			}
		}
		planOK = pl.Valid()
	}

	// Whether a closure record is due.
	if planOK && !p.HasClosure() {
		if due, line, why := closureDue(pl, opt); due {
			add(find(ClosureMissing, pl.File, line,
				"no closure record, but %s: write one with mentor close record %s and complete it with the pair", why, p.ID))
		}
	}
	// closing is what a pair is while its record is completed: only an
	// active plan beside a record is stale.
	if planOK && p.HasClosure() && pl.Status == plan.Active {
		add(find(StatusStale, pl.File, orOne(pl.Lines.Status),
			"%s exists but the plan's status is %s: once the record is complete, close the pair with mentor close done %s", p.ClosureFile(), pl.Status, p.ID))
	}

	// The closure record.
	if !p.HasClosure() || p.Problem != nil {
		return out
	}
	file := p.ClosureFile()
	if cp := p.ClosureRead.Problem; cp != nil {
		add(find(ClosureInvalid, file, orOne(cp.Line), "%s", cp.Message))
		return out
	}
	rec := p.Closure
	if rec == nil {
		return out
	}
	for _, pr := range rec.Problems {
		if pr.Severity == diag.Error {
			add(find(ClosureInvalid, file, orOne(pr.Line), "%s", pr.Message))
		}
	}
	for _, name := range opt.Config.RequiredSections {
		s := rec.FindSection(name)
		switch {
		case s == nil:
			add(find(ClosureIncomplete, file, 1,
				"section %q is missing: add a heading \"## %s\" and write it with the pair", name, name))
		case s.Empty:
			add(find(ClosureIncomplete, file, s.Line,
				"section %q holds nothing but TODO: write it with the pair", s.Heading))
		}
	}
	if pl != nil {
		out = append(out, mismatches(pl, rec, file)...)
	}
	if rec.Transition != "" && rec.Transition != "end" && rec.Contact.Channel == "" {
		add(find(ContactMissing, file, orOne(rec.Contact.Line),
			"transition is %s but contact.channel is empty: say how you will stay in touch (for example contact: {channel: email, cadence: quarterly}), or set transition: end", rec.Transition))
	}
	return out
}

// closureDue tells whether the pair needs a closure record, the plan line
// that says so, and why.
func closureDue(pl *plan.Plan, opt Options) (bool, int, string) {
	grace := opt.Config.Thresholds.GraceDays
	switch {
	case pl.Status == plan.Closed:
		return true, orOne(pl.Lines.Status), "the pair has ended (status: closed)"
	case signals.EndedByDate(pl, opt.Config, opt.Today):
		return true, orOne(pl.Lines.End), fmt.Sprintf("the pair has ended (planned end %s passed more than %s ago)", pl.End, days(grace))
	case opt.All:
		line := pl.Lines.Status
		if line == 0 {
			line = pl.Lines.End
		}
		return true, orOne(line), "--all requires one for every pair"
	}
	return false, 0, ""
}

func days(n int) string {
	if n == 1 {
		return "1 day"
	}
	return strconv.Itoa(n) + " days"
}

func mismatches(pl *plan.Plan, rec *closure.Record, file string) []Finding {
	var out []Finding
	name := func(key, got, want string, line, planLine int) {
		if got != "" && want != "" && norm(got) != norm(want) {
			out = append(out, find(ClosureMismatch, file, orOne(line),
				"%s %q differs from the plan's %q (%s:%d): make them the same", key, got, want, pl.File, planLine))
		}
	}
	name("mentor", rec.Mentor, pl.Mentor, rec.Lines.Mentor, pl.Lines.Mentor)
	name("mentee", rec.Mentee, pl.Mentee, rec.Lines.Mentee, pl.Lines.Mentee)
	if !rec.Start.IsZero() && !pl.Start.IsZero() && !rec.Start.Equal(pl.Start) {
		out = append(out, find(ClosureMismatch, file, orOne(rec.Lines.Start),
			"start %s differs from the plan's %s (%s:%d): make them the same", rec.Start, pl.Start, pl.File, pl.Lines.Start))
	}
	return out
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }
