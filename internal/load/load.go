// Package load is the only package that reads a pair's files: One for the
// commands about one pair, Each for the commands about a programme, which
// streams the pairs in id order and reads them on every core. What it reads
// becomes a pair.Pair; it judges nothing.
package load

import (
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"sort"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/note"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/repo"
	"github.com/mentor-cli/mentor/internal/survey"
)

// Options say what to read of each pair.
type Options struct {
	// Today makes a meeting dated after it a warning (zero: no such check).
	Today dates.Date
	// FrontMatterOnly reads the plan's front matter and skips its body:
	// no goals, no meetings, no body warnings.
	FrontMatterOnly bool
	// Closure reads closure.md.
	Closure bool
	// ClosureLight reads closure.md as closure.ParseAfterClosure does: the
	// front matter and the check-ins — what check judges a closed pair's
	// follow-up on and dates a plan's meetings against — not the sections
	// (Closure wins when both are set).
	ClosureLight bool
	// Notes reads the notes under notes/.
	Notes bool
	// Surveys reads the closure surveys under survey/; Keys, when set,
	// opens the encrypted ones (in memory), else only their envelope is
	// checked.
	Surveys bool
	Keys    *survey.Keys
}

// Everything reads every file of a pair.
func Everything(today dates.Date) Options {
	return Options{Today: today, Closure: true, Notes: true, Surveys: true}
}

// reader is what the loader reads through: the repo, or a Scope of one
// pair folder that opens the folder once.
type reader interface {
	Read(rel string) ([]byte, *repo.ReadProblem)
	ReadExpected(rel string) ([]byte, *repo.ReadProblem) // Read, for a file that is usually there
	ReadDir(rel string) ([]fs.DirEntry, error)
	Lstat(rel string) (fs.FileInfo, error)
}

// One reads one pair.
func One(r *repo.Repo, ref pair.Ref, opt Options) *pair.Pair {
	p := &pair.Pair{Ref: ref}
	if ref.Problem != nil {
		return p
	}
	s := r.Scope(ref.Dir)
	defer s.Close()
	data, prob := s.ReadExpected(ref.PlanFile())
	switch {
	case prob == nil:
		p.PlanRead.Exists = true
		p.Plan = plan.Parse(ref.PlanFile(), data, plan.Options{Today: opt.Today, FrontMatterOnly: opt.FrontMatterOnly})
	case !prob.NotExist():
		p.PlanRead = pair.Read{Exists: true, Problem: prob.Problem}
	}
	if opt.Closure {
		readClosure(s, p)
	} else if opt.ClosureLight && p.Plan != nil {
		data, prob := s.Read(ref.ClosureFile())
		switch {
		case prob == nil:
			p.ClosureRead.Exists = true
			p.Closure = closure.ParseAfterClosure(ref.ClosureFile(), data)
			p.ClosureText = data
		case !prob.NotExist():
			p.ClosureRead = pair.Read{Exists: true, Problem: prob.Problem}
		}
	} else if !p.PlanRead.Exists {
		// Whether the folder is a pair at all depends on its closure.md.
		if _, err := s.Lstat(ref.ClosureFile()); err == nil {
			p.ClosureRead.Exists = true
		}
	}
	if opt.Notes {
		p.Notes = readNotes(s, ref)
	}
	if opt.Surveys {
		p.Surveys = readSurveys(s, ref, opt.Keys)
	}
	return p
}

// Closure reads a pair's closure.md into p, for a command that decides only
// once it has the plan whether it needs the record (check, for a closing
// pair): from the text a light read kept, else from the file.
func Closure(r *repo.Repo, p *pair.Pair) {
	if p.ClosureText != nil {
		p.Closure, p.ClosureText = closure.Parse(p.ClosureFile(), p.ClosureText), nil
		return
	}
	readClosure(r, p)
}

func readClosure(r reader, p *pair.Pair) {
	p.Closure, p.ClosureRead = nil, pair.Read{}
	data, prob := r.Read(p.ClosureFile())
	switch {
	case prob == nil:
		p.ClosureRead.Exists = true
		p.Closure = closure.Parse(p.ClosureFile(), data)
	case !prob.NotExist():
		p.ClosureRead = pair.Read{Exists: true, Problem: prob.Problem}
	}
}

// IsPair reports whether a folder read by One holds a pair: a plan.md or a
// closure.md, or a problem with the folder itself.
func IsPair(p *pair.Pair) bool {
	return p.Problem != nil || p.PlanRead.Exists || p.ClosureRead.Exists
}

// Notes reads the reflection notes of a pair, oldest first. A note that
// cannot be read is listed with its problem.
func Notes(r *repo.Repo, ref pair.Ref) []note.Note { return readNotes(r, ref) }

func readNotes(r reader, ref pair.Ref) []note.Note {
	dir := ref.File(note.Dir)
	entries, err := r.ReadDir(dir)
	if err != nil {
		return nil
	}
	var notes []note.Note
	for _, e := range entries {
		name := e.Name()
		if !note.IsNote(name) || e.IsDir() {
			continue
		}
		data, prob := r.ReadExpected(dir + "/" + name) // listed a moment ago
		var dp *diag.Problem
		if prob != nil {
			dp = prob.Problem
		}
		notes = append(notes, note.Parse(ref.Dir, name, data, dp))
	}
	note.Sort(notes)
	return notes
}

// Surveys reads the closure surveys of a pair in file-name order. A survey
// that cannot be read is listed with its problem.
func Surveys(r *repo.Repo, ref pair.Ref, keys *survey.Keys) []*survey.Survey {
	return readSurveys(r, ref, keys)
}

func readSurveys(r reader, ref pair.Ref, keys *survey.Keys) []*survey.Survey {
	dir := ref.File(survey.Dir)
	entries, err := r.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		// A survey/ that leads outside the repo, or cannot be listed, is
		// said, not skipped: its surveys would be missing from the counts.
		return []*survey.Survey{{File: dir, Name: survey.Dir, Problems: []diag.Problem{
			{File: dir, Line: 1, Severity: diag.Error, Message: err.Error()}}}}
	}
	var out []*survey.Survey
	for _, e := range entries {
		name := e.Name()
		if !survey.IsSurvey(name) || e.IsDir() {
			continue
		}
		file := dir + "/" + name
		data, prob := r.ReadExpected(file) // listed a moment ago
		if prob != nil {
			s := &survey.Survey{File: file, Name: name, Problems: []diag.Problem{*prob.Problem}}
			s.Date, s.Side = survey.FromName(name)
			out = append(out, s)
			continue
		}
		out = append(out, survey.Read(file, data, keys))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Each reads the pairs on every core and hands each to work on the worker
// that read it, then each result to emit, in the pairs' order, from the
// calling goroutine. Folders that hold no pair are skipped. A result is not
// kept once emit returns and only a few pairs are read ahead of emit, so
// memory does not grow with the number of pairs. The first error from emit
// stops the work and is returned.
//
// A panic while reading or working on a pair does not end the process: the
// pair is handed to work again with a problem that names its folder, so the
// other pairs are still judged.
func Each[T any](r *repo.Repo, refs []pair.Ref, opt Options, work func(*pair.Pair) T, emit func(T) error) error {
	// Pairs go to the workers in small batches: one hand-over per pair
	// costs more in scheduler wake-ups than reading a plan does.
	const batch = 32
	workers := max(1, runtime.GOMAXPROCS(0))
	type result struct {
		v    T
		skip bool
	}
	type job struct {
		from, to int
		out      chan []result
	}
	jobs := make(chan job)
	queue := make(chan chan []result, 4*workers)
	stop := make(chan struct{})
	go func() {
		defer close(queue)
		defer close(jobs)
		for from := 0; from < len(refs); from += batch {
			out := make(chan []result, 1)
			select {
			case queue <- out:
			case <-stop:
				return
			}
			select {
			case jobs <- job{from, min(from+batch, len(refs)), out}:
			case <-stop:
				return
			}
		}
	}()
	for w := 0; w < workers; w++ {
		go func() {
			for j := range jobs {
				res := make([]result, 0, j.to-j.from)
				for i := j.from; i < j.to; i++ {
					v, ok := safely(r, refs[i], opt, work)
					res = append(res, result{v, !ok})
				}
				j.out <- res
			}
		}()
	}
	for out := range queue {
		for _, res := range <-out {
			if res.skip {
				continue
			}
			if err := emit(res.v); err != nil {
				close(stop)
				for range queue {
				}
				return err
			}
		}
	}
	return nil
}

// All is Each that collects the results, in the pairs' order.
func All[T any](r *repo.Repo, refs []pair.Ref, opt Options, work func(*pair.Pair) T) []T {
	out := make([]T, 0, len(refs))
	_ = Each(r, refs, opt, work, func(v T) error { out = append(out, v); return nil })
	return out
}

// safely reads one pair and works on it; ok is false for a folder that
// holds no pair.
func safely[T any](r *repo.Repo, ref pair.Ref, opt Options, work func(*pair.Pair) T) (v T, ok bool) {
	defer func() {
		if e := recover(); e != nil {
			v, ok = Crashed(ref, e, work), true
		}
	}()
	p := One(r, ref, opt)
	if !IsPair(p) {
		return v, false
	}
	return work(p), true
}

// Crashed hands work a pair whose reading panicked: only its folder, with a
// problem that names it. If work panics again, the zero value is returned.
func Crashed[T any](ref pair.Ref, e any, work func(*pair.Pair) T) (v T) {
	defer func() { _ = recover() }()
	ref.Problem = &diag.Problem{File: ref.PlanFile(), Line: 1, Severity: diag.Error,
		Message: fmt.Sprintf("mentor failed on this pair (internal error: %v); this is a bug in mentor: please report it with the pair's files", e)}
	return work(&pair.Pair{Ref: ref})
}
