package report

import (
	"strconv"

	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/plan"
)

// closureFacts is what a pair's closure record adds to the report.
type closureFacts struct {
	exists  bool // closure.md is there
	usable  bool // and it can be read and is valid
	missing bool // the pair has ended and has no closure.md
}

func studyClosure(f *facts, cfg config.Config, today dates.Date) closureFacts {
	var c closureFacts
	p := f.pair
	c.exists = p.ClosureFile != ""
	c.usable = c.exists && p.ClosureProblem == nil
	if c.exists && p.ClosureProblem != nil {
		f.invalid = append(f.invalid, Invalid{ID: p.Pair.ID, File: p.ClosureFile, Problems: errorsOf([]diag.Problem{*p.ClosureProblem})})
		f.attention = append(f.attention, "the closure record cannot be read: "+p.ClosureProblem.String())
	}
	if !c.exists && f.valid && ended(p.Plan, cfg, today) {
		c.missing = true
		f.row.ClosureMissing = true
		why := "status is closed"
		if p.Plan.Status != plan.Closed {
			why = "planned end " + p.Plan.End.String() + " passed more than " + strconv.Itoa(cfg.Thresholds.GraceDays) + " days ago"
		}
		f.attention = append(f.attention, "closure record missing: the pair has ended ("+why+"); write one with mentor close record "+p.Pair.ID)
	}
	return c
}

func summariseClosures(s *Summary, fs []*facts) {
	for _, f := range fs {
		c := f.closure
		if c.exists {
			s.Closures.Records++
			if !c.usable {
				s.Closures.Invalid++
			}
		}
		if c.missing {
			s.Closures.Missing++
		}
	}
}
