package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/iostreams"
	"github.com/mentor-cli/mentor/internal/plan"
)

const testPlan = "---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-15\n---\n\n## Meetings\n### 2026-02-01 Kickoff\n"

// testRepo makes a repo with one pair, ada--grace, and returns its root.
func logRepo(t *testing.T, planText string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "pairs", "ada--grace"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".mentor.yaml"), []byte("pairs_dir: pairs\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pairs", "ada--grace", "plan.md"), []byte(planText), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func logFactory(dir string, env map[string]string) (*Factory, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	ios, in, out, errOut := iostreams.Test()
	f := &Factory{IO: ios, Now: time.Now,
		Getenv: func(k string) string { return env[k] },
		Getwd:  func() (string, error) { return dir, nil }}
	return f, in, out, errOut
}

// TestLogFlags checks flags → options → heading, without running anything.
func TestLogFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string // the heading's canonical form, or "" for a usage error
	}{
		{[]string{"--date", "2026-11-10"}, "2026-11-10"},
		{[]string{"--date", "2026-11-10", "--title", " Design review "}, "2026-11-10 Design review"},
		{[]string{"--date", "2026-11-10", "--cancelled-by", "mentee"}, "2026-11-10 cancelled by mentee"},
		{[]string{"--date", "2026-11-10", "--title", "Sync", "--no-show", "mentor"}, "2026-11-10 Sync — no-show mentor"},
		{[]string{"--date", "2026-11-10", "--unproductive", "--title", "Q&A: roadmap"}, "2026-11-10 Q&A — roadmap — unproductive"},
		{[]string{"--date", "2026-11-10", "--cancelled-by", "them"}, ""},
		{[]string{"--date", "2026-11-10", "--cancelled-by", ""}, ""},
		{[]string{"--date", "2026-11-10", "--no-show", "Mentor"}, ""},
		{[]string{"--date", "2026-11-10", "--cancelled-by", "mentor", "--no-show", "mentee"}, ""},
		{[]string{"--date", "2026-11-10", "--unproductive", "--no-show", "mentee"}, ""},
		{[]string{"--date", "2026-11-10", "--title", "a\nb"}, ""},
		{[]string{"--date", "2026-11-10", "--title", "no-show mentor"}, ""},
		{[]string{"--date", "10/11/2026"}, ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			f, _, _, _ := logFactory(t.TempDir(), nil)
			var got *LogOptions
			cmd := newLogCmd(f, func(o *LogOptions) error { got = o; return nil })
			cmd.SetArgs(append([]string{"ada--grace"}, tt.args...))
			cmd.SetOut(&bytes.Buffer{})
			cmd.SetErr(&bytes.Buffer{})
			err := cmd.Execute()
			var h plan.Heading
			if err == nil {
				h, err = got.heading(dates.MustParse("2026-11-21"))
			}
			if tt.want == "" {
				if err == nil || ExitCode(err) != ExitUsage {
					t.Fatalf("err = %v (exit %d), want a usage error", err, ExitCode(err))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if h.Format() != tt.want {
				t.Errorf("heading %q, want %q", h.Format(), tt.want)
			}
		})
	}
}

// TestLogExitCodes runs log end to end: bad input exits 2 (1 for a plan
// with errors) and leaves the plan as it was, byte for byte.
func TestLogExitCodes(t *testing.T) {
	tests := []struct {
		name string
		plan string
		args []string
		code int
	}{
		{"bad date", testPlan, []string{"--date", "2026-02-30"}, ExitUsage},
		{"bad side", testPlan, []string{"--cancelled-by", "both"}, ExitUsage},
		{"two kinds", testPlan, []string{"--cancelled-by", "mentor", "--no-show", "mentee"}, ExitUsage},
		{"unproductive and cancelled", testPlan, []string{"--unproductive", "--cancelled-by", "mentee"}, ExitUsage},
		{"status in title", testPlan, []string{"--title", "Sync (cancelled)"}, ExitUsage},
		{"heading in notes", testPlan, []string{"-m", "notes\n### 2026-03-03 sneaky"}, ExitUsage},
		{"unknown flag", testPlan, []string{"--no-such-flag"}, ExitUsage},
		{"no git", testPlan, []string{"--commit"}, ExitUsage},
		{"plan with errors", "---\nmentor: Ada\n---\n", nil, ExitFindings},
		{"no front matter", "## Meetings\n", nil, ExitFindings},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := logRepo(t, tt.plan)
			f, _, _, errOut := logFactory(dir, map[string]string{"MENTOR_TODAY": "2026-11-21"})
			code := Run(f, append([]string{"close", "log", "ada--grace"}, tt.args...))
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, tt.code, errOut)
			}
			if !strings.HasPrefix(errOut.String(), "mentor: ") && !strings.Contains(errOut.String(), "error") {
				t.Errorf("no error message: %q", errOut)
			}
			got, _ := os.ReadFile(filepath.Join(dir, "pairs", "ada--grace", "plan.md"))
			if string(got) != tt.plan {
				t.Errorf("plan changed:\n%s", got)
			}
			if _, err := os.Stat(filepath.Join(dir, "pairs", "ada--grace", "plan.md.lock")); err == nil {
				t.Error("lock file left behind")
			}
		})
	}
}

// TestLogKeepsMode checks that an edited plan keeps its permissions.
func TestLogKeepsMode(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("file modes are not POSIX on Windows")
	}
	dir := logRepo(t, testPlan)
	file := filepath.Join(dir, "pairs", "ada--grace", "plan.md")
	if err := os.Chmod(file, 0o600); err != nil {
		t.Fatal(err)
	}
	f, _, _, errOut := logFactory(dir, map[string]string{"MENTOR_TODAY": "2026-11-21"})
	if code := Run(f, []string{"close", "log", "ada--grace", "--title", "Sync"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	st, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
}

// TestLogConcurrent runs many logs at once in one process: every entry is
// in the plan afterwards, in date order.
func TestLogConcurrent(t *testing.T) {
	dir := logRepo(t, testPlan)
	const n = 12
	var wg sync.WaitGroup
	codes := make([]int, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			f, _, _, _ := logFactory(dir, map[string]string{"MENTOR_TODAY": "2026-11-21"})
			codes[i] = Run(f, []string{"close", "log", "ada--grace", "--date", fmt.Sprintf("2026-03-%02d", n-i), "--title", fmt.Sprintf("Meeting %d", n-i)})
		}(i)
	}
	wg.Wait()
	for i, c := range codes {
		if c != 0 {
			t.Errorf("run %d exited %d", i, c)
		}
	}
	src, err := os.ReadFile(filepath.Join(dir, "pairs", "ada--grace", "plan.md"))
	if err != nil {
		t.Fatal(err)
	}
	p := plan.Parse("plan.md", src, plan.Options{})
	if len(p.Meetings) != n+1 {
		t.Fatalf("%d meetings, want %d:\n%s", len(p.Meetings), n+1, src)
	}
	for i := 1; i < len(p.Meetings); i++ {
		if p.Meetings[i].Date.Before(p.Meetings[i-1].Date) {
			t.Errorf("meetings out of order:\n%s", src)
		}
	}
}

// TestNoteEditor writes a note in $EDITOR when standard input is a terminal.
func TestNoteEditor(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake editor is a shell script")
	}
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh to run the fake editor")
	}
	dir := logRepo(t, testPlan)
	editor := filepath.Join(t.TempDir(), "fake-editor")
	script := "#!/bin/sh\nprintf 'Written in the editor.\\n' > \"$1\"\n"
	if err := os.WriteFile(editor, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	f, _, out, errOut := logFactory(dir, map[string]string{"MENTOR_TODAY": "2026-11-21", "EDITOR": editor})
	f.IO.SetStdinTTY(true)
	if code := Run(f, []string{"close", "note", "ada--grace", "--as", "mentor"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if got := strings.TrimSpace(out.String()); got != "pairs/ada--grace/notes/2026-11-21-mentor.md" {
		t.Errorf("stdout %q", got)
	}
	note, err := os.ReadFile(filepath.Join(dir, "pairs", "ada--grace", "notes", "2026-11-21-mentor.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(string(note), "\nWritten in the editor.\n") {
		t.Errorf("note:\n%s", note)
	}

	// An editor that leaves the buffer empty, or quits with an error,
	// aborts: exit 1, and nothing is written.
	for name, script := range map[string]string{
		"empty":  "#!/bin/sh\n: > \"$1\"\n",
		"failed": "#!/bin/sh\nprintf 'half a thought' > \"$1\"\nexit 3\n",
		"quit":   "#!/bin/sh\nexit 0\n", // the prompts alone, as :q leaves them
	} {
		ed := filepath.Join(t.TempDir(), name+"-editor")
		if err := os.WriteFile(ed, []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		f, _, _, errOut = logFactory(dir, map[string]string{"MENTOR_TODAY": "2026-11-21", "EDITOR": ed})
		f.IO.SetStdinTTY(true)
		if code := Run(f, []string{"close", "note", "ada--grace", "--as", "mentor"}); code != ExitFindings || !strings.Contains(errOut.String(), "nothing was written") {
			t.Errorf("%s editor: exit %d, stderr %q", name, code, errOut)
		}
	}

	// An editor that is not installed is an environment error.
	f, _, _, errOut = logFactory(dir, map[string]string{"MENTOR_TODAY": "2026-11-21", "VISUAL": "no-such-editor-here"})
	f.IO.SetStdinTTY(true)
	if code := Run(f, []string{"close", "note", "ada--grace", "--as", "mentor"}); code != ExitUsage || !strings.Contains(errOut.String(), "cannot start the editor") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "pairs", "ada--grace", "notes", "2026-11-21-mentor-2.md")); err == nil {
		t.Error("a note was written without text")
	}
}

// $VISUAL wins over $EDITOR; the buffer starts with the prompts, lives in
// the pair folder, hidden, and is gone afterwards; the prompts are not in
// the note.
func TestNoteEditorBuffer(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake editor is a shell script")
	}
	dir := logRepo(t, testPlan)
	seen := filepath.Join(t.TempDir(), "seen")
	visual := filepath.Join(t.TempDir(), "visual")
	script := "#!/bin/sh\nprintf '%s\\n' \"$1\" > " + seen + "\ncat \"$1\" >> " + seen + "\nprintf 'My own words.\\n' >> \"$1\"\n"
	if err := os.WriteFile(visual, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	f, _, _, errOut := logFactory(dir, map[string]string{"MENTOR_TODAY": "2026-11-21", "VISUAL": visual, "EDITOR": "/bin/false"})
	f.IO.SetStdinTTY(true)
	if code := Run(f, []string{"close", "note", "ada--grace", "--as", "mentee"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, err := os.ReadFile(seen)
	if err != nil {
		t.Fatal(err)
	}
	buf, prompts, _ := strings.Cut(string(b), "\n")
	if filepath.Dir(buf) != filepath.Join(dir, "pairs", "ada--grace") || !strings.HasPrefix(filepath.Base(buf), ".note-2026-11-21-mentee.") {
		t.Errorf("the buffer %s is not a hidden file of the pair folder", buf)
	}
	if _, err := os.Stat(buf); !os.IsNotExist(err) {
		t.Errorf("the buffer is still there: %v", err)
	}
	if !strings.HasPrefix(prompts, "<!-- mentor:") || !strings.Contains(prompts, "What went well") {
		t.Errorf("the buffer did not start with the prompts:\n%s", prompts)
	}
	note, _ := os.ReadFile(filepath.Join(dir, "pairs", "ada--grace", "notes", "2026-11-21-mentee.md"))
	if !strings.HasSuffix(string(note), "\nMy own words.\n") || strings.Contains(string(note), "What went well") {
		t.Errorf("note:\n%s", note)
	}
}

func TestEditorChoice(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"VISUAL": "code --wait", "EDITOR": "nano"}, "code --wait"},
		{map[string]string{"EDITOR": "nano"}, "nano"},
		{map[string]string{"VISUAL": "  ", "EDITOR": ""}, "vi"},
		{nil, "vi"},
	} {
		if got := editor(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("%v: %q, want %q", c.env, got, c.want)
		}
	}
	if got := stripPrompts("<!-- mentor: a\n b -->\nmine\n<!-- mine too -->\n<!-- mentor: c -->"); got != "\nmine\n<!-- mine too -->\n" {
		t.Errorf("stripPrompts: %q", got)
	}
}
