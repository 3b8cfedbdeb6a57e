package cli

import (
	"fmt"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/spf13/cobra"
)

// AgendaOptions are the inputs of `mentor close agenda`.
type AgendaOptions struct {
	F         *Factory
	Pair      string
	Date      string
	Unplanned bool
	// Unreachable is the side that could not be reached: the meeting is
	// the other side's, with the programme.
	Unreachable string
	File        fileOptions
}

func newAgendaCmd(f *Factory, runF func(*AgendaOptions) error) *cobra.Command {
	opts := &AgendaOptions{F: f}
	c := &cobra.Command{
		Use:   "agenda PAIR",
		Short: "Write the debrief agenda for a pair's final meeting",
		Long: `Agenda writes <pair>/agenda.md, the agenda of the pair's final meeting, built
from the pair's own plan. Before the meeting: the plan's own expectations and
agreement, the meetings that mattered and a timeline, the reflection notes
(each side writes one with: mentor close note PAIR --as SIDE --final), and an
opener that starts with what went well. In the meeting: ground rules, the
goals met, every goal to reflect on, the relationship, how each feels about
ending, feedback both ways, the mentor's own side, what comes next for both,
staying in touch, and thanks.

When the ending is not planned (the verdict is consider-closing, or --unplanned)
the agenda also names the signals that led here and asks what could have been
done differently. With --unreachable SIDE the other side meets the programme
alone, and the agenda asks only what that side can answer.

The agenda comes from the agenda.md template; .mentor/templates/agenda.md
replaces the built-in one. An existing agenda.md is only replaced with --force,
and one that holds the pair's writing (no TODO left in it) is kept first as
agenda.md.bak.`,
		Example: `  mentor close agenda ada-lovelace--grace-hopper --date 2026-12-01
  mentor close agenda pairs/ada-lovelace--grace-hopper --unplanned --stdout
  mentor close agenda ada-lovelace--grace-hopper --unreachable mentee
  mentor close agenda ada-lovelace--grace-hopper --force --dry-run`,
		Args:              pairArgs(),
		ValidArgsFunction: completePairs(f, false),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Pair = args[0]
			if err := checkEnum("--unreachable", opts.Unreachable, closure.Sides); err != nil {
				return err
			}
			if err := opts.File.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return agendaRun(opts)
		},
	}
	fl := c.Flags()
	dateFlag(c, &opts.Date, "date", "the day of the debrief meeting", "today")
	fl.BoolVar(&opts.Unplanned, "unplanned", false, "treat the ending as unplanned, whatever the signals say")
	enumFlag(c, &opts.Unreachable, "unreachable", "", "", "the `SIDE` that could not be reached; the other meets the programme", closure.Sides)
	fl.BoolVar(&opts.File.Stdout, "stdout", false, "print the agenda instead of writing agenda.md")
	fl.BoolVar(&opts.File.Force, "force", false, "replace an existing agenda.md (one with the pair's writing is kept as agenda.md.bak)")
	addWriteFlags(c, f, &opts.File.Write, "the agenda")
	return c
}

func agendaRun(opts *AgendaOptions) error {
	pf, err := loadPair(opts.F, opts.Pair, opts.Date)
	if err != nil {
		return err
	}
	pf.data.SetEnding(pf.data.Unplanned || opts.Unplanned, opts.Unreachable)
	out, err := pf.render("agenda.md")
	if err != nil {
		return err
	}
	if opts.File.Write.Commit {
		if err := gitCheck(pf.repo); err != nil {
			return err
		}
	}
	file, err := pf.write(opts.F, "agenda.md", out, opts.File)
	if err != nil || file == "" {
		return err
	}
	if opts.File.Write.Commit {
		if err := gitCommit(pf.repo, []string{file}, fmt.Sprintf("mentor: debrief agenda for %s", pf.pair.ID)); err != nil {
			return err
		}
	}
	opts.F.IO.Hint("Next: hold the debrief, then start the closure record with: mentor close record %s", pf.pair.ID)
	return nil
}
