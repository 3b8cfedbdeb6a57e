package signals_test

import (
	"testing"

	"github.com/mentor-cli/mentor/internal/bench"
	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/signals"
)

func BenchmarkJudge(b *testing.B) {
	g := bench.New(bench.DefaultSeed)
	ps := make([]*plan.Plan, 256)
	for i := range ps {
		ps[i] = plan.Parse("pairs/x/plan.md", []byte(g.Pair().Files["plan.md"]), plan.Options{Today: bench.Today})
	}
	cfg := config.Default()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		j := signals.JudgePlan(ps[i%len(ps)], cfg, bench.Today)
		if j.Verdict == signals.Invalid {
			b.Fatal("invalid")
		}
	}
}
