package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mentor-cli/mentor/internal/bench"
	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/plan"
)

// BenchmarkParseProgramme parses every plan and closure record of the
// benchmarks' programme from memory, one after another: no file is opened
// while it runs, nothing is judged or written. It is the part of check's
// work that no change to the reading can remove, to set beside the I/O
// floor's CPU time in scripts/bench.sh (docs/performance.md).
func BenchmarkParseProgramme(b *testing.B) {
	dir := benchProgramme(b)
	pairs := filepath.Join(dir, "pairs")
	ents, err := os.ReadDir(pairs)
	if err != nil {
		b.Fatal(err)
	}
	var plans, records [][]byte
	var size int64
	for _, e := range ents {
		if src, err := os.ReadFile(filepath.Join(pairs, e.Name(), "plan.md")); err == nil {
			plans = append(plans, src)
			size += int64(len(src))
		}
		if src, err := os.ReadFile(filepath.Join(pairs, e.Name(), "closure.md")); err == nil {
			records = append(records, src)
			size += int64(len(src))
		}
	}
	if len(plans) == 0 || len(records) == 0 {
		b.Fatalf("%s: %d plans and %d closure records; the programme should have both", pairs, len(plans), len(records))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	goals := 0
	for i := 0; i < b.N; i++ {
		goals = 0
		for _, src := range plans {
			goals += len(plan.Parse("plan.md", src, plan.Options{Today: bench.Today}).Goals)
		}
		for _, src := range records {
			if closure.Parse("closure.md", src) == nil {
				b.Fatal("closure.Parse gave no record")
			}
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/1e6/float64(b.N), "cpu-ms/op")
	if goals < len(plans) {
		b.Fatalf("%d goals in %d plans: the generated plans all have goals", goals, len(plans))
	}
}
