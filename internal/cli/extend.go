package cli

import (
	"fmt"
	"strings"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/edit"
	"github.com/mentor-cli/mentor/internal/enum"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/spf13/cobra"
)

// ExtendOptions are the inputs of `mentor close extend`.
type ExtendOptions struct {
	F        *Factory
	Pair     string
	To       string
	Reason   string
	AgreedBy []string
	Date     string
	Write    writeFlags
}

// agreers are who can agree to an extension.
var agreers = enum.Set{
	{Name: "mentor", Help: "the mentor"},
	{Name: "mentee", Help: "the mentee"},
	{Name: "program", Help: "the programme"},
}

func newExtendCmd(f *Factory, runF func(*ExtendOptions) error) *cobra.Command {
	opts := &ExtendOptions{F: f}
	c := &cobra.Command{
		Use:   "extend PAIR --to DATE --reason TEXT",
		Short: "Move a pair's planned end, and record that the pair agreed to it",
		Long: `Extend sets the plan's end to --to and adds what was agreed to the front-matter
list extended, as {from, to, date, reason, agreed_by}: the old end, the new one,
the day it was agreed (--date, default today), why, and who agreed (default:
mentor and mentee). end-reached and verify's ended-pair rule then go by the new
end, and the report counts the extensions.

--to must be after today and after the current end. No other byte of the plan
changes: comments, key order, a byte-order mark and CRLF line endings are kept.`,
		Example: `  mentor close extend ada-lovelace--grace-hopper --to 2026-09-15 --reason "The tech talk moved to September"
  mentor close extend ada-lovelace--grace-hopper --to 2026-10-01 --reason "Extra quarter agreed" --agreed-by mentor,mentee,program --commit`,
		Args:              pairArgs(),
		ValidArgsFunction: completePairs(f, false),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Pair = args[0]
			if opts.To == "" {
				return usageErr("--to is required: the new planned end, such as --to 2026-09-15")
			}
			if _, err := dates.Parse(opts.To); err != nil {
				return usageErr("--to: %v", err)
			}
			if strings.TrimSpace(opts.Reason) == "" {
				return usageErr("--reason is required: say why the pair carries on, such as --reason \"The talk moved to September\"")
			}
			if strings.ContainsAny(opts.Reason, "\r\n") {
				return usageErr("--reason must be one line")
			}
			if opts.Date != "" {
				if _, err := dates.Parse(opts.Date); err != nil {
					return usageErr("--date: %v", err)
				}
			}
			if err := opts.Write.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return extendRun(opts)
		},
	}
	dateFlag(c, &opts.To, "to", "the new planned end", "")
	c.Flags().StringVar(&opts.Reason, "reason", "", "why the pair carries on, `TEXT` on one line")
	enumListFlag(c, &opts.AgreedBy, "agreed-by", "who agreed, `WHO` (default: mentor,mentee)", agreers)
	dateFlag(c, &opts.Date, "date", "the day it was agreed", "today")
	freeText(c, "reason")
	addWriteFlags(c, f, &opts.Write, "the plan")
	return c
}

func extendRun(opts *ExtendOptions) error {
	f := opts.F
	today, err := f.TodayDate()
	if err != nil {
		return err
	}
	to, _ := dates.Parse(opts.To)
	agreed := today
	if opts.Date != "" {
		agreed, _ = dates.Parse(opts.Date)
	}
	by := opts.AgreedBy
	if len(by) == 0 {
		by = []string{"mentor", "mentee"}
	}
	if !to.After(today) {
		return usageErr("--to %s is not after today (%s): an extension moves the end into the future", to, today)
	}
	r, ref, err := f.RepoPair(opts.Pair)
	if err != nil {
		return err
	}
	if opts.Write.Commit {
		if err := gitCheck(r); err != nil {
			return err
		}
	}
	var from dates.Date
	var count int
	res, err := edit.Apply(r, ref.PlanFile(), func(src []byte) ([]byte, error) {
		p, err := editablePlan(f, ref, src, today, "extend the pair")
		if err != nil {
			return nil, err
		}
		if p.Status == plan.Closed {
			return nil, usageErr("%s: the pair is closed; a closed pair is not extended (start a new one with mentor close init)", ref.PlanFile())
		}
		from = p.End
		if !from.IsZero() && !to.After(from) {
			return nil, usageErr("--to %s is not after the current end %s: an extension moves the end later", to, from)
		}
		out, err := edit.SetKey(src, "end", to.String(), "start")
		if err != nil {
			return nil, &ExitError{ExitFindings, fmt.Errorf("%s: %v", ref.PlanFile(), err)}
		}
		fromText := "none"
		if !from.IsZero() {
			fromText = from.String()
		}
		out, err = edit.AppendItem(out, "extended", []edit.Item{
			{Key: "from", Value: fromText}, {Key: "to", Value: to.String()}, {Key: "date", Value: agreed.String()},
			{Key: "reason", Value: strings.TrimSpace(opts.Reason)}, {Key: "agreed_by", Value: by},
		})
		if err != nil {
			return nil, &ExitError{ExitFindings, fmt.Errorf("%s: %v", ref.PlanFile(), err)}
		}
		count = len(p.Extensions) + 1
		return out, nil
	}, edit.Options{DryRun: opts.Write.DryRun, Diff: f.IO.Out})
	if err != nil {
		return planEditErr(ref, err)
	}
	if opts.Write.DryRun {
		return nil
	}
	if opts.Write.Commit {
		if err := gitCommit(r, []string{res.File}, fmt.Sprintf("mentor: extend %s to %s", ref.ID, to)); err != nil {
			return err
		}
	}
	was := "no planned end"
	if !from.IsZero() {
		was = from.String()
	}
	fmt.Fprintf(f.IO.Out, "%s: end %s -> %s (extension %d, agreed by %s)\n", res.File, was, to, count, strings.Join(by, ", "))
	return nil
}
