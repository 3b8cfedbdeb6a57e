package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/mentor-cli/mentor/internal/load"
	"github.com/mentor-cli/mentor/internal/output"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/verify"
	"github.com/spf13/cobra"
)

// VerifyOptions are the inputs of `mentor close verify`.
type VerifyOptions struct {
	F      *Factory
	Paths  []string
	Format string
	All    bool
}

func newVerifyCmd(f *Factory, runF func(*VerifyOptions) error) *cobra.Command {
	opts := &VerifyOptions{F: f}
	c := &cobra.Command{
		Use:   "verify [PATH]...",
		Short: "CI gate: every pair that has ended has a complete closure record",
		Long: `Verify checks the whole repo (or the named pair folders, plan.md files or folders
of pairs) and prints a finding for each of these rules:

  plan-invalid        error    a plan that cannot be read
  closure-missing     error    a pair that has ended (status: closed, or its planned end
                               passed more than grace_days ago) has no closure.md
  closure-invalid     error    closure.md front matter is missing, malformed, or a
                               required key is missing, TODO or holds a bad value
  closure-incomplete  error    a required section is missing or holds nothing but TODO
  closure-mismatch    error    mentor, mentee or start differ from the plan's
  contact-missing     error    transition is not end and contact.channel is empty
  status-stale        warning  closure.md exists but the plan's status is not closed
  closure-orphan      error    closure.md in a folder without plan.md

--all requires a closure record for every pair, ended or not.

Formats: text (FILE:LINE: SEVERITY: MESSAGE [RULE], then a summary), json,
github (workflow-command annotations, and a table appended to
$GITHUB_STEP_SUMMARY when set), sarif (SARIF 2.1.0, for code scanning) and
gitlab (a Code Quality report). In the github and sarif formats paths are made
relative to $GITHUB_WORKSPACE, in the gitlab format to $CI_PROJECT_DIR, when the
programme repo is a folder inside them.

Exit status: 0 when there are no errors (warnings allowed), 1 when there are,
2 on a usage or configuration error.`,
		Example: `  # the whole programme, as a person reads it
  mentor close verify

  # in a GitHub Actions step: annotations on the right lines, and a job summary
  mentor close verify --format github

  # in GitLab CI, as a Code Quality report
  mentor close verify --format gitlab > gl-code-quality-report.json

  # require a record for every pair, ended or not
  mentor close verify --all pairs/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if err := checkFormat(opts.Format, output.VerifyFormats...); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return verifyRun(opts)
		},
	}
	c.Flags().StringVarP(&opts.Format, "format", "f", "text", "output `FORMAT`: "+strings.Join(output.VerifyFormats, ", "))
	c.Flags().BoolVar(&opts.All, "all", false, "require a closure record for every pair, ended or not")
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(output.VerifyFormats, cobra.ShellCompDirectiveNoFileComp))
	return c
}

func verifyRun(opts *VerifyOptions) error {
	f := opts.F
	today, err := f.TodayDate()
	if err != nil {
		return err
	}
	r, pairs, err := f.RepoPairs(opts.Paths)
	if err != nil {
		return err
	}
	if len(pairs) == 0 && len(opts.Paths) == 0 {
		// Not a finding, but a gate that checks nothing should say so: a
		// wrong --repo or pairs_dir must not pass unnoticed.
		fmt.Fprintf(f.IO.ErrOut, "mentor: warning: no pairs found in %s/ (pairs_dir); nothing to verify\n", r.Config.PairsDir)
	}
	// Like check, verify keeps little alive: each pair is checked as soon
	// as it is read and only its findings are kept. GOGC, when set, wins.
	if f.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	vopt := verify.Options{Config: r.Config, Today: today, All: opts.All}
	var findings []verify.Finding
	n := 0
	check := func(p *pair.Pair) []verify.Finding { return verify.Check(p, vopt) }
	// verify needs no goals or meetings: the plans' front matter is enough.
	lopt := load.Options{Today: today, FrontMatterOnly: true, Closure: true}
	_ = load.Each(r, pairs, lopt, check, func(fs []verify.Finding) error {
		n++
		findings = append(findings, fs...)
		return nil
	})
	verify.Sort(findings)

	switch opts.Format {
	case "json":
		err = output.VerifyJSON(f.IO.Out, n, findings)
	case "github":
		findings = underBase(findings, r.Root, f.Getenv("GITHUB_WORKSPACE"))
		err = output.VerifyGitHub(f.IO.Out, n, findings)
		if err == nil {
			if path := f.Getenv("GITHUB_STEP_SUMMARY"); path != "" {
				if serr := appendSummary(path, n, findings); serr != nil {
					fmt.Fprintf(f.IO.ErrOut, "mentor: warning: cannot write the job summary to %s: %v\n", path, serr)
				}
			}
		}
	case "sarif":
		findings = underBase(findings, r.Root, f.Getenv("GITHUB_WORKSPACE"))
		err = output.VerifySARIF(f.IO.Out, Version(), findings)
	case "gitlab":
		findings = underBase(findings, r.Root, f.Getenv("CI_PROJECT_DIR"))
		err = output.VerifyGitLab(f.IO.Out, findings)
	default:
		err = output.VerifyText(f.IO.Out, n, findings)
	}
	if err != nil {
		return err
	}
	if errs, _ := verify.Count(findings); errs > 0 {
		return silentExit(ExitFindings)
	}
	return nil
}

// underBase makes the findings' paths relative to base (the CI's checkout)
// when the programme repo is a folder inside it, so that a CI that resolves
// paths from its checkout finds the files.
func underBase(fs []verify.Finding, root, base string) []verify.Finding {
	if base == "" {
		return fs
	}
	if b, err := filepath.EvalSymlinks(base); err == nil {
		base = b
	}
	rel, err := filepath.Rel(base, root)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return fs
	}
	prefix := filepath.ToSlash(rel) + "/"
	out := make([]verify.Finding, len(fs))
	for i, f := range fs {
		f.File = prefix + f.File
		out[i] = f
	}
	return out
}

// appendSummary appends the Markdown summary to the job summary file; the
// file belongs to the CI and other steps write to it too, so it is never
// replaced.
func appendSummary(path string, pairs int, fs []verify.Finding) error {
	var b bytes.Buffer
	if err := output.VerifyMarkdown(&b, pairs, fs); err != nil {
		return err
	}
	fh, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	if _, err := fh.Write(b.Bytes()); err != nil {
		fh.Close()
		return err
	}
	return fh.Close()
}
