package output

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/verify"
)

var tricky = []verify.Finding{
	{File: "pairs/a,b:c%d/closure.md", Line: 7, Rule: "closure-incomplete", Severity: diag.Error,
		Message: "50% done: a, b\r\nand | more"},
	{File: "pairs/x/plan.md", Line: 0, Rule: "plan-invalid", Severity: diag.Error, Message: "file is too big"},
	{File: "pairs/y/plan.md", Line: 6, Rule: "status-stale", Severity: diag.Warning, Message: "set status: closed"},
}

// The escaping @actions/core applies: toCommandValue, then escapeData for
// the message and escapeProperty for property values.
func TestGitHubEscaping(t *testing.T) {
	if got := EscapeData("a%b\rc\nd:e,f"); got != "a%25b%0Dc%0Ad:e,f" {
		t.Errorf("EscapeData: %q", got)
	}
	if got := EscapeProperty("a%b\rc\nd:e,f"); got != "a%25b%0Dc%0Ad%3Ae%2Cf" {
		t.Errorf("EscapeProperty: %q", got)
	}
	// % is escaped first, so an escape sequence in the input survives.
	if got := EscapeData("%0A"); got != "%250A" {
		t.Errorf("EscapeData(%%0A): %q", got)
	}
}

func TestVerifyGitHub(t *testing.T) {
	var b bytes.Buffer
	if err := VerifyGitHub(&b, 3, tricky); err != nil {
		t.Fatal(err)
	}
	want := "pairs/a,b:c%d/closure.md:7: error: 50% done: a, b and | more [closure-incomplete]\n" +
		"::error file=pairs/a%2Cb%3Ac%25d/closure.md,line=7,title=closure-incomplete::50%25 done: a, b%0D%0Aand | more\n" +
		"pairs/x/plan.md: error: file is too big [plan-invalid]\n" +
		"::error file=pairs/x/plan.md,title=plan-invalid::file is too big\n" +
		"pairs/y/plan.md:6: warning: set status: closed [status-stale]\n" +
		"::warning file=pairs/y/plan.md,line=6,title=status-stale::set status: closed\n" +
		"3 pairs checked: 2 errors, 1 warning\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// One finding is one line of text, whatever its message holds.
func TestVerifyTextOneLine(t *testing.T) {
	var b bytes.Buffer
	if err := VerifyText(&b, 3, tricky); err != nil {
		t.Fatal(err)
	}
	want := "pairs/a,b:c%d/closure.md:7: error: 50% done: a, b and | more [closure-incomplete]\n" +
		"pairs/x/plan.md: error: file is too big [plan-invalid]\n" +
		"pairs/y/plan.md:6: warning: set status: closed [status-stale]\n" +
		"3 pairs checked: 2 errors, 1 warning\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestVerifyMarkdown(t *testing.T) {
	var b bytes.Buffer
	if err := VerifyMarkdown(&b, 3, tricky); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	for _, want := range []string{
		"### mentor close verify\n",
		"❌ 3 pairs checked: 2 errors, 1 warning\n",
		"| pairs/a,b:c%d/closure.md | 7 | error | closure-incomplete | 50% done: a, b and \\| more |\n",
		"| pairs/x/plan.md | - | error | plan-invalid | file is too big |\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
	b.Reset()
	VerifyMarkdown(&b, 1, nil)
	if b.String() != "### mentor close verify\n\n✅ 1 pair checked: 0 errors, 0 warnings\n\n" {
		t.Errorf("clean summary: %q", b.String())
	}
}

func TestVerifyGitLab(t *testing.T) {
	var b bytes.Buffer
	if err := VerifyGitLab(&b, tricky); err != nil {
		t.Fatal(err)
	}
	if bytes.HasPrefix(b.Bytes(), []byte{0xEF, 0xBB, 0xBF}) {
		t.Error("byte-order mark")
	}
	var issues []struct {
		Description, Fingerprint, Severity string
		Location                           struct {
			Path  string
			Lines struct{ Begin int }
		}
	}
	if err := json.Unmarshal(b.Bytes(), &issues); err != nil {
		t.Fatal(err)
	}
	var raw []map[string]any
	json.Unmarshal(b.Bytes(), &raw) // check_name has an underscore the struct above cannot match
	if len(issues) != 3 || raw[0]["check_name"] != "closure-incomplete" || raw[0]["severity"] != "major" || raw[2]["severity"] != "minor" {
		t.Errorf("issue: %v", raw[0])
	}
	if issues[0].Location.Path != "pairs/a,b:c%d/closure.md" || issues[0].Location.Lines.Begin != 7 {
		t.Errorf("location: %+v", issues[0].Location)
	}
	if issues[1].Location.Lines.Begin != 1 {
		t.Errorf("a whole-file finding begins at %d, want 1", issues[1].Location.Lines.Begin)
	}
	fp := issues[0].Fingerprint
	if len(fp) != 64 || fp == issues[1].Fingerprint {
		t.Errorf("fingerprint %q", fp)
	}
	moved := tricky[0]
	moved.Line = 12
	if Fingerprint(moved) != fp {
		t.Error("moving a finding changes its fingerprint")
	}
	b.Reset()
	VerifyGitLab(&b, nil)
	if strings.TrimSpace(b.String()) != "[]" {
		t.Errorf("no findings: %q", b.String())
	}
}

func TestVerifySARIF(t *testing.T) {
	var b bytes.Buffer
	if err := VerifySARIF(&b, "v1.2.3", tricky); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Schema  string `json:"$schema"`
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name, Version, InformationURI string
					Rules                         []struct {
						ID               string
						ShortDescription struct{ Text string }
						Help             struct{ Text string }
					}
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           *struct{ StartLine int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Schema == "" || log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("log: %+v", log)
	}
	d := log.Runs[0].Tool.Driver
	if d.Name != "mentor" || d.Version != "v1.2.3" || d.InformationURI == "" || len(d.Rules) != len(verify.Rules) {
		t.Errorf("driver: %+v", d)
	}
	for _, r := range d.Rules {
		if r.ShortDescription.Text == "" || r.Help.Text == "" {
			t.Errorf("rule %s lacks text", r.ID)
		}
	}
	rs := log.Runs[0].Results
	if len(rs) != 3 {
		t.Fatalf("results: %+v", rs)
	}
	if rs[0].RuleID != "closure-incomplete" || d.Rules[rs[0].RuleIndex].ID != "closure-incomplete" || rs[0].Level != "error" ||
		rs[0].Message.Text != tricky[0].Message {
		t.Errorf("result 0: %+v", rs[0])
	}
	loc := rs[0].Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "pairs/a,b:c%25d/closure.md" || loc.Region == nil || loc.Region.StartLine != 7 {
		t.Errorf("location 0: %+v", loc)
	}
	if rs[1].Locations[0].PhysicalLocation.Region != nil {
		t.Error("a whole-file finding has a region")
	}
	if rs[2].Level != "warning" {
		t.Errorf("result 2: %+v", rs[2])
	}
}

func TestSarifURI(t *testing.T) {
	for in, want := range map[string]string{
		"pairs/a--b/closure.md":  "pairs/a--b/closure.md",
		"pairs/a b/closure.md":   "pairs/a%20b/closure.md",
		"pairs/50%/plan.md":      "pairs/50%25/plan.md",
		"c:x/pairs/a/plan.md":    "c%3Ax/pairs/a/plan.md",
		"pairs/é/plan.md":        "pairs/%C3%A9/plan.md",
		"pairs/a#b?c/closure.md": "pairs/a%23b%3Fc/closure.md",
	} {
		if got := sarifURI(in); got != want {
			t.Errorf("sarifURI(%q) = %q, want %q", in, got, want)
		}
	}
}
