// Package pair is the pure model of one mentoring pair: what its folder
// holds — the plan, the closure record, the reflection notes — as parsed,
// with what could not be read. It does no I/O: package load fills it, and
// every command, judgement and output works from it.
package pair

import (
	"sort"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/note"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/survey"
)

// The files of a pair folder.
const (
	PlanFile    = "plan.md"
	ClosureFile = "closure.md"
	AgendaFile  = "agenda.md"
)

// Ref names one pair folder.
type Ref struct {
	ID      string        // the folder name
	Dir     string        // repo-relative folder, with /
	Problem *diag.Problem // set when the folder itself cannot be used
}

// File is a file in the pair folder, repo-relative.
func (r Ref) File(name string) string { return r.Dir + "/" + name }

// PlanFile is the pair's plan.md, repo-relative.
func (r Ref) PlanFile() string { return r.File(PlanFile) }

// ClosureFile is the pair's closure.md, repo-relative.
func (r Ref) ClosureFile() string { return r.File(ClosureFile) }

// Read is what became of reading one file.
type Read struct {
	Exists  bool          // the file is there (it may still not be readable)
	Problem *diag.Problem // why an existing file could not be read
}

// Pair is one pair as read from its folder.
type Pair struct {
	Ref

	// Plan is the parsed plan.md; nil when it is absent, unreadable, or
	// was not asked for.
	Plan     *plan.Plan
	PlanRead Read

	// Closure is the parsed closure.md; nil when there is none or it could
	// not be read.
	Closure     *closure.Record
	ClosureRead Read
	// ClosureText is closure.md as read, kept when only its front matter
	// and check-ins were parsed, so that a full parse needs no second read.
	ClosureText []byte

	// Notes are the reflection notes under notes/, oldest first.
	Notes []note.Note

	// Surveys are the closure surveys under survey/, in file-name order
	// (by date, then side). An encrypted one that was not opened is Locked.
	Surveys []*survey.Survey
}

// LatestSurveys keeps the latest survey of each side: a side that answered
// twice counts once, with its latest answers.
func (p *Pair) LatestSurveys() []*survey.Survey {
	var out []*survey.Survey
	last := map[string]int{}
	for _, s := range p.Surveys {
		if s.Side == "" {
			continue
		}
		if i, ok := last[s.Side]; ok {
			if !s.Date.Before(out[i].Date) {
				out[i] = s
			}
			continue
		}
		last[s.Side] = len(out)
		out = append(out, s)
	}
	return out
}

// NoPlanMessage is what every command says of a pair folder without plan.md.
const NoPlanMessage = "no plan.md in this pair folder: create one with mentor close init, or remove the folder"

// PlanProblems are the problems that stand between the pair and a
// judgement of its plan, or the plan's own problems (errors and warnings),
// with the meetings dated after the closure record's closed date when the
// record was read.
func (p *Pair) PlanProblems() []diag.Problem {
	switch {
	case p.Problem != nil:
		return []diag.Problem{*p.Problem}
	case p.PlanRead.Problem != nil:
		return []diag.Problem{*p.PlanRead.Problem}
	case !p.PlanRead.Exists:
		return []diag.Problem{{File: p.PlanFile(), Line: 1, Severity: diag.Error, Message: NoPlanMessage}}
	case p.Plan != nil:
		if c := p.Closure; c != nil && !c.Closed.IsZero() {
			if after := p.Plan.AfterClosed(c.Closed, c.File, c.Lines.Closed); len(after) > 0 {
				ps := append(append([]diag.Problem(nil), p.Plan.Problems...), after...)
				sort.SliceStable(ps, func(i, j int) bool { return ps[i].Line < ps[j].Line })
				return ps
			}
		}
		return p.Plan.Problems
	}
	return nil
}

// PlanValid reports whether the plan was read and has no errors.
func (p *Pair) PlanValid() bool {
	return p.Problem == nil && p.Plan != nil && p.Plan.Valid()
}

// HasClosure reports whether the folder holds a closure.md.
func (p *Pair) HasClosure() bool { return p.ClosureRead.Exists }

// NotesSummary counts the notes.
func (p *Pair) NotesSummary() note.Summary { return note.Summarise(p.Notes) }
