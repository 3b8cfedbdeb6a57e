package cli

import (
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/enum"
	"github.com/mentor-cli/mentor/internal/load"
	"github.com/mentor-cli/mentor/internal/output"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/spf13/cobra"
)

// ListOptions are the inputs of `mentor close list`.
type ListOptions struct {
	F      *Factory
	Paths  []string
	Status []string
	Format string
}

// statuses are the values of a plan's status.
var statuses = enum.Set{
	{Name: "active", Help: "the relationship is under way"},
	{Name: "closing", Help: "the closure record is being completed"},
	{Name: "closed", Help: "the relationship has ended and its record is complete"},
}

func newListCmd(f *Factory, runF func(*ListOptions) error) *cobra.Command {
	opts := &ListOptions{F: f}
	c := &cobra.Command{
		Use:   "list [PAIR|PATH]...",
		Short: "List the pairs: who, which programme, status, start and end",
		Long: `List prints the pairs with their id, mentor, mentee, programme, status, start
and end, read from the plans' front matter alone: quickly, and without judging
them (check does that). With no arguments it lists every pair in the repo's pairs
folder, in id order. --status keeps the pairs of the statuses named.

Formats:

` + setList(output.ListSet()) + `

Exit status: 0, or 1 when a plan's front matter could not be read (the pair is
listed with what could be read, and its errors go to stderr).`,
		Example: `  mentor close list
  mentor close list --status closing --status closed
  mentor close list --format json | jq -r '.pairs[] | select(.program == "Platform mentoring 2026") | .id'`,
		ValidArgsFunction: completePairs(f, true),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if err := checkEnum("--format", opts.Format, output.ListSet()); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return listRun(opts)
		},
	}
	enumListFlag(c, &opts.Status, "status", "keep the pairs whose plan has a `STATUS`", statuses)
	enumFlag(c, &opts.Format, "format", "f", "text", "output `FORMAT`", output.ListSet())
	return c
}

func listRun(opts *ListOptions) error {
	f := opts.F
	r, refs, err := f.RepoPairs(opts.Paths)
	if err != nil {
		return err
	}
	keep := map[string]bool{}
	for _, s := range opts.Status {
		keep[s] = true
	}
	defer programmeMemory(f, len(refs)).restore()
	var sink output.ListSink
	for _, lf := range output.ListFormats {
		if lf.Name == opts.Format {
			sink = lf.New(f.IO.Out, f.IO.Palette())
		}
	}
	if sink == nil {
		return usageErr("--format %q is not one of %s", opts.Format, output.ListSet())
	}
	type row struct {
		l     output.Listed
		probs []diag.Problem
		bad   bool
	}
	// Each pair is written (or, for the table, its cells kept aside) as it
	// is read; its problems go to stderr as they come.
	bad := false
	err = load.Each(r, refs, load.Options{FrontMatterOnly: true}, func(p *pair.Pair) row {
		l := output.Listed{ID: p.ID, Plan: p.PlanFile()}
		if pl := p.Plan; pl != nil {
			l.Mentor, l.Mentee, l.Program = output.Text(pl.Mentor), output.Text(pl.Mentee), output.Text(pl.Program)
			l.Status, l.Start, l.End = output.Text(string(pl.Status)), pl.Start, pl.End
		}
		return row{l: l, probs: p.PlanProblems(), bad: !p.PlanValid()}
	}, func(x row) error {
		if len(keep) > 0 && !keep[string(x.l.Status)] {
			return nil
		}
		output.Problems(f.IO.ErrOut, diag.Errors(x.probs))
		bad = bad || x.bad
		return sink.Add(x.l)
	})
	if cerr := sink.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if bad {
		return silentExit(ExitFindings)
	}
	return nil
}
