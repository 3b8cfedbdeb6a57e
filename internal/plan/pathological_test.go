package plan_test

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/mentor-cli/mentor/internal/bench"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/repo"
)

func pathologicalPlan(body string) []byte {
	return []byte("---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-15\n---\n## Goals\n- [ ] A goal\n\n" +
		body + "\n## Meetings\n### 2026-02-01 Kickoff\n")
}

// BenchmarkPathological reads a plan holding each pathological shape at
// its size n (x1) and ten times that (x10): the time must grow about
// tenfold (scripts/bench-markdown.sh prints the ratios).
func BenchmarkPathological(b *testing.B) {
	for _, s := range bench.Shapes {
		for _, x := range []int{1, 10} {
			src := pathologicalPlan(s.Body(x * s.N))
			b.Run(fmt.Sprintf("%s/x%d", s.Name, x), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				// The reader's own time: the collector runs between
				// reads, not during them (a small file would otherwise
				// be read with no collection at all, under Go's 4 MiB
				// minimum heap, and a large one with several).
				defer debug.SetGCPercent(debug.SetGCPercent(-1))
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					runtime.GC()
					b.StartTimer()
					plan.Parse("plan.md", src, plan.Options{})
				}
			})
		}
	}
}

// Every pathological plan is read as a plan: valid, its goal and its
// meeting found, and within the size mentor reads.
func TestPathologicalPlans(t *testing.T) {
	for _, s := range bench.Shapes {
		src := pathologicalPlan(s.Body(10 * s.N))
		if len(src) > repo.MaxFileSize {
			t.Errorf("%s: %d bytes at x10, over the size mentor reads", s.Name, len(src))
		}
		p := plan.Parse("plan.md", src, plan.Options{})
		if !p.Valid() || len(p.Goals) == 0 || p.Goals[0].Title != "A goal" || len(p.Meetings) != 1 {
			t.Errorf("%s: problems %v, goals %d, meetings %d", s.Name, p.Problems, len(p.Goals), len(p.Meetings))
		}
	}
}
