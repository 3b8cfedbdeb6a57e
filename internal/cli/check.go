package cli

import (
	"fmt"
	"runtime/debug"
	"sync"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/enum"
	"github.com/mentor-cli/mentor/internal/repo"
	"github.com/mentor-cli/mentor/internal/verify"

	"github.com/mentor-cli/mentor/internal/load"
	"github.com/mentor-cli/mentor/internal/output"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/signals"
	"github.com/spf13/cobra"
)

// CheckOptions are the inputs of `mentor close check`.
type CheckOptions struct {
	F       *Factory
	Paths   []string
	Format  string
	Verdict []string
}

// verdictSet is the verdicts as values of --verdict.
func verdictSet() enum.Set {
	s := make(enum.Set, len(signals.Verdicts))
	for i, v := range signals.Verdicts {
		s[i] = enum.Value{Name: string(v.Verdict), Help: v.Help}
	}
	return s
}

func newCheckCmd(f *Factory, runF func(*CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{F: f}
	c := &cobra.Command{
		Use:   "check [PAIR|PATH]...",
		Short: "Tell each pair whether it is time to close, and why",
		Long: `Check reads each pair's plan.md and reports the ending signals that fire today
and a verdict.

Signals (thresholds in .mentor.yaml):

` + signalHelp() + `

Verdicts, the first that applies:

` + verdictHelp() + `

With no arguments it checks every pair in the repo's pairs folder. Arguments may be
pair ids, pair folders, plan.md files, or folders of pairs. --verdict keeps the
pairs with the verdicts named (repeat it, or separate them with commas).

The GOALS column counts the goals met against the goals that were not dropped.
For a closing pair, check counts the errors its closure record still has.

Formats:

` + checkFormatHelp() + `

Exit status: 0 when every plan shown could be read, 1 when one could not be read
(verdict invalid), 2 on a usage or configuration error.`,
		Example: `  # every pair, as a table
  mentor close check

  # one pair, as of a given day, for a script
  mentor close check ada-lovelace--grace-hopper --today 2026-11-21 --format json

  # the pairs that are ready to close, or should think about it
  mentor close check --verdict ready-to-close,consider-closing

  # their ids, for a script
  mentor close check --verdict ready-to-close --format json | jq -r '.pairs[].id'`,
		ValidArgsFunction: completePairs(f, true),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if err := checkEnum("--format", opts.Format, output.CheckSet()); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return checkRun(opts)
		},
	}
	enumFlag(c, &opts.Format, "format", "f", "text", "output `FORMAT`", output.CheckSet())
	enumListFlag(c, &opts.Verdict, "verdict", "keep the pairs with a `VERDICT`", verdictSet())
	return c
}

func checkRun(opts *CheckOptions) error {
	f := opts.F
	today, err := f.TodayDate()
	if err != nil {
		return err
	}
	r, pairs, err := f.RepoPairs(opts.Paths)
	if err != nil {
		return err
	}
	defer programmeMemory(f, len(pairs)).restore()
	// Results stream from the workers in pair order: JSON is written as it
	// comes, and the table keeps only what it shows, not the parsed files.
	var cf output.CheckFormat
	for _, x := range output.CheckFormats {
		if x.Name == opts.Format {
			cf = x
		}
	}
	env := output.CheckEnv{Out: f.IO.Out, ErrOut: f.IO.ErrOut, Palette: f.IO.Palette(), Today: today,
		NoPairs: output.NoPairs(lookedIn(r, opts.Paths), r.Where())}
	if cf.BaseEnv != "" {
		env.Prefix = basePrefix(r.Root, f.Getenv(cf.BaseEnv))
	}
	var summary output.Spool
	defer summary.Close()
	summaryPath := f.Getenv("GITHUB_STEP_SUMMARY")
	if summaryPath != "" {
		env.Summary = &summary
	}
	sink := cf.New(env)
	keep := map[signals.Verdict]bool{}
	for _, v := range opts.Verdict {
		keep[signals.Verdict(v)] = true
	}
	invalid := false
	judge := func(p *pair.Pair) output.Checked {
		j := signals.Judge(p, r.Config, today)
		c := output.NewChecked(p, j)
		c.Chain = load.Chain(r, p.ID, p.Plan)
		if j.Verdict == signals.Closing {
			c.Closure = closureProgress(r, p, today)
		}
		return c
	}
	// Every closure record is read lightly: the front matter and the
	// check-ins, for the follow-up of a closed pair and for meetings dated
	// after the day a record says the pair closed.
	err = load.Each(r, pairs, load.Options{Today: today, Notes: true, ClosureLight: true}, judge, func(res output.Checked) error {
		if len(keep) > 0 && !keep[res.Judgement.Verdict] {
			return nil
		}
		invalid = invalid || res.Judgement.Verdict == signals.Invalid
		return sink.Add(res)
	})
	if cerr := sink.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if summary.Size() > 0 {
		if serr := appendFile(summaryPath, &summary); serr != nil {
			fmt.Fprintf(f.IO.ErrOut, "mentor: warning: cannot write the job summary to %s: %v\n", summaryPath, serr)
		}
	}
	if invalid {
		return silentExit(ExitFindings)
	}
	return nil
}

// closureProgress counts what is left of a closing pair's closure record:
// the errors verify (and done) would report on the pair once closed.
func closureProgress(r *repo.Repo, p *pair.Pair, today dates.Date) *output.ClosureProgress {
	load.Closure(r, p)
	cp := &output.ClosureProgress{File: p.ClosureFile()}
	if !p.HasClosure() {
		cp.Missing, cp.Problems = true, 1
		return cp
	}
	n := 0
	for _, fd := range closeFindings(r, p, today) {
		if fd.Rule != verify.PlanInvalid {
			n++
		}
	}
	cp.Problems = n
	return cp
}

// Memory of the programme-wide commands (check, verify, report, list).
// Each keeps a few pairs alive at a time and the pairs' ids; everything
// else it allocates is garbage at once. At the default pace (GOGC=100) the
// collector runs every few MiB allocated and finds next to nothing to
// keep: on 100,000 pairs check spent a quarter more CPU than with GOGC=400,
// which in turn let the heap grow to five times what is live (101 MiB).
// Instead the collector runs only when the heap reaches a soft limit:
// gcHeadroom, plus what the ids take (about gcPerPair bytes each), so that
// the collector has the same room at any size and peak memory is about
// the same for 10,000 pairs as for 100,000.
const (
	gcHeadroom = 40 << 20
	gcPerPair  = 100
)

// programmeMemory sets the collector's pace for a command over pairs pairs;
// restore puts back what it changed. GOGC or GOMEMLIMIT, when set, win.
func programmeMemory(f *Factory, pairs int) *gcPace {
	g := &gcPace{}
	if f.Getenv("GOGC") != "" || f.Getenv("GOMEMLIMIT") != "" {
		return g
	}
	g.on, g.ids = true, int64(gcPerPair*pairs)
	g.want = gcHeadroom + g.ids
	g.limit = debug.SetMemoryLimit(g.want)
	g.percent = debug.SetGCPercent(-1)
	// What the output holds aside until the end (the report's rows,
	// compressed) is room the collector cannot win back: it is added.
	output.Held = func(delta int) { g.add(int64(delta)) }
	return g
}

// gcPace is the soft memory limit of a programme-wide command.
type gcPace struct {
	mu      sync.Mutex
	on      bool  // the limit is this command's
	want    int64 // the limit: headroom, the ids' room, what is held aside
	ids     int64 // the ids' room, until idsDone
	limit   int64 // the limit before
	percent int   // GOGC before
}

func (g *gcPace) add(delta int64) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.want += delta
	debug.SetMemoryLimit(g.want)
}

// idsDone gives back the room of the pairs' ids once nothing holds them:
// the report writes its figures and rows after reading every pair, and
// without it that last allocation would take the collector past the peak
// of the reading (at 100,000 pairs, 4 MiB more).
func (g *gcPace) idsDone() {
	if g.on {
		g.add(-g.ids)
		g.ids = 0
	}
}

func (g *gcPace) restore() {
	if g.on {
		output.Held = nil
		debug.SetGCPercent(g.percent)
		debug.SetMemoryLimit(g.limit)
		g.on = false
	}
}
