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
	rematch                        bool // the plan is valid and names a previous pair
}

// studyAfter works out what a pair adds to After on its own: its
// check-ins, and whether it follows an earlier pair. What it carried over
// and the chain it ends wait for Finish, when every pair has been read.
func studyAfter(f *facts) {
	a := &f.after
	p := f.pair
	if rec := f.closure.record; rec != nil && rec.Transition == "informal" {
		a.informal = true
		a.keptCheckIn = len(rec.CheckIns) > 0
		a.overdue = p.Judgement.Has(signals.FollowUpDue)
	}
	a.rematch = f.valid && p.Plan.Previous != ""
}

// rematchFacts is what the report keeps of a pair that follows another
// until every pair has been read: its link, its goals and its people.
type rematchFacts struct {
	id, previous, program string
	mentee, mentor        string
	goals                 []goalState
	carried, carriedMet   int
}

type goalState struct {
	title string
	state plan.GoalState
}

func goalStates(pl *plan.Plan) []goalState {
	out := make([]goalState, len(pl.Goals))
	for i, g := range pl.Goals {
		out[i] = goalState{g.Title, g.State}
	}
	return out
}

func newRematch(f *facts) rematchFacts {
	pl := f.pair.Plan
	return rematchFacts{id: f.pair.Pair.ID, previous: pl.Previous, program: f.program,
		mentee: pl.Mentee, mentor: pl.Mentor, goals: goalStates(pl)}
}

// node is a pair as the previous links see it: whether its plan can be
// read, the pair it follows, and its goals.
type node struct {
	ok, hasPlan bool
	previous    string
	goals       []goalState
}

// links resolves the previous links of the rematches: their own plans are
// kept, the plans they lead to are looked up once each.
type links struct {
	nodes  map[string]*node
	lookup Lookup
}

func newLinks(rs []rematchFacts, lookup Lookup) *links {
	l := &links{nodes: map[string]*node{}, lookup: lookup}
	for _, r := range rs {
		l.nodes[r.id] = &node{ok: true, hasPlan: true, previous: r.previous, goals: r.goals}
	}
	return l
}

func (l *links) node(id string) *node {
	if n, ok := l.nodes[id]; ok {
		return n
	}
	n := &node{}
	if pl, ok := l.lookup(id); ok {
		n.ok = true
		if pl != nil {
			n.hasPlan, n.previous, n.goals = true, pl.Previous, goalStates(pl)
		}
	}
	l.nodes[id] = n
	return n
}

// follow counts what a rematch carried over from the pair it follows and,
// when no pair follows it, returns the chain it ends.
func (l *links) follow(r *rematchFacts, followed map[string]bool) *Chain {
	r.carried, r.carriedMet = carriedGoals(l.node(r.previous), r.goals)
	if followed[r.id] {
		return nil
	}
	previous := func(id string) (string, bool) {
		n := l.node(id)
		if !n.ok || !n.hasPlan {
			return "", false
		}
		return n.previous, true
	}
	chain, _, _ := rematch.Chain(r.id, previous)
	if len(chain) == 0 {
		return nil
	}
	carried, met := r.carried, r.carriedMet
	for i := len(chain) - 1; i > 0; i-- {
		c, m := carriedGoals(l.node(chain[i-1]), l.node(chain[i]).goals)
		carried += c
		met += m
	}
	return &Chain{Pairs: append(chain, r.id), Mentee: r.mentee, Mentor: r.mentor, CarriedGoals: carried, CarriedMet: met}
}

// carriedGoals counts the goals open in the earlier pair's plan that the
// next plan has (by title), and how many of them it met.
func carriedGoals(prev *node, next []goalState) (carried, met int) {
	if !prev.hasPlan {
		return 0, 0
	}
	state := map[string]plan.GoalState{}
	for _, g := range next {
		state[g.title] = g.state
	}
	for _, g := range prev.goals {
		if g.state != plan.Open {
			continue
		}
		if st, ok := state[g.title]; ok {
			carried++
			if st == plan.Met {
				met++
			}
		}
	}
	return carried, met
}
