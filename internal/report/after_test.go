package report

import (
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/signals"
)

// closedWith gives a closed pair a closure record with a body, and judges it
// again with the record (follow-up-due depends on it).
func closedWith(p Pair, front, body string) Pair {
	p.ClosureRead.Exists = true
	p.Closure = closure.Parse(p.ClosureFile(), []byte("---\nmentor: Ada\nmentee: Grace\nfinal_meeting: none\n"+front+"---\n\n# Closure\n"+body))
	p.Judgement = signals.Judge(p.Pair, config.Default(), today)
	return p
}

func TestAfterClosure(t *testing.T) {
	rec := "start: 2026-01-01\nreason: goals-met\ngoals: []\ntransition: informal\ncontact: {channel: email, cadence: quarterly}\n"
	closed := planSrc("start: 2026-01-01\nstatus: closed\n", "## Goals\n- [x] One\n- [ ] Two\n- [ ] Three\n- [ ] ~~Four~~ (dropped)\n")
	pairs := []Pair{
		// closed 2026-10-01 with a check-in on 2026-11-01: next due 2027-01-31
		closedWith(judged("a1", closed), rec+"closed: 2026-10-01\n", "## Check-ins\n### 2026-11-01\n"),
		// closed 2026-06-01, no check-in: due since 2026-08-31
		closedWith(judged("a2", closed), rec+"closed: 2026-06-01\n", ""),
		// closed 2026-11-01, none yet and none due
		closedWith(judged("a3", closed), rec+"closed: 2026-11-01\n", ""),
		// not informal: not counted
		closedWith(judged("a4", closed), strings.Replace(rec, "informal", "rematch", 1)+"closed: 2026-06-01\n", ""),
		// a1's mentee again: carries Two (met now) and Three (still open), and the dropped Four
		judged("b1", planSrc("start: 2026-11-01\nprevious: a1\n", "## Goals\n- [x] Two\n- [ ] Three\n- [ ] ~~Four~~ (dropped)\n- [ ] New\n")),
		// and again: carries Three, met
		judged("c1", planSrc("start: 2026-11-15\nprevious: b1\n", "## Goals\n- [x] Three\n")),
		// follows a pair that is not there
		judged("d1", planSrc("start: 2026-11-15\nprevious: gone\n", "## Goals\n- [ ] X\n")),
	}
	rep := Build(pairs, config.Default(), today, Options{})
	a := rep.Overall.After
	if a.Informal != 3 || a.KeptCheckIn != 1 || a.Overdue != 1 || a.KeptShare != 0.333 {
		t.Errorf("check-ins: %+v", a)
	}
	if a.Rematches != 3 || a.CarriedGoals != 3 || a.CarriedMet != 2 || a.CarriedShare != 0.667 {
		t.Errorf("rematches: %+v", a)
	}
	// d1's link leads nowhere: it is a rematch, but no chain.
	if len(a.Chains) != 1 || strings.Join(a.Chains[0].Pairs, " ") != "a1 b1 c1" || a.Chains[0].CarriedGoals != 3 || a.Chains[0].CarriedMet != 2 {
		t.Errorf("chains: %+v", a.Chains)
	}
	// A filter keeps the links: c1 alone still counts what it carried from b1.
	rep = Build(pairs, config.Default(), today, Options{Since: pairs[5].Plan.Start})
	if a := rep.Overall.After; a.Rematches != 2 || a.CarriedGoals != 1 || a.CarriedMet != 1 || len(a.Chains) != 1 || len(a.Chains[0].Pairs) != 3 {
		t.Errorf("filtered: %+v", a)
	}
}
