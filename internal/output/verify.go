package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/mentor-cli/mentor/internal/escape"
	"io"

	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/verify"
)

// SchemaVersion is the version of the JSON that check, list, verify and
// report write, as "schema_version"; schemas/ describes each.
const SchemaVersion = 2

// findingLine is FILE:LINE: SEVERITY: MESSAGE [RULE]. A line break in the
// path or the message is written as an escape: one finding, one line, for
// grep and problem matchers, and no line that a CI log takes for a command.
func findingLine(f verify.Finding) string {
	return fmt.Sprintf("%s:%d: %s: %s [%s]", escape.Name(f.File), max(f.Line, 1), f.Severity, escape.Text(f.Message), f.Rule)
}

// VerifySummary is the one-line summary: "12 pairs checked: 2 errors, 1 warning".
func VerifySummary(pairs int, fs []verify.Finding) string {
	e, w := verify.Count(fs)
	return summaryLine(pairs, e, w)
}

func summaryLine(pairs, errors, warnings int) string {
	return fmt.Sprintf("%s checked: %s, %s", plural(pairs, "pair", "pairs"), plural(errors, "error", "errors"), plural(warnings, "warning", "warnings"))
}

// VerifyText writes one finding per line, then the summary.
func VerifyText(w io.Writer, pairs int, fs []verify.Finding) error {
	return verifyText(w, VerifyRun{Pairs: pairs, Findings: NewFindings(fs)})
}

func verifyText(w io.Writer, run VerifyRun) error {
	b := bufio.NewWriterSize(w, 64<<10)
	err := run.Findings.Each(func(f verify.Finding) error {
		b.WriteString(findingLine(f))
		return b.WriteByte('\n')
	})
	if err != nil {
		return err
	}
	e, wn := run.Findings.Count()
	b.WriteString(summaryLine(run.Pairs, e, wn))
	b.WriteByte('\n')
	return b.Flush()
}

// VerifyReport is `verify --format json`.
type VerifyReport struct {
	SchemaVersion int              `json:"schema_version"`
	OK            bool             `json:"ok"`
	Pairs         int              `json:"pairs"`
	Findings      []verify.Finding `json:"findings"`
}

// VerifyJSON writes the findings as JSON.
func VerifyJSON(w io.Writer, pairs int, fs []verify.Finding) error {
	return verifyJSON(w, VerifyRun{Pairs: pairs, Findings: NewFindings(fs)})
}

// verifyJSON writes VerifyReport a finding at a time, as encoding/json
// indents it.
func verifyJSON(w io.Writer, run VerifyRun) error {
	e, _ := run.Findings.Count()
	b := bufio.NewWriterSize(w, 64<<10)
	fmt.Fprintf(b, "{\n  \"schema_version\": %d,\n  \"ok\": %t,\n  \"pairs\": %d,\n  \"findings\": [", SchemaVersion, e == 0, run.Pairs)
	if err := jsonArray(b, run.Findings, "    ", func(f verify.Finding) any { return f }); err != nil {
		return err
	}
	b.WriteString("\n}\n")
	return b.Flush()
}

// jsonArray writes the findings as the items of an open JSON array whose
// items are indented by prefix, and closes it.
func jsonArray(b *bufio.Writer, fs *Findings, prefix string, item func(verify.Finding) any) error {
	if fs.Len() == 0 {
		_, err := b.WriteString("]")
		return err
	}
	enc := newJSONItems(prefix)
	first := true
	err := fs.Each(func(f verify.Finding) error {
		data, err := enc.encode(item(f))
		if err != nil {
			return err
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		b.WriteString("\n" + prefix)
		_, err = b.Write(data)
		return err
	})
	if err != nil {
		return err
	}
	_, err = b.WriteString("\n" + prefix[:len(prefix)-2] + "]")
	return err
}

// encode writes v as indented JSON, with what a terminal would act on
// escaped (see jsonUnsafe).
func encode(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(escape.JSON(b.Bytes()))
	return err
}

// VerifyGitHub writes each finding twice: as a plain log line (GitHub shows
// only ten annotations of each kind per step, the log keeps them all) and as
// an ::error or ::warning command that annotates the file and line. The
// summary line ends the output.
func VerifyGitHub(w io.Writer, pairs int, fs []verify.Finding) error {
	return verifyGitHub(w, VerifyRun{Pairs: pairs, Findings: NewFindings(fs)})
}

func verifyGitHub(w io.Writer, run VerifyRun) error {
	b := bufio.NewWriterSize(w, 64<<10)
	err := run.Findings.Each(func(f verify.Finding) error {
		b.WriteString(findingLine(f))
		b.WriteByte('\n')
		kind := "error"
		if f.Severity == diag.Warning {
			kind = "warning"
		}
		_, err := b.WriteString(Annotation(kind, f.Rule, f.File, f.Line, f.Message))
		return err
	})
	if err != nil {
		return err
	}
	e, wn := run.Findings.Count()
	b.WriteString(summaryLine(run.Pairs, e, wn))
	b.WriteByte('\n')
	return b.Flush()
}

// VerifyMarkdown writes the job summary: a heading, the summary line and a
// table of every finding.
func VerifyMarkdown(w io.Writer, pairs int, fs []verify.Finding) error {
	return verifyMarkdown(w, VerifyRun{Pairs: pairs, Findings: NewFindings(fs)})
}

func verifyMarkdown(w io.Writer, run VerifyRun) error {
	b := bufio.NewWriterSize(w, 64<<10)
	b.WriteString("### mentor close verify\n\n")
	e, wn := run.Findings.Count()
	mark := "✅"
	if e > 0 {
		mark = "❌"
	}
	fmt.Fprintf(b, "%s %s\n", mark, summaryLine(run.Pairs, e, wn))
	if run.Findings.Len() > 0 {
		b.WriteString("\n| File | Line | Severity | Rule | Message |\n| --- | ---: | --- | --- | --- |\n")
		err := run.Findings.Each(func(f verify.Finding) error {
			_, err := fmt.Fprintf(b, "| %s | %d | %s | %s | %s |\n", escape.MarkdownCell(f.File), max(f.Line, 1), f.Severity, f.Rule, escape.MarkdownCell(f.Message))
			return err
		})
		if err != nil {
			return err
		}
	}
	b.WriteByte('\n')
	return b.Flush()
}

// Fingerprints identify each finding across runs: the rule, the file, the
// message and which of the findings with those three it is, not the line,
// so that moving text does not make a finding new, and two findings never
// share one (code scanning and GitLab keep one finding per fingerprint).
func Fingerprints(fs []verify.Finding) []string {
	out := make([]string, len(fs))
	p := newFingerprinter(false)
	for i, f := range fs {
		out[i] = p.next(f)
	}
	return out
}

// gitlabIssue is one entry of a GitLab Code Quality report.
type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
}

// VerifyGitLab writes a GitLab Code Quality report: errors are major,
// warnings minor; a finding about a whole file is put on its line 1.
func VerifyGitLab(w io.Writer, fs []verify.Finding) error {
	return verifyGitLab(w, VerifyRun{Findings: NewFindings(fs)})
}

func verifyGitLab(w io.Writer, run VerifyRun) error {
	b := bufio.NewWriterSize(w, 64<<10)
	prints := newFingerprinter(run.Findings.grouped())
	b.WriteString("[")
	err := jsonArray(b, run.Findings, "  ", func(f verify.Finding) any {
		sev := "major"
		if f.Severity == diag.Warning {
			sev = "minor"
		}
		return gitlabIssue{
			Description: f.Message,
			CheckName:   f.Rule,
			Fingerprint: prints.next(f),
			Severity:    sev,
			Location:    gitlabLocation{Path: f.File, Lines: gitlabLines{Begin: max(f.Line, 1)}},
		}
	})
	if err != nil {
		return err
	}
	b.WriteString("\n")
	return b.Flush()
}
