package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/edit"
	"github.com/mentor-cli/mentor/internal/iostreams"
	"github.com/mentor-cli/mentor/internal/repo"
)

// Exit codes of agenda and record (SPEC §10): refusing to overwrite and a
// plan with errors are findings (1); bad flags and broken templates are
// usage errors (2). Nothing is written in either case.
func TestAgendaRecordExitCodes(t *testing.T) {
	root := t.TempDir()
	plan, err := os.ReadFile(filepath.Join("..", "..", "examples", "programme", "pairs", "hana-kobayashi--diego-alvarez", "plan.md"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(rel, text string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("pairs/hana/plan.md", string(plan))
	write("pairs/hana/agenda.md", "mine\n")
	write("pairs/hana/closure.md", "mine\n")
	write("pairs/broken/plan.md", "---\nmentor: A\n---\n")
	write("pairs/templated/plan.md", string(plan))
	write(".mentor.yaml", "pairs_dir: pairs\n")

	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"agenda", "hana"}, 1, "already exists"},
		{[]string{"record", "hana"}, 1, "already exists"},
		{[]string{"agenda", "broken"}, 1, "has errors"},
		{[]string{"record", "broken"}, 1, "has errors"},
		{[]string{"record", "hana", "--reason", "nope"}, 2, "--reason"},
		{[]string{"record", "hana", "--transition", "nope"}, 2, "--transition"},
		{[]string{"record", "hana", "--date", "2026-01-01"}, 2, "before the pair's start"},
		{[]string{"agenda", "hana", "--date", "01/12/2026"}, 2, "--date"},
		{[]string{"agenda", "nobody"}, 2, "unknown pair"},
		{[]string{"agenda", "templated", "--unknown-flag"}, 2, "unknown flag"},
		{[]string{"templates", "nope.md"}, 2, "unknown template"},
	} {
		args := append([]string{"close"}, tc.args...)
		args = append(args, "--repo", root, "--today", "2026-11-21")
		_, errOut, code := runMentor(t, args...)
		if code != tc.code || !strings.Contains(errOut, tc.msg) {
			t.Errorf("mentor %s: exit %d, stderr %q; want exit %d mentioning %q", strings.Join(tc.args, " "), code, errOut, tc.code, tc.msg)
		}
	}
	for _, name := range []string{"hana/agenda.md", "hana/closure.md"} {
		if b, _ := os.ReadFile(filepath.Join(root, "pairs", name)); string(b) != "mine\n" {
			t.Errorf("%s was changed: %q", name, b)
		}
	}
	for _, name := range []string{"broken/agenda.md", "broken/closure.md"} {
		if _, err := os.Stat(filepath.Join(root, "pairs", name)); err == nil {
			t.Errorf("%s was written for a plan with errors", name)
		}
	}

	// A broken template: exit 2 naming the template file and line; nothing written.
	write(".mentor/templates/agenda.md", "---\npair: {{.ID}}\n{{.NoSuchField}}\n---\n")
	write(".mentor/templates/closure.md", "---\n{{if .Goals}}\n---\n")
	for _, cmd := range []string{"agenda", "record"} {
		_, errOut, code := runMentor(t, "close", cmd, "templated", "--repo", root, "--today", "2026-11-21")
		file := map[string]string{"agenda": ".mentor/templates/agenda.md:3", "record": ".mentor/templates/closure.md:"}[cmd]
		if code != 2 || !strings.Contains(errOut, "broken template "+file) {
			t.Errorf("%s with a broken template: exit %d, stderr %q", cmd, code, errOut)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(root, "pairs", "templated"))
	if len(entries) != 1 {
		t.Errorf("pairs/templated holds %d entries, want only plan.md", len(entries))
	}
}

// On a terminal, agenda and record say what comes next; in a pipe they print
// only the path.
func TestAgendaRecordNextStepOnTerminal(t *testing.T) {
	root := t.TempDir()
	plan, err := os.ReadFile(filepath.Join("..", "..", "examples", "programme", "pairs", "hana-kobayashi--diego-alvarez", "plan.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, "pairs", "hana"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "pairs", "hana", "plan.md"), plan, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ cmd, file, hint string }{
		{"agenda", "pairs/hana/agenda.md", "mentor close record hana"},
		{"record", "pairs/hana/closure.md", "replace every TODO in pairs/hana/closure.md"},
	} {
		for _, tty := range []bool{false, true} {
			io, _, out, errOut := iostreams.Test()
			io.SetStdoutTTY(tty)
			f := &Factory{IO: io, Getenv: func(string) string { return "" }, Getwd: os.Getwd}
			if code := Run(f, []string{"close", tc.cmd, "hana", "--repo", root, "--today", "2026-11-21", "--force"}); code != 0 {
				t.Fatalf("%s: exit %d: %s", tc.cmd, code, errOut)
			}
			if out.String() != tc.file+"\n" {
				t.Errorf("%s: stdout %q", tc.cmd, out)
			}
			if got := strings.Contains(errOut.String(), tc.hint); got != tty {
				t.Errorf("%s on a terminal %v: hint shown %v: %q", tc.cmd, tty, got, errOut)
			}
		}
	}
}

// ExitCode maps each kind of error to the code SPEC §10 gives its outcome.
func TestExitCode(t *testing.T) {
	missing := &repo.ReadProblem{Problem: &diag.Problem{File: "pairs/a/plan.md"}}
	for _, tc := range []struct {
		err  error
		want int
	}{
		{nil, ExitOK},
		{&ExitError{Code: ExitFindings}, ExitFindings},
		{fmt.Errorf("wrapped: %w", &ExitError{Code: ExitUsage}), ExitUsage},
		{&repo.ExistsError{Path: "x"}, ExitFindings},
		{&repo.ChangedError{Path: "x"}, ExitFindings},
		{&repo.TooLargeError{Path: "x"}, ExitFindings},
		{&edit.ReadError{ReadProblem: missing}, ExitFindings},
		{&repo.LockedError{File: "x"}, ExitUsage},
		{&repo.UsageError{Msg: "x"}, ExitUsage},
		{errors.New("anything else"), ExitUsage},
	} {
		if got := ExitCode(tc.err); got != tc.want {
			t.Errorf("ExitCode(%T %v) = %d, want %d", tc.err, tc.err, got, tc.want)
		}
	}
}
