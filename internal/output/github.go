package output

import (
	"bufio"
	"fmt"
	"github.com/mentor-cli/mentor/internal/escape"
	"io"
	"strconv"
	"strings"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/signals"
)

// GitHub Actions workflow commands, written the way @actions/core writes
// them (command.js): a message may hold %, CR and LF; a property also : and
// , (which would end the property); properties come in the toolkit's order
// (title, file, line), and an empty one is left out. CI checks this output
// against the toolkit itself.
var (
	ghData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// EscapeData and EscapeProperty escape a workflow command's message and its
// property values.
func EscapeData(s string) string     { return ghData.Replace(s) }
func EscapeProperty(s string) string { return ghProperty.Replace(s) }

// Annotation is one workflow command that annotates a file's line: kind is
// error, warning or notice. It ends with a line break. Control characters
// in the values are written as escapes (\x1b) first: the log shows the
// command's values, and no escape sequence may reach it raw.
func Annotation(kind, title, file string, line int, message string) string {
	var b strings.Builder
	b.WriteString("::" + kind)
	sep := " "
	for _, p := range [][2]string{{"title", title}, {"file", file}, {"line", strconv.Itoa(max(line, 1))}} {
		if p[1] == "" {
			continue
		}
		b.WriteString(sep + p[0] + "=" + EscapeProperty(escape.Controls(p[1])))
		sep = ","
	}
	b.WriteString("::" + EscapeData(escape.Controls(message)) + "\n")
	return b.String()
}

// checkGitHub is `check --format github`: one annotation per signal on the
// plan line it concerns (notice or warning, as the signal's catalog entry
// says) and per problem of the plan, each after a plain log line that says
// the same (GitHub shows ten annotations of a kind per step; the log keeps
// them all). The summary line ends the output, and the pairs that need
// attention go to the job summary as a table.
type checkGitHub struct {
	env    CheckEnv
	n      int
	counts map[signals.Verdict]int
	// attn holds the job summary's rows of the pairs that need attention,
	// kept aside (see Spool) until the summary line above them is known.
	attn Spool
	b    strings.Builder
}

func newCheckGitHub(env CheckEnv) CheckSink {
	return &checkGitHub{env: env, counts: map[signals.Verdict]int{}}
}

// needsAttention reports whether a judged pair needs someone to act: a
// signal fired or its plan cannot be judged.
func needsAttention(c Checked) bool {
	return len(c.Judgement.Signals) > 0 || c.Judgement.Verdict == signals.Invalid
}

func (g *checkGitHub) Add(c Checked) error {
	g.n++
	g.counts[c.Judgement.Verdict]++
	file := g.env.Prefix + c.Plan
	for _, p := range c.Problems {
		kind := "warning"
		if p.Severity == diag.Error {
			kind = "error"
		}
		pf := g.env.Prefix + p.File
		fmt.Fprintf(&g.b, "%s:%d: %s: %s\n", escape.Name(pf), max(p.Line, 1), p.Severity, escape.Text(p.Message))
		g.b.WriteString(Annotation(kind, "plan "+string(p.Severity)+" ("+c.ID+")", pf, p.Line, p.Message))
	}
	for _, s := range c.Judgement.Signals {
		kind := "warning"
		if d, ok := signals.Lookup(s.ID); ok && d.Annotation != "" {
			kind = d.Annotation
		}
		fmt.Fprintf(&g.b, "%s:%d: %s: %s [%s]\n", escape.Name(file), max(s.Line, 1), kind, escape.Text(s.Message), s.ID)
		g.b.WriteString(Annotation(kind, s.ID+" ("+c.ID+")", file, s.Line, s.Message))
	}
	if needsAttention(c) && g.env.Summary != nil {
		probs := errorsOnly(c.Problems)
		for i := range probs {
			probs[i].File = g.env.Prefix + probs[i].File
		}
		g.attn.n++
		if _, err := g.attn.WriteString(attentionRow(Checked{ID: c.ID, Plan: file,
			Judgement: signals.Judgement{Verdict: c.Judgement.Verdict, Signals: c.Judgement.Signals}, Problems: probs})); err != nil {
			return err
		}
	}
	if g.b.Len() > 64<<10 {
		return g.flush()
	}
	return nil
}

func (g *checkGitHub) flush() error {
	_, err := io.WriteString(g.env.Out, g.b.String())
	g.b.Reset()
	return err
}

func errorsOnly(ps []diag.Problem) []diag.Problem {
	var out []diag.Problem
	for _, p := range ps {
		if p.Severity == diag.Error {
			out = append(out, p)
		}
	}
	return out
}

func (g *checkGitHub) Close() error {
	defer g.attn.Close()
	if g.n == 0 {
		g.b.WriteString(g.env.NoPairs + "\n")
	} else {
		g.b.WriteString(checkSummary(g.n, g.counts, g.env.Today) + "\n")
	}
	if err := g.flush(); err != nil {
		return err
	}
	if g.env.Summary == nil {
		return nil
	}
	return checkMarkdown(g.env.Summary, g.n, g.counts, g.env.Today, &g.attn, g.env.NoPairs)
}

// CheckMarkdown writes check's job summary: a heading, the summary line and
// a table of the pairs that need attention, with what needs it.
func CheckMarkdown(w io.Writer, n int, counts map[signals.Verdict]int, today dates.Date, attn []Checked, noPairs string) error {
	var rows Spool
	defer rows.Close()
	for _, c := range attn {
		rows.n++
		rows.WriteString(attentionRow(c))
	}
	return checkMarkdown(w, n, counts, today, &rows, noPairs)
}

// attentionRow is a pair's row in the job summary's table.
func attentionRow(c Checked) string {
	return fmt.Sprintf("| %s | %s | %s | %s |\n", escape.MarkdownCell(c.ID), c.Judgement.Verdict,
		escape.MarkdownCell(strings.Join(Why(c.Judgement.Signals, c.Problems), "; ")), escape.MarkdownCell(c.Plan))
}

func checkMarkdown(w io.Writer, n int, counts map[signals.Verdict]int, today dates.Date, attn *Spool, noPairs string) error {
	b := bufio.NewWriter(w)
	b.WriteString("### mentor close check\n\n")
	if n == 0 {
		b.WriteString(escape.Markdown(noPairs) + "\n\n")
		return b.Flush()
	}
	b.WriteString(escape.Markdown(checkSummary(n, counts, today)) + "\n\n")
	if attn.n == 0 {
		b.WriteString("No pair needs attention today.\n\n")
		return b.Flush()
	}
	if attn.n == 1 {
		b.WriteString("1 pair needs attention:\n\n")
	} else {
		fmt.Fprintf(b, "%d pairs need attention:\n\n", attn.n)
	}
	b.WriteString("| Pair | Verdict | Why | Plan |\n| --- | --- | --- | --- |\n")
	if _, err := attn.WriteTo(b); err != nil {
		return err
	}
	b.WriteByte('\n')
	return b.Flush()
}
