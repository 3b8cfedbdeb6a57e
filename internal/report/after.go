package report

import (
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/rematch"
	"github.com/mentor-cli/mentor/internal/signals"
)

// After sums up what happened after closure: the check-ins of the pairs
// that stay in touch informally, and the rematches.
type After struct {
	// Informal counts the valid closure records whose transition is
	// informal; KeptCheckIn those with at least one check-in logged, and
	// Overdue those whose next check-in is due today or earlier
	// (follow-up-due).
	Informal    int     `json:"informal"`
	KeptCheckIn int     `json:"kept_checkin"`
	KeptShare   float64 `json:"kept_share"` // kept_checkin / informal
	Overdue     int     `json:"overdue"`
	// Rematches counts the pairs whose plan names a previous pair.
	Rematches int `json:"rematches"`
	// CarriedGoals counts the goals of the previous plans that were open
	// when they closed and that the next plans carry (by title);
	// CarriedMet how many of those the next pairs met. Dropped goals are
	// carried as history and not counted.
	CarriedGoals int     `json:"carried_goals"`
	CarriedMet   int     `json:"carried_met"`
	CarriedShare float64 `json:"carried_share"` // carried_met / carried_goals
	// Chains lists each chain of pairs that previous links make, ending
	// with a pair that no other follows: the pairs oldest first.
	Chains []Chain `json:"chains"`
}

// Chain is one person's succession of pairs.
type Chain struct {
	Pairs        []string `json:"pairs"`         // oldest first
	Mentee       string   `json:"mentee"`        // the last pair's mentee
	Mentor       string   `json:"mentor"`        // the last pair's mentor
	CarriedGoals int      `json:"carried_goals"` // along the whole chain
	CarriedMet   int      `json:"carried_met"`
}

// afterFacts is what one pair adds to After.
type afterFacts struct {
	informal, keptCheckIn, overdue bool
	rematch                        bool
	carried, carriedMet            int
	chain                          []string // earlier pairs, oldest first, when this pair ends a chain
	chainCarried, chainMet         int
}

// studyAfter works out a pair's after-closure facts. byID holds every pair
// read, also those the report's filters leave out, so that a previous link
// is followed wherever it leads; followed names the pairs some other pair
// follows.
func studyAfter(f *facts, byID map[string]*Pair, followed map[string]bool) {
	a := &f.after
	p := f.pair
	if rec := f.closure.record; rec != nil && rec.Transition == "informal" {
		a.informal = true
		a.keptCheckIn = len(rec.CheckIns) > 0
		a.overdue = p.Judgement.Has(signals.FollowUpDue)
	}
	if !f.valid || p.Plan.Previous == "" {
		return
	}
	a.rematch = true
	a.carried, a.carriedMet = carriedGoals(byID[p.Plan.Previous], p.Plan)
	if followed[p.Pair.ID] {
		return
	}
	previous := func(id string) (string, bool) {
		q, ok := byID[id]
		if !ok || q.Plan == nil {
			return "", false
		}
		return q.Plan.Previous, true
	}
	a.chain, _, _ = rematch.Chain(p.Pair.ID, previous)
	a.chainCarried, a.chainMet = a.carried, a.carriedMet
	next := p.Plan
	for i := len(a.chain) - 1; i > 0; i-- {
		next = byID[a.chain[i]].Plan
		c, m := carriedGoals(byID[a.chain[i-1]], next)
		a.chainCarried += c
		a.chainMet += m
	}
}

// carriedGoals counts the goals open in the earlier pair's plan that the
// next plan has (by title), and how many of them it met.
func carriedGoals(prev *Pair, next *plan.Plan) (carried, met int) {
	if prev == nil || prev.Plan == nil || next == nil {
		return 0, 0
	}
	state := map[string]plan.GoalState{}
	for _, g := range next.Goals {
		state[g.Title] = g.State
	}
	for _, g := range prev.Plan.Goals {
		if g.State != plan.Open {
			continue
		}
		if st, ok := state[g.Title]; ok {
			carried++
			if st == plan.Met {
				met++
			}
		}
	}
	return carried, met
}

func summariseAfter(s *Summary, fs []*facts) {
	a := &s.After
	a.Chains = []Chain{}
	for _, f := range fs {
		x := f.after
		if x.informal {
			a.Informal++
			if x.keptCheckIn {
				a.KeptCheckIn++
			}
			if x.overdue {
				a.Overdue++
			}
		}
		if x.rematch {
			a.Rematches++
			a.CarriedGoals += x.carried
			a.CarriedMet += x.carriedMet
		}
		if len(x.chain) > 0 {
			pl := f.pair.Plan
			a.Chains = append(a.Chains, Chain{Pairs: append(append([]string(nil), x.chain...), f.pair.Pair.ID),
				Mentee: pl.Mentee, Mentor: pl.Mentor, CarriedGoals: x.chainCarried, CarriedMet: x.chainMet})
		}
	}
	a.KeptShare = share(a.KeptCheckIn, a.Informal)
	a.CarriedShare = share(a.CarriedMet, a.CarriedGoals)
}

// followedIDs names the pairs that some pair's plan names as previous.
func followedIDs(pairs []Pair) map[string]bool {
	out := map[string]bool{}
	for _, p := range pairs {
		if p.Plan != nil && p.Plan.Previous != "" {
			out[p.Plan.Previous] = true
		}
	}
	return out
}
