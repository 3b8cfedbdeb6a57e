package cli

import (
	"errors"
	"fmt"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/edit"
	"github.com/mentor-cli/mentor/internal/load"
	"github.com/mentor-cli/mentor/internal/output"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/signals"
	"github.com/spf13/cobra"
)

// CheckInOptions are the inputs of `mentor close checkin`.
type CheckInOptions struct {
	F      *Factory
	Pair   string
	Date   string
	Notes  string
	DryRun bool
	Commit bool
}

func newCheckInCmd(f *Factory, runF func(*CheckInOptions) error) *cobra.Command {
	opts := &CheckInOptions{F: f}
	c := &cobra.Command{
		Use:   "checkin PAIR",
		Short: "Log a check-in after closing in the pair's closure record",
		Long: `Checkin adds "### DATE" (and the notes) under ## Check-ins in the pair's
closure.md, in date order, and creates the section at the end of the record when
it has none. No other byte of the record changes: byte-order mark, CRLF line
endings, comments and a missing final newline are kept.

A closed pair whose transition is not end, and whose contact.cadence is one
mentor reads (weekly, biweekly, monthly, quarterly, yearly, "every N days",
"every N weeks"), is due a check-in one cadence after the later of its closed
date and its last check-in, until contact.until; check shows follow-up-due from
that day. A check-in clears it until the next one is due.

While it writes, checkin holds closure.md.lock next to the record, and it
refuses (exit 1) when the record changed on disk since it was read. With
--dry-run it prints the change as a unified diff and writes nothing; with
--commit it commits the record, and only the record, to git.`,
		Example: `  mentor close checkin ada-lovelace--grace-hopper -m "Coffee: Grace leads the platform guild now."
  mentor close checkin ada-lovelace--grace-hopper --date 2027-02-20 --dry-run
  mentor close checkin pairs/ada-lovelace--grace-hopper --commit`,
		Args:              pairArgs(),
		ValidArgsFunction: completePairs(f, false),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Pair = args[0]
			if opts.Date != "" {
				if _, err := dates.Parse(opts.Date); err != nil {
					return usageErr("--date: %v", err)
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return checkInRun(opts)
		},
	}
	fl := c.Flags()
	dateFlag(c, &opts.Date, "date", "the day of the check-in", "today")
	fl.StringVarP(&opts.Notes, "message", "m", "", "what you talked about: `NOTES` (Markdown, written under the heading)")
	freeText(c, "message")
	fl.BoolVar(&opts.DryRun, "dry-run", false, "print the change as a unified diff and write nothing")
	fl.BoolVar(&opts.Commit, "commit", false, "commit closure.md to git (only that file)")
	lockFlags(c, f)
	return c
}

func checkInRun(opts *CheckInOptions) error {
	f := opts.F
	today, day, err := f.TodayAnd(opts.Date)
	if err != nil {
		return err
	}
	r, ref, err := f.RepoPair(opts.Pair)
	if err != nil {
		return err
	}
	if opts.Commit && !opts.DryRun {
		if err := gitCheck(r); err != nil {
			return err
		}
	}
	var rec *closure.Record
	var ins edit.Insertion
	res, err := edit.Apply(r, ref.ClosureFile(), func(src []byte) ([]byte, error) {
		rec = closure.Parse(ref.ClosureFile(), src)
		out, at, err := edit.InsertCheckIn(src, rec, day, opts.Notes)
		if err != nil {
			return nil, usageErr("%v", err)
		}
		ins = at
		return out, nil
	}, edit.Options{DryRun: opts.DryRun, Diff: f.IO.Out})
	var rerr *edit.ReadError
	if errors.As(err, &rerr) && rerr.NotExist() {
		return usageErr("%s does not exist: a check-in comes after closing; write the closure record with mentor close record %s first", ref.ClosureFile(), ref.ID)
	}
	if err != nil {
		return err
	}
	if opts.DryRun {
		return nil
	}
	file := res.File
	if opts.Commit {
		if err := gitCommit(r, []string{file}, fmt.Sprintf("mentor: check-in %s for %s", day, ref.ID)); err != nil {
			return err
		}
	}
	fmt.Fprintf(f.IO.Out, "%s:%d: ### %s\n", file, ins.Line, day)

	// What the record says now: its warnings, and when the next check-in is due.
	back := closure.Parse(file, res.New)
	output.Problems(f.IO.ErrOut, back.CheckInProblems)
	if !back.Valid() {
		fmt.Fprintf(f.IO.ErrOut, "%s: warning: the record has errors: mentor close verify %s lists them\n", file, ref.ID)
	}
	if day.After(today) {
		fmt.Fprintf(f.IO.ErrOut, "%s:%d: warning: the check-in is dated after today (%s)\n", file, ins.Line, today)
	}
	if p := load.One(r, ref, load.Options{FrontMatterOnly: true}); p.Plan != nil && p.Plan.Valid() && p.Plan.Status != plan.Closed {
		fmt.Fprintf(f.IO.ErrOut, "%s: warning: the plan's status is %s, not closed: check shows follow-up-due only for closed pairs\n", ref.PlanFile(), p.Plan.Status)
	}
	if next, ok := signals.NextCheckIn(back); ok {
		fmt.Fprintf(f.IO.ErrOut, "next check-in due %s (%s after %s)\n", next.Due, next.Cadence.Text, next.From)
	} else if back.Transition != "" && back.Transition != "end" && back.Contact.Cadence != "" {
		if _, err := dates.ParseCadence(back.Contact.Cadence); err == nil {
			fmt.Fprintf(f.IO.ErrOut, "no further check-in is due: contact.until %s comes first\n", back.Contact.Until)
		}
	}
	return nil
}
