package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/mentor-cli/mentor/internal/iostreams"
	"github.com/spf13/cobra"
)

// Every command's --help shows at least one example.
func TestEveryCommandHasAnExample(t *testing.T) {
	io, _, _, _ := iostreams.Test()
	root := NewRootCmd(&Factory{IO: io})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden || c.Name() == "help" {
			return
		}
		t.Run(c.CommandPath(), func(t *testing.T) {
			f, _, out, _ := testFactory()
			code := Run(f, append(strings.Fields(c.CommandPath())[1:], "--help"))
			if code != 0 {
				t.Fatalf("exit %d", code)
			}
			if !strings.Contains(out.String(), "Examples:") {
				t.Errorf("%s --help has no example:\n%s", c.CommandPath(), out)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

func testFactory() (*Factory, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	io, in, out, errOut := iostreams.Test()
	return &Factory{IO: io, Getenv: func(string) string { return "" }}, in, out, errOut
}

// Every --help, and mentor close help CMD, ends with the command's page in
// the docs, and that page exists.
func TestEveryHelpEndsWithItsDocsPage(t *testing.T) {
	io, _, _, _ := iostreams.Test()
	root := NewRootCmd(&Factory{IO: io})
	root.InitDefaultHelpCmd()
	var walk func(c *cobra.Command)
	pages := map[string]bool{}
	walk = func(c *cobra.Command) {
		args := append(strings.Fields(c.CommandPath())[1:], "--help")
		runs := [][]string{args}
		if c.HasParent() && c.Parent().Name() == "close" && c.Name() != "help" {
			runs = append(runs, []string{"close", "help", c.Name()})
		}
		for _, args := range runs {
			f, _, out, _ := testFactory()
			if code := Run(f, args); code != 0 {
				t.Errorf("mentor %s: exit %d", strings.Join(args, " "), code)
				continue
			}
			lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
			last := lines[len(lines)-1]
			page, ok := strings.CutPrefix(last, "Docs: "+docsBase)
			if !ok {
				t.Errorf("mentor %s ends with %q, not with Docs: and its page", strings.Join(args, " "), last)
				continue
			}
			if _, err := os.Stat("../../" + page); err != nil {
				t.Errorf("mentor %s points to %s: %v (go generate ./internal/clidocs writes the pages)", strings.Join(args, " "), page, err)
			}
			pages[page] = true
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if !pages["docs/cli/mentor_close_check.md"] || len(pages) < 20 {
		t.Errorf("the help of %d commands points to %d pages: %v", 20, len(pages), pages)
	}
}

// An error about a file ends with the page that describes the file's
// format, and every such page exists.
func TestErrorsPointToTheFormatPage(t *testing.T) {
	for file, want := range map[string]string{
		".mentor.yaml":                      "docs/config.md",
		"sub/.mentor.yaml":                  "docs/config.md",
		"pairs/a--b/plan.md":                "docs/plan.md",
		"pairs/a--b/closure.md":             "docs/closure.md",
		"pairs/a--b/notes/2026-01-02-x.md":  "docs/notes.md",
		"pairs/a--b/survey/2026-01-02-x.md": "docs/survey.md",
		".mentor/templates/agenda.md":       "docs/templates.md",
		"pairs/a--b/agenda.md":              "",
	} {
		if got := formatPage(file); got != want {
			t.Errorf("formatPage(%q) = %q, want %q", file, got, want)
		}
		if want != "" {
			if _, err := os.Stat("../../" + want); err != nil {
				t.Errorf("%s: %v", want, err)
			}
		}
	}

	for msg, want := range map[string]bool{
		".mentor.yaml:2: error: unknown key":                  true,
		"pairs/a--b/plan.md has errors: fix them, then …":     true,
		"pairs/a--b/closure.md already exists: pass --force":  false,
		"pairs/a--b/plan.md: permission denied":               false,
		"--answers x.yaml: no such file or directory":         false,
		"pairs/a--b/notes/2026-01-02-mentor.md:1: error: bad": true,
	} {
		if got := withFormatPage(msg) != msg; got != want {
			t.Errorf("withFormatPage(%q) adds a page: %v, want %v", msg, got, want)
		}
	}

	dir := t.TempDir()
	if err := os.WriteFile(dir+"/.mentor.yaml", []byte("thresholds:\n  remind_day: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, _, _, errOut := testFactory()
	f.Getwd = func() (string, error) { return dir, nil }
	f.Now = func() time.Time { return time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC) }
	if code := Run(f, []string{"close", "check", "--repo", dir}); code != ExitUsage {
		t.Fatalf("exit %d, want %d:\n%s", code, ExitUsage, errOut)
	}
	want := "mentor: .mentor.yaml:2: error: unknown key thresholds.remind_day (did you mean thresholds.remind_days?)\n" +
		"The format of .mentor.yaml: " + docsBase + "docs/config.md\n"
	if errOut.String() != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", errOut, want)
	}
}
