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
	"github.com/mentor-cli/mentor/internal/note"
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
	SignoffMissing    = "signoff-missing"
	SurveyInvalid     = "survey-invalid"
	// FinalReflectionMissing is the rule closure.require_final_reflection
	// turns on.
	FinalReflectionMissing = "final-reflection-missing"
	CheckInInvalid         = "checkin-invalid"
	ClosureWarning         = "closure-warning"
	PlanWarning            = "plan-warning"
	NoPairs                = "no-pairs"
)

// Rule describes one rule for people and for CI formats that list them.
type Rule struct {
	ID       string
	Severity diag.Severity
	Summary  string // one line: what the finding means
	Help     string // what to do about it
	// Detail says in full what the rule checks and why it matters, for
	// code scanning's rule descriptions.
	Detail string
}

// Rules are every rule verify applies, in the SPEC's order.
var Rules = []Rule{
	{PlanInvalid, diag.Error, "A plan cannot be read",
		"Fix plan.md at the line named: the front matter must be closed by ---, be valid YAML, and have mentor, mentee and a start date; every value must be valid.",
		"A pair's plan.md must have front matter that mentor can read: opened and closed by --- lines, valid YAML, with mentor, mentee and a start date, and every value valid. A plan that cannot be read cannot be judged, so the gate cannot tell whether the pair has ended."},
	{ClosureMissing, diag.Error, "A pair that has ended has no closure record",
		"The pair's plan has status: closed, or its planned end passed more than grace_days ago. Write the record with `mentor close record PAIR` and complete it with the pair.",
		"Every mentoring relationship that has ended is documented: when the plan's status is closed, or its planned end passed more than grace_days ago (--all: for every pair), its folder must hold a closure.md."},
	{ClosureInvalid, diag.Error, "A closure record's front matter is missing, malformed or incomplete",
		"closure.md needs front matter with mentor, mentee, start, closed, reason, final_meeting, transition and goals; replace every TODO with the pair's decision.",
		"A closure record's front matter says how the relationship ended: mentor, mentee, start, closed, reason, final_meeting, transition and the outcome of each goal. Each must be there, hold a valid value, and not be left as TODO."},
	{ClosureIncomplete, diag.Error, "A closure record lacks a required section, or still holds a TODO",
		"Add each required level-2 section (closure.required_sections in .mentor.yaml) and replace every TODO, in the sections and in the front matter, with what the pair has to say.",
		"A closure record is finished when each required section (closure.required_sections) is there with the pair's own words, and no TODO is left: not a TODO line in a required section, even one that mentor prefilled with facts, and not a TODO value anywhere in the front matter, such as contact.cadence: TODO."},
	{ClosureMismatch, diag.Error, "A closure record's mentor, mentee or start differs from the plan's",
		"Make mentor, mentee and start in closure.md the same as in plan.md.",
		"The closure record documents the relationship its folder's plan describes: its mentor, mentee and start must be the plan's."},
	{ContactMissing, diag.Error, "The pair stays in touch but the record does not say how",
		"When transition is not end, set contact.channel (and contact.cadence), or set transition: end.",
		"A pair whose transition is informal, rematch or mentor keeps in contact after closing; the record must say how (contact.channel), so that the promise can be kept."},
	{StatusStale, diag.Warning, "A closure record exists but the plan is still active",
		"mentor close record sets the plan's status to closing; once the record is complete, close the pair with `mentor close done PAIR`.",
		"A pair with a closure record is ending or has ended: its plan's status should be closing while the record is being completed, and closed once it is. An active plan beside a record is a status nobody updated."},
	{ClosureOrphan, diag.Error, "A closure record is in a folder without a plan",
		"Put closure.md in the pair folder that holds its plan.md, or restore the plan.",
		"A closure record belongs beside the plan of the relationship it closes; without the plan it cannot be checked against it."},
	{PlanWarning, diag.Warning, "A plan can be read, but not as its writers meant",
		"Fix plan.md at the line named: rename the section, move the meeting heading under ## Meetings, or fix the date, as the message says.",
		"A renamed section (## Meeting notes, ## Goal), a dated heading outside ## Meetings, a plan without goals or a meeting dated outside the relationship makes mentor judge the pair on less than the plan says. Each is a warning, as check shows it; plans that cannot be read get plan-invalid instead."},
	{NoPairs, diag.Error, "No pair was found",
		"Check --repo and pairs_dir in .mentor.yaml: the message names the repo root mentor used and how it found it. Pass --allow-empty when an empty programme is expected.",
		"A gate that checks nothing passes nothing: verify fails when it finds no pair, so that a wrong --repo, pairs_dir or working folder does not pass unnoticed."},
	{SignoffMissing, diag.Error, "A complete closure record lacks a signature it needs",
		"Each side signs the finished record with `mentor close sign PAIR --as mentor|mentee`; when one side cannot be reached (unreachable: mentor|mentee), the other side and the programme (--as program) sign. closure.require_signoff (both, one, none) says whose signatures are needed.",
		"A closure record is the pair's shared account of how the relationship ended; each side's signature shows they agree with it. closure.require_signoff says whose signatures a finished record needs, and a side that could not be reached is replaced by the programme's."},
	{SurveyInvalid, diag.Error, "A closure survey cannot be read or its answers do not fit the questions",
		"Fix the survey file at the line named: every answer must fit its question's scale, name a question of survey.questions, and every required question needs an answer. An encrypted survey is checked in full only with --identity; a damaged one must be answered again.",
		"Each side's closure survey feeds the programme's satisfaction figures; an answer outside its scale, a question the survey does not have, or a required answer left out would skew them or leave a response uncounted."},
	{FinalReflectionMissing, diag.Error, "A closed pair lacks a final reflection the programme requires",
		"With closure.require_final_reflection: mentee (or both) in .mentor.yaml, a pair with a closure record needs a final reflection note from the mentee (and the mentor): write it with `mentor close note PAIR --as SIDE --final`. A side the record marks unreachable is not asked.",
		"Some programmes ask each side, or the mentee, to write a final reflection before the debrief (note --final); closure.require_final_reflection turns this rule on, and a side the record marks unreachable is not asked."},
	{CheckInInvalid, diag.Warning, "A check-in in the Check-ins section cannot be counted",
		"Start each level-3 heading of the Check-ins section with the check-in's date, on or after the closed date, such as ### 2027-02-20 (mentor close checkin PAIR writes it so).",
		"After a pair closes and stays in touch, each check-in is a level-3 heading under ## Check-ins in closure.md, starting with its date; one mentor cannot date is not counted, so follow-up-due may fire although the pair did meet."},
	{ClosureWarning, diag.Warning, "A closure record can be read, but not as its writers meant",
		"Fix closure.md at the line named, as the message says: a key spelt almost like one mentor knows, a final meeting dated after closing, lists nested too deep to read.",
		"A closure record whose key is misspelt (reasn:), whose final meeting comes after the closing day, or whose lists nest deeper than mentor reads is checked on less than it says. Each is a warning; what makes a record unusable is closure-invalid instead."},
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
	Line     int           `json:"line"` // 1 when about the file as a whole
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

// NewFinding makes a finding of a rule; a finding about a whole file is on
// its line 1, in every format.
func NewFinding(rule, file string, line int, format string, args ...any) Finding {
	r, _ := RuleByID(rule)
	return Finding{File: file, Line: orOne(line), Rule: rule, Severity: r.Severity, Message: fmt.Sprintf(format, args...)}
}

func find(rule, file string, line int, format string, args ...any) Finding {
	return NewFinding(rule, file, line, format, args...)
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
		if planOK {
			for _, pr := range p.PlanProblems() {
				if pr.Severity == diag.Warning {
					add(find(PlanWarning, pr.File, pr.Line, "%s", pr.Message))
				}
			}
		}
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

	out = append(out, surveys(p, opt)...)

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
		case s.TODO > 0:
			add(find(ClosureIncomplete, file, s.TODO,
				"section %q still has a TODO line: replace it with what the pair has to say", s.Heading))
		}
	}
	if pl != nil {
		out = append(out, mismatches(pl, rec, file)...)
	}
	checkIn := map[diag.Problem]bool{}
	for _, pr := range rec.CheckInProblems {
		checkIn[pr] = true
		add(find(CheckInInvalid, file, orOne(pr.Line), "%s", pr.Message))
	}
	for _, pr := range rec.Problems {
		if pr.Severity == diag.Warning && !checkIn[pr] {
			add(find(ClosureWarning, file, orOne(pr.Line), "%s", pr.Message))
		}
	}
	if rec.Transition != "" && rec.Transition != "end" && rec.Contact.Channel == "" {
		add(find(ContactMissing, file, orOne(rec.Contact.Line),
			"transition is %s but contact.channel is empty: say how you will stay in touch (for example contact: {channel: email, cadence: quarterly}), or set transition: end", rec.Transition))
	}
	// A TODO value that no other finding names: "0 errors" means finished.
	named := map[int]bool{}
	for _, f := range out {
		if f.File == file && f.Severity == diag.Error {
			named[f.Line] = true
		}
	}
	for _, t := range rec.TODOs {
		if !named[t.Line] {
			add(find(ClosureIncomplete, file, t.Line,
				"%s is still TODO: write what the pair decided, or remove the key if it does not apply", t.Key))
		}
	}
	out = append(out, finalReflections(p, rec, file, opt.Config.RequireFinalReflection)...)
	// A signature is asked for only once nothing else is wrong with the
	// record: people sign what is finished.
	complete := true
	for _, f := range out {
		if f.File == file && f.Severity == diag.Error {
			complete = false
		}
	}
	if complete {
		out = append(out, signoffs(p, rec, opt)...)
	}
	return out
}

// finalReflections finds the sides that closure.require_final_reflection
// asks a final reflection of and that have none among the pair's notes. The
// side that could not be reached is not asked.
func finalReflections(p *pair.Pair, rec *closure.Record, file, require string) []Finding {
	var sides []string
	switch require {
	case "mentee":
		sides = []string{"mentee"}
	case "both":
		sides = []string{"mentee", "mentor"}
	}
	var out []Finding
	for _, side := range sides {
		if side == rec.Unreachable || hasFinalReflection(p.Notes, side) {
			continue
		}
		out = append(out, find(FinalReflectionMissing, file, 1,
			"no final reflection by the %s (closure.require_final_reflection: %s): write one with mentor close note %s --as %s --final",
			side, require, p.ID, side))
	}
	return out
}

func hasFinalReflection(notes []note.Note, side string) bool {
	for _, n := range notes {
		if n.Kind == note.FinalReflection && n.Side == side && n.Problem == nil {
			return true
		}
	}
	return false
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
