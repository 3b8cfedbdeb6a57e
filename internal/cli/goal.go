package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/edit"
	"github.com/mentor-cli/mentor/internal/load"
	"github.com/mentor-cli/mentor/internal/output"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/spf13/cobra"
)

// GoalOptions are the inputs of `mentor close goal`.
type GoalOptions struct {
	F        *Factory
	Pair     string
	Goal     string
	Progress string
	Met      bool
	Open     bool
	Drop     string
	Dropped  bool // --drop was given
	Date     string
	Write    writeFlags
}

func newGoalCmd(f *Factory, runF func(*GoalOptions) error) *cobra.Command {
	opts := &GoalOptions{F: f}
	c := &cobra.Command{
		Use:   "goal PAIR GOAL [--progress TEXT] [--met | --open | --drop REASON]",
		Short: "Note progress on a goal, or mark it met, open again or dropped",
		Long: `Goal changes one goal of the pair's plan, in its ## Goals section. GOAL is the
goal's number in the plan (1 for the first, as check --format json lists them in
goals.items) or a part of its title, in any case, that matches one goal only.

  --progress TEXT  adds the dated progress note "- DATE: TEXT" under the goal,
                   after its last note (the notes no-progress looks for)
  --met, --open    set the goal's checkbox: [x] or [ ]; --open or --met on a
                   dropped goal takes its strike-through away
  --drop REASON    strikes the goal's title through and adds "(dropped: REASON)"

--progress goes with one of the others, which exclude each other. Only the bytes
of that goal change; the rest of the plan stays as it was. While it writes, goal
holds plan.md.lock, and it refuses (exit 1, nothing written) when the plan
changed on disk between its read and its write.`,
		Example: `  mentor close goal ada-lovelace--grace-hopper 2 --progress "Outline reviewed with the team"
  mentor close goal ada-lovelace--grace-hopper "tech talk" --met --progress "Gave the talk" --commit
  mentor close goal ada-lovelace--grace-hopper rust --drop "no longer needed for the role"
  mentor close goal ada-lovelace--grace-hopper 1 --open --dry-run`,
		Args:              pairArgs("a GOAL (its number or part of its title)"),
		ValidArgsFunction: completeGoalArgs(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Pair, opts.Goal = args[0], args[1]
			opts.Dropped = cmd.Flags().Changed("drop")
			if err := opts.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return goalRun(opts)
		},
	}
	fl := c.Flags()
	fl.StringVar(&opts.Progress, "progress", "", "add a dated progress note, `TEXT` on one line")
	fl.BoolVar(&opts.Met, "met", false, "mark the goal met: [x]")
	fl.BoolVar(&opts.Open, "open", false, "mark the goal open: [ ]")
	fl.StringVar(&opts.Drop, "drop", "", "strike the goal through, for a `REASON`")
	dateFlag(c, &opts.Date, "date", "the progress note's day", "today")
	freeText(c, "progress", "drop")
	addWriteFlags(c, f, &opts.Write, "the plan")
	return c
}

func (opts *GoalOptions) check() error {
	n := 0
	for _, b := range []bool{opts.Met, opts.Open, opts.Dropped} {
		if b {
			n++
		}
	}
	switch {
	case n > 1:
		return usageErr("give one of --met, --open and --drop: a goal is in one state")
	case n == 0 && opts.Progress == "":
		return usageErr("say what to change: --progress TEXT, --met, --open or --drop REASON")
	case opts.Dropped && strings.TrimSpace(opts.Drop) == "":
		return usageErr("--drop needs a REASON, such as --drop \"no longer needed for the role\"")
	case strings.ContainsAny(opts.Progress, "\r\n") || strings.ContainsAny(opts.Drop, "\r\n"):
		return usageErr("--progress and --drop take one line of text")
	case opts.Date != "" && opts.Progress == "":
		return usageErr("--date is the day of a progress note: it goes with --progress")
	}
	if opts.Progress != "" && strings.TrimSpace(opts.Progress) == "" {
		return usageErr("--progress needs a TEXT")
	}
	if opts.Date != "" {
		if _, err := dates.Parse(opts.Date); err != nil {
			return usageErr("--date: %v", err)
		}
	}
	return opts.Write.check()
}

func goalRun(opts *GoalOptions) error {
	f := opts.F
	today, err := f.TodayDate()
	if err != nil {
		return err
	}
	day := today
	if opts.Date != "" {
		day, _ = dates.Parse(opts.Date)
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
	var n int
	var noteLine int
	var g plan.Goal
	res, err := edit.Apply(r, ref.PlanFile(), func(src []byte) ([]byte, error) {
		p, err := editablePlan(f, ref, src, today, "change a goal")
		if err != nil {
			return nil, err
		}
		if n, err = findGoalArg(p, opts.Goal); err != nil {
			return nil, err
		}
		g = p.Goals[n-1]
		out := src
		// The state first: a progress note added after it lands on the
		// goal as the state change left it.
		switch {
		case opts.Met:
			out, err = edit.SetGoalState(out, p, n, plan.Met)
		case opts.Open:
			out, err = edit.SetGoalState(out, p, n, plan.Open)
		case opts.Dropped:
			out, err = edit.DropGoal(out, p, n, opts.Drop)
		}
		if err != nil {
			return nil, &ExitError{ExitFindings, err}
		}
		if opts.Progress != "" {
			p = plan.Parse(ref.PlanFile(), out, plan.Options{Today: today})
			if out, noteLine, err = edit.AddProgress(out, p, n, day, opts.Progress); err != nil {
				return nil, &ExitError{ExitFindings, err}
			}
		}
		return out, nil
	}, edit.Options{DryRun: opts.Write.DryRun, Diff: f.IO.Out})
	if err != nil {
		return planEditErr(ref, err)
	}
	if opts.Write.DryRun {
		return nil
	}
	what := goalChange(opts)
	if !res.Changed {
		fmt.Fprintf(f.IO.ErrOut, "%s:%d: goal %d is already %s; nothing to change\n", res.File, g.Line, n, what)
		return nil
	}
	if opts.Write.Commit {
		if err := gitCommit(r, []string{res.File}, fmt.Sprintf("mentor: goal %d of %s %s", n, ref.ID, what)); err != nil {
			return err
		}
	}
	line := g.Line
	if noteLine > 0 {
		line = noteLine
	}
	fmt.Fprintf(f.IO.Out, "%s:%d: goal %d %q %s\n", res.File, line, n, g.Title, what)
	return nil
}

// goalChange says what goal did, for messages and commits.
func goalChange(opts *GoalOptions) string {
	var parts []string
	switch {
	case opts.Met:
		parts = append(parts, "met")
	case opts.Open:
		parts = append(parts, "open")
	case opts.Dropped:
		parts = append(parts, "dropped")
	}
	if opts.Progress != "" {
		parts = append(parts, "progress noted")
	}
	return strings.Join(parts, ", ")
}

// findGoalArg resolves GOAL: a number, else a part of one goal's title
// (an exact title wins over parts).
func findGoalArg(p *plan.Plan, arg string) (int, error) {
	list := func() string {
		var b strings.Builder
		for i, g := range p.Goals {
			fmt.Fprintf(&b, "\n\t%d  %s (%s)", i+1, g.Title, g.State)
		}
		return b.String()
	}
	if len(p.Goals) == 0 {
		return 0, usageErr("%s has no goals: add them under ## Goals as \"- [ ] title\" lines", p.File)
	}
	if n, err := strconv.Atoi(strings.TrimSpace(arg)); err == nil {
		if n < 1 || n > len(p.Goals) {
			return 0, usageErr("%s has no goal %d; its goals are:%s", p.File, n, list())
		}
		return n, nil
	}
	q := strings.ToLower(strings.TrimSpace(arg))
	if q == "" {
		return 0, usageErr("GOAL is empty: give its number or a part of its title; the goals are:%s", list())
	}
	var hits []int
	for i, g := range p.Goals {
		if strings.ToLower(g.Title) == q {
			return i + 1, nil
		}
		if strings.Contains(strings.ToLower(g.Title), q) {
			hits = append(hits, i+1)
		}
	}
	switch len(hits) {
	case 1:
		return hits[0], nil
	case 0:
		return 0, usageErr("no goal of %s has %q in its title; its goals are:%s", p.File, arg, list())
	}
	var b strings.Builder
	for _, n := range hits {
		fmt.Fprintf(&b, "\n\t%d  %s", n, p.Goals[n-1].Title)
	}
	return 0, usageErr("%q is in the titles of %d goals of %s: give the number of one:%s", arg, len(hits), p.File, b.String())
}

// editablePlan parses a plan about to be edited; one with errors is not
// edited (exit 1), its errors printed.
func editablePlan(f *Factory, ref pair.Ref, src []byte, today dates.Date, what string) (*plan.Plan, error) {
	p := plan.Parse(ref.PlanFile(), src, plan.Options{Today: today})
	if !p.Valid() {
		output.Problems(f.IO.ErrOut, diag.Errors(p.Problems))
		return nil, &ExitError{ExitFindings, fmt.Errorf("%s has errors: fix them, then %s; nothing was written", ref.PlanFile(), what)}
	}
	return p, nil
}

// planEditErr words the errors of an edit of a plan.
func planEditErr(ref pair.Ref, err error) error {
	var rerr *edit.ReadError
	if errors.As(err, &rerr) && rerr.NotExist() {
		return usageErr("%s does not exist: create the pair's plan with mentor close init first", ref.PlanFile())
	}
	return err
}

// completeGoalArgs completes the PAIR, then GOAL to the goals' numbers with
// their titles.
func completeGoalArgs(f *Factory) cobra.CompletionFunc {
	pairs := completePairs(f, false)
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		switch len(args) {
		case 0:
			return pairs(cmd, args, toComplete)
		case 1:
			r, ref, err := f.RepoPair(args[0])
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			p := load.One(r, ref, load.Options{})
			if p.Plan == nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []cobra.Completion
			for i, g := range p.Plan.Goals {
				if n := strconv.Itoa(i + 1); strings.HasPrefix(n, toComplete) {
					out = append(out, n+"\t"+g.Title)
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		}
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
}
