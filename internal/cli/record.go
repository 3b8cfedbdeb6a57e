package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/edit"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/render"
	"github.com/mentor-cli/mentor/internal/repo"
	"github.com/spf13/cobra"
)

// RecordOptions are the inputs of `mentor close record`.
type RecordOptions struct {
	F          *Factory
	Pair       string
	Date       string
	Reason     string
	Transition string
	// Unreachable is the side that could not be reached: the record says
	// so, proposes the reason unreachable and final_meeting none.
	Unreachable string
	Initiated   string
	Channel     string
	Cadence     string
	Kind        string   // contact.kind
	Until       string   // contact.until, a date
	Outcomes    []string // GOAL=OUTCOME
	Sections    string   // FILE or - : the text of sections to write
	File        fileOptions
}

func newRecordCmd(f *Factory, runF func(*RecordOptions) error) *cobra.Command {
	opts := &RecordOptions{F: f}
	c := &cobra.Command{
		Use:   "record PAIR",
		Short: "Start a pair's closure record, prefilled from its plan",
		Long: `Record writes <pair>/closure.md, the closure record the pair completes by hand.
The front matter is prefilled from the plan: the people, the start, the closing
day (--date), the final meeting held, and every goal with its outcome (met and
dropped goals as they are; open goals TODO: partial or not-met). The reason is
--reason, else proposed from the signals that fired, else TODO; the transition
is --transition, else TODO. With --unreachable SIDE the record says that side
could not be reached (unreachable: SIDE), the reason is unreachable and
final_meeting none; the other side and the programme sign it. signed_off is
left empty: each side signs with mentor close sign. The body has the
closure.required_sections of the config, with the facts mentor knows, the
agenda's questions for each section, and a TODO line where the pair must write;
Next steps holds a Next goals list for the mentee's new goals.

The decisions only the pair can make can be given as flags too, so that the
record's front matter needs no hand edit: --initiated-by, --contact-channel and
--contact-cadence (when the transition is not end), and --outcome GOAL=OUTCOME
for an open goal (GOAL its number or a part of its title, OUTCOME partial,
not-met, met or dropped).

--sections FILE (or - for standard input, such as a here-document) writes the
record's sections from Markdown: each "## Section" heading and the text under
it. The text takes the place of the section's TODO lines; the facts mentor
prefilled stay. On a record that exists already, --sections writes the
sections in place (no --force needed): a section already written is refused,
so nothing the pair wrote is lost.

Reasons:

` + reasonHelp() + `

Transitions:

` + transitionHelp() + `

When the plan's status is active, record sets it to closing: the pair is
completing its record, and check shows how many errors the record still has.
Replace every TODO, check the record with mentor close verify, then close the
pair with mentor close done.

The record comes from the closure.md template; .mentor/templates/closure.md
replaces the built-in one. An existing closure.md is only replaced with --force,
and one that holds the pair's writing (no TODO left in it) is kept first as
closure.md.bak.`,
		Example: `  mentor close record ada-lovelace--grace-hopper
  mentor close record ada-lovelace--grace-hopper --date 2026-12-01 \
      --reason goals-met --transition informal
  mentor close record pairs/ada-lovelace--grace-hopper/plan.md --stdout
  mentor close record ada-lovelace--grace-hopper --dry-run`,
		Args:              pairArgs(),
		ValidArgsFunction: completePairs(f, false),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Pair = args[0]
			if err := opts.File.check(); err != nil {
				return err
			}
			if err := checkEnum("--reason", opts.Reason, closure.Reasons); err != nil {
				return err
			}
			if err := checkEnum("--transition", opts.Transition, closure.Transitions); err != nil {
				return err
			}
			if err := checkEnum("--unreachable", opts.Unreachable, closure.Sides); err != nil {
				return err
			}
			if err := checkEnum("--initiated-by", opts.Initiated, closure.Initiators); err != nil {
				return err
			}
			if opts.Transition == "end" && (opts.Channel != "" || opts.Cadence != "" || opts.Kind != "" || opts.Until != "") {
				return usageErr("--transition end: the pair does not stay in touch, so the --contact-… flags do not apply")
			}
			if err := checkEnum("--contact-kind", opts.Kind, closure.ContactKinds); err != nil {
				return err
			}
			if opts.Until != "" {
				if _, err := dates.Parse(opts.Until); err != nil {
					return usageErr("--contact-until: %v", err)
				}
			}
			for _, v := range []struct{ flag, val string }{{"--contact-channel", opts.Channel}, {"--contact-cadence", opts.Cadence}} {
				if strings.ContainsAny(v.val, "\r\n") || v.val != "" && strings.TrimSpace(v.val) == "" {
					return usageErr("%s takes one line of text", v.flag)
				}
			}
			for _, o := range opts.Outcomes {
				goal, outcome, ok := strings.Cut(o, "=")
				if !ok || strings.TrimSpace(goal) == "" {
					return usageErr("--outcome %q: write it as GOAL=OUTCOME, such as --outcome 2=partial", o)
				}
				if err := checkEnum("--outcome", strings.TrimSpace(outcome), closure.Outcomes); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return recordRun(opts)
		},
	}
	fl := c.Flags()
	dateFlag(c, &opts.Date, "date", "the closing day", "today")
	enumFlag(c, &opts.Reason, "reason", "", "", "why the pair closes (default: proposed from the signals), a `REASON`", closure.Reasons)
	enumFlag(c, &opts.Transition, "transition", "", "", "what comes next, a `TRANSITION`", closure.Transitions)
	enumFlag(c, &opts.Unreachable, "unreachable", "", "", "the `SIDE` that could not be reached (reason unreachable, final_meeting none)", closure.Sides)
	enumFlag(c, &opts.Initiated, "initiated-by", "", "", "who raised the ending, `WHO`", closure.Initiators)
	fl.StringVar(&opts.Channel, "contact-channel", "", "how the pair stays in touch, a `CHANNEL` (email, Slack…)")
	fl.StringVar(&opts.Cadence, "contact-cadence", "", "how often the pair stays in touch, a `CADENCE` (monthly, quarterly…)")
	enumFlag(c, &opts.Kind, "contact-kind", "", "", "what kind of contact, a `KIND`", closure.ContactKinds)
	dateFlag(c, &opts.Until, "contact-until", "the last day of planned contact", "open-ended")
	fl.StringVar(&opts.Sections, "sections", "", "write the sections from `FILE` (- for standard input): \"## Section\" headings and their text")
	fl.StringArrayVar(&opts.Outcomes, "outcome", nil, "a goal's outcome, `GOAL=OUTCOME` (repeat for more): "+closure.Outcomes.String())
	_ = c.RegisterFlagCompletionFunc("contact-channel", cobra.FixedCompletions([]string{"email", "Slack", "LinkedIn", "video call"}, cobra.ShellCompDirectiveNoFileComp))
	_ = c.RegisterFlagCompletionFunc("contact-cadence", cobra.FixedCompletions([]string{"monthly", "quarterly", "yearly"}, cobra.ShellCompDirectiveNoFileComp))
	_ = c.RegisterFlagCompletionFunc("outcome", cobra.NoFileCompletions)
	_ = c.RegisterFlagCompletionFunc("sections", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return []cobra.Completion{"-\tstandard input"}, cobra.ShellCompDirectiveDefault
	})
	fl.BoolVar(&opts.File.Stdout, "stdout", false, "print the record instead of writing closure.md")
	fl.BoolVar(&opts.File.Force, "force", false, "replace an existing closure.md (one with the pair's writing is kept as closure.md.bak)")
	addWriteFlags(c, f, &opts.File.Write, "the record and the plan")
	return c
}

func recordRun(opts *RecordOptions) error {
	pf, err := loadPair(opts.F, opts.Pair, opts.Date)
	if err != nil {
		return err
	}
	var headings, texts []string
	if opts.Sections != "" {
		if headings, texts, err = readSections(opts.F, pf, opts.Sections); err != nil {
			return err
		}
	}
	if opts.Sections != "" && !opts.File.Force && !opts.File.Stdout {
		if _, err := pf.repo.Lstat(pf.pair.ClosureFile()); err == nil {
			return fillSections(opts, pf, headings, texts)
		}
	}
	d := &pf.data
	if d.Date.Before(d.Start) {
		return usageErr("--date %s is before the pair's start %s: a pair cannot close before it starts", d.Date, d.Start)
	}
	if opts.Unreachable != "" {
		d.SetEnding(true, opts.Unreachable)
	}
	if opts.Reason != "" {
		d.Reason, d.ReasonProposed, d.ReasonSignal = opts.Reason, false, ""
	}
	if opts.Transition != "" {
		d.Transition = opts.Transition
	}
	if opts.Initiated != "" {
		d.InitiatedBy = opts.Initiated
	}
	for _, o := range opts.Outcomes {
		goal, outcome, _ := strings.Cut(o, "=")
		n, err := findGoalArg(pf.pair.Plan, goal)
		if err != nil {
			return err
		}
		d.Goals[n-1].Outcome = strings.TrimSpace(outcome)
	}
	out, err := pf.render("closure.md")
	if err != nil {
		return err
	}
	for _, v := range []struct{ key, val string }{{"channel", opts.Channel}, {"cadence", opts.Cadence}, {"kind", opts.Kind}} {
		if v.val == "" {
			continue
		}
		if out, err = edit.SetPath(out, []any{"contact", v.key}, strings.TrimSpace(v.val)); err != nil {
			_, file, _ := render.Source(pf.repo, "closure.md")
			return &render.TemplateError{File: file, Err: fmt.Errorf("--contact-%s: the record it makes has no contact.%s to set (%v)", v.key, v.key, err)}
		}
	}
	if opts.Until != "" {
		if out, err = edit.SetNested(out, "contact", "until", opts.Until); err != nil {
			_, file, _ := render.Source(pf.repo, "closure.md")
			return &render.TemplateError{File: file, Err: fmt.Errorf("--contact-until: %v", err)}
		}
	}
	if len(headings) > 0 {
		if out, err = fillAll(pf.pair.ClosureFile(), out, headings, texts); err != nil {
			return err
		}
	}
	f, r := opts.F, pf.repo
	if opts.File.Write.Commit {
		if err := gitCheck(r); err != nil {
			return err
		}
	}
	file, err := pf.write(f, "closure.md", out, opts.File)
	if err != nil {
		return err
	}
	var written []string
	if file != "" {
		written = append(written, file)
	}
	// The pair is closing once its record is started.
	if !opts.File.Stdout && pf.pair.Plan.Status == plan.Active {
		planFile, err := setStatus(f, r, pf.pair.Ref, plan.Active, plan.Closing, opts.File.Write.DryRun)
		if err != nil {
			if file != "" {
				return fmt.Errorf("wrote %s, but could not set the plan's status to closing: %w", file, err)
			}
			return err
		}
		if planFile != "" {
			written = append(written, planFile)
			f.IO.Notice("%s: status closing", planFile)
		}
	}
	if opts.File.Write.Commit && len(written) > 0 {
		if err := gitCommit(r, written, fmt.Sprintf("mentor: closure record for %s", pf.pair.ID)); err != nil {
			return err
		}
	}
	if file != "" {
		f.IO.Hint("Next: write the record's sections together (replace every TODO in %s),\ncheck it with: mentor close verify %s\nthen close the pair with: mentor close done %s", file, pf.pair.ID, pf.pair.ID)
	}
	return nil
}

// setStatus changes the plan's status from one value to another, byte for
// byte; it returns the file written ("" on a dry run). A plan whose status
// changed on disk meanwhile is left alone (*repo.ChangedError).
func setStatus(f *Factory, r *repo.Repo, ref pair.Ref, from, to plan.Status, dryRun bool) (string, error) {
	today, err := f.TodayDate()
	if err != nil {
		return "", err
	}
	res, err := edit.Apply(r, ref.PlanFile(), func(src []byte) ([]byte, error) {
		p, err := editablePlan(f, ref, src, today, "run this again")
		if err != nil {
			return nil, err
		}
		if p.Status != from {
			return nil, &repo.ChangedError{Path: ref.PlanFile()}
		}
		out, err := edit.SetKey(src, "status", string(to), "cadence", "end", "start")
		if err != nil {
			return nil, &ExitError{ExitFindings, fmt.Errorf("%s: %v", ref.PlanFile(), err)}
		}
		return out, nil
	}, edit.Options{DryRun: dryRun, Diff: f.IO.Out})
	if err != nil || dryRun {
		return "", planEditErr(ref, err)
	}
	return res.File, nil
}

// readSections reads the Markdown of --sections: a file in the repo, or
// standard input for -.
func readSections(f *Factory, pf *pairFile, from string) ([]string, []string, error) {
	var data []byte
	if from == "-" {
		b, err := io.ReadAll(io.LimitReader(f.IO.In, repo.MaxFileSize+1))
		if err != nil {
			return nil, nil, usageErr("--sections -: cannot read standard input: %v", err)
		}
		if len(b) > repo.MaxFileSize {
			return nil, nil, usageErr("--sections -: standard input is over 1 MiB")
		}
		data = b
	} else {
		cwd, err := f.Getwd()
		if err != nil {
			return nil, nil, err
		}
		abs := from
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(cwd, from)
		}
		if !pf.repo.Inside(abs) {
			return nil, nil, usageErr("--sections %s is outside the repo %s: mentor reads only the repo's files (pipe it in with --sections - instead)", from, pf.repo.Root)
		}
		b, prob := pf.repo.Read(pf.repo.Rel(abs))
		if prob != nil {
			return nil, nil, usageErr("--sections %s: %s", from, prob.Problem.Message)
		}
		data = b
	}
	if p := repo.CheckText(data); p != "" {
		return nil, nil, usageErr("--sections: the text is %s", p)
	}
	h, t, err := edit.SplitSections(string(data))
	if err != nil {
		return nil, nil, usageErr("--sections: %v", err)
	}
	return h, t, nil
}

// fillAll writes each section into a record's bytes.
func fillAll(file string, src []byte, headings, texts []string) ([]byte, error) {
	out := src
	for i, h := range headings {
		rec := closure.Parse(file, out)
		if rec.FindSection(h) == nil {
			var have []string
			for _, s := range rec.Sections {
				have = append(have, s.Heading)
			}
			return nil, usageErr("%s has no section %q; its sections are: %s", file, h, strings.Join(have, ", "))
		}
		var err error
		if out, err = edit.FillSection(out, rec, h, texts[i]); err != nil {
			return nil, &ExitError{ExitFindings, err}
		}
	}
	return out, nil
}

// fillSections writes the sections into the record that is there, in
// place, and sets the plan's status to closing when it is still active.
func fillSections(opts *RecordOptions, pf *pairFile, headings, texts []string) error {
	f, r, ref := opts.F, pf.repo, pf.pair.Ref
	if opts.Reason != "" || opts.Transition != "" || opts.Initiated != "" || opts.Channel != "" || opts.Cadence != "" || opts.Kind != "" || opts.Until != "" || len(opts.Outcomes) > 0 || opts.Date != "" {
		return usageErr("%s exists: --sections writes its sections in place; --date, --reason, --transition, --initiated-by, --contact-… and --outcome only apply to a new record (pass --force to write it again)", ref.ClosureFile())
	}
	if opts.File.Write.Commit {
		if err := gitCheck(r); err != nil {
			return err
		}
	}
	res, err := edit.Apply(r, ref.ClosureFile(), func(src []byte) ([]byte, error) {
		return fillAll(ref.ClosureFile(), src, headings, texts)
	}, edit.Options{DryRun: opts.File.Write.DryRun, Diff: f.IO.Out})
	if err != nil {
		return err
	}
	written := []string{res.File}
	if pf.pair.Plan.Status == plan.Active {
		planFile, err := setStatus(f, r, ref, plan.Active, plan.Closing, opts.File.Write.DryRun)
		if err != nil {
			return err
		}
		if planFile != "" {
			written = append(written, planFile)
			f.IO.Notice("%s: status closing", planFile)
		}
	}
	if opts.File.Write.DryRun {
		return nil
	}
	if opts.File.Write.Commit {
		if err := gitCommit(r, written, fmt.Sprintf("mentor: write the closure record of %s", ref.ID)); err != nil {
			return err
		}
	}
	fmt.Fprintf(f.IO.Out, "%s: wrote %s\n", res.File, plural(len(headings), "section"))
	f.IO.Hint("Next: check the record with: mentor close verify %s\nthen close the pair with: mentor close done %s", ref.ID, ref.ID)
	return nil
}
