package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentor-cli/mentor/internal/termtest"
)

// The tests in a real terminal: tmux runs a shell; the tests type into it
// and read the screen back. They skip without tmux, unless
// MENTOR_TERMINAL_TESTS=1 (.ci/steps/50-terminal.sh installs tmux and
// bash-completion and sets it).

var (
	binOnce sync.Once
	binDir  string
	binErr  error
)

// mentorBin is a folder holding a mentor binary: $MENTOR_BIN's, or one
// built once for the test run.
func mentorBin(t *testing.T) string {
	t.Helper()
	if b := os.Getenv("MENTOR_BIN"); b != "" {
		abs, err := filepath.Abs(b)
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		if err := os.Symlink(abs, filepath.Join(dir, "mentor")); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "mentor-bin")
		if binErr != nil {
			return
		}
		out, err := exec.Command("go", "build", "-o", filepath.Join(binDir, "mentor"), "github.com/mentor-cli/mentor/cmd/mentor").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v: %s", err, out)
		}
	})
	if binErr != nil {
		t.Fatalf("cannot build mentor: %v", binErr)
	}
	return binDir
}

// terminal starts a shell in a terminal, in dir, with mentor on PATH.
func terminal(t *testing.T, dir string, env ...string) *termtest.Term {
	t.Helper()
	termtest.Require(t)
	bin := mentorBin(t)
	env = append([]string{"PATH=" + bin + ":/usr/local/bin:/usr/bin:/bin", "MENTOR_TODAY=2026-11-21"}, env...)
	return termtest.Start(t, termtest.Options{Dir: dir, Env: env})
}

// exitLine makes the shell print the exit code of the last command; wait
// for it with WaitForRegexp(`^exit=\d+$`), which the typed line itself
// does not match.
const exitLine = `echo "exit=$?"` + "\n"

// Interactive init: it asks for the names, the goals until an empty line,
// the length and the cadence, re-asks a bad answer, and writes the plan;
// the next step names the command. Ctrl-D before the last answer writes
// nothing, exits 1, and the error starts on a line of its own.
func TestTerminalInit(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "fresh"), 0o755)
	term := terminal(t, dir)
	term.WaitFor("$")
	term.Type("mentor close init\n")
	term.WaitFor("Mentor's name: ")
	term.Type("Ada Lovelace\n")
	term.WaitFor("Mentee's name: ")
	term.Type("Grace Hopper\n")
	term.WaitFor("Goal 1: ")
	term.Type("Give an internal tech talk\n")
	term.WaitFor("Goal 2: ")
	term.Type("\n")
	term.WaitFor("Planned length")
	term.Type("half a year\n")
	term.WaitFor(`"half a year" is not a duration`)
	term.Type("6 months\n")
	term.WaitFor("Cadence: ")
	term.Type("\n")
	screen := term.WaitFor("see how the pair stands with: mentor close check ada-lovelace--grace-hopper")
	for _, want := range []string{
		"Mentor's name: Ada Lovelace\nMentee's name: Grace Hopper\nGoals, one a line (an empty line ends them):\n  Goal 1: Give an internal tech talk\n  Goal 2:\n",
		"Cadence: weekly, biweekly, monthly or every N days|weeks [biweekly]:\n",
		"pairs/ada-lovelace--grace-hopper/plan.md\n",
		"Next: log each meeting with: mentor close log ada-lovelace--grace-hopper --title TEXT -m NOTES\n",
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("the screen lacks %q:\n%s", want, screen)
		}
	}
	plan, err := os.ReadFile(filepath.Join(dir, "pairs", "ada-lovelace--grace-hopper", "plan.md"))
	if err != nil || !strings.Contains(string(plan), "end: 2027-05-21\ncadence: biweekly\n") || !strings.Contains(string(plan), "- [ ] Give an internal tech talk\n") {
		t.Errorf("plan: %v\n%s", err, plan)
	}

	// Ctrl-D at a prompt.
	term.Clear()
	term.Type("mentor close init --id kim--lee\n")
	term.WaitFor("Mentor's name: ")
	term.Type("Kim\n")
	term.WaitFor("Mentee's name: ")
	term.Keys("C-d")
	term.WaitFor("nothing was written")
	term.Type(exitLine)
	screen = term.WaitForRegexp(`^exit=\d+$`)
	if !strings.Contains(screen, "Mentee's name:\nmentor: init: the input ended before the last answer; nothing was written\n") {
		t.Errorf("the error does not start on its own line:\n%s", screen)
	}
	if !strings.Contains(screen, "exit=1") {
		t.Errorf("Ctrl-D did not exit 1:\n%s", screen)
	}
	if _, err := os.Stat(filepath.Join(dir, "pairs", "kim--lee")); !os.IsNotExist(err) {
		t.Errorf("a pair folder was left: %v", err)
	}

	// Ctrl-C at a prompt: interrupted, nothing written, 130 as a shell
	// reports SIGINT.
	term.Clear()
	term.Type("mentor close init --id sam--mei --repo fresh\n")
	term.WaitFor("Mentor's name: ")
	term.Keys("C-c")
	term.WaitFor("mentor: interrupted")
	term.Type(exitLine)
	screen = term.WaitForRegexp(`^exit=\d+$`)
	if !strings.Contains(screen, "exit=130") {
		t.Errorf("Ctrl-C:\n%s", screen)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "fresh")); len(entries) != 0 {
		t.Errorf("Ctrl-C left %v", entries)
	}
}

const terminalPlan = "---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-15\n---\n## Goals\n- [ ] One\n"

// note on a terminal opens $EDITOR on a buffer of prompts inside the pair
// folder; what the writer types becomes the note, the prompts do not, the
// buffer goes. With /dev/null on standard input no editor starts.
func TestTerminalNote(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "pairs", "ada--grace"), 0o755)
	os.WriteFile(filepath.Join(dir, "pairs", "ada--grace", "plan.md"), []byte(terminalPlan), 0o644)
	// The editor shows the buffer, reads a line from the terminal and adds
	// it; "abort" makes it fail, as :cq does in vim.
	editor := filepath.Join(t.TempDir(), "editor")
	// Like vim, it keeps Ctrl-C to itself.
	os.WriteFile(editor, []byte("#!/bin/sh\ntrap 'echo \"(the editor got Ctrl-C)\"' INT\necho \"editing $1\"\ncat \"$1\"\nprintf 'type> '\nwhile ! read line; do :; done\n[ \"$line\" = abort ] && exit 1\nprintf '%s\\n' \"$line\" >> \"$1\"\n"), 0o755)
	term := terminal(t, dir, "EDITOR="+editor)
	term.WaitFor("$")
	term.Type("mentor close note ada--grace --as mentee\n")
	screen := term.WaitFor("type> ")
	for _, want := range []string{"editing " + filepath.Join(dir, "pairs", "ada--grace") + "/.note-2026-11-21-mentee.",
		"<!-- mentor: write the mentee's reflection on ada--grace for 2026-11-21.", "- What went well since the last note?"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the editor's screen lacks %q:\n%s", want, screen)
		}
	}
	// Ctrl-C while the editor runs is the editor's: mentor does not end
	// under it, and writes the note once the editor is done.
	term.Keys("C-c")
	term.WaitFor("(the editor got Ctrl-C)")
	term.Type("The review went better than I feared.\n")
	term.WaitFor("2026-11-21-mentee.md")
	term.Type(exitLine)
	screen = term.WaitForRegexp(`^exit=\d+$`)
	if !strings.Contains(screen, "pairs/ada--grace/notes/2026-11-21-mentee.md\n") || !strings.Contains(screen, "exit=0") {
		t.Errorf("after the editor:\n%s", screen)
	}
	note, _ := os.ReadFile(filepath.Join(dir, "pairs", "ada--grace", "notes", "2026-11-21-mentee.md"))
	if !strings.HasSuffix(string(note), "\nThe review went better than I feared.\n") || strings.Contains(string(note), "What went well") {
		t.Errorf("note:\n%s", note)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "pairs", "ada--grace", ".note-*")); len(left) != 0 {
		t.Errorf("the buffer was left: %v", left)
	}

	// An aborted edit: exit 1, nothing written.
	term.Clear()
	term.Type("mentor close note ada--grace --as mentor\n")
	term.WaitFor("type> ")
	term.Type("abort\n")
	term.WaitFor("nothing was written")
	term.Type(exitLine)
	screen = term.WaitForRegexp(`^exit=\d+$`)
	if !strings.Contains(screen, "the edit was aborted; nothing was written") || !strings.Contains(screen, "exit=1") {
		t.Errorf("abort:\n%s", screen)
	}
	if _, err := os.Stat(filepath.Join(dir, "pairs", "ada--grace", "notes", "2026-11-21-mentor.md")); !os.IsNotExist(err) {
		t.Error("an aborted edit wrote a note")
	}

	// /dev/null is not a terminal: no editor, empty input, exit 1.
	term.Clear()
	term.Type("mentor close note ada--grace --as mentor </dev/null\n")
	term.WaitFor("standard input held no text")
	term.Type(exitLine)
	screen = term.WaitForRegexp(`^exit=\d+$`)
	if strings.Contains(screen, "type> ") || !strings.Contains(screen, "standard input held no text") || !strings.Contains(screen, "exit=1") {
		t.Errorf("/dev/null:\n%s", screen)
	}
}

// A real vi, when there is one: insert a line, write and quit.
func TestTerminalNoteInVi(t *testing.T) {
	vi, err := exec.LookPath("vi")
	if err != nil {
		t.Skip("no vi here")
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "pairs", "ada--grace"), 0o755)
	os.WriteFile(filepath.Join(dir, "pairs", "ada--grace", "plan.md"), []byte(terminalPlan), 0o644)
	term := terminal(t, dir, "PATH="+mentorBin(t)+":"+filepath.Dir(vi)+":/usr/bin:/bin")
	term.WaitFor("$")
	term.Type("mentor close note ada--grace --as mentee\n")
	term.WaitFor("What went well")
	term.Keys("G", "o")
	term.Type("Written in vi.")
	term.WaitFor("Written in vi.")
	term.Keys("Escape")
	time.Sleep(300 * time.Millisecond) // vim tells a lone Escape from a key sequence by time
	term.Type(":wq\n")
	term.WaitFor("notes/2026-11-21-mentee.md")
	term.Type(exitLine)
	screen := term.WaitForRegexp(`^exit=\d+$`)
	if !strings.Contains(screen, "pairs/ada--grace/notes/2026-11-21-mentee.md") || !strings.Contains(screen, "exit=0") {
		t.Errorf("after vi:\n%s", screen)
	}
	note, _ := os.ReadFile(filepath.Join(dir, "pairs", "ada--grace", "notes", "2026-11-21-mentee.md"))
	if !strings.Contains(string(note), "\nWritten in vi.\n") {
		t.Errorf("note:\n%s", note)
	}
}

// Tab Tab on a PAIR argument lists the pair ids in bash with bash-completion.
func TestTerminalBashCompletion(t *testing.T) {
	const bc = "/usr/share/bash-completion/bash_completion"
	if _, err := os.Stat(bc); err != nil {
		if os.Getenv("MENTOR_TERMINAL_TESTS") == "1" {
			t.Fatalf("MENTOR_TERMINAL_TESTS=1 but bash-completion is not installed: %v", err)
		}
		t.Skip("bash-completion is not installed")
	}
	dir := t.TempDir()
	for _, id := range []string{"ada-lovelace--grace-hopper", "ada-lovelace--alan-turing", "kim-mensah--lee-park"} {
		os.MkdirAll(filepath.Join(dir, "pairs", id), 0o755)
		os.WriteFile(filepath.Join(dir, "pairs", id, "plan.md"), []byte(terminalPlan), 0o644)
	}
	os.WriteFile(filepath.Join(dir, ".mentor.yaml"), []byte("pairs_dir: pairs\n"), 0o644)
	term := terminal(t, dir)
	term.WaitFor("$")
	term.Type(". " + bc + "\n")
	term.Type("source <(mentor completion bash)\n")
	term.Clear()
	term.Type("mentor close log ")
	term.Keys("Tab", "Tab")
	screen := term.WaitFor("kim-mensah--lee-park")
	for _, id := range []string{"ada-lovelace--grace-hopper", "ada-lovelace--alan-turing", "kim-mensah--lee-park"} {
		if !strings.Contains(screen, id) {
			t.Errorf("Tab Tab does not list %s:\n%s", id, screen)
		}
	}
	if strings.Contains(screen, "plan.md") || strings.Contains(screen, ".mentor.yaml") {
		t.Errorf("Tab Tab lists files:\n%s", screen)
	}
	// A unique prefix completes in place.
	term.Keys("C-u")
	term.Clear()
	term.Type("mentor close done ki")
	term.Keys("Tab")
	term.WaitFor("mentor close done kim-mensah--lee-park")
}
