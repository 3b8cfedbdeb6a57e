package cli

import (
	"bytes"
	"fmt"
	"io"
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

` + ruleHelp() + `

A pair has ended when its status is closed, or its planned end passed more than
grace_days ago. --all requires a closure record for every pair, ended or not.

Formats:

` + verifyFormatHelp() + `

In the github and sarif formats paths are made relative to $GITHUB_WORKSPACE, in
the gitlab format to $CI_PROJECT_DIR, when the programme repo is a folder inside
them.

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
		ValidArgsFunction: completePairs(f, true),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if err := checkEnum("--format", opts.Format, output.VerifySet()); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return verifyRun(opts)
		},
	}
	enumFlag(c, &opts.Format, "format", "f", "text", "output `FORMAT`", output.VerifySet())
	c.Flags().BoolVar(&opts.All, "all", false, "require a closure record for every pair, ended or not")
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

	var vf output.VerifyFormat
	for _, x := range output.VerifyFormats {
		if x.Name == opts.Format {
			vf = x
		}
	}
	if vf.BaseEnv != "" {
		findings = underBase(findings, r.Root, f.Getenv(vf.BaseEnv))
	}
	run := output.VerifyRun{Pairs: n, Findings: findings, Version: Version()}
	if err := vf.Write(f.IO.Out, run); err != nil {
		return err
	}
	if path := f.Getenv("GITHUB_STEP_SUMMARY"); path != "" && vf.Summary != nil {
		if serr := appendSummary(path, run, vf.Summary); serr != nil {
			fmt.Fprintf(f.IO.ErrOut, "mentor: warning: cannot write the job summary to %s: %v\n", path, serr)
		}
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
func appendSummary(path string, run output.VerifyRun, write func(io.Writer, output.VerifyRun) error) error {
	var b bytes.Buffer
	if err := write(&b, run); err != nil {
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
