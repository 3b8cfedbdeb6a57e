package cli

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/bench"
)

// The benchmarks of the programme-wide commands that BenchmarkCheck and
// BenchmarkVerify leave out, over the same programme (2,000 pairs, or
// MENTOR_BENCH_PAIRS), and of the commands that work on one pair, on an
// ordinary pair of it. Each reports cpu-ms/op beside ns/op. None writes a
// file (--stdout, --dry-run), so every run does the same work;
// TestBenchmarkedCommands checks that it is the work of the command.

// BenchmarkReport runs `mentor close report` (Markdown) over the programme.
func BenchmarkReport(b *testing.B) { benchRun(b, reportArgs...) }

// BenchmarkReportJSON runs `mentor close report --format json` over the
// programme.
func BenchmarkReportJSON(b *testing.B) { benchRun(b, reportJSONArgs...) }

// BenchmarkList runs `mentor close list --format json` over the programme.
func BenchmarkList(b *testing.B) { benchRun(b, listArgs...) }

// BenchmarkAgenda runs `mentor close agenda PAIR --stdout` on an ordinary
// pair (BenchmarkAgenda10kGoals has a plan with 10,000 goals).
func BenchmarkAgenda(b *testing.B) { benchRun(b, agendaArgs(ordinaryPair(b).ID)...) }

// BenchmarkRecord runs `mentor close record PAIR --stdout` on an ordinary
// pair.
func BenchmarkRecord(b *testing.B) { benchRun(b, recordArgs(ordinaryPair(b).ID)...) }

// BenchmarkLog runs `mentor close log PAIR --dry-run` on an ordinary pair:
// the plan read, the meeting placed in date order and the change shown.
func BenchmarkLog(b *testing.B) { benchRun(b, logArgs(ordinaryPair(b).ID)...) }

var (
	reportArgs     = []string{"close", "report", "--format", "md"}
	reportJSONArgs = []string{"close", "report", "--format", "json"}
	listArgs       = []string{"close", "list", "--format", "json"}
)

func agendaArgs(id string) []string {
	return []string{"close", "agenda", id, "--date", bench.Today.String(), "--stdout"}
}

func recordArgs(id string) []string {
	return []string{"close", "record", id, "--date", bench.Today.String(), "--stdout"}
}

func logArgs(id string) []string {
	return []string{"close", "log", id, "--date", bench.Today.String(),
		"--title", "Goal review", "-m", "Went through the goals one by one.", "--dry-run"}
}

// ordinaryPair is the first pair of the benchmarks' programme that is
// still going: active, with goals and at least five meetings, and no
// closure record yet.
func ordinaryPair(tb testing.TB) bench.Pair {
	g := bench.New(bench.DefaultSeed)
	for i := 0; i < benchPairs(tb); i++ {
		p := g.Pair()
		plan := p.Files["plan.md"]
		if _, closed := p.Files["closure.md"]; !closed && strings.Contains(plan, "\nstatus: active\n") &&
			strings.Count(plan, "\n### ") >= 5 {
			return p
		}
	}
	tb.Fatal("the benchmarks' programme has no active pair with five meetings: raise MENTOR_BENCH_PAIRS")
	return bench.Pair{}
}

// Each benchmarked command, run once on a small programme, exits 0 and
// prints what the command is for, so that a benchmark cannot time an
// early exit.
func TestBenchmarkedCommands(t *testing.T) {
	t.Setenv("MENTOR_BENCH_PAIRS", "60")
	dir := benchProgramme(t)
	p := ordinaryPair(t)
	field := func(key string) string {
		m := regexp.MustCompile(`(?m)^` + key + `: (.+)$`).FindStringSubmatch(p.Files["plan.md"])
		if m == nil {
			t.Fatalf("the plan of %s has no %s", p.ID, key)
		}
		return m[1]
	}
	mentor, mentee := field("mentor"), field("mentee")
	for _, c := range []struct {
		args []string
		want []string
	}{
		{reportArgs, []string{"# Programme report", "60 pairs in `pairs/`"}},
		{reportJSONArgs, []string{`"overall": {` + "\n" + `    "pairs": 60,`}},
		{listArgs, []string{`"id": "` + p.ID + `"`, fmt.Sprintf(`"mentor": %q`, mentor)}},
		{agendaArgs(p.ID), []string{mentor, mentee}},
		{recordArgs(p.ID), []string{"mentor: " + mentor, "mentee: " + mentee, "closed: " + bench.Today.String()}},
		{logArgs(p.ID), []string{"+### " + bench.Today.String() + " Goal review", "+Went through the goals one by one."}},
	} {
		var out strings.Builder
		if code := benchOnce(dir, &out, c.args...); code != 0 {
			t.Errorf("%v: exit %d", c.args, code)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%v: no %q in\n%.600s", c.args, w, out.String())
			}
		}
	}
}
