package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

// AgendaOptions are the inputs of `mentor close agenda`.
type AgendaOptions struct {
	F         *Factory
	Pair      string
	Date      string
	Unplanned bool
	Stdout    bool
	Force     bool
}

func newAgendaCmd(f *Factory, runF func(*AgendaOptions) error) *cobra.Command {
	opts := &AgendaOptions{F: f}
	c := &cobra.Command{
		Use:   "agenda PAIR",
		Short: "Write the debrief agenda for a pair's final meeting",
		Long: `Agenda writes <pair>/agenda.md, the agenda of the pair's final meeting, built
from the pair's own plan: the goals met with their progress notes, every goal to
reflect on, the relationship, feedback for the mentor, the mentee's roadmap,
staying in touch, and thanks. Reflection notes under notes/ are linked.

When the ending is not planned (the verdict is consider-closing, or --unplanned)
the agenda opens with ground rules, names the signals that led here, and asks
what could have been done differently.

The agenda comes from the agenda.md template; .mentor/templates/agenda.md
replaces the built-in one. An existing agenda.md is only replaced with --force.`,
		Example: `  mentor close agenda ada-lovelace--grace-hopper --date 2026-12-01
  mentor close agenda pairs/ada-lovelace--grace-hopper --unplanned --stdout`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Pair = args[0]
			if runF != nil {
				return runF(opts)
			}
			return agendaRun(opts)
		},
	}
	fl := c.Flags()
	fl.StringVar(&opts.Date, "date", "", "the day of the debrief meeting, `YYYY-MM-DD` (default: today)")
	fl.BoolVar(&opts.Unplanned, "unplanned", false, "treat the ending as unplanned, whatever the signals say")
	fl.BoolVar(&opts.Stdout, "stdout", false, "print the agenda instead of writing agenda.md")
	fl.BoolVar(&opts.Force, "force", false, "replace an existing agenda.md")
	return c
}

func agendaRun(opts *AgendaOptions) error {
	pf, err := loadPair(opts.F, opts.Pair, opts.Date)
	if err != nil {
		return err
	}
	if opts.Unplanned {
		pf.data.Unplanned = true
	}
	next := fmt.Sprintf("Next: hold the debrief, then start the closure record with: mentor close record %s", pf.pair.ID)
	return pf.write(opts.F, "agenda.md", "agenda.md", opts.Stdout, opts.Force, next)
}
