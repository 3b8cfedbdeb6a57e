// Package programme loads pairs and judges them, using every core: it reads
// each plan once, parses it and computes its signals.
package programme

import (
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/repo"
	"github.com/mentor-cli/mentor/internal/signals"
)

// Result is one judged pair.
type Result struct {
	Pair      repo.Pair
	Plan      *plan.Plan // nil when the plan could not be read
	Judgement signals.Judgement
	Problems  []diag.Problem
	Notes     *Notes // reflection notes, when counted
}

// Judge reads, parses and judges the pairs, in their order, on all cores.
func Judge(r *repo.Repo, pairs []repo.Pair, today dates.Date) []Result {
	out := make([]Result, len(pairs))
	Parallel(len(pairs), func(i int) {
		out[i] = judgeOne(r, pairs[i], today)
	})
	return out
}

func judgeOne(r *repo.Repo, pair repo.Pair, today dates.Date) Result {
	res := Result{Pair: pair, Notes: &Notes{}}
	if pair.Problem != nil {
		res.Problems = []diag.Problem{*pair.Problem}
		res.Judgement.Verdict = signals.Invalid
		return res
	}
	res.Notes = CountNotes(r, pair)
	file := pair.PlanFile()
	data, prob := r.Read(file)
	if prob != nil {
		p := *prob.Problem
		if prob.NotExist() {
			p.Message = "no plan.md in this pair folder: create one with mentor close init, or remove the folder"
		}
		res.Problems = []diag.Problem{p}
		res.Judgement.Verdict = signals.Invalid
		return res
	}
	res.Plan = plan.Parse(file, data, plan.Options{Today: today})
	res.Problems = res.Plan.Problems
	res.Judgement = signals.Judge(res.Plan, r.Config, today)
	return res
}

// Each judges the pairs on all cores, like Judge, and hands each result to
// emit in pair order, from the calling goroutine. A result is not kept once
// emit returns and only a few pairs are judged ahead of emit, so memory
// does not grow with the number of pairs. The first error from emit stops
// the work and is returned.
func Each(r *repo.Repo, pairs []repo.Pair, today dates.Date, emit func(Result) error) error {
	// Pairs go to the workers in small batches: one hand-over per pair
	// costs more in scheduler wake-ups than judging a plan does.
	const batch = 32
	workers := max(1, runtime.GOMAXPROCS(0))
	type job struct {
		from, to int
		out      chan []Result
	}
	jobs := make(chan job)
	queue := make(chan chan []Result, 4*workers)
	stop := make(chan struct{})
	go func() {
		defer close(queue)
		defer close(jobs)
		for from := 0; from < len(pairs); from += batch {
			out := make(chan []Result, 1)
			select {
			case queue <- out:
			case <-stop:
				return
			}
			select {
			case jobs <- job{from, min(from+batch, len(pairs)), out}:
			case <-stop:
				return
			}
		}
	}()
	for w := 0; w < workers; w++ {
		go func() {
			for j := range jobs {
				res := make([]Result, 0, j.to-j.from)
				for i := j.from; i < j.to; i++ {
					res = append(res, judgeOne(r, pairs[i], today))
				}
				j.out <- res
			}
		}()
	}
	for out := range queue {
		for _, res := range <-out {
			if err := emit(res); err != nil {
				close(stop)
				for range queue {
				}
				return err
			}
		}
	}
	return nil
}

// Parallel calls f(0..n-1) on as many goroutines as there are cores.
func Parallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}

// Notes summarises a pair's reflection notes.
type Notes struct {
	Count int        `json:"count"`
	Last  dates.Date `json:"last"` // zero (null in JSON) when there are none
}

// CountNotes counts the pair's reflection notes: the files in <pair>/notes/
// named YYYY-MM-DD-….md, and the latest of their dates. A pair without a
// notes folder has none.
func CountNotes(r *repo.Repo, pair repo.Pair) *Notes {
	n := &Notes{}
	entries, err := os.ReadDir(r.Abs(pair.File("notes")))
	if err != nil {
		return n
	}
	for _, e := range entries {
		d, ok := NoteDate(e.Name())
		if !ok || e.IsDir() {
			continue
		}
		n.Count++
		if d.After(n.Last) {
			n.Last = d
		}
	}
	return n
}

// NoteDate reads the date of a note's file name, YYYY-MM-DD-….md.
func NoteDate(name string) (dates.Date, bool) {
	if len(name) < len("2006-01-02-x.md") || name[10] != '-' || !strings.HasSuffix(name, ".md") || strings.HasPrefix(name, ".") {
		return dates.Date{}, false
	}
	d, err := dates.Parse(name[:10])
	return d, err == nil
}
