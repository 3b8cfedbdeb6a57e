package output

import (
	"bufio"
	"fmt"
	"github.com/mentor-cli/mentor/internal/escape"
	"io"
	"strconv"
	"strings"

	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/report"
	"github.com/mentor-cli/mentor/internal/signals"
)

// ReportJSON writes `report --format json`: every number of the report,
// after the schema version.
func ReportJSON(w io.Writer, rep *report.Report) error {
	return writeReport(newReportJSON(w), rep)
}

// CSVHeader is the first row of `report --format csv`.
var CSVHeader = []string{"id", "program", "status", "verdict", "signals", "start", "end", "closed",
	"reason", "transition", "contact_channel",
	"goals_total", "goals_met", "goals_open", "goals_dropped",
	"outcomes_total", "outcomes_met", "outcomes_partial", "outcomes_not_met", "outcomes_dropped",
	"meetings_held", "meetings_unproductive",
	"cancelled_by_mentor", "cancelled_by_mentee", "cancelled_unnamed",
	"no_show_mentor", "no_show_mentee", "no_show_unnamed",
	"planned_days", "actual_days", "early", "closure_missing", "attention", "plan"}

// ReportCSV writes `report --format csv`: one row per pair; then, after a
// blank line, the closure survey's figures, one row per group and question.
func ReportCSV(w io.Writer, rep *report.Report) error {
	return writeReport(newReportCSV(w), rep)
}

// csvRow is a pair's row of `report --format csv`.
func csvRow(r report.Row) []string {
	n := strconv.Itoa
	days := func(d *int) string {
		if d == nil {
			return ""
		}
		return n(*d)
	}
	t := escape.CSV
	ids := make([]string, len(r.Signals))
	for i, s := range r.Signals {
		ids[i] = s.ID
	}
	return []string{t(r.ID), t(string(r.Program)), t(string(r.Status)), string(r.Verdict), strings.Join(ids, " "),
		r.Start.String(), r.End.String(), r.Closed.String(),
		t(string(r.Reason)), t(string(r.Transition)), t(string(r.ContactChannel)),
		n(r.GoalsTotal), n(r.GoalsMet), n(r.GoalsOpen), n(r.GoalsDropped),
		n(r.Outcomes.Total), n(r.Outcomes.Met), n(r.Outcomes.Partial), n(r.Outcomes.NotMet), n(r.Outcomes.Dropped),
		n(r.Held), n(r.Unproductive),
		n(r.Cancelled.Mentor), n(r.Cancelled.Mentee), n(r.Cancelled.Unnamed),
		n(r.NoShow.Mentor), n(r.NoShow.Mentee), n(r.NoShow.Unnamed),
		days(r.PlannedDays), days(r.ActualDays), strconv.FormatBool(r.Early),
		strconv.FormatBool(r.ClosureMissing), strconv.FormatBool(r.Attention), t(r.Plan)}
}

// ReportMarkdown writes the report as Markdown for GitHub and GitLab: Mermaid
// charts, each followed by a table with the same numbers.
func ReportMarkdown(w io.Writer, rep *report.Report) error {
	return writeReport(newReportMarkdown(w), rep)
}

// md writes Markdown as it goes. Line breaks are held back until more text
// follows, so that the document ends with exactly one.
type md struct {
	w   *bufio.Writer
	nl  int // line breaks held back
	err error
}

func newMD(w io.Writer) *md { return &md{w: bufio.NewWriterSize(w, 64<<10)} }

func (m *md) WriteString(s string) (int, error) {
	if m.err != nil || s == "" {
		return len(s), m.err
	}
	t := strings.TrimRight(s, "\n")
	if t == "" {
		m.nl += len(s)
		return len(s), nil
	}
	for ; m.nl > 0; m.nl-- {
		m.w.WriteByte('\n')
	}
	_, m.err = m.w.WriteString(t)
	m.nl = len(s) - len(t)
	return len(s), m.err
}

func (m *md) Write(p []byte) (int, error) { return m.WriteString(string(p)) }

func (m *md) fail(err error) {
	if m.err == nil {
		m.err = err
	}
}

// close ends the document with one line break and flushes it.
func (m *md) close() error {
	if m.err != nil {
		return m.err
	}
	m.w.WriteByte('\n')
	return m.w.Flush()
}

func (m *md) para(format string, args ...any) {
	fmt.Fprintf(m, format, args...)
	m.WriteString("\n\n")
}

func (m *md) heading(level int, text string) {
	m.WriteString(strings.Repeat("#", level) + " " + text + "\n\n")
}

// table writes a table of text cells, each escaped; align holds "l" or "r"
// per column.
func (m *md) table(align string, header []string, rows [][]string) {
	esc := make([][]string, len(rows))
	for i, r := range rows {
		esc[i] = make([]string, len(r))
		for j, c := range r {
			esc[i][j] = escape.MarkdownCell(c)
		}
	}
	m.tableMD(align, header, esc)
}

// tableMD writes a table whose cells are Markdown already (links, escaped
// text).
func (m *md) tableMD(align string, header []string, rows [][]string) {
	m.tableHeader(align, header)
	for _, r := range rows {
		m.row(r)
	}
	m.WriteString("\n")
}

// tableHeader starts a table whose rows follow.
func (m *md) tableHeader(align string, header []string) {
	m.row(header)
	cells := make([]string, len(header))
	for i := range header {
		cells[i] = "---"
		if i < len(align) && align[i] == 'r' {
			cells[i] = "---:"
		}
	}
	m.WriteString("| " + strings.Join(cells, " | ") + " |\n")
}

func (m *md) row(cells []string) {
	m.WriteString("| " + strings.Join(cells, " | ") + " |\n")
}

// pie writes a Mermaid pie of the counts that are not zero.
func (m *md) pie(title string, cs []report.Count) {
	m.WriteString("```mermaid\npie title " + label(title) + "\n")
	for _, c := range cs {
		if c.Count > 0 {
			fmt.Fprintf(m, "    %q : %d\n", label(c.Key), c.Count)
		}
	}
	m.WriteString("```\n\n")
}

// bar writes a Mermaid xychart-beta bar chart.
func (m *md) bar(title, yLabel string, cs []report.Count) {
	labels := make([]string, len(cs))
	values := make([]string, len(cs))
	top := 1
	for i, c := range cs {
		labels[i] = strconv.Quote(label(c.Key))
		values[i] = strconv.Itoa(c.Count)
		top = max(top, c.Count)
	}
	fmt.Fprintf(m, "```mermaid\nxychart-beta\n    title %q\n    x-axis [%s]\n    y-axis %q 0 --> %d\n    bar [%s]\n```\n\n",
		label(title), strings.Join(labels, ", "), label(yLabel), top, strings.Join(values, ", "))
}

// label keeps a chart label on one line, free of control characters and
// of double quotes, which Mermaid has no escape for.
func label(s string) string {
	return strings.ReplaceAll(strings.Join(strings.Fields(escape.Text(s)), " "), `"`, "'")
}

func pct(share float64) string {
	return strconv.FormatFloat(share*100, 'f', 0, 64) + "%"
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// nonZero keeps the counts that are not zero.
func nonZero(cs []report.Count) []report.Count {
	var out []report.Count
	for _, c := range cs {
		if c.Count > 0 {
			out = append(out, c)
		}
	}
	return out
}

func countRows(cs []report.Count) [][]string {
	rows := make([][]string, 0, len(cs))
	for _, c := range cs {
		rows = append(rows, []string{c.Key, strconv.Itoa(c.Count), pct(c.Share)})
	}
	return rows
}

// link is a Markdown link to a repo-relative file; the report lives in the
// repo root.
func link(text, file string) string {
	return "[" + escape.MarkdownCell(text) + "](" + escape.MarkdownLink(file) + ")"
}

func programmeName[S ~string](n S) string {
	if n == "" {
		return "(no programme)"
	}
	return string(n)
}

func (m *md) report(rep *report.Report, kept *reportMarkdown) {
	s := rep.Overall
	m.heading(1, "Programme report")
	scope := fmt.Sprintf("As of %s, %s in %s", rep.Today, plural(s.Pairs, "pair", "pairs"), escape.MarkdownCode(rep.PairsDir+"/"))
	if rep.Program != "" {
		scope += ` of the programme "` + escape.MarkdownInline(string(rep.Program)) + `"`
	}
	if !rep.Since.IsZero() {
		scope += fmt.Sprintf(", started or closed since %s", rep.Since)
	}
	m.para("%s.", scope)
	if s.Pairs == 0 {
		if rep.Program != "" || !rep.Since.IsZero() {
			m.para("No pair matches these filters.")
		} else {
			m.para("No pairs found. Start one with `mentor close init --mentor NAME --mentee NAME`.")
		}
		return
	}
	m.overview(rep)
	m.standing(s)
	m.attention(rep, kept)
	m.closures(s)
	m.survey(rep)
	m.after(s)
	m.durations(s)
	m.meetings(s)
	m.programmes(rep)
	m.invalid(kept)
}

func (m *md) overview(rep *report.Report) {
	s := rep.Overall
	var parts []string
	for _, c := range s.Verdicts {
		if c.Count > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.Count, c.Key))
		}
	}
	m.WriteString("- **Pairs:** " + strings.Join(parts, ", ") + ".\n")
	m.WriteString(fmt.Sprintf("- **Need attention now:** %d of %d.\n", s.Attention, s.Pairs))
	c := s.Closures
	m.WriteString(fmt.Sprintf("- **Closure records:** %d", c.Records))
	if c.Invalid > 0 {
		m.WriteString(fmt.Sprintf(", %d of them cannot be used", c.Invalid))
	}
	if c.Missing > 0 {
		m.WriteString(fmt.Sprintf("; %s ended without one", plural(c.Missing, "pair", "pairs")))
	}
	m.WriteString(".\n")
	if s.Goals.Total > 0 {
		m.WriteString(fmt.Sprintf("- **Plan goals met:** %d of %d not dropped (%s).\n",
			s.Goals.Met, s.Goals.Total-s.Goals.Dropped, pct(s.Goals.MetShare)))
	}
	if e := s.Extensions; e.Total > 0 {
		m.WriteString(fmt.Sprintf("- **Extended:** %s moved the planned end, %s in all.\n",
			plural(e.Pairs, "pair", "pairs"), plural(e.Total, "extension", "extensions")))
	}
	m.overviewClosures(s)
	m.overviewSurvey(rep)
	m.WriteString("\n")
}

func (m *md) standing(s report.Summary) {
	m.heading(2, "Where the pairs stand")
	m.table("lrr", []string{"Verdict", "Pairs", "Share"}, countRows(nonZero(s.Verdicts)))
	if len(nonZero(s.Statuses)) > 0 {
		m.table("lrr", []string{"Status", "Pairs", "Share"}, countRows(nonZero(s.Statuses)))
	}
	g := s.Goals
	if g.Total > 0 {
		m.para("Goals in the plans: %d met, %d open, %d dropped (%s of the goals not dropped are met).",
			g.Met, g.Open, g.Dropped, pct(g.MetShare))
	}
}

func (m *md) attention(rep *report.Report, kept *reportMarkdown) {
	m.heading(2, "Needs attention now")
	if kept.attention.n == 0 {
		m.para("No pair needs attention today.")
		return
	}
	named := len(rep.Programmes) > 0
	header := []string{"Pair", "Verdict", "Why"}
	if named {
		header = []string{"Pair", "Programme", "Verdict", "Why"}
	}
	m.tableHeader("", header)
	kept.attentionRows(m, named)
	m.WriteString("\n")
}

func (m *md) durations(s report.Summary) {
	d := s.Durations
	m.heading(2, "How long pairs last")
	if d.Planned == nil && d.Actual == nil {
		m.para("No plan has a planned end and no pair has closed yet.")
		return
	}
	if d.Planned != nil {
		m.bar("Planned length", "pairs", d.PlannedBuckets)
		m.table("lrr", []string{"Planned length", "Pairs", "Share"}, countRows(d.PlannedBuckets))
	}
	m.actualDurations(s)
	var rows [][]string
	for _, x := range []struct {
		name string
		sp   *report.Spread
	}{{"planned", d.Planned}, {"actual", d.Actual}} {
		if x.sp == nil {
			continue
		}
		rows = append(rows, []string{x.name, strconv.Itoa(x.sp.Pairs), num(x.sp.Min), num(x.sp.Q1),
			num(x.sp.Median), num(x.sp.Q3), num(x.sp.Max)})
	}
	m.para("Length in days (quartiles interpolated between ranks):")
	m.table("lrrrrrr", []string{"Length", "Pairs", "Shortest", "Q1", "Median", "Q3", "Longest"}, rows)
	m.earlyClosures(s)
}

func (m *md) meetings(s report.Summary) {
	mt := s.Meetings
	m.heading(2, "Meetings")
	m.para("%s held, %d of them unproductive (%s).", plural(mt.Held, "meeting", "meetings"), mt.Unproductive, pct(mt.UnproductiveShare))
	m.table("lrrrr", []string{"Not held", "By mentor", "By mentee", "Side not named", "Total"}, [][]string{
		{"cancelled", strconv.Itoa(mt.Cancelled.Mentor), strconv.Itoa(mt.Cancelled.Mentee), strconv.Itoa(mt.Cancelled.Unnamed), strconv.Itoa(mt.Cancelled.Total)},
		{"no-show", strconv.Itoa(mt.NoShow.Mentor), strconv.Itoa(mt.NoShow.Mentee), strconv.Itoa(mt.NoShow.Unnamed), strconv.Itoa(mt.NoShow.Total)},
	})
}

func (m *md) programmes(rep *report.Report) {
	if len(rep.Programmes) == 0 {
		return
	}
	m.heading(2, "By programme")
	header := []string{"Programme", "Pairs", "Attention"}
	// Only the verdicts some pair has, to keep the table narrow.
	var shown []int
	for i, v := range rep.Overall.Verdicts {
		if v.Count > 0 {
			shown = append(shown, i)
			header = append(header, v.Key)
		}
	}
	header = append(header, "Median planned days")
	header = append(header, programmeClosureHeader...)
	var rows [][]string
	for _, p := range rep.Programmes {
		row := []string{programmeName(p.Name), strconv.Itoa(p.Pairs), strconv.Itoa(p.Attention)}
		for _, i := range shown {
			row = append(row, strconv.Itoa(p.Verdicts[i].Count))
		}
		med := "-"
		if p.Durations.Planned != nil {
			med = num(p.Durations.Planned.Median)
		}
		row = append(row, med)
		row = append(row, programmeClosureCells(p.Summary)...)
		rows = append(rows, row)
	}
	m.table("l"+strings.Repeat("r", len(header)-1), header, rows)
}

func (m *md) invalid(kept *reportMarkdown) {
	if kept.invalid.n == 0 {
		return
	}
	m.heading(2, "Files that cannot be used")
	m.para("These pairs are counted above but their numbers are missing until the files are fixed (`mentor close check` shows every problem).")
	m.tableHeader("", []string{"Pair", "File", "Problems"})
	if _, err := kept.invalid.WriteTo(m); err != nil {
		m.fail(err)
	}
	m.WriteString("\n")
}

// Why lists what needs attention in a pair, for people: each signal as
// "id: message", then each problem as "message (FILE:LINE)".
func Why(sigs []signals.Signal, probs []diag.Problem) []string {
	out := make([]string, 0, len(sigs)+len(probs))
	for _, s := range sigs {
		out = append(out, s.ID+": "+s.Message)
	}
	for _, p := range probs {
		out = append(out, fmt.Sprintf("%s (%s:%d)", p.Message, p.File, max(p.Line, 1)))
	}
	return out
}
