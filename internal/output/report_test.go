package output

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/report"
	"github.com/mentor-cli/mentor/internal/signals"
)

// sample is a report with every part filled in, built by hand so that the
// rendering is tested apart from the statistics.
func sample() *report.Report {
	c := func(key string, n, whole int) report.Count {
		return report.Count{Key: key, Count: n, Share: float64(n) / float64(whole)}
	}
	days := 120
	s := report.Summary{
		Pairs: 4, Invalid: 1, Attention: 2,
		Verdicts: []report.Count{c("ready-to-close", 1, 4), c("consider-closing", 0, 4), c("on-track", 1, 4), c("closed", 1, 4), c("invalid", 1, 4)},
		Statuses: []report.Count{c("active", 2, 3), c("closing", 0, 3), c("closed", 1, 3)},
		Goals:    report.Goals{Total: 5, Met: 2, Open: 2, Dropped: 1, MetShare: 0.5},
		Meetings: report.Meetings{Held: 10, Unproductive: 1, UnproductiveShare: 0.1,
			Cancelled: report.BySide{Mentor: 1, Mentee: 2, Total: 3}, NoShow: report.BySide{Unnamed: 1, Total: 1}},
		Durations: report.Durations{
			Planned:        &report.Spread{Pairs: 2, Min: 100, Q1: 125, Median: 150, Q3: 175, Max: 200},
			Actual:         &report.Spread{Pairs: 1, Min: 120, Q1: 120, Median: 120, Q3: 120, Max: 120},
			PlannedBuckets: []report.Count{c("up to 3 months", 0, 2), c("4-6 months", 2, 2)},
			ActualBuckets:  []report.Count{c("up to 3 months", 0, 1), c("4-6 months", 1, 1)},
		},
		Closures: report.Closures{Records: 1,
			Reasons:     []report.Count{c("goals-met", 1, 1), c("stalled", 0, 1)},
			Transitions: []report.Count{c("end", 0, 1), c("informal", 1, 1)},
			InitiatedBy: []report.Count{c("both", 1, 1)},
			Contact:     report.Contact{StayInTouch: 1, Agreed: 1, Share: 1, Channels: []report.Count{c("email", 1, 1)}},
			Outcomes:    []report.Count{c("met", 2, 3), c("partial", 1, 3), c("not-met", 0, 3), c("dropped", 0, 3)},
			MetShare:    0.667,
			Early: report.Early{Count: 1, Share: 1, Reasons: []report.Count{c("goals-met", 1, 1)},
				Pairs: []report.EarlyPair{{ID: "c--d", End: dates.MustParse("2026-06-01"), Closed: dates.MustParse("2026-05-01"), DaysEarly: 31, Reason: "goals-met"}}},
		},
	}
	return &report.Report{
		Today: dates.MustParse("2026-11-21"), PairsDir: "pairs", Overall: s,
		Programmes: []report.Programme{{Name: "Cohort | A", Summary: s}, {Name: "", Summary: s}},
		Attention: []report.Attention{
			{ID: "a--b", Plan: "pairs/a--b/plan.md", Program: "Cohort | A", Verdict: signals.ReadyToClose,
				Signals:  []signals.Signal{{ID: "goals-met", Message: "all 2 goals met", Line: 9}},
				Problems: []diag.Problem{{File: "pairs/a--b/plan.md", Line: 6, Severity: diag.Error, Message: "closure record missing"}}},
			{ID: "e--f", Plan: "pairs/e--f/plan.md", Verdict: signals.Invalid,
				Problems: []diag.Problem{{File: "pairs/e--f/plan.md", Line: 3, Severity: diag.Error, Message: "the plan cannot be read: <b>"}}},
			{ID: "g (h)", Plan: "pairs/g (h)/plan.md", Verdict: signals.OnTrack, Signals: []signals.Signal{{ID: "end-near", Message: "x", Line: 5}}},
		},
		Invalid: []report.Invalid{{ID: "e--f", File: "pairs/e--f/plan.md",
			Problems: []diag.Problem{{File: "pairs/e--f/plan.md", Line: 3, Severity: diag.Error, Message: "start: bad"}}}},
		Pairs: []report.Row{
			{ID: "a--b", Plan: "pairs/a--b/plan.md", Program: "Cohort, \"A\"", Status: "active", Verdict: signals.ReadyToClose,
				Signals: []signals.Signal{{ID: "goals-met", Message: "m", Line: 9}, {ID: "end-near", Message: "n", Line: 5}}, Start: dates.MustParse("2026-01-01"), PlannedDays: &days, Attention: true},
		},
	}
}

func markdown(t *testing.T, rep *report.Report) string {
	t.Helper()
	var b bytes.Buffer
	if err := ReportMarkdown(&b, rep); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// chart is one Mermaid block and its data.
type chart struct {
	kind   string // pie or xychart-beta
	labels []string
	values []int
	line   int
}

var (
	pieTitle   = regexp.MustCompile(`^pie title \S.*$`)
	pieSlice   = regexp.MustCompile(`^    "([^"]+)" : ([0-9]+)$`)
	xyTitle    = regexp.MustCompile(`^    title "[^"]+"$`)
	xyAxis     = regexp.MustCompile(`^    x-axis \[(.*)\]$`)
	xyYAxis    = regexp.MustCompile(`^    y-axis "[^"]+" 0 --> ([0-9]+)$`)
	xyBar      = regexp.MustCompile(`^    bar \[(.*)\]$`)
	quotedItem = regexp.MustCompile(`^"([^"]+)"$`)
)

// parseChart checks a Mermaid block's structure as Mermaid reads it: a pie
// has a title and `"label" : number` slices with positive numbers; an
// xychart-beta bar chart has a title, as many x-axis labels as bar values,
// and a y-axis range that holds every value.
func parseChart(lines []string, at int) (chart, error) {
	if len(lines) == 0 {
		return chart{}, fmt.Errorf("line %d: empty mermaid block", at)
	}
	switch {
	case strings.HasPrefix(lines[0], "pie"):
		ch := chart{kind: "pie", line: at}
		if !pieTitle.MatchString(lines[0]) {
			return ch, fmt.Errorf("line %d: pie without a title: %q", at, lines[0])
		}
		for _, l := range lines[1:] {
			m := pieSlice.FindStringSubmatch(l)
			if m == nil {
				return ch, fmt.Errorf("line %d: not a pie slice: %q", at, l)
			}
			n, _ := strconv.Atoi(m[2])
			if n <= 0 {
				return ch, fmt.Errorf("line %d: pie slice %q is not positive", at, l)
			}
			ch.labels = append(ch.labels, m[1])
			ch.values = append(ch.values, n)
		}
		if len(ch.values) == 0 {
			return ch, fmt.Errorf("line %d: pie without slices", at)
		}
		return ch, nil
	case lines[0] == "xychart-beta":
		ch := chart{kind: "xychart-beta", line: at}
		if len(lines) != 5 || !xyTitle.MatchString(lines[1]) {
			return ch, fmt.Errorf("line %d: want title, x-axis, y-axis and bar lines: %q", at, lines)
		}
		x := xyAxis.FindStringSubmatch(lines[2])
		y := xyYAxis.FindStringSubmatch(lines[3])
		bar := xyBar.FindStringSubmatch(lines[4])
		if x == nil || y == nil || bar == nil {
			return ch, fmt.Errorf("line %d: bad axis or bar line: %q", at, lines[2:])
		}
		for _, item := range strings.Split(x[1], ", ") {
			m := quotedItem.FindStringSubmatch(item)
			if m == nil {
				return ch, fmt.Errorf("line %d: x-axis label %q is not quoted", at, item)
			}
			ch.labels = append(ch.labels, m[1])
		}
		top, _ := strconv.Atoi(y[1])
		for _, v := range strings.Split(bar[1], ", ") {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 || n > top {
				return ch, fmt.Errorf("line %d: bar value %q is not a count within 0..%d", at, v, top)
			}
			ch.values = append(ch.values, n)
		}
		if len(ch.labels) != len(ch.values) {
			return ch, fmt.Errorf("line %d: %d x-axis labels but %d bar values", at, len(ch.labels), len(ch.values))
		}
		return ch, nil
	}
	return chart{}, fmt.Errorf("line %d: unknown chart %q", at, lines[0])
}

// checkCharts checks every Mermaid block of a report and that the table
// right after it holds the same labels and numbers. It returns the charts.
func checkCharts(t *testing.T, md string) []chart {
	t.Helper()
	lines := strings.Split(md, "\n")
	var charts []chart
	for i := 0; i < len(lines); i++ {
		if lines[i] != "```mermaid" {
			if strings.HasPrefix(lines[i], "```") {
				t.Errorf("line %d: a fence that is not a mermaid chart: %q", i+1, lines[i])
			}
			continue
		}
		start := i + 1
		end := start
		for end < len(lines) && lines[end] != "```" {
			end++
		}
		if end == len(lines) {
			t.Fatalf("line %d: unclosed mermaid block", i+1)
		}
		ch, err := parseChart(lines[start:end], i+1)
		if err != nil {
			t.Error(err)
			i = end
			continue
		}
		charts = append(charts, ch)
		// The table: a blank line, header, delimiter, one row per datum.
		j := end + 2
		if end+1 >= len(lines) || lines[end+1] != "" || j+1 >= len(lines) || !strings.HasPrefix(lines[j], "| ") ||
			!strings.HasPrefix(lines[j+1], "| ---") {
			t.Errorf("line %d: the chart is not followed by a table", i+1)
			i = end
			continue
		}
		rows := 0
		for k := j + 2; k < len(lines) && strings.HasPrefix(lines[k], "| "); k++ {
			cells := strings.Split(strings.Trim(lines[k], "| "), " | ")
			if rows >= len(ch.labels) || cells[0] != ch.labels[rows] || cells[1] != strconv.Itoa(ch.values[rows]) {
				t.Errorf("line %d: table row %q does not match the chart's %q", k+1, lines[k], ch.labels)
			}
			rows++
		}
		if rows != len(ch.labels) {
			t.Errorf("line %d: the chart has %d values, its table %d rows", i+1, len(ch.labels), rows)
		}
		i = end
	}
	return charts
}

func TestParseChartRejects(t *testing.T) {
	bad := [][]string{
		{"pie"},
		{"pie title X"},
		{"pie title X", `    "a" : 0`},
		{"pie title X", `    "a" : -1`},
		{"pie title X", `    a : 1`},
		{"xychart-beta", `    title "X"`, `    x-axis ["a", "b"]`, `    y-axis "n" 0 --> 3`, `    bar [1]`},
		{"xychart-beta", `    title "X"`, `    x-axis ["a"]`, `    y-axis "n" 0 --> 3`, `    bar [4]`},
		{"xychart-beta", `    title "X"`, `    x-axis [a]`, `    y-axis "n" 0 --> 3`, `    bar [1]`},
		{"xychart-beta", `    title "X"`, `    x-axis ["a"]`, `    y-axis "n" 0 --> 3`, `    bar [x]`},
		{"graph TD"},
	}
	for _, b := range bad {
		if _, err := parseChart(b, 1); err == nil {
			t.Errorf("accepted %q", b)
		}
	}
	if _, err := parseChart([]string{"pie title X", `    "a" : 2`}, 1); err != nil {
		t.Error(err)
	}
}

func TestReportMarkdownCharts(t *testing.T) {
	md := markdown(t, sample())
	charts := checkCharts(t, md)
	kinds := map[string]int{}
	for _, c := range charts {
		kinds[c.kind]++
	}
	// Reasons and transitions as pies; goal outcomes, planned and actual
	// length as bars.
	if kinds["pie"] != 2 || kinds["xychart-beta"] != 3 {
		t.Errorf("charts %v:\n%s", kinds, md)
	}
	for _, want := range []string{
		"| [a--b](pairs/a--b/plan.md) | Cohort \\| A | ready-to-close | goals-met: all 2 goals met; closure record missing (pairs/a--b/plan.md:6) |",
		"| (no programme) |",
		"| [e--f](pairs/e--f/plan.md) | (no programme) | invalid | the plan cannot be read: \\<b\\> (pairs/e--f/plan.md:3) |",
		"| [g (h)](pairs/g%20%28h%29/plan.md) |",
		"| e--f | [pairs/e--f/plan.md](pairs/e--f/plan.md) | pairs/e--f/plan.md:3: error: start: bad |",
		"| planned | 2 | 100 | 125 | 150 | 175 | 200 |",
		"| c--d | 2026-06-01 | 2026-05-01 | 31 | goals-met |",
		"| cancelled | 1 | 2 | 0 | 3 |",
		"2 of 3 goals not dropped were met (67%).",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("missing %q in:\n%s", want, md)
		}
	}
	if !strings.HasSuffix(md, "|\n") || strings.HasSuffix(md, "\n\n") {
		t.Errorf("the report ends with one newline: %q", md[len(md)-10:])
	}
}

func TestReportMarkdownEmpty(t *testing.T) {
	md := markdown(t, &report.Report{Today: dates.MustParse("2026-11-21"), PairsDir: "pairs"})
	if !strings.Contains(md, "0 pairs in `pairs/`") || !strings.Contains(md, "No pairs found") || strings.Contains(md, "```") {
		t.Errorf("empty report:\n%s", md)
	}
}

// Without closure records there are no pies to draw, and the report says so.
func TestReportMarkdownNoClosures(t *testing.T) {
	rep := sample()
	rep.Overall.Closures = report.Closures{Missing: 1}
	rep.Overall.Durations.Actual = nil
	md := markdown(t, rep)
	charts := checkCharts(t, md)
	if len(charts) != 1 || charts[0].kind != "xychart-beta" {
		t.Errorf("charts %+v", charts)
	}
	for _, want := range []string{"No closure records yet", "1 pair ended without one", "no actual length to compare"} {
		if !strings.Contains(md, want) {
			t.Errorf("missing %q in:\n%s", want, md)
		}
	}
}

func TestReportCSV(t *testing.T) {
	var b bytes.Buffer
	if err := ReportCSV(&b, sample()); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if len(recs) != 2 || strings.Join(recs[0], ",") != strings.Join(CSVHeader, ",") {
		t.Fatalf("records %q", recs)
	}
	row := map[string]string{}
	for i, h := range recs[0] {
		row[h] = recs[1][i]
	}
	want := map[string]string{"id": "a--b", "program": `Cohort, "A"`, "signals": "goals-met end-near", "start": "2026-01-01",
		"end": "", "planned_days": "120", "actual_days": "", "attention": "true", "early": "false", "plan": "pairs/a--b/plan.md"}
	for k, v := range want {
		if row[k] != v {
			t.Errorf("%s = %q, want %q", k, row[k], v)
		}
	}
	for _, h := range []string{"id", "program", "status", "verdict", "signals", "start", "end", "closed", "reason", "transition", "goals_total", "goals_met"} {
		if _, ok := row[h]; !ok {
			t.Errorf("no column %s", h)
		}
	}
}

func TestReportJSON(t *testing.T) {
	var b bytes.Buffer
	if err := ReportJSON(&b, sample()); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	overall := got["overall"].(map[string]any)
	if overall["pairs"].(float64) != 4 || got["since"] != nil || got["today"] != "2026-11-21" {
		t.Errorf("json %s", b.String())
	}
	dur := overall["durations"].(map[string]any)
	if dur["planned"].(map[string]any)["median"].(float64) != 150 {
		t.Errorf("durations %v", dur)
	}
}

// The committed report of the examples keeps to the chart structure too.
func TestExampleReportCharts(t *testing.T) {
	b, err := os.ReadFile("../../examples/programme/REPORT.md")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(checkCharts(t, string(b))); n != 11 {
		t.Errorf("the example report has %d charts, want 11", n)
	}
}
