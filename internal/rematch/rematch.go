// Package rematch holds the rules of starting a pair again after closing:
// which goals a new pair carries over, which pairings an earlier closure
// record asks to avoid, how long after closing a rematch comes, and the
// chain of pairs the previous links make. It is pure: the caller reads the
// files.
package rematch

import (
	"strings"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/plan"
)

// Carried returns the goals a new pair carries over from an earlier plan:
// every goal that was not met (open ones, and dropped ones as the history
// they are), in plan order.
func Carried(p *plan.Plan) []plan.Goal {
	var out []plan.Goal
	for _, g := range p.Goals {
		if g.State != plan.Met {
			out = append(out, g)
		}
	}
	return out
}

// SamePerson reports whether two names are the same person's, ignoring
// case and runs of spaces.
func SamePerson(a, b string) bool {
	return norm(a) != "" && norm(a) == norm(b)
}

func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// SamePeople reports whether a record is about the same two people as a
// and b, whichever of them was the mentor.
func SamePeople(rec *closure.Record, a, b string) bool {
	return (SamePerson(rec.Mentor, a) && SamePerson(rec.Mentee, b)) ||
		(SamePerson(rec.Mentor, b) && SamePerson(rec.Mentee, a))
}

// Avoided returns the first record that marks rematch_avoid: true for the
// same two people, or nil.
func Avoided(records []*closure.Record, a, b string) *closure.Record {
	for _, rec := range records {
		if rec != nil && rec.RematchAvoid && SamePeople(rec, a, b) {
			return rec
		}
	}
	return nil
}

// TooSoon reports whether a new pair starting on start comes less than
// days after the earlier pair closed, and how many days it does come after.
func TooSoon(closed, start dates.Date, days int) (bool, int) {
	if closed.IsZero() || start.IsZero() {
		return false, 0
	}
	gap := start.DaysSince(closed)
	return gap < days, gap
}

// Chain follows previous links back from a pair: the earlier pairs, oldest
// first. previous returns the pair a pair follows ("" for none) and
// whether that pair exists. The chain stops at a pair that does not exist
// (broken is set to its id) and at a pair already in the chain (loop).
func Chain(id string, previous func(id string) (prev string, exists bool)) (chain []string, broken string, loop bool) {
	seen := map[string]bool{id: true}
	cur := id
	for {
		prev, _ := previous(cur)
		if prev == "" {
			break
		}
		if seen[prev] {
			loop = true
			break
		}
		if _, ok := previous(prev); !ok {
			broken = prev
			break
		}
		seen[prev] = true
		chain = append(chain, prev)
		cur = prev
	}
	for i, j := 0, len(chain)-1; i < j; i, j = i+1, j-1 {
		chain[i], chain[j] = chain[j], chain[i]
	}
	return chain, broken, loop
}
