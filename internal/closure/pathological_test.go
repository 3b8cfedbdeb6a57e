package closure

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/bench"
	"github.com/mentor-cli/mentor/internal/config"
)

func pathologicalRecord(body string) []byte {
	head := complete[:strings.Index(complete, "## Summary")]
	return []byte(head + "## Summary\n" + body + "\n\nWe met eleven times.\n\n## Thanks\nThank you.\n")
}

// BenchmarkPathological reads a closure record holding each pathological
// shape at its size n (x1) and ten times that (x10): the time must grow
// about tenfold (scripts/bench-markdown.sh prints the ratios).
func BenchmarkPathological(b *testing.B) {
	for _, s := range bench.Shapes {
		for _, x := range []int{1, 10} {
			src := pathologicalRecord(s.Body(x * s.N))
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
					Parse("closure.md", src)
				}
			})
		}
	}
}

// Every pathological record is read as a record: valid, with both its
// sections, the one holding the shape not empty.
func TestPathologicalRecords(t *testing.T) {
	for _, s := range bench.Shapes {
		src := pathologicalRecord(s.Body(10 * s.N))
		if len(src) > 1<<20 {
			t.Errorf("%s: %d bytes at x10, over the size mentor reads", s.Name, len(src))
		}
		r := Parse("closure.md", src)
		sum, thanks := r.FindSection("Summary"), r.FindSection("Thanks")
		if !r.Valid() || sum == nil || sum.Empty || thanks == nil || thanks.Empty {
			t.Errorf("%s: problems %v, sections %+v", s.Name, r.Problems, r.Sections)
		}
	}
}

// manySections is a record of about 1 MiB made of 37,000 short sections,
// none of them a required one but the last.
func manySections() []byte {
	var b strings.Builder
	b.WriteString(complete[:strings.Index(complete, "## Summary")])
	for i := 0; b.Len() < 1<<20-64; i++ {
		fmt.Fprintf(&b, "## Part %d\nWe met.\n\n", i)
	}
	b.WriteString("## Thanks\nThank you.\n")
	return []byte(b.String())
}

// BenchmarkManySections reads a 1 MiB record of 37,000 sections and looks
// up the sections verify requires, as verify does.
func BenchmarkManySections(b *testing.B) {
	src := manySections()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		r := Parse("closure.md", src)
		for _, name := range config.DefaultSections {
			r.FindSection(name)
		}
	}
}

func TestManySections(t *testing.T) {
	r := Parse("closure.md", manySections())
	if n := len(r.Sections); n < 30000 || r.FindSection("Thanks") == nil || r.FindSection("thanks  ") == nil || r.FindSection("Summary") != nil {
		t.Errorf("%d sections, Thanks %v, Summary %v", n, r.FindSection("Thanks"), r.FindSection("Summary"))
	}
}
