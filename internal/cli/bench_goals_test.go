package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mentor-cli/mentor/internal/bench"
	"github.com/mentor-cli/mentor/internal/iostreams"
)

// goalsPlan is a plan of n goals, a third of them met, a third dropped,
// every other one with a dated note when notes is set, and a meeting
// every fortnight.
func goalsPlan(n int, notes bool) string {
	var b strings.Builder
	b.WriteString("---\nmentor: Ada Lovelace\nmentee: Grace Hopper\nprogram: Staff engineer track\nstart: 2025-10-22\nend: 2026-05-22\ncadence: biweekly\nstatus: active\n---\n\n")
	b.WriteString("# Mentoring plan: Ada Lovelace and Grace Hopper\n\n## Agreement\n\nWe meet over video for an hour.\n\n## Goals\n\n")
	for i := 0; i < n; i++ {
		switch i % 3 {
		case 0:
			fmt.Fprintf(&b, "- [x] Ship %d\n", i)
		case 1:
			fmt.Fprintf(&b, "- [ ] ~~Learn %d~~ (dropped: no time)\n", i)
		default:
			fmt.Fprintf(&b, "- [ ] Write %d\n", i)
		}
		if notes && i%2 == 0 {
			fmt.Fprintf(&b, "  - 2026-01-%02d: done\n", 1+i%28)
		}
	}
	b.WriteString("\n## Meetings\n\n")
	for d := time.Date(2025, 10, 24, 0, 0, 0, 0, time.UTC); d.Before(time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)); d = d.AddDate(0, 0, 14) {
		fmt.Fprintf(&b, "### %s Check-in\n\nTalked through the goals.\n\n", d.Format("2006-01-02"))
	}
	return b.String()
}

// goalsRepo is a programme of one pair whose plan has n goals.
func goalsRepo(b *testing.B, n int, notes bool) (dir, id string) {
	dir = b.TempDir()
	if _, err := bench.Generate(dir, 1, bench.DefaultSeed); err != nil {
		b.Fatal(err)
	}
	plans, _ := filepath.Glob(filepath.Join(dir, "pairs", "*", "plan.md"))
	if len(plans) != 1 {
		b.Fatalf("plans: %v", plans)
	}
	if err := os.WriteFile(plans[0], []byte(goalsPlan(n, notes)), 0o644); err != nil {
		b.Fatal(err)
	}
	return dir, filepath.Base(filepath.Dir(plans[0]))
}

// benchGoals runs a command on the pair of a 10,000-goal plan and reports
// its time per run in ms/op (and CPU time in cpu-ms/op).
func benchGoals(b *testing.B, goals int, notes bool, code int, args ...string) {
	dir, id := goalsRepo(b, goals, notes)
	b.ReportAllocs()
	b.ResetTimer()
	start, cpu0 := time.Now(), cpuTime()
	for i := 0; i < b.N; i++ {
		io, _, _, errOut := iostreams.Test()
		io.Out = discard{}
		f := &Factory{IO: io, Getenv: func(string) string { return "" },
			Getwd: func() (string, error) { return dir, nil }, Now: time.Now}
		cmd := append([]string{"--repo", dir, "--today", "2026-05-25", "close"}, args...)
		if got := Run(f, append(cmd, id, "--stdout")); got != code {
			b.Fatalf("exit %d: %s", got, errOut)
		}
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/op")
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkAgenda10kGoals makes the debrief agenda of a plan of 10,000
// goals with notes. The agenda asks its questions of every goal, about
// 150 bytes each, so the built-in template reaches the 1 MiB a template
// may write and the command stops there (exit 2): what is measured is
// everything before the output, and the first 1 MiB of it.
func BenchmarkAgenda10kGoals(b *testing.B) { benchGoals(b, 10000, true, 2, "agenda") }

// BenchmarkAgenda5kGoals writes the debrief agenda of a plan of 5,000
// goals with notes: 0.9 MiB of agenda.
func BenchmarkAgenda5kGoals(b *testing.B) { benchGoals(b, 5000, true, 0, "agenda") }

// BenchmarkRecord10kGoals writes the closure record of a plan of 10,000
// goals (0.9 MiB; with notes it would pass the 1 MiB a template may write).
func BenchmarkRecord10kGoals(b *testing.B) { benchGoals(b, 10000, false, 0, "record") }
