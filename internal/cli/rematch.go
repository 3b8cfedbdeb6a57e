package cli

import (
	"fmt"
	"strings"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/edit"
	"github.com/mentor-cli/mentor/internal/load"
	"github.com/mentor-cli/mentor/internal/output"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/rematch"
	"github.com/mentor-cli/mentor/internal/render"
	"github.com/mentor-cli/mentor/internal/repo"
	"github.com/mentor-cli/mentor/internal/signals"
	"github.com/spf13/cobra"
)

// RematchOptions are the inputs of `mentor close rematch`.
type RematchOptions struct {
	F        *Factory
	Pair     string
	Mentor   string
	Mentee   string
	Start    string
	End      string
	Duration string
	Cadence  string
	Program  string
	Goals    []string
	ID       string
	Force    bool
	DryRun   bool
	Commit   bool
}

func newRematchCmd(f *Factory, runF func(*RematchOptions) error) *cobra.Command {
	opts := &RematchOptions{F: f}
	c := &cobra.Command{
		Use:   "rematch PAIR (--mentor NAME | --mentee NAME)",
		Short: "Start a new pair after closing, carrying over the goals not met",
		Long: `Rematch starts the next pair of a mentee (--mentor NAME: a new mentor) or of a
mentor (--mentee NAME: a new mentee) after PAIR closed. It writes the new plan.md
from the plan template, as init does, then carries over every goal of PAIR's plan
that was not met — its list item with its progress notes, byte for byte — under
## Goals, adds previous: PAIR to the front matter and a line under the title that
names the earlier pair. check --format json and report follow previous links.

A closure record that says rematch_avoid: true for the same two people refuses
the pairing (exit 1); --force pairs them anyway and says so. When fewer than
thresholds.rematch_after_days (default 14) have passed between PAIR's closed date
and the new start, rematch warns; it still writes the plan.

The new id is slug(mentor)--slug(mentee) unless --id gives one; a plan that
already exists is never overwritten. --dry-run prints the new plan as a diff and
writes nothing; --commit commits the new plan, and only it, to git.`,
		Example: `  mentor close rematch ada-lovelace--grace-hopper --mentor "Katherine Johnson"
  mentor close rematch ada-lovelace--grace-hopper --mentor "Katherine Johnson" \
      --duration "6 months" --goal "Mentor a new hire" --dry-run
  mentor close rematch ada-lovelace--grace-hopper --mentee "Margaret Hamilton" --commit`,
		Args:              pairArgs(),
		ValidArgsFunction: completePairs(f, false),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Pair = args[0]
			switch {
			case strings.TrimSpace(opts.Mentor) != "" && strings.TrimSpace(opts.Mentee) != "":
				return usageErr("give --mentor or --mentee, not both: a rematch keeps one of the two people (init starts a pair of two new people)")
			case strings.TrimSpace(opts.Mentor) == "" && strings.TrimSpace(opts.Mentee) == "":
				return usageErr("say who the new partner is: --mentor NAME (a new mentor for the mentee) or --mentee NAME (a new mentee for the mentor)")
			case opts.End != "" && opts.Duration != "":
				return usageErr("give --end or --duration, not both")
			}
			if runF != nil {
				return runF(opts)
			}
			return rematchRun(opts)
		},
	}
	fl := c.Flags()
	fl.StringVar(&opts.Mentor, "mentor", "", "the new mentor's `NAME` (the mentee stays)")
	fl.StringVar(&opts.Mentee, "mentee", "", "the new mentee's `NAME` (the mentor stays)")
	dateFlag(c, &opts.Start, "start", "first day of the new pair", "today")
	dateFlag(c, &opts.End, "end", "planned end", "")
	fl.StringVar(&opts.Duration, "duration", "", "planned length instead of --end, a `LENGTH`: \"N days|weeks|months|years\"")
	fl.StringVar(&opts.Cadence, "cadence", "", "how often the new pair meets, a `CADENCE` (default: the earlier plan's, else the repo's)")
	fl.StringVar(&opts.Program, "program", "", "the programme `NAME` (default: the earlier plan's)")
	fl.StringArrayVar(&opts.Goals, "goal", nil, "a new goal, `TEXT` on one line, besides the carried ones (repeat for more)")
	fl.StringVar(&opts.ID, "id", "", "the new pair `ID` (default: slug(mentor)--slug(mentee))")
	freeText(c, "mentor", "mentee", "program", "goal", "id", "duration")
	_ = c.RegisterFlagCompletionFunc("cadence", cobra.FixedCompletions(cadences.Completions(), cobra.ShellCompDirectiveNoFileComp))
	avoidForceFlag(c, &opts.Force)
	fl.BoolVar(&opts.DryRun, "dry-run", false, "print the new plan as a diff and write nothing")
	fl.BoolVar(&opts.Commit, "commit", false, "commit the new plan to git (only that file)")
	return c
}

func rematchRun(opts *RematchOptions) error {
	f := opts.F
	today, err := f.TodayDate()
	if err != nil {
		return err
	}
	if err := oneLineFlags(opts.Mentor, opts.Mentee, opts.Program, opts.Goals); err != nil {
		return err
	}
	r, ref, err := f.RepoPair(opts.Pair)
	if err != nil {
		return err
	}
	old := load.One(r, ref, load.Everything(today))
	if !old.PlanValid() {
		output.Problems(f.IO.ErrOut, old.PlanProblems())
		return &ExitError{ExitFindings, fmt.Errorf("%s has errors: fix them, then start the rematch; nothing was written", ref.PlanFile())}
	}
	op := old.Plan

	d := render.Defaults()
	d.Mentor, d.Mentee = op.Mentor, op.Mentee
	if opts.Mentor != "" {
		d.Mentor = strings.TrimSpace(opts.Mentor)
		if rematch.SamePerson(d.Mentor, op.Mentor) {
			return usageErr("--mentor %q is already %s's mentor: a rematch pairs the mentee with someone new", d.Mentor, ref.ID)
		}
	} else {
		d.Mentee = strings.TrimSpace(opts.Mentee)
		if rematch.SamePerson(d.Mentee, op.Mentee) {
			return usageErr("--mentee %q is already %s's mentee: a rematch pairs the mentor with someone new", d.Mentee, ref.ID)
		}
	}
	d.Program, d.Start, d.Today = op.Program, today, today
	if opts.Program != "" {
		d.Program = strings.TrimSpace(opts.Program)
	}
	d.Verdict = string(signals.OnTrack)
	d.Cadence, d.CadenceDays = r.Config.Cadence.Text, r.Config.Cadence.Days
	if op.Cadence.Days > 0 {
		d.Cadence, d.CadenceDays = op.Cadence.Text, op.Cadence.Days
	}
	if err := fillPlan(r, &d, planSpec{opts.Start, opts.End, opts.Duration, opts.Cadence, opts.ID, opts.Goals}); err != nil {
		return err
	}
	if d.ID == ref.ID {
		return usageErr("the new pair would have the id %s of the earlier one: pass --id", d.ID)
	}
	d.Pair, d.Dir = d.ID, r.Config.PairsDir+"/"+d.ID

	if err := avoidPairing(f, r, d.Mentor, d.Mentee, opts.Force); err != nil {
		return err
	}
	rec := old.Closure
	switch {
	case rec == nil:
		fmt.Fprintf(f.IO.ErrOut, "%s: warning: %s has no closure record yet: record how it ended with mentor close record %s\n", ref.ClosureFile(), ref.ID, ref.ID)
	case rec.Closed.IsZero():
	default:
		wait := r.Config.Thresholds.RematchAfterDays
		if soon, gap := rematch.TooSoon(rec.Closed, d.Start, wait); soon {
			fmt.Fprintf(f.IO.ErrOut, "%s:%d: warning: %s closed on %s, %s before the new start %s; the programme waits %s (thresholds.rematch_after_days) before a rematch\n",
				rec.File, rec.Lines.Closed, ref.ID, rec.Closed, counted(gap, "day"), d.Start, counted(wait, "day"))
		}
	}

	// The plan as init writes it, then the rematch's additions.
	file := r.Config.PairsDir + "/" + d.ID + "/plan.md"
	out, err := render.Execute(r, "plan.md", d)
	if err != nil {
		return err
	}
	np := plan.Parse(file, out, plan.Options{})
	if !np.Valid() {
		return &ExitError{ExitUsage, fmt.Errorf("the plan template makes a plan mentor cannot read: %v (fix %s)", np.Problems[0], render.OverrideDir+"/plan.md")}
	}
	src, prob := r.Read(ref.PlanFile())
	if prob != nil {
		return &ExitError{ExitFindings, fmt.Errorf("%s", prob.Problem)}
	}
	carried := rematch.Carried(op)
	items := make([]string, len(carried))
	open := 0
	for i, g := range carried {
		items[i] = edit.GoalItem(src, g)
		if g.State == plan.Open {
			open++
		}
	}
	// The mentee's own goals for what comes next, from the record's Next
	// goals list, go with the mentee to the new mentor.
	next := 0
	if opts.Mentor != "" && rec != nil {
		for _, g := range rec.NextGoals {
			item := "- [ ] " + g.Title
			for _, n := range g.Notes {
				item += "\n  - " + n
			}
			items = append(items, item)
			next++
		}
	}
	out, err = edit.CarryOver(out, np, ref.ID, followsLine(ref.ID, op, rec, len(carried), next), items)
	if err != nil {
		return usageErr("%v", err)
	}

	if opts.DryRun {
		_, err := fmt.Fprint(f.IO.Out, edit.Diff(file, nil, out))
		return err
	}
	if opts.Commit {
		if err := gitCheck(r); err != nil {
			return err
		}
	}
	if err := r.Write(file, out, false); err != nil {
		if _, ok := err.(*repo.ExistsError); ok {
			return &ExitError{ExitFindings, fmt.Errorf("%s already exists; a plan is never overwritten (pick another --id, or edit the plan)", file)}
		}
		return err
	}
	if opts.Commit {
		if err := gitCommit(r, []string{file}, fmt.Sprintf("mentor: rematch %s as %s", ref.ID, d.ID)); err != nil {
			return err
		}
	}
	fmt.Fprintln(f.IO.Out, file)
	fmt.Fprintf(f.IO.ErrOut, "carried over %s from %s (%d open, %d dropped)", counted(len(carried), "goal"), ref.ID, open, len(carried)-open)
	if next > 0 {
		fmt.Fprintf(f.IO.ErrOut, ", and %s from the record's Next goals", counted(next, "new goal"))
	}
	fmt.Fprintln(f.IO.ErrOut)
	return nil
}

// followsLine is the line of the new plan that names the earlier pair.
func followsLine(id string, op *plan.Plan, rec *closure.Record, carried, next int) string {
	when := "not closed yet"
	if rec != nil && !rec.Closed.IsZero() {
		when = "closed " + rec.Closed.String()
	}
	line := fmt.Sprintf("Follows the pair [%s](../%s/plan.md) (%s mentoring %s, %s)", id, id, op.Mentor, op.Mentee, when)
	switch carried {
	case 0:
		line += "; every goal there was met."
	case 1:
		line += ": the goal not met there is carried over under Goals, with its progress notes."
	default:
		line += ": the goals not met there are carried over under Goals, with their progress notes."
	}
	if next > 0 {
		line += " The mentee's next goals from its closure record follow them."
	}
	return line
}

// counted says "1 goal", "3 goals".
func counted(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
