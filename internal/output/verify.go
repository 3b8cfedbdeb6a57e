package output

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/verify"
)

// findingLine is FILE:LINE: SEVERITY: MESSAGE [RULE], without the line when
// the finding is about the whole file. A line break in the path or the
// message becomes a space: one finding, one line, for grep and problem matchers.
func findingLine(f verify.Finding) string {
	file, msg := oneLine.Replace(f.File), oneLine.Replace(f.Message)
	if f.Line > 0 {
		return fmt.Sprintf("%s:%d: %s: %s [%s]", file, f.Line, f.Severity, msg, f.Rule)
	}
	return fmt.Sprintf("%s: %s: %s [%s]", file, f.Severity, msg, f.Rule)
}

var oneLine = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

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
	OK       bool             `json:"ok"`
	Pairs    int              `json:"pairs"`
	Findings []verify.Finding `json:"findings"`
}

// VerifyJSON writes the findings as JSON.
func VerifyJSON(w io.Writer, pairs int, fs []verify.Finding) error {
	e, _ := verify.Count(fs)
	if fs == nil {
		fs = []verify.Finding{}
	}
	return encode(w, VerifyReport{OK: e == 0, Pairs: pairs, Findings: fs})
}

func encode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// GitHub Actions workflow commands, escaped as @actions/core escapes them.
// A message may hold %, CR and LF; a property also : and , (which would end
// the property).
var (
	ghData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// EscapeData and EscapeProperty escape a workflow command's message and its
// property values.
func EscapeData(s string) string     { return ghData.Replace(s) }
func EscapeProperty(s string) string { return ghProperty.Replace(s) }

// VerifyGitHub writes each finding twice: as a plain log line (GitHub shows
// only ten annotations of each kind per step, the log keeps them all) and as
// an ::error or ::warning command that annotates the file and line. The
// summary line ends the output.
func VerifyGitHub(w io.Writer, pairs int, fs []verify.Finding) error {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(findingLine(f))
		b.WriteByte('\n')
		cmd := "error"
		if f.Severity == diag.Warning {
			cmd = "warning"
		}
		fmt.Fprintf(&b, "::%s file=%s", cmd, EscapeProperty(f.File))
		if f.Line > 0 {
			fmt.Fprintf(&b, ",line=%d", f.Line)
		}
		fmt.Fprintf(&b, ",title=%s::%s\n", EscapeProperty(f.Rule), EscapeData(f.Message))
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
		b.WriteString("\n| File | Line | Severity | Rule | Message |\n|---|---:|---|---|---|\n")
		for _, f := range fs {
			line := ""
			if f.Line > 0 {
				line = fmt.Sprint(f.Line)
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", cell(f.File), cell(line), f.Severity, f.Rule, cell(f.Message))
		}
	}
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// Fingerprint identifies a finding across runs: the rule, the file and the
// message, not the line, so that moving text does not make it new.
func Fingerprint(f verify.Finding) string {
	h := sha256.New()
	h.Write([]byte(f.Rule))
	h.Write([]byte{0})
	h.Write([]byte(f.File))
	h.Write([]byte{0})
	h.Write([]byte(f.Message))
	return hex.EncodeToString(h.Sum(nil))
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
	for _, f := range fs {
		sev := "major"
		if f.Severity == diag.Warning {
			sev = "minor"
		}
		issues = append(issues, gitlabIssue{
			Description: f.Message,
			CheckName:   f.Rule,
			Fingerprint: Fingerprint(f),
			Severity:    sev,
			Location:    gitlabLocation{Path: f.File, Lines: gitlabLines{Begin: max(f.Line, 1)}},
		})
	}
	return encode(w, issues)
}
