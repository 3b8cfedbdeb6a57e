package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/load"
	"github.com/mentor-cli/mentor/internal/output"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/repo"
	"github.com/mentor-cli/mentor/internal/verify"
	"github.com/spf13/cobra"
)

// VerifyOptions are the inputs of `mentor close verify`.
type VerifyOptions struct {
	F          *Factory
	Paths      []string
	Format     string
	All        bool
	AllowEmpty bool
	Identity   string
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
Finding no pair at all is an error (no-pairs) unless --allow-empty: a gate that
checks nothing must not pass unnoticed. Of an encrypted survey only the envelope
(the armor and the age header) can be checked without the key; with
--identity FILE (or $MENTOR_AGE_IDENTITY) its answers are opened in memory and
checked too.

Formats:

` + verifyFormatHelp() + `

In the github and sarif formats paths are made relative to $GITHUB_WORKSPACE, in
the gitlab format to $CI_PROJECT_DIR, when the programme repo is a folder inside
them.

Exit status: 0 when there are no errors (warnings allowed), 1 when there are
(or no pair was found), 2 on a usage or configuration error, or when the
pairs folder does not exist.`,
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
	c.Flags().BoolVar(&opts.AllowEmpty, "allow-empty", false, "pass when no pair is found (an empty programme is expected)")
	c.Flags().StringVar(&opts.Identity, "identity", "", "check the answers of encrypted surveys too, opened with the age identity in `FILE` (default: $"+IdentityEnv+")")
	_ = c.MarkFlagFilename("identity")
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
	keys, err := surveyKeys(f, r, opts.Identity)
	if err != nil {
		return err
	}
	defer programmeMemory(f, len(pairs)).restore()
	vopt := verify.Options{Config: r.Config, Today: today, All: opts.All}
	var vf output.VerifyFormat
	for _, x := range output.VerifyFormats {
		if x.Name == opts.Format {
			vf = x
		}
	}
	prefix := ""
	if vf.BaseEnv != "" {
		prefix = basePrefix(r.Root, f.Getenv(vf.BaseEnv))
	}
	// The findings are kept aside as each pair's come, in the order of
	// their files: the pairs are read in the order of their folders with
	// the "/" after them, which is the order of the files in them.
	findings := &output.Findings{}
	defer findings.Close()
	n := 0
	var tally keyTally
	check := func(p *pair.Pair) []verify.Finding { tally.add(p); return verify.Check(p, vopt) }
	// The plans' bodies are read too, for the plan-warning rule.
	lopt := load.Options{Today: today, Closure: true, Surveys: true, Keys: keys,
		// Notes cost a folder read per pair: only a rule that asks for a
		// final reflection needs them.
		Notes: r.Config.RequireFinalReflection != "none"}
	keep := func(fd verify.Finding) error {
		fd.File = prefix + fd.File
		return findings.Add(fd)
	}
	err = load.Each(r, folderOrder(pairs), lopt, check, func(fs []verify.Finding) error {
		n++
		for _, fd := range fs {
			if err := keep(fd); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if n == 0 && !opts.AllowEmpty {
		if err := keep(noPairs(r, opts.Paths)); err != nil {
			return err
		}
	}
	tally.warn(f, keys)

	run := output.VerifyRun{Pairs: n, Findings: findings, Version: Version()}
	if err := vf.Write(f.IO.Out, run); err != nil {
		return err
	}
	if path := f.Getenv("GITHUB_STEP_SUMMARY"); path != "" && vf.Summary != nil {
		var b output.Spool
		err := vf.Summary(&b, run)
		if err == nil {
			err = appendFile(path, &b)
		}
		b.Close()
		if err != nil {
			fmt.Fprintf(f.IO.ErrOut, "mentor: warning: cannot write the job summary to %s: %v\n", path, err)
		}
	}
	if errs, _ := findings.Count(); errs > 0 {
		return silentExit(ExitFindings)
	}
	return nil
}

// folderOrder sorts pairs by their folder with a "/" after it, the order
// of the files inside them (pairs/a-b/ comes after pairs/a-b-c/), so that
// their findings come in verify.Sort's order.
func folderOrder(pairs []pair.Ref) []pair.Ref {
	out := slices.Clone(pairs)
	slices.SortStableFunc(out, func(a, b pair.Ref) int { return strings.Compare(a.Dir+"/", b.Dir+"/") })
	return out
}

// noPairs is the no-pairs finding: it names the repo root as an absolute
// path, how it was found, and where mentor looked. It is on .mentor.yaml's
// pairs_dir line when the config sets it, else on the pairs folder.
func noPairs(r *repo.Repo, paths []string) verify.Finding {
	where := lookedIn(r, paths)
	file, line := r.Config.PairsDir, 1
	if r.HasConfig && r.Config.PairsDirLine > 0 {
		file, line = config.FileName, r.Config.PairsDirLine
	}
	return verify.NewFinding(verify.NoPairs, file, line,
		"no pair found in %s of the repo %s: check --repo and pairs_dir, or pass --allow-empty if the programme is empty on purpose",
		where, r.Where())
}

// lookedIn says where a command looked for pairs: the pairs folder, or the
// folders the command line named.
func lookedIn(r *repo.Repo, paths []string) string {
	if len(paths) > 0 {
		return strings.Join(paths, ", ")
	}
	return r.Config.PairsDir + "/"
}

// basePrefix is the folder of the programme repo root inside base (the
// CI's checkout), with a final /, so that a CI that resolves paths from its
// checkout finds the files; "" when the root is base or not inside it.
func basePrefix(root, base string) string {
	if base == "" {
		return ""
	}
	if b, err := filepath.EvalSymlinks(base); err == nil {
		base = b
	}
	rel, err := filepath.Rel(base, root)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return ""
	}
	return filepath.ToSlash(rel) + "/"
}

// appendFile appends what a Spool holds to a file that belongs to the CI
// (the job summary, which other steps write to too): it is never replaced.
func appendFile(path string, data *output.Spool) error {
	fh, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	if _, err := data.WriteTo(fh); err != nil {
		fh.Close()
		return err
	}
	return fh.Close()
}
