package load

import (
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/rematch"
	"github.com/mentor-cli/mentor/internal/repo"
)

// Chain follows the previous links from a pair's plan: the ids of the
// earlier pairs, oldest first, read from their plans' front matter. A link to
// a folder of pairs_dir that holds no plan, or back into the chain, ends it.
func Chain(r *repo.Repo, id string, p *plan.Plan) []string {
	if p == nil || p.Previous == "" {
		return []string{}
	}
	plans := map[string]*plan.Plan{id: p}
	previous := func(x string) (string, bool) {
		pl, seen := plans[x]
		if !seen {
			if repo.CheckID(x) == nil {
				pl = One(r, pair.Ref{ID: x, Dir: r.Config.PairsDir + "/" + x}, Options{FrontMatterOnly: true}).Plan
			}
			plans[x] = pl
		}
		if pl == nil {
			return "", false
		}
		return pl.Previous, true
	}
	chain, _, _ := rematch.Chain(id, previous)
	if chain == nil {
		chain = []string{}
	}
	return chain
}
