package cli

import (
	"fmt"
	"strings"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/edit"
	"github.com/mentor-cli/mentor/internal/output"
	"github.com/mentor-cli/mentor/internal/verify"
	"github.com/spf13/cobra"
)

// SignOptions are the inputs of `mentor close sign`.
type SignOptions struct {
	F      *Factory
	Pair   string
	As     string
	Date   string
	Force  bool
	DryRun bool
	Commit bool
}

func newSignCmd(f *Factory, runF func(*SignOptions) error) *cobra.Command {
	opts := &SignOptions{F: f}
	c := &cobra.Command{
		Use:   "sign PAIR --as mentor|mentee|program",
		Short: "Sign a pair's closure record off, for one side",
		Long: `Sign sets the date one side signed the closure record off: signed_off.<side> in
the front matter of <pair>/closure.md (--date, default today). It changes no
other byte of the file: comments, key order, a byte-order mark and CRLF line
endings stay as they were.

Signers:

` + setList(closure.Signers) + `

Both sides sign by default (closure.require_signoff: both in .mentor.yaml; one
asks for either side, none for no signature). When one side cannot be reached,
the record says unreachable: mentor|mentee (final_meeting: none is allowed);
then the other side and the programme sign. mentor close verify fails a
complete record that lacks a signature it needs (rule signoff-missing).

A side that signed already keeps its date unless --force replaces it.`,
		Example: `  mentor close sign ada-lovelace--grace-hopper --as mentor
  mentor close sign ada-lovelace--grace-hopper --as mentee --date 2026-07-29
  # the mentee could not be reached: the mentor and the programme sign
  mentor close sign ada-lovelace--grace-hopper --as program --dry-run`,
		Args:              pairArgs(),
		ValidArgsFunction: completePairs(f, false),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Pair = args[0]
			switch {
			case opts.As == "":
				return usageErr("--as is required: say who signs, --as mentor, --as mentee or --as program")
			case !closure.Signers.Has(opts.As):
				return usageErr("--as %q: say who signs, one of %s", opts.As, closure.Signers)
			}
			if opts.Date != "" {
				if _, err := dates.Parse(opts.Date); err != nil {
					return usageErr("--date: %v", err)
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return signRun(opts)
		},
	}
	fl := c.Flags()
	fl.StringVar(&opts.As, "as", "", "who signs: `SIGNER` mentor, mentee or program")
	dateFlag(c, &opts.Date, "date", "the day of the signature", "today")
	fl.BoolVar(&opts.Force, "force", false, "replace the date of a side that signed already")
	fl.BoolVar(&opts.DryRun, "dry-run", false, "print the change as a unified diff and write nothing")
	fl.BoolVar(&opts.Commit, "commit", false, "commit closure.md to git (only that file)")
	lockFlags(c, f)
	_ = c.RegisterFlagCompletionFunc("as", cobra.FixedCompletions(closure.Signers.Completions(), cobra.ShellCompDirectiveNoFileComp))
	return c
}

func signRun(opts *SignOptions) error {
	f := opts.F
	_, date, err := f.TodayAnd(opts.Date)
	if err != nil {
		return err
	}
	r, ref, err := f.RepoPair(opts.Pair)
	if err != nil {
		return err
	}
	if opts.Commit && !opts.DryRun {
		if err := gitCheck(r); err != nil {
			return err
		}
	}
	file := ref.ClosureFile()
	var rec *closure.Record
	res, err := edit.Apply(r, file, func(src []byte) ([]byte, error) {
		rec = closure.Parse(file, src)
		if rec.Unreachable == opts.As {
			return nil, usageErr("%s says the %s could not be reached (unreachable: %s), so the %s cannot sign: the other side and the programme sign; nothing was written",
				file, opts.As, opts.As, opts.As)
		}
		if was := rec.SignedOff.Signed(opts.As); !was.IsZero() && !opts.Force {
			if was.Equal(date) {
				return src, nil
			}
			return nil, &ExitError{ExitFindings, fmt.Errorf("%s: the %s signed already on %s; --force replaces the date; nothing was written", file, verify.SignerName(opts.As), was)}
		}
		out, err := edit.SetNested(src, "signed_off", opts.As, date.String())
		if err != nil {
			if !rec.Valid() {
				// The record's own errors say where, line by line.
				output.Problems(f.IO.ErrOut, diag.Errors(rec.Problems))
				return nil, &ExitError{ExitFindings, fmt.Errorf("%s has errors: fix them, then sign; nothing was written", file)}
			}
			return nil, &ExitError{ExitFindings, fmt.Errorf("%s: cannot sign: %v; nothing was written", file, err)}
		}
		return out, nil
	}, edit.Options{DryRun: opts.DryRun, Diff: f.IO.Out})
	if err != nil {
		if re, ok := err.(*edit.ReadError); ok && re.NotExist() {
			return usageErr("%s has no closure.md to sign: write it with mentor close record %s first", ref.Dir, ref.ID)
		}
		return err
	}
	if opts.DryRun {
		return nil
	}
	if !res.Changed {
		fmt.Fprintf(f.IO.ErrOut, "mentor: %s is signed by the %s on %s already; nothing changed\n", res.File, verify.SignerName(opts.As), date)
		return nil
	}
	if opts.Commit {
		if err := gitCommit(r, []string{res.File}, fmt.Sprintf("mentor: the %s signs off the closure record of %s", opts.As, ref.ID)); err != nil {
			return err
		}
	}
	fmt.Fprintln(f.IO.Out, res.File)
	after := closure.Parse(file, res.New)
	need, anyOne := verify.Needed(after, r.Config.RequireSignoff)
	var missing []string
	for _, s := range need {
		if after.SignedOff.Signed(s).IsZero() {
			missing = append(missing, s)
		}
	}
	switch {
	case len(need) == 0 || len(missing) == 0 || (anyOne && len(missing) < len(need)):
		fmt.Fprintf(f.IO.ErrOut, "mentor: signed by the %s on %s; the record has every signature closure.require_signoff (%s) asks for\n",
			verify.SignerName(opts.As), date, r.Config.RequireSignoff)
	default:
		word := " and "
		if anyOne {
			word = " or "
		}
		var cmds []string
		for _, s := range missing {
			cmds = append(cmds, fmt.Sprintf("mentor close sign %s --as %s", ref.ID, s))
		}
		fmt.Fprintf(f.IO.ErrOut, "mentor: signed by the %s on %s; still to sign: %s\n",
			verify.SignerName(opts.As), date, strings.Join(cmds, word))
	}
	return nil
}
