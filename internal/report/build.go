package report

import (
	"math"
	"sort"
	"strings"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/nullable"
	"github.com/mentor-cli/mentor/internal/plan"
)

// Sink takes what the report lists pair by pair, in the pairs' order, as a
// Builder folds them in: the row of each pair the filters keep, the entry
// of the attention list of one that needs attention, and each file of it
// that cannot be used. What it is given is not used again by the Builder.
type Sink interface {
	Row(Row) error
	Attention(Attention) error
	Invalid(Invalid) error
}

// Lookup gives the plan of a pair that was read, by id, for the previous
// links a report follows once every pair is in: ok is false when no pair
// of that id was read. The plan is nil when it cannot be read.
type Lookup func(id string) (p *plan.Plan, ok bool)

// Builder folds the pairs into the report one at a time: it keeps running
// figures (counts, sums, the lengths in days the quartiles need, counted
// by value), hands each pair's rows to a Sink, and drops the pair. What it
// keeps grows with the number of distinct values, programmes and rematches,
// not with the number of pairs; the early closures, which the figures list
// by pair, are the one list it keeps.
type Builder struct {
	cfg        config.Config
	today      dates.Date
	opt        Options
	sink       Sink
	overall    *tally
	programmes map[string]*tally
	named      bool
	survey     *surveyTally
	// followed names the pairs some plan names as previous, and names the
	// programmes the plans name: both of every pair read, kept or not.
	followed  map[string]bool
	names     map[string]bool
	rematches []rematchFacts
}

// NewBuilder starts a report; Add each pair in id order, then Finish.
func NewBuilder(cfg config.Config, today dates.Date, opt Options, sink Sink) *Builder {
	return &Builder{cfg: cfg, today: today, opt: opt, sink: sink,
		overall: newTally(), programmes: map[string]*tally{}, survey: newSurveyTally(cfg.Survey),
		followed: map[string]bool{}, names: map[string]bool{}}
}

// Add folds one pair into the report.
func (b *Builder) Add(p Pair) error {
	if p.Plan != nil {
		if p.Plan.Previous != "" {
			b.followed[p.Plan.Previous] = true
		}
		if p.Plan.Program != "" {
			b.names[p.Plan.Program] = true
		}
	}
	f := study(&p, b.cfg, b.today)
	if !f.keep(b.opt) {
		return nil
	}
	studyAfter(f)
	if f.after.rematch {
		b.rematches = append(b.rematches, newRematch(f))
	}
	b.overall.add(f)
	t := b.programmes[f.program]
	if t == nil {
		t = newTally()
		b.programmes[f.program] = t
	}
	t.add(f)
	b.named = b.named || f.program != ""
	b.survey.add(f)
	if err := b.sink.Row(f.row); err != nil {
		return err
	}
	if f.row.Attention {
		a := Attention{ID: f.row.ID, Plan: f.row.Plan, Program: nullable.String(f.program),
			Verdict: f.row.Verdict, Signals: f.row.Signals, Problems: append([]diag.Problem{}, f.problems...)}
		if err := b.sink.Attention(a); err != nil {
			return err
		}
	}
	for _, inv := range f.invalid {
		if err := b.sink.Invalid(inv); err != nil {
			return err
		}
	}
	return nil
}

// Programmes lists the programmes the plans read name, kept by the filters
// or not, sorted.
func (b *Builder) Programmes() []string {
	out := make([]string, 0, len(b.names))
	for n := range b.names {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Finish follows the rematches' previous links (with lookup, for the pairs
// it no longer holds) and computes the figures. The report's Attention,
// Invalid and Pairs are empty: the Sink had them.
func (b *Builder) Finish(lookup Lookup) *Report {
	rep := &Report{Today: b.today, Program: nullable.String(b.opt.Program), Since: b.opt.Since, PairsDir: b.cfg.PairsDir,
		Attention: []Attention{}, Invalid: []Invalid{}, Pairs: []Row{}, Programmes: []Programme{}}
	links := newLinks(b.rematches, lookup)
	for i := range b.rematches {
		r := &b.rematches[i]
		chain := links.follow(r, b.followed)
		b.overall.addRematch(r, chain)
		b.programmes[r.program].addRematch(r, chain)
	}
	rep.Overall = b.overall.summary()
	rep.Survey = b.survey.figures(b.cfg.Survey)
	if b.named {
		names := make([]string, 0, len(b.programmes))
		for n := range b.programmes {
			names = append(names, n)
		}
		// Named programmes first, by name; pairs without one last.
		sort.Slice(names, func(i, j int) bool {
			if (names[i] == "") != (names[j] == "") {
				return names[j] == ""
			}
			return names[i] < names[j]
		})
		for _, n := range names {
			rep.Programmes = append(rep.Programmes, Programme{Name: nullable.String(n), Summary: b.programmes[n].summary()})
		}
	}
	return rep
}

// Build computes the report of pairs held in memory, in id order, as the
// loader gives them: a Builder whose Sink fills the report's lists.
func Build(pairs []Pair, cfg config.Config, today dates.Date, opt Options) *Report {
	var lists collect
	b := NewBuilder(cfg, today, opt, &lists)
	byID := map[string]*Pair{}
	for i := range pairs {
		byID[pairs[i].Pair.ID] = &pairs[i]
		_ = b.Add(pairs[i])
	}
	rep := b.Finish(func(id string) (*plan.Plan, bool) {
		p, ok := byID[id]
		if !ok {
			return nil, false
		}
		return p.Plan, true
	})
	rep.Attention = append(rep.Attention, lists.attention...)
	rep.Invalid = append(rep.Invalid, lists.invalid...)
	rep.Pairs = append(rep.Pairs, lists.rows...)
	return rep
}

// collect is the Sink of Build: it keeps every row.
type collect struct {
	rows      []Row
	attention []Attention
	invalid   []Invalid
}

func (c *collect) Row(r Row) error             { c.rows = append(c.rows, r); return nil }
func (c *collect) Attention(a Attention) error { c.attention = append(c.attention, a); return nil }
func (c *collect) Invalid(i Invalid) error     { c.invalid = append(c.invalid, i); return nil }

// tally is the running figures of one set of pairs: the whole programme,
// or one cohort.
type tally struct {
	s                 Summary
	verdicts          map[string]int
	statuses          map[string]int
	valid             int
	planned, actual   days
	plannedB, actualB []int
	// closure records
	reasons, transitions, initiated, outcomes map[string]int
	channels, earlyReasons                    map[string]int
	goals, withEnd                            int
}

func newTally() *tally {
	t := &tally{verdicts: map[string]int{}, statuses: map[string]int{},
		plannedB: make([]int, len(Buckets)), actualB: make([]int, len(Buckets)),
		reasons: map[string]int{}, transitions: map[string]int{}, initiated: map[string]int{}, outcomes: map[string]int{},
		channels: map[string]int{}, earlyReasons: map[string]int{}}
	t.s.Closures.Early.Pairs = []EarlyPair{}
	t.s.After.Chains = []Chain{}
	return t
}

func (t *tally) add(f *facts) {
	s := &t.s
	s.Pairs++
	t.verdicts[string(f.row.Verdict)]++
	if f.row.Attention {
		s.Attention++
	}
	if !f.valid {
		s.Invalid++
	} else {
		t.valid++
		t.statuses[string(f.row.Status)]++
		s.Goals.Total += f.row.GoalsTotal
		s.Goals.Met += f.row.GoalsMet
		s.Goals.Open += f.row.GoalsOpen
		s.Goals.Dropped += f.row.GoalsDropped
		if n := len(f.pair.Plan.Extensions); n > 0 {
			s.Extensions.Pairs++
			s.Extensions.Total += n
		}
		m := f.meetings
		s.Meetings.Held += m.Held
		s.Meetings.Unproductive += m.Unproductive
		s.Meetings.Cancelled = addSides(s.Meetings.Cancelled, m.Cancelled)
		s.Meetings.NoShow = addSides(s.Meetings.NoShow, m.NoShow)
		if f.row.PlannedDays != nil {
			t.planned.add(*f.row.PlannedDays)
			t.plannedB[bucket(*f.row.PlannedDays)]++
		}
	}
	t.addClosure(f)
	if x := f.after; x.informal {
		a := &s.After
		a.Informal++
		if x.keptCheckIn {
			a.KeptCheckIn++
		}
		if x.overdue {
			a.Overdue++
		}
	}
}

func (t *tally) addClosure(f *facts) {
	c := &t.s.Closures
	fc := f.closure
	if fc.exists {
		c.Records++
		if fc.record == nil {
			c.Invalid++
		}
	}
	if fc.missing {
		c.Missing++
	}
	rec := fc.record
	if rec == nil {
		return
	}
	t.reasons[rec.Reason]++
	t.transitions[rec.Transition]++
	if rec.InitiatedBy == "" {
		t.initiated[notGiven]++
	} else {
		t.initiated[rec.InitiatedBy]++
	}
	if rec.Transition != "end" {
		c.Contact.StayInTouch++
		if ch := strings.ToLower(strings.Join(strings.Fields(rec.Contact.Channel), " ")); ch != "" {
			c.Contact.Agreed++
			t.channels[ch]++
		}
	}
	for _, g := range rec.Goals {
		t.outcomes[g.Outcome]++
		t.goals++
	}
	d := *f.row.ActualDays
	t.actual.add(d)
	t.actualB[bucket(d)]++
	if f.valid && !f.pair.Plan.End.IsZero() {
		t.withEnd++
	}
	if fc.early != nil {
		c.Early.Count++
		c.Early.Pairs = append(c.Early.Pairs, *fc.early)
		t.earlyReasons[rec.Reason]++
	}
}

func (t *tally) addRematch(r *rematchFacts, chain *Chain) {
	a := &t.s.After
	a.Rematches++
	a.CarriedGoals += r.carried
	a.CarriedMet += r.carriedMet
	if chain != nil {
		a.Chains = append(a.Chains, *chain)
	}
}

// summary is the figures of the pairs added so far.
func (t *tally) summary() Summary {
	s := t.s
	s.Verdicts = counts(Verdicts, t.verdicts, s.Pairs)
	s.Statuses = counts(Statuses, t.statuses, t.valid)
	s.Goals.MetShare = share(s.Goals.Met, s.Goals.Total-s.Goals.Dropped)
	s.Meetings.UnproductiveShare = share(s.Meetings.Unproductive, s.Meetings.Held)
	s.Durations.Planned = t.planned.spread()
	s.Durations.PlannedBuckets = counts(Buckets, bucketMap(t.plannedB), t.planned.n)

	c := &s.Closures
	n := c.Records - c.Invalid
	c.Reasons = counts(closure.Reasons.Names(), t.reasons, n)
	c.Transitions = counts(closure.Transitions.Names(), t.transitions, n)
	c.InitiatedBy = counts(append(closure.Initiators.Names(), notGiven), t.initiated, n)
	c.Contact.Share = share(c.Contact.Agreed, c.Contact.StayInTouch)
	c.Contact.Channels = ranked(t.channels, c.Contact.Agreed)
	c.Outcomes = counts(closure.Outcomes.Names(), t.outcomes, t.goals)
	c.MetShare = share(t.outcomes["met"], t.goals-t.outcomes["dropped"])
	c.Early.Share = share(c.Early.Count, t.withEnd)
	c.Early.Reasons = counts(closure.Reasons.Names(), t.earlyReasons, c.Early.Count)
	s.Durations.Actual = t.actual.spread()
	s.Durations.ActualBuckets = counts(Buckets, bucketMap(t.actualB), t.actual.n)

	a := &s.After
	a.KeptShare = share(a.KeptCheckIn, a.Informal)
	a.CarriedShare = share(a.CarriedMet, a.CarriedGoals)
	return s
}

// days is a multiset of lengths in days, counted by value: the sorted
// list the quartiles are read from, in the room of its distinct values.
type days struct {
	n     int
	count map[int]int
}

func (d *days) add(v int) {
	if d.count == nil {
		d.count = map[int]int{}
	}
	d.count[v]++
	d.n++
}

// spread is the five-number summary of the lengths, or nil when there are
// none; quartiles are interpolated linearly between the closest ranks.
func (d *days) spread() *Spread {
	if d.n == 0 {
		return nil
	}
	vals := make([]int, 0, len(d.count))
	for v := range d.count {
		vals = append(vals, v)
	}
	sort.Ints(vals)
	// at is the length of rank k (0-based) in the sorted list.
	at := func(k int) int {
		for _, v := range vals {
			if k < d.count[v] {
				return v
			}
			k -= d.count[v]
		}
		return vals[len(vals)-1]
	}
	q := func(p float64) float64 {
		pos := p * float64(d.n-1)
		lo, hi := at(int(math.Floor(pos))), at(int(math.Ceil(pos)))
		v := float64(lo) + (pos-math.Floor(pos))*float64(hi-lo)
		return math.Round(v*10) / 10
	}
	return &Spread{Pairs: d.n, Min: float64(vals[0]), Q1: q(0.25), Median: q(0.5), Q3: q(0.75), Max: float64(vals[len(vals)-1])}
}
