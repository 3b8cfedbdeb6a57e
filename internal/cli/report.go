package cli

import (
	"fmt"
	"github.com/mentor-cli/mentor/internal/escape"
	"sort"
	"strconv"
	"strings"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/load"
	"github.com/mentor-cli/mentor/internal/output"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/repo"
	"github.com/mentor-cli/mentor/internal/report"
	"github.com/mentor-cli/mentor/internal/signals"
	"github.com/spf13/cobra"
)

// ReportOptions are the inputs of `mentor close report`.
type ReportOptions struct {
	F        *Factory
	Paths    []string
	Program  string
	Since    string
	Format   string
	Identity string
}

func newReportCmd(f *Factory, runF func(*ReportOptions) error) *cobra.Command {
	opts := &ReportOptions{F: f}
	c := &cobra.Command{
		Use:   "report [PATH]...",
		Short: "Sum up the programme: where pairs stand, why they ended, what came of them",
		Long: `Report reads every plan and closure record of the programme (or of the named
pairs and folders) and sums them up for a programme lead:

  - pairs by verdict and by status, and the pairs that need attention now
    (signals firing, a plan or closure record that cannot be read, or a pair
    that has ended without a closure record), each linked to its plan;
  - closure reasons, transitions and contact agreements, with their shares;
  - goal outcomes from the closure records and the share of goals met;
  - planned and actual length (median and quartiles), early closures
    (closed before the planned end) and their reasons;
  - meetings held, cancelled and missed by each side, and the unproductive share;
  - the same broken down by programme when plans name one;
  - the closure survey, per programme and per closure reason: responses and
    response rate, mean and distribution of each 1-5 and 0-10 question, the
    Net Promoter Score of each 0-10 question and the share of yes of each
    yes-no question. A group with fewer than survey.min_group (default 3)
    readable responses shows counts only; free text never enters the report.

Encrypted surveys are counted without a key; --identity FILE (or
$MENTOR_AGE_IDENTITY: a file, or the identity itself) opens them in memory
so that their answers count too. A survey that cannot be opened (damaged, or
encrypted to someone else's key) is listed with why, and the rest is still
reported.

The default output (text, or md: the same) is Markdown with Mermaid charts, each followed by a table
with the same numbers; it renders on GitHub and GitLab. Links to the plans are
relative to the repo root, so save the report there (for example REPORT.md).

Formats:

` + reportFormatHelp() + `

--program P keeps the pairs whose plan says "program: P". A plan whose front
matter cannot be read at all has no known programme and is kept, so that it is
listed rather than silently left out.

--since D keeps the pairs that started on or after D, or that closed on or
after D (the "closed" date of their closure record). Plans that cannot be read
have no known start and are always kept.

Invalid plans and closure records are counted and listed, never dropped; their
errors are also printed on stderr. The exit status is 0 even then (use
mentor close verify as the CI gate), 2 on a usage or configuration error.
The report prints no timestamp but "today", so the same files give the same
report.`,
		Example: `  # the whole programme, as Markdown in the repo root
  mentor close report > REPORT.md
  mentor close report --format md > REPORT.md   # the same

  # one cohort, the pairs started or closed since June
  mentor close report --program "Platform mentoring 2026" --since 2026-06-01

  # the share of goals met, for a script
  mentor close report --format json | jq '.overall.closures.outcomes'

  # one row per pair, for a spreadsheet
  mentor close report --format csv > pairs.csv`,
		ValidArgsFunction: completePairs(f, true),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if err := checkEnum("--format", opts.Format, output.ReportSet()); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return reportRun(opts)
		},
	}
	c.Flags().StringVar(&opts.Program, "program", "", "keep the pairs of programme `P` (the plans' program)")
	_ = c.RegisterFlagCompletionFunc("program", cobra.NoFileCompletions)
	dateFlag(c, &opts.Since, "since", "keep the pairs started or closed on or after a day", "")
	enumFlag(c, &opts.Format, "format", "f", "text", "output `FORMAT`", output.ReportSet())
	c.Flags().StringVar(&opts.Identity, "identity", "", "open the encrypted surveys with the age identity in `FILE` (default: $"+IdentityEnv+")")
	_ = c.MarkFlagFilename("identity")
	return c
}

func reportRun(opts *ReportOptions) error {
	f := opts.F
	var ropt report.Options
	ropt.Program = strings.TrimSpace(opts.Program)
	if opts.Since != "" {
		d, err := dates.Parse(opts.Since)
		if err != nil {
			return usageErr("--since: %v", err)
		}
		ropt.Since = d
	}
	today, err := f.TodayDate()
	if err != nil {
		return err
	}
	r, pairs, err := f.RepoPairs(opts.Paths)
	if err != nil {
		return err
	}
	if len(pairs) == 0 {
		fmt.Fprintf(f.IO.ErrOut, "mentor: warning: no pairs found in %s/ of the repo %s; the report is empty\n",
			escape.Text(r.Config.PairsDir), escape.Text(r.Where()))
	}
	keys, err := surveyKeys(f, r, opts.Identity)
	if err != nil {
		return err
	}
	mem := programmeMemory(f, len(pairs))
	defer mem.restore()
	var format *output.ReportFormat
	for i := range output.ReportFormats {
		if output.ReportFormats[i].Name == opts.Format {
			format = &output.ReportFormats[i]
		}
	}
	if format == nil {
		return usageErr("--format %q is not one of %s", opts.Format, output.ReportSet())
	}
	// Each pair is folded into the figures as it is read and dropped; its
	// rows wait, kept aside by the format, until the figures are written.
	out := format.New(f.IO.Out)
	defer out.Close()
	sink := &reportSink{ReportStream: out}
	defer sink.problems.Close()
	b := report.NewBuilder(r.Config, today, ropt, sink)
	var tally keyTally
	opt := load.Everything(today)
	opt.Keys = keys
	err = load.Each(r, pairs, opt, func(p *pair.Pair) report.Pair {
		return report.Pair{Pair: p, Judgement: signals.Judge(p, r.Config, today)}
	}, func(p report.Pair) error {
		tally.add(p.Pair)
		return b.Add(p)
	})
	if err != nil {
		return err
	}
	tally.warn(f, keys)
	if err := knownProgram(ropt.Program, b.Programmes()); err != nil {
		return err
	}
	rep := b.Finish(planLookup(r, pairs, today))
	// The ids are not needed past the rematch links: their room goes to
	// writing the report.
	mem.idsDone()
	// The files that cannot be used are in the report; say so on stderr
	// too, where a redirected report does not hide them.
	if _, err := sink.problems.WriteTo(f.IO.ErrOut); err != nil {
		return err
	}
	return out.Finish(rep)
}

// reportSink passes the pairs' rows to the format and keeps the problems
// of the files that cannot be used for stderr, said once the report is
// known to be written.
type reportSink struct {
	output.ReportStream
	problems output.Spool
}

func (s *reportSink) Invalid(inv report.Invalid) error {
	output.Problems(&s.problems, inv.Problems)
	return s.ReportStream.Invalid(inv)
}

// planLookup reads again, by id, the plan of a pair among refs (sorted by
// id, as the repo lists them), for the previous links the report follows
// once every pair has been read. Of two folders with one id, the last that
// holds a pair counts, as when every pair was kept.
func planLookup(r *repo.Repo, refs []pair.Ref, today dates.Date) report.Lookup {
	sorted := sort.SliceIsSorted(refs, func(i, j int) bool { return refs[i].ID < refs[j].ID })
	return func(id string) (*plan.Plan, bool) {
		from, to := 0, len(refs)
		if sorted {
			from = sort.Search(len(refs), func(i int) bool { return refs[i].ID >= id })
		}
		var found *pair.Pair
		for i := from; i < to; i++ {
			if refs[i].ID != id {
				if sorted {
					break
				}
				continue
			}
			if p := readPlan(r, refs[i], today); load.IsPair(p) {
				found = p
			}
		}
		if found == nil {
			return nil, false
		}
		return found.Plan, true
	}
}

// readPlan reads a pair's plan; a pair whose reading panics has no plan,
// as when it was read with the others.
func readPlan(r *repo.Repo, ref pair.Ref, today dates.Date) (p *pair.Pair) {
	defer func() {
		if e := recover(); e != nil {
			ref.Problem = &diag.Problem{File: ref.PlanFile(), Line: 1, Severity: diag.Error, Message: fmt.Sprint(e)}
			p = &pair.Pair{Ref: ref}
		}
	}()
	return load.One(r, ref, load.Options{Today: today})
}

// knownProgram rejects a --program that no plan names, most likely a typo,
// and lists the programmes there are (names, sorted).
func knownProgram(program string, names []string) error {
	if program == "" {
		return nil
	}
	quoted := make([]string, 0, len(names))
	for _, n := range names {
		if n == program {
			return nil
		}
		quoted = append(quoted, strconv.Quote(n))
	}
	if len(quoted) == 0 {
		return usageErr("--program %q: no plan names a programme (add \"program: NAME\" to the plans' front matter)", program)
	}
	sort.Strings(quoted)
	return usageErr("--program %q: no plan names this programme; the plans name %s", program, strings.Join(quoted, ", "))
}
