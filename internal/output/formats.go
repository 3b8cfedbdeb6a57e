package output

import (
	"io"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/enum"
	"github.com/mentor-cli/mentor/internal/iostreams"
)

// The output formats of each command: the one table that --format's
// validation, help and completion, and the reference docs, come from.
// Adding a format is an entry here and its writer.

// VerifyRun is what a verify format writes: the findings of a run.
type VerifyRun struct {
	Pairs    int
	Findings *Findings
	Version  string // mentor's version, for formats that name the tool
}

// VerifyFormat is one format of `mentor close verify`.
type VerifyFormat struct {
	Name, Help string
	// BaseEnv names the variable of the CI's checkout: paths are made
	// relative to it when the programme is a folder inside it.
	BaseEnv string
	Write   func(w io.Writer, run VerifyRun) error
	// Summary, when set, is appended to $GITHUB_STEP_SUMMARY.
	Summary func(w io.Writer, run VerifyRun) error
}

// VerifyFormats are the formats of `mentor close verify`, the default first.
var VerifyFormats = []VerifyFormat{
	{Name: "text", Help: "FILE:LINE: SEVERITY: MESSAGE [RULE], then a summary",
		Write: verifyText},
	{Name: "json", Help: "the findings as JSON, for scripts",
		Write: verifyJSON},
	{Name: "github", Help: "GitHub Actions annotations, and a job summary", BaseEnv: "GITHUB_WORKSPACE",
		Write: verifyGitHub, Summary: verifyMarkdown},
	{Name: "sarif", Help: "SARIF 2.1.0, for code scanning", BaseEnv: "GITHUB_WORKSPACE",
		Write: verifySARIF},
	{Name: "gitlab", Help: "a GitLab Code Quality report", BaseEnv: "CI_PROJECT_DIR",
		Write: verifyGitLab},
}

// CheckEnv is where a check format writes.
type CheckEnv struct {
	Out, ErrOut io.Writer
	Palette     iostreams.Palette
	Today       dates.Date
	// NoPairs is what to say when there is no pair: where check looked
	// and the repo root it used (see NoPairs).
	NoPairs string
	// Prefix goes before every path: the programme's folder in the CI's
	// checkout (see BaseEnv), with a final /, or "".
	Prefix string
	// Summary, when set, takes the Markdown job summary.
	Summary io.Writer
}

// CheckSink takes the judged pairs one by one, in id order.
type CheckSink interface {
	Add(Checked) error
	Close() error
}

// CheckFormat is one format of `mentor close check`.
type CheckFormat struct {
	Name, Help string
	// BaseEnv names the variable of the CI's checkout: paths are made
	// relative to it when the programme is a folder inside it.
	BaseEnv string
	New     func(env CheckEnv) CheckSink
}

// CheckFormats are the formats of `mentor close check`, the default first.
var CheckFormats = []CheckFormat{
	{Name: "text", Help: "a table for people, the signals below it", New: newCheckTable},
	{Name: "json", Help: "every pair as JSON, for scripts", New: func(env CheckEnv) CheckSink { return NewCheckJSONStream(env.Out, env.Today) }},
	{Name: "github", Help: "GitHub Actions annotations on the plan lines, and a job summary of the pairs needing attention",
		BaseEnv: "GITHUB_WORKSPACE", New: newCheckGitHub},
}

// ListFormat is one format of `mentor close list`: New starts its writer,
// which takes the pairs as they are read.
type ListFormat struct {
	Name, Help string
	New        func(w io.Writer, pal iostreams.Palette) ListSink
}

// ListFormats are the formats of `mentor close list`, the default first.
var ListFormats = []ListFormat{
	{Name: "text", Help: "a table for people", New: newListTable},
	{Name: "json", Help: `{"schema_version": 2, "pairs": [...]}, for scripts`,
		New: func(w io.Writer, _ iostreams.Palette) ListSink { return newListJSON(w) }},
}

// ListSet is the formats of list as a set of values.
func ListSet() enum.Set {
	s := make(enum.Set, len(ListFormats))
	for i, f := range ListFormats {
		s[i] = enum.Value{Name: f.Name, Help: f.Help}
	}
	return s
}

// ReportFormat is one format of `mentor close report`: New starts its
// writer, which takes the pairs' rows as the report folds them in.
type ReportFormat struct {
	Name, Help string
	New        func(w io.Writer) ReportStream
}

// ReportFormats are the formats of `mentor close report`, the default first.
var ReportFormats = []ReportFormat{
	{Name: "text", Help: "Markdown with Mermaid charts, each with its table (readable as text, rendered on GitHub)", New: newReportMarkdown},
	{Name: "md", Help: "the same Markdown as text", New: newReportMarkdown},
	{Name: "json", Help: "every number as JSON, for scripts", New: newReportJSON},
	{Name: "csv", Help: "one row per pair, for a spreadsheet", New: newReportCSV},
	{Name: "survey-csv", Help: "the closure survey's figures, one row per group and question, for a spreadsheet",
		New: func(w io.Writer) ReportStream { return reportSurveyCSV{w} }},
}

// VerifySet, CheckSet and ReportSet are the formats of each command as a set
// of values, for flags and docs.
func VerifySet() enum.Set {
	s := make(enum.Set, len(VerifyFormats))
	for i, f := range VerifyFormats {
		s[i] = enum.Value{Name: f.Name, Help: f.Help}
	}
	return s
}

func CheckSet() enum.Set {
	s := make(enum.Set, len(CheckFormats))
	for i, f := range CheckFormats {
		s[i] = enum.Value{Name: f.Name, Help: f.Help}
	}
	return s
}

func ReportSet() enum.Set {
	s := make(enum.Set, len(ReportFormats))
	for i, f := range ReportFormats {
		s[i] = enum.Value{Name: f.Name, Help: f.Help}
	}
	return s
}
