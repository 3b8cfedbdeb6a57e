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
	want := `pairs/a,b:c%d/closure.md:7: error: 50% done: a, b\r\nand | more [closure-incomplete]` + "\n" +
		"::error title=closure-incomplete,file=pairs/a%2Cb%3Ac%25d/closure.md,line=7::50%25 done: a, b%0D%0Aand | more\n" +
		"pairs/x/plan.md:1: error: file is too big [plan-invalid]\n" +
		"::error title=plan-invalid,file=pairs/x/plan.md,line=1::file is too big\n" +
		"pairs/y/plan.md:6: warning: set status: closed [status-stale]\n" +
		"::warning title=status-stale,file=pairs/y/plan.md,line=6::set status: closed\n" +
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
	want := `pairs/a,b:c%d/closure.md:7: error: 50% done: a, b\r\nand | more [closure-incomplete]` + "\n" +
		"pairs/x/plan.md:1: error: file is too big [plan-invalid]\n" +
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
		"| pairs/x/plan.md | 1 | error | plan-invalid | file is too big |\n",
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
	moved := append([]verify.Finding(nil), tricky...)
	moved[0].Line = 12
	if Fingerprints(moved)[0] != fp {
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
						ID, Name         string
						ShortDescription struct{ Text string }
						FullDescription  struct{ Text string }
						Help             struct{ Text string }
					}
				}
			}
			Results []struct {
				RuleID              string
				RuleIndex           int
				Level               string
				Message             struct{ Text string }
				PartialFingerprints map[string]string
				Locations           []struct {
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
	if d.Name != "mentor" || d.Version != "1.2.3" || d.InformationURI == "" || len(d.Rules) != len(verify.Rules) {
		t.Errorf("driver: %+v", d)
	}
	for _, r := range d.Rules {
		if r.ShortDescription.Text == "" || r.FullDescription.Text == "" || r.Help.Text == "" || r.Name == r.ID || r.Name == "" {
			t.Errorf("rule %s lacks text: %+v", r.ID, r)
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
	if r := rs[1].Locations[0].PhysicalLocation.Region; r == nil || r.StartLine != 1 {
		t.Errorf("a whole-file finding is on line 1: %+v", r)
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

// Two findings alike in rule, file and message (a record with two equal
// TODO lines) still get fingerprints of their own, in SARIF and GitLab.
func TestFingerprintsAreUnique(t *testing.T) {
	twice := []verify.Finding{
		{File: "pairs/a/closure.md", Line: 7, Rule: "closure-incomplete", Severity: diag.Error, Message: "same"},
		{File: "pairs/a/closure.md", Line: 9, Rule: "closure-incomplete", Severity: diag.Error, Message: "same"},
		{File: "pairs/b/closure.md", Line: 7, Rule: "closure-incomplete", Severity: diag.Error, Message: "same"},
	}
	fps := Fingerprints(twice)
	seen := map[string]bool{}
	for _, fp := range fps {
		if seen[fp] {
			t.Fatalf("fingerprint %s twice: %v", fp, fps)
		}
		seen[fp] = true
	}
	var b bytes.Buffer
	if err := VerifySARIF(&b, "dev", twice); err != nil {
		t.Fatal(err)
	}
	if strings.Count(b.String(), fps[0]) != 1 || strings.Count(b.String(), fps[1]) != 1 {
		t.Errorf("SARIF does not carry the fingerprints:\n%s", b.String())
	}
	if !strings.Contains(b.String(), `"version": "0.0.0-dev"`) {
		t.Errorf("a build without a version: %s", b.String())
	}
}
