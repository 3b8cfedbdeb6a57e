package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/debrief"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/edit"
	"github.com/mentor-cli/mentor/internal/interrupt"
	"github.com/mentor-cli/mentor/internal/load"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/render"
	"github.com/mentor-cli/mentor/internal/verify"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// DebriefOptions are the inputs of `mentor close debrief`.
type DebriefOptions struct {
	F           *Factory
	Pair        string
	Date        string
	Unplanned   bool
	Unreachable string
	Accessible  bool
	Commit      bool

	// Terminal reports whether standard input and output are a terminal
	// the full-screen form can run on.
	Terminal func() bool
	// Form runs the full-screen form; tests replace it.
	Form func(d *debrief.Debrief, preview debrief.Preview) (debrief.Outcome, error)
}

func newDebriefCmd(f *Factory, runF func(*DebriefOptions) error) *cobra.Command {
	opts := &DebriefOptions{F: f,
		Terminal: func() bool { return stdinTerminal(f) && stdoutTerminal(f) },
		Form: func(d *debrief.Debrief, preview debrief.Preview) (debrief.Outcome, error) {
			return debrief.RunForm(d, debrief.FormOptions{In: f.IO.In, Out: f.IO.Out, Color: f.IO.ColorEnabled() && f.Getenv("NO_COLOR") == "", Preview: preview})
		},
	}
	c := &cobra.Command{
		Use:   "debrief PAIR",
		Short: "Walk a pair through its final meeting and write the closure record",
		Long: `Debrief walks a pair through its final meeting on one terminal, page by page,
and writes what they say into <pair>/closure.md: the agenda's questions (the
same as mentor close agenda lists, from the same table), then the record's
decisions: the outcome of each goal (the plan's state first), the reason (the
proposed one first), who raised the ending, the final meeting, the transition
and the contact. A review page shows every answer, and what mentor close
verify would still find, before anything is written; there the pair writes the
record, saves it as a draft (what is not answered stays TODO), goes back to
change an answer, or stops. Whoever is at the keyboard signs the record off, as
mentor close sign does.

An existing closure.md is read first: its answers are the defaults, and what a
person wrote in a section is shown and kept unless changed. Run the debrief
again to finish a draft. Ctrl-C or Esc stops it at any point, and nothing is
written.

The form needs a terminal. --accessible (or ACCESSIBLE=1 in the environment)
asks the same questions as numbered plain prompts, one answer a line on
standard input, for screen readers and scripts: Enter keeps the answer shown
in brackets, - clears it. Without a terminal and without --accessible the
debrief does not start: write the record by hand with mentor close record.

Exit status: 0 when the record was written (a draft too); 1 when the debrief
was stopped, the input ended before the last answer, or closure.md changed
while it ran (nothing is written); 2 without a terminal, or on another usage
error.`,
		Example: `  mentor close debrief ada-lovelace--grace-hopper
  # one answer a line, for a screen reader or a script
  mentor close debrief ada-lovelace--grace-hopper --accessible < answers.txt
  mentor close debrief ada-lovelace--grace-hopper --unreachable mentee`,
		Args:              pairArgs(),
		ValidArgsFunction: completePairs(f, false),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Pair = args[0]
			if err := checkEnum("--unreachable", opts.Unreachable, closure.Sides); err != nil {
				return err
			}
			if v := strings.ToLower(f.Getenv("ACCESSIBLE")); v != "" && v != "0" && v != "false" {
				opts.Accessible = true
			}
			if runF != nil {
				return runF(opts)
			}
			return debriefRun(opts)
		},
	}
	fl := c.Flags()
	dateFlag(c, &opts.Date, "date", "the closing day of a new record", "today")
	fl.BoolVar(&opts.Unplanned, "unplanned", false, "the ending was not planned: ground rules first, and what led here")
	enumFlag(c, &opts.Unreachable, "unreachable", "", "", "the `SIDE` that could not be reached: the other side answers alone", closure.Sides)
	fl.BoolVar(&opts.Accessible, "accessible", false, "ask numbered plain prompts, one answer a line (also ACCESSIBLE=1)")
	fl.BoolVar(&opts.Commit, "commit", false, "commit closure.md to git (only that file)")
	lockFlags(c, f)
	return c
}

// stdoutTerminal reports whether standard output is a real terminal.
func stdoutTerminal(f *Factory) bool { return f.IO.IsStdoutTTY() }

func debriefRun(opts *DebriefOptions) error {
	f := opts.F
	pf, err := loadPair(f, opts.Pair, opts.Date)
	if err != nil {
		return err
	}
	r, ref := pf.repo, pf.pair.Ref
	data := &pf.data
	if data.Date.Before(data.Start) {
		return usageErr("--date %s is before the pair's start %s: a pair cannot close before it starts", data.Date, data.Start)
	}
	if !opts.Accessible && !opts.Terminal() {
		return usageErr("the debrief asks its questions on a terminal, and this is not one: answer numbered plain prompts with --accessible (a script can pipe the answers in), or write the record to complete by hand with mentor close record %s", ref.ID)
	}
	if opts.Commit {
		if err := gitCheck(r); err != nil {
			return err
		}
	}
	today, err := f.TodayDate()
	if err != nil {
		return err
	}

	// The existing record: its answers are the defaults.
	file := ref.ClosureFile()
	var src []byte
	var rec *closure.Record
	switch data, prob := r.Read(file); {
	case prob == nil:
		if err := checkFrontMatter(data); err != nil {
			return &ExitError{ExitFindings, fmt.Errorf("%s: %v: fix its front matter first (or move the file away to start a new record); nothing was asked", file, err)}
		}
		src, rec = data, closure.Parse(file, data)
	case !prob.NotExist():
		return &ExitError{ExitFindings, fmt.Errorf("%s; nothing was asked", prob.Problem.String())}
	}
	unreachable := opts.Unreachable
	if unreachable == "" && rec != nil {
		unreachable = rec.Unreachable
	}
	if opts.Unplanned || unreachable != "" {
		data.SetEnding(true, unreachable)
	}
	d := debrief.New(debrief.Input{Data: *data, Record: rec, Source: src, Today: today})

	// The record the answers make, as it would be written.
	build := func(cur []byte, sign bool) ([]byte, error) {
		base := cur
		if base == nil {
			out, err := render.Execute(r, "closure.md", d.RecordData())
			if err != nil {
				return nil, err
			}
			base = out
		}
		out, err := d.Fill(file, base)
		if err != nil {
			return nil, &ExitError{ExitFindings, err}
		}
		if sign {
			if out, err = d.Sign(file, out, today); err != nil {
				return nil, &ExitError{ExitFindings, err}
			}
		}
		if err := checkFrontMatter(out); err != nil {
			_, tf, _ := render.Source(r, "closure.md")
			return nil, &render.TemplateError{File: tf, Err: fmt.Errorf("the record it makes has front matter mentor cannot read: %v", err)}
		}
		return out, nil
	}
	check := func(out []byte) []verify.Finding {
		p := *pf.pair
		p.Closure, p.ClosureRead = closure.Parse(file, out), pair.Read{Exists: true}
		return verify.Check(&p, verify.Options{Config: r.Config, Today: today})
	}
	preview := func() []string {
		out, err := build(src, true)
		if err != nil {
			return []string{err.Error()}
		}
		var lines []string
		for _, fd := range check(out) {
			if fd.Severity == diag.Error {
				lines = append(lines, fmt.Sprintf("line %d: %s", fd.Line, fd.Message))
			}
		}
		return lines
	}

	var outcome debrief.Outcome
	if opts.Accessible {
		width := 0
		if o, ok := f.IO.Out.(*os.File); ok && stdoutTerminal(f) {
			if w, _, err := term.GetSize(int(o.Fd())); err == nil {
				width = w
			}
		}
		restore := interrupt.Outcome("mentor: the debrief was stopped: nothing was written", ExitFindings)
		outcome, err = debrief.Ask(d, f.IO.In, f.IO.Out, debrief.AskOptions{Width: width, Echo: !stdinTerminal(f), Preview: preview})
		restore()
	} else {
		outcome, err = opts.Form(d, preview)
	}
	var end *debrief.EndOfInputError
	switch {
	case errors.As(err, &end):
		return &ExitError{ExitFindings, fmt.Errorf("%v: nothing was written", err)}
	case errors.Is(err, debrief.ErrStopped) || (err == nil && outcome == debrief.Stop):
		return &ExitError{ExitFindings, errors.New("the debrief was stopped: nothing was written")}
	case err != nil:
		return err
	}

	res, err := edit.Apply(r, file, func(cur []byte) ([]byte, error) {
		if !bytes.Equal(cur, src) || (cur == nil) != (src == nil) {
			return nil, &ExitError{ExitFindings, fmt.Errorf("%s changed while the debrief ran: nothing was written; run the debrief again, and what the file says now will be the defaults", file)}
		}
		return build(cur, outcome == debrief.Write)
	}, edit.Options{Create: true})
	if err != nil {
		return err
	}
	written := []string{res.File}
	// As with record: the pair is closing once its record is started.
	if cur := load.One(r, ref, load.Options{FrontMatterOnly: true}); cur.Plan != nil && cur.Plan.Status == plan.Active {
		planFile, err := setStatus(f, r, ref, plan.Active, plan.Closing, false)
		if err != nil {
			return fmt.Errorf("wrote %s, but could not set the plan's status to closing: %w", res.File, err)
		}
		if planFile != "" {
			written = append(written, planFile)
			f.IO.Notice("%s: status closing", planFile)
		}
	}
	if opts.Commit && res.Written {
		msg := fmt.Sprintf("mentor: the debrief of %s writes its closure record", ref.ID)
		if outcome == debrief.Draft {
			msg = fmt.Sprintf("mentor: a draft of the closure record of %s, from its debrief", ref.ID)
		}
		if err := gitCommit(r, written, msg); err != nil {
			return err
		}
	}
	fmt.Fprintln(f.IO.Out, res.File)

	// What verify says of the record now.
	p := load.One(r, ref, load.Everything(today))
	var errs []verify.Finding
	for _, fd := range verify.Check(p, verify.Options{Config: r.Config, Today: today}) {
		if fd.Severity == diag.Error {
			errs = append(errs, fd)
		}
	}
	kind := "the record"
	if outcome == debrief.Draft {
		kind = "a draft of the record"
	}
	if len(errs) == 0 {
		fmt.Fprintf(f.IO.ErrOut, "mentor: wrote %s; it passes mentor close verify\n", kind)
		return nil
	}
	fmt.Fprintf(f.IO.ErrOut, "mentor: wrote %s; mentor close verify %s still finds %d %s:\n", kind, ref.ID, len(errs), map[bool]string{true: "error", false: "errors"}[len(errs) == 1])
	for _, fd := range errs {
		fmt.Fprintf(f.IO.ErrOut, "  %s:%d: %s\n", fd.File, fd.Line, fd.Message)
	}
	fmt.Fprintf(f.IO.ErrOut, "Run mentor close debrief %s again to finish it: its answers are the defaults.\n", ref.ID)
	return nil
}
