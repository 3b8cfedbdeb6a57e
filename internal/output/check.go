// Package output turns judgements and findings into what people and scripts
// read: tables, JSON and CI formats. It knows nothing of how they were made.
package output

import (
	"bufio"
	"fmt"
	"github.com/mentor-cli/mentor/internal/escape"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/iostreams"
	"github.com/mentor-cli/mentor/internal/note"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/signals"
)

// Checked is one judged pair as check shows it: what the table and the
// JSON need, without the parsed files.
type Checked struct {
	ID        string
	Plan      string // repo-relative plan.md
	Judgement signals.Judgement
	Problems  []diag.Problem
	Notes     note.Summary
	// Previous is the pair this one follows (plan.md's previous), and
	// Chain the earlier pairs the links lead to, oldest first.
	Previous string
	Chain    []string
	// Closure is how far a closing pair's record is; nil for other pairs.
	Closure *ClosureProgress
}

// ClosureProgress is what is left to do on a closing pair's closure
// record: the errors mentor close verify (and done) would report on it.
type ClosureProgress struct {
	File     string `json:"file"`
	Problems int    `json:"problems"`
	// Missing is set when the pair is closing but has no record yet.
	Missing bool `json:"missing"`
}

// NewChecked keeps what check shows of a judged pair.
func NewChecked(p *pair.Pair, j signals.Judgement) Checked {
	c := Checked{ID: p.ID, Plan: p.PlanFile(), Judgement: j, Problems: p.PlanProblems(), Notes: p.NotesSummary()}
	if p.Plan != nil {
		c.Previous = p.Plan.Previous
	}
	return c
}

// CheckPair is one pair in `check --format json`.
type CheckPair struct {
	ID       string           `json:"id"`
	Plan     string           `json:"plan"`
	Verdict  signals.Verdict  `json:"verdict"`
	Signals  []signals.Signal `json:"signals"`
	Goals    signals.Goals    `json:"goals"`
	Meetings signals.Meetings `json:"meetings"`
	Problems []diag.Problem   `json:"problems"`
	Notes    note.Summary     `json:"notes"`
	Previous *string          `json:"previous"` // null when the pair follows none
	Chain    []string         `json:"chain"`    // the earlier pairs, oldest first
	Closure  *ClosureProgress `json:"closure"`
}

func newCheckPair(r Checked) CheckPair {
	cp := CheckPair{
		ID: r.ID, Plan: r.Plan, Verdict: r.Judgement.Verdict,
		Signals: r.Judgement.Signals, Goals: r.Judgement.Goals, Meetings: r.Judgement.Meetings,
		Problems: r.Problems, Notes: r.Notes, Closure: r.Closure,
	}
	if cp.Goals.Items == nil {
		cp.Goals.Items = []signals.GoalItem{}
	}
	if cp.Signals == nil {
		cp.Signals = []signals.Signal{}
	}
	if cp.Problems == nil {
		cp.Problems = []diag.Problem{}
	}
	if r.Previous != "" {
		cp.Previous = &r.Previous
	}
	cp.Chain = r.Chain
	if cp.Chain == nil {
		cp.Chain = []string{}
	}
	return cp
}

// CheckJSONStream writes `check --format json` one pair at a time, so that
// a programme of any size is never held in memory whole. The bytes are the
// same whatever the number of pairs.
type CheckJSONStream struct {
	w   *bufio.Writer
	buf []byte // one pair's JSON, reused
	n   int
	err error
}

// NewCheckJSONStream starts the report; Add each result, then Close.
func NewCheckJSONStream(w io.Writer, today dates.Date) *CheckJSONStream {
	s := &CheckJSONStream{w: bufio.NewWriterSize(w, 64<<10)}
	day, _ := today.MarshalJSON()
	s.write("{\n  \"schema_version\": ", strconv.Itoa(SchemaVersion), ",\n  \"today\": ", string(day), ",\n  \"pairs\": [")
	return s
}

func (s *CheckJSONStream) write(parts ...string) {
	for _, p := range parts {
		if s.err == nil {
			_, s.err = s.w.WriteString(p)
		}
	}
}

// Add writes one pair.
func (s *CheckJSONStream) Add(r Checked) error {
	if s.err != nil {
		return s.err
	}
	s.buf = appendCheckPair(s.buf[:0], newCheckPair(r))
	sep := ",\n    "
	if s.n == 0 {
		sep = "\n    "
	}
	s.n++
	s.write(sep)
	if s.err == nil {
		_, s.err = s.w.Write(escape.JSON(s.buf))
	}
	return s.err
}

// Close ends the report and flushes it.
func (s *CheckJSONStream) Close() error {
	if s.n == 0 {
		s.write("]\n}\n")
	} else {
		s.write("\n  ]\n}\n")
	}
	if s.err == nil {
		s.err = s.w.Flush()
	}
	return s.err
}

// NoPairs is what check says when it finds no pair: where it looked (the
// pairs folder, or the folders named), the repo root it used and how it
// found it (root: repo.Where()), and what to do.
func NoPairs(lookedIn, root string) string {
	return fmt.Sprintf("No pairs found in %s of the repo %s. Start one with: mentor close init --mentor NAME --mentee NAME, or pass --repo the programme's folder",
		escape.Text(lookedIn), escape.Text(root))
}

// CheckTable writes the table a person reads: one row per pair, then the
// signal messages of the pairs that have any, then a summary line. With no
// pair it says so, naming where it looked (see NoPairs).
func CheckTable(w io.Writer, pal iostreams.Palette, today dates.Date, results []Checked, noPairs string) error {
	t := newCheckTableOf(CheckEnv{Out: w, ErrOut: io.Discard, Palette: pal, Today: today, NoPairs: noPairs})
	for _, r := range results {
		t.row(r)
	}
	return t.Close()
}

var checkHeader = []string{"PAIR", "VERDICT", "SIGNALS", "GOALS", "LAST MEETING", "LAST NOTE"}

// checkTable is `check --format text`. It keeps what the table shows, not
// the pairs: each row's cells and the signal messages below the table,
// kept aside (see Spool), with the widest cell of each column and the
// count of each verdict; the plans' problems go to stderr as they come.
type checkTable struct {
	env          CheckEnv
	rows, detail Spool
	widths       []int
	withNotes    bool
	counts       map[signals.Verdict]int
	cells        []byte
}

func newCheckTable(env CheckEnv) CheckSink { return newCheckTableOf(env) }

func newCheckTableOf(env CheckEnv) *checkTable {
	t := &checkTable{env: env, widths: make([]int, len(checkHeader)), counts: map[signals.Verdict]int{}}
	for i, h := range checkHeader {
		t.widths[i] = utf8.RuneCountInString(h)
	}
	return t
}

func (t *checkTable) Add(c Checked) error {
	Problems(t.env.ErrOut, c.Problems)
	return t.row(c)
}

func (t *checkTable) row(r Checked) error {
	sig := make([]string, 0, len(r.Judgement.Signals))
	for _, s := range r.Judgement.Signals {
		sig = append(sig, s.ID)
	}
	sigs := strings.Join(sig, ", ")
	if c := r.Closure; c != nil {
		sigs = closureCell(c)
	}
	if sigs == "" {
		sigs = "-"
	}
	goals, last, note := "-", "-", "-"
	// A result without a plan is always invalid, so the verdict alone
	// says whether there is anything to count (check drops the plans as
	// it streams).
	if r.Judgement.Verdict != signals.Invalid {
		// Met against the goals that count: a dropped goal is neither
		// met nor owed.
		goals = fmt.Sprintf("%d/%d", r.Judgement.Goals.Met, r.Judgement.Goals.Counted())
		if !r.Judgement.Meetings.LastHeld.IsZero() {
			last = r.Judgement.Meetings.LastHeld.String()
		}
	}
	if !r.Notes.Last.IsZero() {
		note = r.Notes.Last.String()
		t.withNotes = true
	}
	t.counts[r.Judgement.Verdict]++
	t.cells = t.cells[:0]
	for i, c := range [...]string{escape.Name(r.ID), string(r.Judgement.Verdict), sigs, goals, last, note} {
		t.widths[i] = max(t.widths[i], utf8.RuneCountInString(c))
		t.cells = appendCell(t.cells, c)
	}
	t.rows.n++
	if _, err := t.rows.Write(t.cells); err != nil {
		return err
	}
	if len(r.Judgement.Signals) == 0 && r.Closure == nil {
		return nil
	}
	pal := t.env.Palette
	var b strings.Builder
	b.WriteString(pal.Bold(escape.Name(r.ID)) + "\n")
	for _, s := range r.Judgement.Signals {
		if s.Fix != "" {
			fmt.Fprintf(&b, "  %s: %s; %s\n", s.ID, escape.Text(s.Message), escape.Text(s.Fix))
			continue
		}
		fmt.Fprintf(&b, "  %s: %s\n", s.ID, escape.Text(s.Message))
	}
	if c := r.Closure; c != nil {
		fmt.Fprintf(&b, "  closing: %s\n", closureDetail(r.ID, c))
	}
	t.detail.n++
	_, err := t.detail.WriteString(b.String())
	return err
}

func (t *checkTable) Close() error {
	defer t.rows.Close()
	defer t.detail.Close()
	w, pal := t.env.Out, t.env.Palette
	if t.rows.n == 0 {
		_, err := fmt.Fprintln(w, t.env.NoPairs)
		return err
	}
	header := checkHeader
	if !t.withNotes {
		header = header[:5]
	}
	b := bufio.NewWriterSize(w, 64<<10)
	line := func(cells []string, style func(i int, s string) string) {
		for i := range header {
			cell := cells[i]
			pad := t.widths[i] - utf8.RuneCountInString(cell)
			if i == len(header)-1 {
				pad = 0
			}
			b.WriteString(style(i, cell))
			b.WriteString(strings.Repeat(" ", pad))
			if i < len(header)-1 {
				b.WriteString("  ")
			}
		}
		b.WriteString("\n")
	}
	line(header, func(_ int, s string) string { return pal.Bold(s) })
	r, err := t.rows.Reader()
	if err != nil {
		return err
	}
	cr := newCellReader(r)
	row := make([]string, len(checkHeader))
	for i := 0; i < t.rows.n; i++ {
		if err := cr.read(row); err != nil {
			return err
		}
		line(row, func(i int, s string) string {
			if i == 1 {
				return colorVerdict(pal, signals.Verdict(s))
			}
			return s
		})
	}
	if t.detail.n > 0 {
		b.WriteString("\n")
		if _, err := t.detail.WriteTo(b); err != nil {
			return err
		}
	}
	fmt.Fprintf(b, "\n%s\n", checkSummary(t.rows.n, t.counts, t.env.Today))
	return b.Flush()
}

// checkSummary is the line that ends check's output: "12 pairs: 2
// ready-to-close, 10 on-track (today 2026-11-21)". Verdicts come in the
// order a person acts on them, then any other the registry has.
func checkSummary(n int, counts map[signals.Verdict]int, today dates.Date) string {
	order := []signals.Verdict{signals.ReadyToClose, signals.ConsiderClosing, signals.OnTrack, signals.Closing, signals.Closed, signals.Invalid}
	for _, v := range signals.Verdicts {
		if !slices.Contains(order, v.Verdict) {
			order = append(order, v.Verdict)
		}
	}
	var parts []string
	for _, v := range order {
		if counts[v] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[v], v))
		}
	}
	noun := "pairs"
	if n == 1 {
		noun = "pair"
	}
	return fmt.Sprintf("%d %s: %s (today %s)", n, noun, strings.Join(parts, ", "), today)
}

// closureCell is what the SIGNALS column says of a closing pair: how much
// of its record is left.
func closureCell(c *ClosureProgress) string {
	switch {
	case c.Missing:
		return "no record yet"
	case c.Problems == 0:
		return "record complete"
	case c.Problems == 1:
		return "record: 1 problem"
	}
	return fmt.Sprintf("record: %d problems", c.Problems)
}

func closureDetail(id string, c *ClosureProgress) string {
	id, file := escape.Text(id), escape.Text(c.File)
	switch {
	case c.Missing:
		return fmt.Sprintf("the status is closing but there is no %s yet: start it with mentor close record %s", file, id)
	case c.Problems == 0:
		return fmt.Sprintf("%s is complete: close the pair with mentor close done %s", file, id)
	case c.Problems == 1:
		return fmt.Sprintf("%s has 1 problem left: see it with mentor close verify %s", file, id)
	}
	return fmt.Sprintf("%s has %d problems left: see them with mentor close verify %s", file, c.Problems, id)
}

func colorVerdict(pal iostreams.Palette, v signals.Verdict) string {
	switch v {
	case signals.ReadyToClose:
		return pal.Green(string(v))
	case signals.ConsiderClosing:
		return pal.Yellow(string(v))
	case signals.Invalid:
		return pal.Red(string(v))
	case signals.Closed:
		return pal.Dim(string(v))
	case signals.Closing:
		return pal.Cyan(string(v))
	}
	return string(v)
}

// Problems writes problems one per line as FILE:LINE: SEVERITY: MESSAGE,
// escaped for a terminal or a CI log.
func Problems(w io.Writer, ps []diag.Problem) {
	for _, p := range ps {
		fmt.Fprintln(w, ProblemLine(p))
	}
}

// ProblemLine is a problem as FILE:LINE: SEVERITY: MESSAGE, escaped for a
// terminal or a CI log (a problem about a whole file is on its line 1).
func ProblemLine(p diag.Problem) string {
	return fmt.Sprintf("%s:%d: %s: %s", escape.Name(p.File), max(p.Line, 1), p.Severity, escape.Text(p.Message))
}
