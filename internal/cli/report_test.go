package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// The report of the example programme is committed as
// examples/programme/REPORT.md; MENTOR_UPDATE=1 rewrites it.
func TestExampleReportGolden(t *testing.T) {
	golden := filepath.Join("..", "..", "examples", "programme", "REPORT.md")
	f, _, out, errOut := testFactory()
	f.Getwd = os.Getwd
	code := Run(f, []string{"close", "report", "--repo", filepath.Join("..", "..", "examples", "programme"), "--today", "2026-11-21"})
	if code != 0 || errOut.Len() > 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if os.Getenv("MENTOR_UPDATE") != "" {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run MENTOR_UPDATE=1 go test ./internal/cli to write it)", err)
	}
	if out.String() != string(want) {
		t.Errorf("%s is not current: run MENTOR_UPDATE=1 go test ./internal/cli and review the diff\n--- got:\n%s", golden, out)
	}
}

// Flags become options; bad values are usage errors before anything is read.
func TestReportFlags(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want ReportOptions
	}{
		{[]string{"close", "report"}, 0, ReportOptions{Format: "text", Paths: []string{}}},
		{[]string{"close", "report", "--format", "md"}, 0, ReportOptions{Format: "md", Paths: []string{}}},
		{[]string{"close", "report", "a", "b", "--program", "P 1", "--since", "2026-01-01", "-f", "csv"}, 0,
			ReportOptions{Format: "csv", Program: "P 1", Since: "2026-01-01", Paths: []string{"a", "b"}}},
		{[]string{"close", "report", "--format", "text"}, 0, ReportOptions{Format: "text", Paths: []string{}}},
		{[]string{"close", "report", "--format", "markdown"}, ExitUsage, ReportOptions{}},
	}
	for _, tt := range tests {
		f, _, _, _ := testFactory()
		var got *ReportOptions
		root := NewRootCmd(f)
		closeCmd, _, _ := root.Find([]string{"close"})
		for _, c := range closeCmd.Commands() {
			if c.Name() == "report" {
				closeCmd.RemoveCommand(c)
			}
		}
		closeCmd.AddCommand(newReportCmd(f, func(o *ReportOptions) error { got = o; return nil }))
		root.SetArgs(tt.args)
		err := root.Execute()
		if code := ExitCode(err); code != tt.code {
			t.Errorf("%v: exit %d (%v), want %d", tt.args, code, err, tt.code)
			continue
		}
		if tt.code != 0 {
			continue
		}
		if got == nil || got.Format != tt.want.Format || got.Program != tt.want.Program || got.Since != tt.want.Since ||
			len(got.Paths) != len(tt.want.Paths) {
			t.Errorf("%v: options %+v, want %+v", tt.args, got, tt.want)
		}
	}
}
