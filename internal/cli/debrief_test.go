package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mentor-cli/mentor/internal/debrief"
)

func TestDebriefOptions(t *testing.T) {
	testOptions(t, newDebriefCmd, func(o *DebriefOptions) { o.F, o.Terminal, o.Form = nil, nil, nil }, []optionCase[DebriefOptions]{
		{[]string{"a--b"}, &DebriefOptions{Pair: "a--b"}},
		{[]string{"a--b", "--accessible", "--unreachable", "mentee", "--date", "2026-12-01", "--unplanned"},
			&DebriefOptions{Pair: "a--b", Accessible: true, Unreachable: "mentee", Date: "2026-12-01", Unplanned: true}},
		{[]string{"a--b", "--unreachable", "both"}, nil},
		{[]string{}, nil},
		{[]string{"a--b", "c--d"}, nil},
	})
}

// debriefRepo is a repo with the debrief's test pair, and a factory on it
// with a terminal whose form is form.
func debriefRepo(t *testing.T, form func(d *debrief.Debrief, p debrief.Preview) (debrief.Outcome, error)) (*DebriefOptions, string) {
	t.Helper()
	dir := t.TempDir()
	pairDir := filepath.Join(dir, "pairs", "ada--grace")
	if err := os.MkdirAll(pairDir, 0o755); err != nil {
		t.Fatal(err)
	}
	plan, err := os.ReadFile("testdata/debrief/plan.md")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, ".mentor.yaml"), nil, 0o644)
	os.WriteFile(filepath.Join(pairDir, "plan.md"), plan, 0o644)
	f, _, _, _ := testFactory()
	f.Getwd = func() (string, error) { return dir, nil }
	f.Now = func() time.Time { return time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC) }
	f.LockTimeout = time.Second
	return &DebriefOptions{F: f, Pair: "ada--grace", Terminal: func() bool { return true }, Form: form}, filepath.Join(pairDir, "closure.md")
}

// The full-screen form stopped half-way (Ctrl-C, Esc) writes nothing, and
// says so with exit 1.
func TestDebriefStoppedWritesNothing(t *testing.T) {
	opts, file := debriefRepo(t, func(d *debrief.Debrief, _ debrief.Preview) (debrief.Outcome, error) {
		d.Answers["celebrate.proud"] = "Half an answer"
		return debrief.Stop, debrief.ErrStopped
	})
	err := debriefRun(opts)
	if ExitCode(err) != ExitFindings || !strings.Contains(err.Error(), "nothing was written") {
		t.Fatalf("err %v (exit %d), want exit 1 saying nothing was written", err, ExitCode(err))
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Errorf("%s was written", file)
	}
}

// A closure.md that appears or changes while the pair answers is not
// overwritten: nothing is lost, and the debrief says to run it again.
func TestDebriefFileChangedMeanwhile(t *testing.T) {
	var file string
	opts, file := debriefRepo(t, func(d *debrief.Debrief, _ debrief.Preview) (debrief.Outcome, error) {
		if err := os.WriteFile(file, []byte("---\nmentor: someone else's record\n---\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return debrief.Write, nil
	})
	err := debriefRun(opts)
	if ExitCode(err) != ExitFindings || !strings.Contains(err.Error(), "changed while the debrief ran: nothing was written") {
		t.Fatalf("err %v (exit %d)", err, ExitCode(err))
	}
	if got, _ := os.ReadFile(file); string(got) != "---\nmentor: someone else's record\n---\n" {
		t.Errorf("the file was overwritten:\n%s", got)
	}
}

// A draft from the form: written, with the answers given, not signed.
func TestDebriefDraft(t *testing.T) {
	opts, file := debriefRepo(t, func(d *debrief.Debrief, preview debrief.Preview) (debrief.Outcome, error) {
		d.Answers["celebrate.proud"] = "The talk."
		if len(preview()) == 0 {
			t.Errorf("the preview of a half-answered record finds nothing")
		}
		return debrief.Draft, nil
	})
	if err := debriefRun(opts); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(file)
	if !strings.Contains(string(got), "**What are we proudest of?** The talk.\n") || strings.Contains(string(got), "  mentor: 2026-11-21") {
		t.Errorf("draft:\n%s", got)
	}
}
