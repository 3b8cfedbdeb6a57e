package cli

import (
	"fmt"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/spf13/cobra"
)

// RecordOptions are the inputs of `mentor close record`.
type RecordOptions struct {
	F          *Factory
	Pair       string
	Date       string
	Reason     string
	Transition string
	// Unreachable is the side that could not be reached: the record says
	// so, proposes the reason unreachable and final_meeting none.
	Unreachable string
	Stdout      bool
	Force       bool
}

func newRecordCmd(f *Factory, runF func(*RecordOptions) error) *cobra.Command {
	opts := &RecordOptions{F: f}
	c := &cobra.Command{
		Use:   "record PAIR",
		Short: "Start a pair's closure record, prefilled from its plan",
		Long: `Record writes <pair>/closure.md, the closure record the pair completes by hand.
The front matter is prefilled from the plan: the people, the start, the closing
day (--date), the final meeting held, and every goal with its outcome (met and
dropped goals as they are; open goals TODO: partial or not-met). The reason is
--reason, else proposed from the signals that fired, else TODO; the transition
is --transition, else TODO. With --unreachable SIDE the record says that side
could not be reached (unreachable: SIDE), the reason is unreachable and
final_meeting none; the other side and the programme sign it. signed_off is
left empty: each side signs with mentor close sign. The body has the
closure.required_sections of the config, with the facts mentor knows, the
agenda's questions for each section, and a TODO line where the pair must write;
Next steps holds a Next goals list for the mentee's new goals.

Reasons:

` + reasonHelp() + `

Transitions:

` + transitionHelp() + `

Replace every TODO, then check the record with: mentor close verify

The record comes from the closure.md template; .mentor/templates/closure.md
replaces the built-in one. An existing closure.md is only replaced with --force.`,
		Example: `  mentor close record ada-lovelace--grace-hopper
  mentor close record ada-lovelace--grace-hopper --date 2026-12-01 \
      --reason goals-met --transition informal
  mentor close record pairs/ada-lovelace--grace-hopper/plan.md --stdout`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Pair = args[0]
			if err := checkEnum("--reason", opts.Reason, closure.Reasons); err != nil {
				return err
			}
			if err := checkEnum("--transition", opts.Transition, closure.Transitions); err != nil {
				return err
			}
			if err := checkEnum("--unreachable", opts.Unreachable, closure.Sides); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return recordRun(opts)
		},
	}
	fl := c.Flags()
	fl.StringVar(&opts.Date, "date", "", "the closing day, `YYYY-MM-DD` (default: today)")
	enumFlag(c, &opts.Reason, "reason", "", "", "why the pair closes (default: proposed from the signals), a `REASON`", closure.Reasons)
	enumFlag(c, &opts.Transition, "transition", "", "", "what comes next, a `TRANSITION`", closure.Transitions)
	enumFlag(c, &opts.Unreachable, "unreachable", "", "", "the `SIDE` that could not be reached (reason unreachable, final_meeting none)", closure.Sides)
	fl.BoolVar(&opts.Stdout, "stdout", false, "print the record instead of writing closure.md")
	fl.BoolVar(&opts.Force, "force", false, "replace an existing closure.md")
	return c
}

func recordRun(opts *RecordOptions) error {
	pf, err := loadPair(opts.F, opts.Pair, opts.Date)
	if err != nil {
		return err
	}
	d := &pf.data
	if d.Date.Before(d.Start) {
		return usageErr("--date %s is before the pair's start %s: a pair cannot close before it starts", d.Date, d.Start)
	}
	if opts.Unreachable != "" {
		d.SetEnding(true, opts.Unreachable)
	}
	if opts.Reason != "" {
		d.Reason, d.ReasonProposed, d.ReasonSignal = opts.Reason, false, ""
	}
	if opts.Transition != "" {
		d.Transition = opts.Transition
	}
	next := fmt.Sprintf("Next: replace every TODO in %s together, set status: closed in %s,\nthen check the record with: mentor close verify %s",
		pf.pair.File("closure.md"), pf.pair.PlanFile(), pf.pair.Dir)
	return pf.write(opts.F, "closure.md", "closure.md", opts.Stdout, opts.Force, next)
}
