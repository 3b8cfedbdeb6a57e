package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"github.com/mentor-cli/mentor/internal/escape"
	"io"
	"strings"

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
	return fmt.Sprintf("%s checked: %s, %s", plural(pairs, "pair", "pairs"), plural(e, "error", "errors"), plural(w, "warning", "warnings"))
}

// VerifyText writes one finding per line, then the summary.
func VerifyText(w io.Writer, pairs int, fs []verify.Finding) error {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(findingLine(f))
		b.WriteByte('\n')
	}
	b.WriteString(VerifySummary(pairs, fs))
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
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
	e, _ := verify.Count(fs)
	if fs == nil {
		fs = []verify.Finding{}
	}
	return encode(w, VerifyReport{SchemaVersion: SchemaVersion, OK: e == 0, Pairs: pairs, Findings: fs})
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
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(findingLine(f))
		b.WriteByte('\n')
		kind := "error"
		if f.Severity == diag.Warning {
			kind = "warning"
		}
		b.WriteString(Annotation(kind, f.Rule, f.File, f.Line, f.Message))
	}
	b.WriteString(VerifySummary(pairs, fs))
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// VerifyMarkdown writes the job summary: a heading, the summary line and a
// table of every finding.
func VerifyMarkdown(w io.Writer, pairs int, fs []verify.Finding) error {
	var b strings.Builder
	b.WriteString("### mentor close verify\n\n")
	e, _ := verify.Count(fs)
	mark := "✅"
	if e > 0 {
		mark = "❌"
	}
	fmt.Fprintf(&b, "%s %s\n", mark, VerifySummary(pairs, fs))
	if len(fs) > 0 {
		b.WriteString("\n| File | Line | Severity | Rule | Message |\n| --- | ---: | --- | --- | --- |\n")
		for _, f := range fs {
			fmt.Fprintf(&b, "| %s | %d | %s | %s | %s |\n", escape.MarkdownCell(f.File), max(f.Line, 1), f.Severity, f.Rule, escape.MarkdownCell(f.Message))
		}
	}
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// Fingerprints identify each finding across runs: the rule, the file, the
// message and which of the findings with those three it is, not the line,
// so that moving text does not make a finding new, and two findings never
// share one (code scanning and GitLab keep one finding per fingerprint).
func Fingerprints(fs []verify.Finding) []string {
	out := make([]string, len(fs))
	seen := map[string]int{}
	for i, f := range fs {
		h := sha256.New()
		h.Write([]byte(f.Rule))
		h.Write([]byte{0})
		h.Write([]byte(f.File))
		h.Write([]byte{0})
		h.Write([]byte(f.Message))
		key := string(h.Sum(nil))
		n := seen[key]
		seen[key] = n + 1
		fmt.Fprintf(h, "\x00%d", n)
		out[i] = hex.EncodeToString(h.Sum(nil))
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
	issues := make([]gitlabIssue, 0, len(fs))
	prints := Fingerprints(fs)
	for i, f := range fs {
		sev := "major"
		if f.Severity == diag.Warning {
			sev = "minor"
		}
		issues = append(issues, gitlabIssue{
			Description: f.Message,
			CheckName:   f.Rule,
			Fingerprint: prints[i],
			Severity:    sev,
			Location:    gitlabLocation{Path: f.File, Lines: gitlabLines{Begin: max(f.Line, 1)}},
		})
	}
	return encode(w, issues)
}
