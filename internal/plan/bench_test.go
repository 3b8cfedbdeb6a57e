package plan_test

import (
	"testing"

	"github.com/mentor-cli/mentor/internal/bench"
	"github.com/mentor-cli/mentor/internal/plan"
)

// plans returns n generated plan.md files.
func plans(n int) [][]byte {
	g := bench.New(bench.DefaultSeed)
	out := make([][]byte, n)
	for i := range out {
		out[i] = []byte(g.Pair().Files["plan.md"])
	}
	return out
}

func BenchmarkParsePlan(b *testing.B) {
	src := plans(256)
	var size int64
	for _, s := range src {
		size += int64(len(s))
	}
	b.SetBytes(size / int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := plan.Parse("pairs/x/plan.md", src[i%len(src)], plan.Options{Today: bench.Today})
		if !p.Valid() {
			b.Fatal(p.Problems)
		}
	}
}

func BenchmarkParseFrontMatter(b *testing.B) {
	src := plans(256)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := plan.Parse("pairs/x/plan.md", src[i%len(src)], plan.Options{FrontMatterOnly: true})
		if !p.Valid() {
			b.Fatal(p.Problems)
		}
	}
}
