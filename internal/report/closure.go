package report

import (
	"sort"
	"strconv"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/nullable"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/signals"
)

// closureFacts is what a pair's closure record adds to the report.
type closureFacts struct {
	exists  bool            // closure.md is there
	record  *closure.Record // set when it is usable: read and valid
	missing bool            // the pair has ended and has no closure.md
	early   *EarlyPair      // closed before the planned end
}

func studyClosure(f *facts, cfg config.Config, today dates.Date) closureFacts {
	var c closureFacts
	p := f.pair
	c.exists = p.HasClosure()
	switch {
	case c.exists && p.ClosureRead.Problem != nil:
		probs := errorsOf([]diag.Problem{*p.ClosureRead.Problem})
		f.invalid = append(f.invalid, Invalid{ID: p.Pair.ID, File: p.ClosureFile(), Problems: probs})
		f.problems = append(f.problems, probs...)
	case c.exists && p.Closure != nil && !p.Closure.Valid():
		probs := errorsOf(p.Closure.Problems)
		f.invalid = append(f.invalid, Invalid{ID: p.Pair.ID, File: p.ClosureFile(), Problems: probs})
		f.problems = append(f.problems, probs...)
	case c.exists && p.Closure != nil:
		c.record = p.Closure
	}
	if rec := p.Closure; rec != nil {
		// What can be read of the record goes into the row, valid or not.
		f.row.Closed = rec.Closed
		f.row.Reason, f.row.Transition = nullable.String(rec.Reason), nullable.String(rec.Transition)
		f.row.ContactChannel = nullable.String(rec.Contact.Channel)
		for _, g := range rec.Goals {
			f.row.Outcomes.Total++
			switch g.Outcome {
			case "met":
				f.row.Outcomes.Met++
			case "partial":
				f.row.Outcomes.Partial++
			case "not-met":
				f.row.Outcomes.NotMet++
			case "dropped":
				f.row.Outcomes.Dropped++
			}
		}
	}
	if rec := c.record; rec != nil {
		d := rec.Closed.DaysSince(rec.Start)
		f.row.ActualDays = &d
		if f.valid && !p.Plan.End.IsZero() && rec.Closed.Before(p.Plan.End) {
			f.row.Early = true
			c.early = &EarlyPair{ID: p.Pair.ID, End: p.Plan.End, Closed: rec.Closed,
				DaysEarly: p.Plan.End.DaysSince(rec.Closed), Reason: rec.Reason}
		}
	}
	if !c.exists && f.valid && signals.Ended(p.Plan, cfg, today) {
		c.missing = true
		f.row.ClosureMissing = true
		why, line := "status is closed", p.Plan.Lines.Status
		if p.Plan.Status != plan.Closed {
			why = "planned end " + p.Plan.End.String() + " passed more than " + strconv.Itoa(cfg.Thresholds.GraceDays) + " days ago"
			line = p.Plan.Lines.End
		}
		f.problems = append(f.problems, diag.Problem{File: p.Pair.PlanFile(), Line: max(line, 1), Severity: diag.Error,
			Message: "closure record missing: the pair has ended (" + why + "); write one with mentor close record " + p.Pair.ID})
	}
	return c
}

const notGiven = "not given"

// ranked lists free-text values by count, most first, then by name.
func ranked(n map[string]int, whole int) []Count {
	keys := make([]string, 0, len(n))
	for k := range n {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if n[keys[i]] != n[keys[j]] {
			return n[keys[i]] > n[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return counts(keys, n, whole)
}
