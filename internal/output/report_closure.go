package output

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/mentor-cli/mentor/internal/report"
)

// usable is the number of closure records the statistics count.
func usable(c report.Closures) int { return c.Records - c.Invalid }

func (m *md) overviewClosures(s report.Summary) {
	c := s.Closures
	if usable(c) == 0 {
		return
	}
	met, total := outcomeTotals(c)
	if total > 0 {
		m.WriteString(fmt.Sprintf("- **Goals met at closure:** %d of %d not dropped (%s).\n", met, total, pct(c.MetShare)))
	}
	m.WriteString("- **Reasons to close:** " + listCounts(c.Reasons) + ".\n")
	m.WriteString("- **After closing:** " + listCounts(transitions(c.Transitions)) + ".\n")
	m.WriteString(fmt.Sprintf("- **Closed before the planned end:** %d of %d.\n", c.Early.Count, usable(c)))
}

// outcomeTotals returns the goals met and the goals not dropped.
func outcomeTotals(c report.Closures) (met, total int) {
	for _, o := range c.Outcomes {
		switch o.Key {
		case "met":
			met += o.Count
			total += o.Count
		case "dropped":
		default:
			total += o.Count
		}
	}
	return met, total
}

// transitions spells out the one transition whose key alone misleads: the
// mentee, not the mentor, goes on to mentor.
func transitions(cs []report.Count) []report.Count {
	out := append([]report.Count(nil), cs...)
	for i := range out {
		if out[i].Key == "mentor" {
			out[i].Key = "mentor (the mentee becomes a mentor)"
		}
	}
	return out
}

// listCounts lists the counts that are not zero, most first: "2 end, 1 rematch".
func listCounts(cs []report.Count) string {
	nz := nonZero(cs)
	sort.SliceStable(nz, func(i, j int) bool { return nz[i].Count > nz[j].Count })
	parts := make([]string, len(nz))
	for i, c := range nz {
		parts[i] = fmt.Sprintf("%d %s", c.Count, c.Key)
	}
	return strings.Join(parts, ", ")
}

func (m *md) closures(s report.Summary) {
	c := s.Closures
	m.heading(2, "How relationships ended")
	if usable(c) == 0 {
		if c.Records == 0 {
			m.para("No closure records yet. When a pair ends, write one with `mentor close record PAIR`.")
		} else {
			m.para("No closure record can be used yet; see the files that cannot be used below.")
		}
		return
	}
	m.para("From %s.", plural(usable(c), "closure record", "closure records"))

	m.heading(3, "Reasons")
	m.pie("Why relationships ended", c.Reasons)
	m.table("lrr", []string{"Reason", "Records", "Share"}, countRows(nonZero(c.Reasons)))
	if len(nonZero(c.InitiatedBy)) > 0 {
		m.table("lrr", []string{"Initiated by", "Records", "Share"}, countRows(nonZero(c.InitiatedBy)))
	}

	m.heading(3, "What happens next")
	m.pie("Transitions", transitions(c.Transitions))
	m.table("lrr", []string{"Transition", "Records", "Share"}, countRows(nonZero(transitions(c.Transitions))))
	ct := c.Contact
	if ct.StayInTouch > 0 {
		m.para("%d of the %d pairs that stay in touch agreed a contact channel (%s).", ct.Agreed, ct.StayInTouch, pct(ct.Share))
		if len(ct.Channels) > 0 {
			m.table("lrr", []string{"Channel", "Pairs", "Share"}, countRows(ct.Channels))
		}
	}

	m.heading(3, "Goal outcomes")
	met, total := outcomeTotals(c)
	all := 0
	for _, o := range c.Outcomes {
		all += o.Count
	}
	if all == 0 {
		m.para("The closure records list no goals.")
		return
	}
	m.bar("Goal outcomes in closure records", "goals", c.Outcomes)
	m.table("lrr", []string{"Outcome", "Goals", "Share"}, countRows(c.Outcomes))
	m.para("%d of %d goals not dropped were met (%s).", met, total, pct(c.MetShare))
}

func (m *md) actualDurations(s report.Summary) {
	d := s.Durations
	if d.Actual == nil {
		m.para("No pair has a usable closure record yet, so there is no actual length to compare.")
		return
	}
	m.bar("Actual length of closed pairs", "pairs", d.ActualBuckets)
	m.table("lrr", []string{"Actual length", "Pairs", "Share"}, countRows(d.ActualBuckets))
}

func (m *md) earlyClosures(s report.Summary) {
	e := s.Closures.Early
	if usable(s.Closures) == 0 {
		return
	}
	m.heading(3, "Early closures")
	if e.Count == 0 {
		m.para("No pair closed before its planned end.")
		return
	}
	m.para("%s closed before the planned end (%s of the closed pairs with a planned end).",
		plural(e.Count, "pair", "pairs"), pct(e.Share))
	var rows [][]string
	for _, p := range e.Pairs {
		rows = append(rows, []string{p.ID, p.End.String(), p.Closed.String(), strconv.Itoa(p.DaysEarly), p.Reason})
	}
	m.table("lllrl", []string{"Pair", "Planned end", "Closed", "Days early", "Reason"}, rows)
	m.table("lrr", []string{"Reason to close early", "Pairs", "Share"}, countRows(nonZero(e.Reasons)))
}

var programmeClosureHeader = []string{"Closure records", "Goals met at closure", "Median actual days", "Early closures"}

func programmeClosureCells(s report.Summary) []string {
	c := s.Closures
	met, total := outcomeTotals(c)
	goals := "-"
	if total > 0 {
		goals = fmt.Sprintf("%d/%d (%s)", met, total, pct(c.MetShare))
	}
	med := "-"
	if s.Durations.Actual != nil {
		med = num(s.Durations.Actual.Median)
	}
	return []string{strconv.Itoa(c.Records), goals, med, strings.TrimSpace(strconv.Itoa(c.Early.Count))}
}
