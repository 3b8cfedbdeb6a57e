package cli

import (
	"fmt"
	"strings"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/load"
	"github.com/mentor-cli/mentor/internal/output"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/repo"
	"github.com/mentor-cli/mentor/internal/signals"
	"github.com/mentor-cli/mentor/internal/verify"
	"github.com/spf13/cobra"
)

// DoneOptions are the inputs of `mentor close done`.
type DoneOptions struct {
	F     *Factory
	Pair  string
	Force bool
	Write writeFlags
}

func newDoneCmd(f *Factory, runF func(*DoneOptions) error) *cobra.Command {
	opts := &DoneOptions{F: f}
	c := &cobra.Command{
		Use:   "done PAIR",
		Short: "Close a pair once its closure record is complete",
		Long: `Done checks the pair's closure record with every rule of mentor close verify, as
if the pair were closed. When the record has no errors it sets the plan's status
to closed and says what comes next: the first check-in, a contact cadence after
the closing day, when the pair stays in touch.

With errors it lists them and exits 1 without changing anything. --force closes
the pair anyway and says so; verify keeps reporting the errors until the record
is fixed. Only the status in plan.md changes, byte for byte.`,
		Example: `  mentor close done ada-lovelace--grace-hopper
  mentor close done ada-lovelace--grace-hopper --commit
  mentor close done ada-lovelace--grace-hopper --dry-run`,
		Args:              pairArgs(),
		ValidArgsFunction: completePairs(f, false),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Pair = args[0]
			if err := opts.Write.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return doneRun(opts)
		},
	}
	c.Flags().BoolVar(&opts.Force, "force", false, "close the pair even though its closure record has errors")
	addWriteFlags(c, f, &opts.Write, "the plan")
	return c
}

func doneRun(opts *DoneOptions) error {
	f := opts.F
	today, err := f.TodayDate()
	if err != nil {
		return err
	}
	r, ref, err := f.RepoPair(opts.Pair)
	if err != nil {
		return err
	}
	p := load.One(r, ref, load.Options{Today: today, FrontMatterOnly: true, Closure: true})
	if err := planUsable(f, p); err != nil {
		return err
	}
	if p.Plan.Status == plan.Closed {
		fmt.Fprintf(f.IO.ErrOut, "%s: the pair is already closed; nothing to change\n", ref.PlanFile())
		return nil
	}
	if opts.Write.Commit {
		if err := gitCheck(r); err != nil {
			return err
		}
	}
	errs := closeFindings(r, p, today)
	if len(errs) > 0 {
		output.VerifyText(f.IO.ErrOut, 1, errs)
		if !opts.Force {
			return &ExitError{ExitFindings, fmt.Errorf("%s is not complete: fix what is listed above, then run mentor close done %s again (or close anyway with --force); nothing was changed", ref.ClosureFile(), ref.ID)}
		}
	}
	file, err := setStatus(f, r, ref, p.Plan.Status, plan.Closed, opts.Write.DryRun)
	if err != nil || opts.Write.DryRun {
		return err
	}
	if opts.Write.Commit {
		if err := gitCommit(r, []string{file}, fmt.Sprintf("mentor: close %s", ref.ID)); err != nil {
			return err
		}
	}
	fmt.Fprintf(f.IO.Out, "%s: status closed\n", file)
	if len(errs) > 0 {
		fmt.Fprintf(f.IO.ErrOut, "closed with --force although %s has %s; mentor close verify reports them until it is fixed\n", ref.ClosureFile(), plural(len(errs), "error"))
	}
	f.IO.Notice("%s", whatComesNext(p))
	return nil
}

// planUsable stops a command on a pair whose plan cannot be read or has
// errors: they are printed and the command exits 1.
func planUsable(f *Factory, p *pair.Pair) error {
	if p.PlanValid() {
		return nil
	}
	file := p.PlanFile()
	probs := p.PlanProblems()
	if p.Plan == nil && len(probs) == 1 {
		return &ExitError{ExitFindings, fmt.Errorf("%s: %s", file, probs[0].Message)}
	}
	output.Problems(f.IO.ErrOut, diag.Errors(probs))
	return &ExitError{ExitFindings, fmt.Errorf("%s has errors: fix them, then run this again", file)}
}

// closeFindings are the errors the pair would have in verify once closed:
// every rule, on the pair as it would be with status closed.
func closeFindings(r *repo.Repo, p *pair.Pair, today dates.Date) []verify.Finding {
	closed := *p
	pl := *p.Plan
	pl.Status = plan.Closed
	closed.Plan = &pl
	var errs []verify.Finding
	for _, fd := range verify.Check(&closed, verify.Options{Config: r.Config, Today: today}) {
		if fd.Severity == diag.Error {
			errs = append(errs, fd)
		}
	}
	return errs
}

// whatComesNext is what done says once the pair is closed.
func whatComesNext(p *pair.Pair) string {
	rec := p.Closure
	if rec == nil {
		return "Next: write the closure record with mentor close record " + p.ID
	}
	if due, ok := FirstCheckIn(rec); ok {
		how := ""
		if ch := strings.TrimSpace(rec.Contact.Channel); ch != "" {
			how = ", by " + ch
		}
		return fmt.Sprintf("Next: the first check-in is due %s (%s after closing on %s%s)", due, strings.TrimSpace(rec.Contact.Cadence), rec.Closed, how)
	}
	if rec.Transition == "" || rec.Transition == "end" {
		return "Next: nothing is due; the closure record keeps the pair's history"
	}
	return fmt.Sprintf("Next: stay in touch as agreed (transition %s); set contact.cadence in %s for mentor to tell when a check-in is due", rec.Transition, p.ClosureFile())
}

// FirstCheckIn is the day the first check-in of a pair closing now is due:
// the one check-in rule of follow-up-due (signals.NextCheckIn).
func FirstCheckIn(rec *closure.Record) (dates.Date, bool) {
	f, ok := signals.NextCheckIn(rec)
	return f.Due, ok
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
