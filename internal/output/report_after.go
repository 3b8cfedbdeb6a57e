package output

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/mentor-cli/mentor/internal/report"
)

// after writes what happened after closure: check-ins and rematches.
func (m *md) after(s report.Summary) {
	a := s.After
	m.heading(2, "After closure")
	if a.Informal == 0 {
		m.para("No valid closure record says `transition: informal` yet, so there are no check-ins to count.")
	} else {
		m.para("%d of the %s kept at least one check-in (%s); %s due a check-in now (follow-up-due).",
			a.KeptCheckIn, plural(a.Informal, "pair that stays in touch informally", "pairs that stay in touch informally"), pct(a.KeptShare),
			plural(a.Overdue, "is", "are"))
	}
	if a.Rematches == 0 {
		m.para("No plan follows an earlier pair (`previous:` in its front matter); `mentor close rematch PAIR` starts one.")
		return
	}
	line := fmt.Sprintf("%s an earlier one.", plural(a.Rematches, "pair follows", "pairs follow"))
	if a.CarriedGoals > 0 {
		was := "were"
		if a.CarriedMet == 1 {
			was = "was"
		}
		line += fmt.Sprintf(" They carried over %s open at the earlier closing; %d of them %s met in the next pair (%s).",
			plural(a.CarriedGoals, "goal", "goals"), a.CarriedMet, was, pct(a.CarriedShare))
	}
	m.para("%s", line)
	if len(a.Chains) == 0 {
		return
	}
	var rows [][]string
	for _, c := range a.Chains {
		met := "-"
		if c.CarriedGoals > 0 {
			met = fmt.Sprintf("%d/%d", c.CarriedMet, c.CarriedGoals)
		}
		rows = append(rows, []string{c.Mentee, strings.Join(c.Pairs, " → "), strconv.Itoa(len(c.Pairs)), met})
	}
	m.table("llrr", []string{"Mentee", "Pairs, oldest first", "Pairs", "Carried goals met"}, rows)
}
