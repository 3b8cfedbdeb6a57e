package cli

import (
	"fmt"
	"strings"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/edit"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/spf13/cobra"
)

// LogOptions are the inputs of `mentor close log`.
type LogOptions struct {
	F            *Factory
	Pair         string
	Date         string
	Title        string
	CancelledBy  string
	Cancelled    bool // --cancelled-by was given
	NoShow       string
	Unproductive bool
	Notes        string
	Write        writeFlags

	// Heading is the meeting heading the flags make, as of today.
	Heading plan.Heading
}

func newLogCmd(f *Factory, runF func(*LogOptions) error) *cobra.Command {
	opts := &LogOptions{F: f}
	c := &cobra.Command{
		Use:   "log PAIR",
		Short: "Add a meeting to a pair's meeting log",
		Long: `Log adds a meeting to the ## Meetings section of the pair's plan.md, in date
order (after the meetings of the same day already logged), and creates the section
at the end of the plan when it has none. It writes the heading in the form check
reads back, and the notes under it. No other byte of the plan changes: byte-order
mark, CRLF line endings and a missing final newline are kept.

A meeting that did not take place is logged with --cancelled-by or --no-show; one
that took place but moved nothing forward with --unproductive.

A meeting on a pair whose status is closed, or dated before the plan's start, is
written with a warning.

While it writes, log holds plan.md.lock next to the plan, so two runs at once never
lose an entry, and it refuses (exit 1, nothing written) when the plan changed on
disk between its read and its write. With --commit it commits the plan, and only
the plan, to git; --dry-run prints the change as a diff instead.`,
		Example: `  mentor close log ada-lovelace--grace-hopper --title "Design review" -m "Walked through the RFC."
  mentor close log ada-lovelace--grace-hopper --date 2026-11-10 --cancelled-by mentee
  mentor close log ada-lovelace--grace-hopper --date 2026-11-17 --no-show mentor
  mentor close log pairs/ada-lovelace--grace-hopper --unproductive -m "Ran out of topics." --commit`,
		Args:              pairArgs(),
		ValidArgsFunction: completePairs(f, false),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Pair = args[0]
			opts.Cancelled = cmd.Flags().Changed("cancelled-by")
			// The heading is made, and checked, once: here.
			today, err := f.TodayDate()
			if err != nil {
				return err
			}
			if opts.Heading, err = opts.heading(today); err != nil {
				return err
			}
			if err := opts.Write.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return logRun(opts)
		},
	}
	fl := c.Flags()
	dateFlag(c, &opts.Date, "date", "the meeting's day", "today")
	fl.StringVar(&opts.Title, "title", "", "what the meeting was about: `TEXT` on one line")
	enumFlag(c, &opts.CancelledBy, "cancelled-by", "", "", "the meeting was cancelled (also --canceled-by), by a `SIDE`", sides)
	enumFlag(c, &opts.NoShow, "no-show", "", "", "the meeting did not happen: a `SIDE` did not come", sides)
	fl.BoolVar(&opts.Unproductive, "unproductive", false, "the meeting took place but moved nothing forward")
	fl.StringVarP(&opts.Notes, "message", "m", "", "the meeting's `NOTES` (Markdown, written under the heading)")
	freeText(c, "message", "title")
	addWriteFlags(c, f, &opts.Write, "the plan")
	aliasFlags(c, map[string]string{"canceled-by": "cancelled-by"})
	return c
}

// heading checks the flags and turns them into the meeting heading; today
// stands in for a missing --date.
func (opts *LogOptions) heading(today dates.Date) (plan.Heading, error) {
	h := plan.Heading{Date: today, Kind: plan.Held, Unproductive: opts.Unproductive}
	if opts.Date != "" {
		d, err := dates.Parse(opts.Date)
		if err != nil {
			return h, usageErr("--date: %v", err)
		}
		h.Date = d
	}
	side := func(flag, v string) error {
		if v != "mentor" && v != "mentee" {
			return usageErr("%s %q: say which side, mentor or mentee", flag, v)
		}
		return nil
	}
	switch {
	case opts.Cancelled && opts.NoShow != "":
		return h, usageErr("give --cancelled-by or --no-show, not both: a meeting was either cancelled or missed")
	case opts.Unproductive && (opts.Cancelled || opts.NoShow != ""):
		return h, usageErr("--unproductive is for a meeting that took place; it does not go with --cancelled-by or --no-show")
	case opts.Cancelled:
		if err := side("--cancelled-by", opts.CancelledBy); err != nil {
			return h, err
		}
		h.Kind, h.By = plan.Cancelled, opts.CancelledBy
	case opts.NoShow != "":
		if err := side("--no-show", opts.NoShow); err != nil {
			return h, err
		}
		h.Kind, h.By = plan.NoShow, opts.NoShow
	}
	title := strings.TrimSpace(opts.Title)
	if strings.ContainsAny(title, "\r\n") {
		return h, usageErr("--title must be one line; put the rest in -m")
	}
	h.Title = title
	if title != "" && !h.Date.IsZero() {
		// The title is written after the date; it must not read back as a
		// status, and it takes the form the parser gives it.
		back, err := plan.ParseHeading(h.Format())
		if err != nil || back.Kind != h.Kind || back.By != h.By || back.Unproductive != h.Unproductive {
			return h, usageErr("--title %q holds words that mark a meeting's status (cancelled, no-show, unproductive): use the flags --cancelled-by, --no-show or --unproductive for those, and reword the title", title)
		}
		h.Title = back.Title
	}
	return h, nil
}

func logRun(opts *LogOptions) error {
	f := opts.F
	today, err := f.TodayDate()
	if err != nil {
		return err
	}
	h := opts.Heading
	if h.Date.IsZero() {
		if h, err = opts.heading(today); err != nil {
			return err
		}
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
	var p *plan.Plan
	var ins edit.Insertion
	res, err := edit.Apply(r, ref.PlanFile(), func(src []byte) ([]byte, error) {
		var err error
		if p, err = editablePlan(f, ref, src, today, "log the meeting"); err != nil {
			return nil, err
		}
		// A section that looks like the meeting log but is not read as one
		// would get a second meetings section beside it: ask for the
		// rename instead.
		if p.MeetingsSection == nil {
			for _, m := range p.Misnamed {
				if m.Want == "Meetings" {
					return nil, &ExitError{ExitFindings, fmt.Errorf("%s:%d: the plan has no ## Meetings section, but \"## %s\" looks like one: rename it to ## Meetings (or ## Meeting log) so that its meetings count, then log again; nothing was written",
						ref.PlanFile(), m.Line, m.Heading)}
				}
			}
		}
		out, at, err := edit.InsertMeeting(src, p, h, opts.Notes)
		if err != nil {
			return nil, usageErr("%v", err)
		}
		ins = at
		return out, nil
	}, edit.Options{DryRun: opts.Write.DryRun, Diff: f.IO.Out})
	if err != nil {
		return planEditErr(ref, err)
	}
	file := res.File
	if opts.Write.DryRun {
		return nil
	}
	if opts.Write.Commit {
		if err := gitCommit(r, []string{file}, fmt.Sprintf("mentor: log %s meeting for %s", h.Date, ref.ID)); err != nil {
			return err
		}
	}
	for _, m := range p.Meetings {
		if m.Date.Equal(h.Date) && edit.Same(plan.Heading{Date: m.Date, Kind: m.Kind, By: m.By, Unproductive: m.Unproductive, Title: m.Title}, h) {
			fmt.Fprintf(f.IO.ErrOut, "%s:%d: warning: the same meeting was already logged there; if this one is a mistake, delete it from line %d\n", file, m.Line, ins.Line)
			break
		}
	}
	if p.Status == plan.Closed {
		fmt.Fprintf(f.IO.ErrOut, "%s:%d: warning: the plan's status is closed: the meeting is logged all the same; if it was a check-in after closing, it belongs in the closure record\n", file, ins.Line)
	}
	if h.Date.After(today) {
		fmt.Fprintf(f.IO.ErrOut, "%s:%d: warning: the meeting is dated after today (%s); check warns until then\n", file, ins.Line, today)
	}
	if !p.Start.IsZero() && h.Date.Before(p.Start) {
		fmt.Fprintf(f.IO.ErrOut, "%s:%d: warning: the meeting is dated before the pair's start (%s); if the date is a mistake, fix it on line %d\n", file, ins.Line, p.Start, ins.Line)
	}
	if p.Status == plan.Closed {
		fmt.Fprintf(f.IO.ErrOut, "%s:%d: warning: the pair is closed; the meeting was logged all the same (a check-in after closing goes in the closure record)\n", file, ins.Line)
	}
	fmt.Fprintf(f.IO.Out, "%s:%d: ### %s\n", file, ins.Line, h.Format())
	return nil
}
