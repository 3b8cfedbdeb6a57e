// Package termtest drives commands in a real terminal for tests: a tmux
// session of its own (its own server socket, a fixed size, a clean
// environment), keys typed into it, and the screen read back with
// capture-pane. Terminal behaviour — prompts, an editor attached to the
// terminal, shell completion — is tested the way a person meets it, not
// through a fake.
//
// A test starts a session with Start, types with Type and Keys, waits for
// the screen to show something with WaitFor, and reads it with Screen:
//
//	term := termtest.Start(t, termtest.Options{Dir: dir, Env: []string{"PATH=" + bin}})
//	term.Type("mentor close init\n")
//	term.WaitFor("Mentor's name: ")
//
// Without tmux the test is skipped, unless MENTOR_TERMINAL_TESTS=1 (as CI
// sets it), when it fails: there a missing tmux is a broken set-up.
package termtest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Options describe the session.
type Options struct {
	// Dir is the working folder of the shell.
	Dir string
	// Env is the shell's whole environment, KEY=VALUE; TERM, HOME and a
	// PATH with the system folders are added when missing.
	Env []string
	// Command is what runs in the terminal; default: bash without any
	// startup file, with a plain "$ " prompt.
	Command []string
	// Width and Height of the terminal; default 100 × 30.
	Width, Height int
	// Timeout for WaitFor; default 15 s.
	Timeout time.Duration
}

// Term is one tmux session.
type Term struct {
	t       testing.TB
	socket  string
	timeout time.Duration
}

// Require skips the test when tmux is not installed, or fails it when
// MENTOR_TERMINAL_TESTS=1 says the terminal tests must run.
func Require(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("MENTOR_TERMINAL_TESTS") == "1" {
			t.Fatalf("MENTOR_TERMINAL_TESTS=1 but tmux is not installed: %v", err)
		}
		t.Skip("tmux is not installed (CI installs it; see .ci/steps/50-terminal.sh)")
	}
}

// Start starts a session; it is killed when the test ends.
func Start(t testing.TB, opt Options) *Term {
	t.Helper()
	Require(t)
	if opt.Width == 0 {
		opt.Width = 100
	}
	if opt.Height == 0 {
		opt.Height = 30
	}
	if opt.Timeout == 0 {
		opt.Timeout = 15 * time.Second
	}
	if opt.Dir == "" {
		opt.Dir = t.TempDir()
	}
	home := t.TempDir()
	env := withDefaults(opt.Env, map[string]string{
		// tmux is a "screen" terminal: a program told it runs in an xterm
		// asks questions tmux does not answer (vim then drops keys).
		"TERM": "screen", "HOME": home, "PATH": "/usr/local/bin:/usr/bin:/bin",
		"PS1": "$ ", "LANG": "C.UTF-8",
	})
	cmd := opt.Command
	if len(cmd) == 0 {
		cmd = []string{"bash", "--norc", "--noprofile", "-i"}
	}
	// The socket lives in a short folder of its own: a unix socket path
	// must stay under about 100 bytes.
	sockDir, err := os.MkdirTemp("", "tt")
	if err != nil {
		t.Fatal(err)
	}
	term := &Term{t: t, socket: filepath.Join(sockDir, "s"), timeout: opt.Timeout}
	t.Cleanup(func() {
		_ = term.tmux("kill-server")
		os.RemoveAll(sockDir)
	})
	// env -i: the command sees exactly env, not the test's environment.
	shell := append([]string{"env", "-i"}, env...)
	shell = append(shell, cmd...)
	args := []string{"new-session", "-d", "-s", "t", "-x", fmt.Sprint(opt.Width), "-y", fmt.Sprint(opt.Height), "-c", opt.Dir, quote(shell)}
	if out, err := term.tmuxOut(args...); err != nil {
		t.Fatalf("tmux new-session: %v: %s", err, out)
	}
	// An Escape typed by a test is an Escape, not the start of an Alt key
	// tmux would wait half a second to tell apart.
	_ = term.tmux("set-option", "-sg", "escape-time", "0")
	_ = term.tmux("set-option", "-g", "status", "off")
	_ = term.tmux("set-option", "-g", "remain-on-exit", "on")
	return term
}

func withDefaults(env []string, defaults map[string]string) []string {
	have := map[string]bool{}
	for _, kv := range env {
		k, _, _ := strings.Cut(kv, "=")
		have[k] = true
	}
	out := append([]string(nil), env...)
	for _, k := range []string{"TERM", "HOME", "PATH", "PS1", "LANG"} {
		if !have[k] {
			out = append(out, k+"="+defaults[k])
		}
	}
	return out
}

// quote makes a shell command line from words, for tmux to run with sh -c.
func quote(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
	}
	return strings.Join(q, " ")
}

func (x *Term) tmux(args ...string) error {
	_, err := x.tmuxOut(args...)
	return err
}

func (x *Term) tmuxOut(args ...string) (string, error) {
	cmd := exec.Command("tmux", append([]string{"-S", x.socket, "-f", "/dev/null"}, args...)...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// Type types text as keys, literally; a "\n" in it is the Enter key.
func (x *Term) Type(text string) {
	x.t.Helper()
	for i, part := range strings.Split(text, "\n") {
		if i > 0 {
			x.Keys("Enter")
		}
		if part == "" {
			continue
		}
		if out, err := x.tmuxOut("send-keys", "-t", "t", "-l", part); err != nil {
			x.t.Fatalf("tmux send-keys: %v: %s", err, out)
		}
	}
}

// Keys sends named keys: Enter, Tab, Escape, C-d, C-c…
func (x *Term) Keys(keys ...string) {
	x.t.Helper()
	if out, err := x.tmuxOut(append([]string{"send-keys", "-t", "t"}, keys...)...); err != nil {
		x.t.Fatalf("tmux send-keys: %v: %s", err, out)
	}
}

// Screen is what the terminal shows now, lines without trailing spaces,
// blank lines at the end left out.
func (x *Term) Screen() string {
	x.t.Helper()
	out, err := x.tmuxOut("capture-pane", "-p", "-J", "-t", "t") // -J: a wrapped line is one line
	if err != nil {
		x.t.Fatalf("tmux capture-pane: %v: %s", err, out)
	}
	lines := strings.Split(out, "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n") + "\n"
}

// WaitFor waits until the screen shows text, and returns the screen. It
// fails the test with the screen when the timeout passes first. Wait for
// text the command line typed does not hold itself (the terminal echoes
// it at once): a key typed before the program reads is lost when it
// switches the terminal's mode. The screen
// has no spaces at the ends of its lines (tmux does not keep them), so
// neither does text: "Name: " waits for "Name:".
func (x *Term) WaitFor(text string) string {
	x.t.Helper()
	lines := strings.Split(text, "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	text = strings.Join(lines, "\n")
	return x.wait(fmt.Sprintf("%q", text), func(s string) bool { return strings.Contains(s, text) })
}

// WaitForRegexp waits until the screen matches re (multi-line mode).
func (x *Term) WaitForRegexp(re string) string {
	x.t.Helper()
	rx := regexp.MustCompile("(?m)" + re)
	return x.wait("/"+re+"/", rx.MatchString)
}

func (x *Term) wait(what string, ok func(string) bool) string {
	x.t.Helper()
	deadline := time.Now().Add(x.timeout)
	for {
		s := x.Screen()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			x.t.Fatalf("the terminal did not show %s within %s; it shows:\n%s", what, x.timeout, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Clear clears the screen and its history, so that WaitFor sees only what
// comes next. It needs the shell at its prompt; a Ctrl-L that arrives while
// the shell is still busy is sent again.
func (x *Term) Clear() {
	x.t.Helper()
	empty := regexp.MustCompile(`\A\$ ?\n?\z`)
	deadline := time.Now().Add(x.timeout)
	for {
		x.Keys("C-l")
		_ = x.tmux("clear-history", "-t", "t")
		for end := time.Now().Add(500 * time.Millisecond); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
			if empty.MatchString(x.Screen()) {
				return
			}
		}
		if time.Now().After(deadline) {
			x.t.Fatalf("the screen did not clear within %s; it shows:\n%s", x.timeout, x.Screen())
		}
	}
}
