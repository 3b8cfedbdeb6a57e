package report

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"
)

// spread is the five-number summary of a list of lengths, by way of the
// counts the report keeps.
func spread(xs []int) *Spread {
	var d days
	for _, x := range xs {
		d.add(x)
	}
	return d.spread()
}

// sortedSpread is the five-number summary read off the sorted list itself,
// the way the report worked it out when it kept every length.
func sortedSpread(days []int) *Spread {
	xs := append([]int(nil), days...)
	sort.Ints(xs)
	q := func(p float64) float64 {
		pos := p * float64(len(xs)-1)
		lo := int(math.Floor(pos))
		hi := int(math.Ceil(pos))
		v := float64(xs[lo]) + (pos-float64(lo))*float64(xs[hi]-xs[lo])
		return math.Round(v*10) / 10
	}
	return &Spread{Pairs: len(xs), Min: float64(xs[0]), Q1: q(0.25), Median: q(0.5), Q3: q(0.75), Max: float64(xs[len(xs)-1])}
}

// Counted by value, the lengths give the quartiles the sorted list gives,
// with repeats, gaps and negative lengths (a record closed before it
// started).
func TestSpreadFromCounts(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		n := 1 + rng.IntN(60)
		spreadOf := 1 + rng.IntN(500)
		xs := make([]int, n)
		for j := range xs {
			xs[j] = rng.IntN(spreadOf) - spreadOf/10
		}
		if got, want := *spread(xs), *sortedSpread(xs); got != want {
			t.Fatalf("spread(%v) = %+v, want %+v", xs, got, want)
		}
	}
}
