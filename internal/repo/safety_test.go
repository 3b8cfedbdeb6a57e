//go:build unix

// The safety suite: one test per way a programme's files could escape the
// repo, be lost, be left behind or hang mentor (SPEC §10 and §17), each
// driving whole commands the way a user runs them. Where the operating
// system is involved the fault is real or injected at the worst moment:
// symbolic links, another program saving the file between mentor's read
// and its write, a full disk, a held lock, and SIGINT and SIGTERM sent to
// a real mentor process. go test -run TestSafety ./... runs the suite (the
// --commit part is in internal/cli, as it needs git).
package repo_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mentor-cli/mentor/internal/cli"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/iostreams"
	"github.com/mentor-cli/mentor/internal/load"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/repo"
)

// TestMain lets the test binary be a real mentor process for the signal
// tests: with MENTOR_SAFETY_CHILD=1 it runs mentor on its arguments. With
// MENTOR_SAFETY_PAUSE=DIR it stops in the middle of writing the new content
// of a file (its temporary file made, its lock held), says so by creating
// DIR/writing, and waits to be interrupted.
func TestMain(m *testing.M) {
	if os.Getenv("MENTOR_SAFETY_CHILD") == "1" {
		if dir := os.Getenv("MENTOR_SAFETY_PAUSE"); dir != "" {
			*repo.WriteDataHook = func(f *os.File, data []byte) error {
				os.WriteFile(filepath.Join(dir, "writing"), nil, 0o644)
				time.Sleep(time.Minute)
				return errors.New("not interrupted")
			}
		}
		os.Exit(cli.Main())
	}
	os.Exit(m.Run())
}

const plan = "---\nmentor: Ada Lovelace\nmentee: Grace Hopper\nstart: 2026-01-15\nend: 2026-12-15\n---\n\n" +
	"# Mentoring plan\n\n## Goals\n\n- [ ] Give an internal tech talk\n  - 2026-11-01: outline drafted\n\n" +
	"## Meetings\n\n### 2026-11-10 Outline review\n"

const closedPlan = "---\nmentor: Ada Lovelace\nmentee: Grace Hopper\nstart: 2026-01-15\nend: 2026-06-15\nstatus: closed\n---\n\n" +
	"# Mentoring plan\n\n## Goals\n\n- [x] Give an internal tech talk\n\n## Meetings\n\n### 2026-06-10 Wrap-up\n"

const recordHead = "---\nmentor: Ada Lovelace\nmentee: Grace Hopper\nstart: 2026-01-15\nclosed: 2026-06-15\nreason: goals-met\n" +
	"final_meeting: 2026-06-10\ntransition: end\ngoals:\n  - title: Give an internal tech talk\n    outcome: met\nsigned_off: {mentor: 2026-06-15, mentee: 2026-06-15}\n---\n\n"

// record is a complete closure record whose sections hold what sections
// gives them, or a line of text.
func record(sections map[string]string) string {
	var b strings.Builder
	b.WriteString(recordHead + "# Closure record\n\n")
	for _, s := range []string{"Summary", "Goals and outcomes", "What went well", "What was challenging",
		"Lessons learned", "Next steps", "Future connection", "Thanks"} {
		body, ok := sections[s]
		if !ok {
			body = "Written with the pair.\n"
		}
		fmt.Fprintf(&b, "## %s\n\n%s\n", s, body)
	}
	return b.String()
}

// programme makes a repo with the pair ada--grace and returns its root.
func programme(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	all := map[string]string{".mentor.yaml": "pairs_dir: pairs\n", "pairs/ada--grace/plan.md": plan}
	for k, v := range files {
		all[k] = v
	}
	for rel, text := range all {
		write(t, filepath.Join(dir, rel), text)
	}
	return dir
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// mentor runs a command in process, as a user in dir would, and checks it
// never prints a Go stack trace or an unfilled error.
func mentor(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	f := &cli.Factory{IO: ios, Now: time.Now,
		Getenv: func(k string) string { return map[string]string{"MENTOR_TODAY": "2026-11-21"}[k] },
		Getwd:  func() (string, error) { return dir, nil }}
	code = cli.Run(f, append([]string{"--repo", dir}, args...))
	for _, bad := range []string{"goroutine ", "panic", "internal error", "<nil>", "%!"} {
		if strings.Contains(errOut.String()+out.String(), bad) {
			t.Errorf("mentor %s printed %q:\n%s%s", strings.Join(args, " "), bad, out, errOut)
		}
	}
	return code, out.String(), errOut.String()
}

// expect runs a command and asserts its exit code and that its error
// output says each of says.
func expect(t *testing.T, dir string, code int, says []string, args ...string) string {
	t.Helper()
	got, out, errOut := mentor(t, dir, args...)
	if got != code {
		t.Errorf("mentor %s: exit %d, want %d\n%s%s", strings.Join(args, " "), got, code, out, errOut)
	}
	for _, s := range says {
		if !strings.Contains(errOut, s) {
			t.Errorf("mentor %s: stderr lacks %q:\n%s", strings.Join(args, " "), s, errOut)
		}
	}
	return out
}

// leftovers lists the lock and temporary files under dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	var found []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && (strings.HasSuffix(path, ".lock") || strings.HasSuffix(path, ".tmp")) {
			found = append(found, path)
		}
		return nil
	})
	return found
}

func noLeftovers(t *testing.T, dir string) {
	t.Helper()
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}
}

// Symbolic links along a path that lead outside the repo — notes/, the
// pairs folder, .mentor/, .mentor/templates/, a plan — are reported and
// not followed, for reads and for writes; nothing outside changes.
func TestSafetySymlinksLeadingOutside(t *testing.T) {
	outside := t.TempDir()
	write(t, filepath.Join(outside, "pairs", "eve--mallory", "plan.md"), plan)
	write(t, filepath.Join(outside, "templates", "agenda.md"), "---\nstolen: {{.Mentor}}\n---\n")
	write(t, filepath.Join(outside, "plan.md"), plan)
	snapshot := func() string {
		var b strings.Builder
		filepath.WalkDir(outside, func(path string, d os.DirEntry, err error) error {
			b.WriteString(path + "\n")
			if err == nil && !d.IsDir() {
				b.WriteString(read(t, path))
			}
			return nil
		})
		return b.String()
	}
	before := snapshot()
	link := func(t *testing.T, dir, rel, to string) {
		t.Helper()
		os.RemoveAll(filepath.Join(dir, rel))
		if err := os.Symlink(to, filepath.Join(dir, rel)); err != nil {
			t.Fatal(err)
		}
	}

	dir := programme(t, nil)
	link(t, dir, "pairs/ada--grace/notes", outside)
	expect(t, dir, 2, []string{"pairs/ada--grace/notes is a symbolic link to a place outside the repo; it is not followed"},
		"close", "note", "ada--grace", "--as", "mentor", "-m", "hi")

	dir = programme(t, nil)
	link(t, dir, "pairs/ada--grace/plan.md", filepath.Join(outside, "plan.md"))
	expect(t, dir, 2, []string{"pairs/ada--grace/plan.md is a symbolic link to a file outside the repo; it is not edited"},
		"close", "log", "ada--grace", "-m", "hi")

	dir = programme(t, nil)
	link(t, dir, "pairs", filepath.Join(outside, "pairs"))
	for _, cmd := range []string{"check", "verify", "report"} {
		expect(t, dir, 2, []string{"pairs is a symbolic link to a place outside the repo; it is not followed"}, "close", cmd)
	}
	expect(t, dir, 2, []string{"pairs is a symbolic link to a place outside the repo"},
		"close", "init", "--mentor", "Ann", "--mentee", "Bob", "--start", "2026-11-01")

	for _, rel := range []string{".mentor", ".mentor/templates"} {
		dir = programme(t, nil)
		os.MkdirAll(filepath.Join(dir, ".mentor"), 0o755)
		target := outside
		if rel == ".mentor/templates" {
			target = filepath.Join(outside, "templates")
		}
		link(t, dir, rel, target)
		expect(t, dir, 2, []string{"broken template .mentor/templates/agenda.md", rel + " is a symbolic link to a place outside the repo"},
			"close", "agenda", "ada--grace")
		if _, err := os.Lstat(filepath.Join(dir, "pairs", "ada--grace", "agenda.md")); err == nil {
			t.Errorf("%s: an agenda was written from a template outside the repo", rel)
		}
		expect(t, dir, 2, []string{"symbolic link to a place outside the repo"}, "close", "templates")
	}
	if after := snapshot(); after != before {
		t.Errorf("the folder outside the repo changed:\n%s\nwas:\n%s", after, before)
	}
}

// Tens of thousands of link reference definitions are read as text, in
// linear time (BenchmarkPathological measures it): a plan holding 80,000
// of them is judged, and a record section made of them is written.
func TestSafetyLinkDefinitions(t *testing.T) {
	var defs strings.Builder
	for i := 0; i < 80000; i++ {
		fmt.Fprintf(&defs, "[%d]:x\n", i)
	}
	dir := programme(t, map[string]string{
		"pairs/ada--grace/plan.md": strings.Replace(plan, "## Meetings", defs.String()+"\n## Meetings", 1),
		"pairs/closed/plan.md":     closedPlan,
		"pairs/closed/closure.md":  record(map[string]string{"Lessons learned": defs.String()}),
	})
	out := expect(t, dir, 0, nil, "close", "check", "--format", "json")
	var rep struct {
		Pairs []struct {
			ID, Verdict string
			Goals       struct{ Total int }
			Meetings    struct{ Held int }
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Pairs) != 2 ||
		rep.Pairs[0].Verdict != "on-track" || rep.Pairs[0].Goals.Total != 1 || rep.Pairs[0].Meetings.Held != 1 {
		t.Errorf("check: %v %+v", err, rep.Pairs)
	}
	expect(t, dir, 0, nil, "close", "verify")
}

// Valid but unusual Markdown — deep indentation in fenced code and <pre>,
// a long "- - - -" rule — is read as CommonMark reads it: a complete
// record holding it passes the gate. Nesting past the limit does not make
// a plan invalid: its goals and meetings are judged, with a warning on
// the line where the skipped region starts.
func TestSafetyUnusualMarkdown(t *testing.T) {
	var deep strings.Builder
	for i := 0; i < 300; i++ {
		deep.WriteString(strings.Repeat("  ", i) + "- step\n")
	}
	dir := programme(t, map[string]string{
		"pairs/ada--grace/plan.md": strings.Replace(plan, "## Meetings", strings.Repeat("- ", 100000)+"x\n\n## Meetings", 1),
		"pairs/closed/plan.md":     closedPlan,
		"pairs/closed/closure.md": record(map[string]string{
			"Summary":            "```\n" + deep.String() + "```\n",
			"Goals and outcomes": "<pre>\n" + deep.String() + "</pre>\n",
			"What went well":     strings.Repeat("- ", 20000) + "\n\nThe talk.\n",
			"Next steps":         strings.Repeat("* ", 20000) + "\nMore talks.\n",
		}),
	})
	expect(t, dir, 0, nil, "close", "verify")
	_, out, _ := mentor(t, dir, "close", "check", "--format", "json")
	var rep struct {
		Pairs []struct {
			ID, Verdict string
			Goals       struct{ Total int }
			Meetings    struct{ Held int }
			Problems    []diag.Problem
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Pairs) != 2 {
		t.Fatalf("check: %v\n%s", err, out)
	}
	p := rep.Pairs[0]
	if p.Verdict != "on-track" || p.Goals.Total != 1 || p.Meetings.Held != 1 || len(p.Problems) != 1 ||
		p.Problems[0].Severity != diag.Warning || p.Problems[0].Line != 15 || !strings.Contains(p.Problems[0].Message, "nest more than 16 deep") {
		t.Errorf("the deep plan: %+v", p)
	}
}

// An editor's save between mentor's read and its write is not lost: log
// refuses with exit 1, the file holds what the editor saved, nothing is
// left behind, and the next log works.
func TestSafetyEditorSaveDuringLog(t *testing.T) {
	dir := programme(t, nil)
	path := filepath.Join(dir, "pairs", "ada--grace", "plan.md")
	saved := plan + "\n### 2026-11-17 Saved in the editor\n"
	*repo.BeforeReplaceHook = func(rel string) {
		*repo.BeforeReplaceHook = nil
		write(t, path, saved)
	}
	t.Cleanup(func() { *repo.BeforeReplaceHook = nil })
	expect(t, dir, 1, []string{"pairs/ada--grace/plan.md: the file changed while mentor was writing it; nothing was lost; run it again"},
		"close", "log", "ada--grace", "--date", "2026-11-18", "-m", "mine")
	if got := read(t, path); got != saved {
		t.Errorf("the editor's save was lost:\n%s", got)
	}
	noLeftovers(t, dir)
	expect(t, dir, 0, nil, "close", "log", "ada--grace", "--date", "2026-11-18", "-m", "mine")
	if got := read(t, path); !strings.Contains(got, "Saved in the editor") || !strings.Contains(got, "### 2026-11-18") {
		t.Errorf("after the second log:\n%s", got)
	}
}

// child starts a real mentor process (this test binary) in dir.
func child(t *testing.T, dir string, env []string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"--repo", dir}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), append([]string{"MENTOR_SAFETY_CHILD=1", "MENTOR_TODAY=2026-11-21"}, env...)...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &bytes.Buffer{}, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd, &stderr
}

// waitFor waits until path exists.
func waitFor(t *testing.T, path string) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if _, err := os.Lstat(path); err == nil {
			return
		}
	}
	t.Fatalf("%s did not appear", path)
}

func exitCode(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	err := cmd.Wait()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatalf("wait: %v", err)
	}
	return cmd.ProcessState.ExitCode()
}

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// SIGINT or SIGTERM sent to a real mentor process that holds a plan's lock
// — while a slow pre-commit hook runs under log --commit, and in the
// middle of writing the new plan — removes its lock and temporary files
// before it exits, and the next log works at once.
func TestSafetyInterrupt(t *testing.T) {
	t.Run("slow pre-commit hook", func(t *testing.T) {
		if _, err := exec.LookPath("git"); err != nil {
			t.Skip("git is not installed")
		}
		dir := programme(t, nil)
		marks := t.TempDir()
		git(t, dir, "init", "-q")
		git(t, dir, "config", "user.name", "Ada")
		git(t, dir, "config", "user.email", "ada@example.com")
		git(t, dir, "add", "-A")
		git(t, dir, "commit", "-q", "-m", "Start")
		write(t, filepath.Join(dir, ".git", "hooks", "pre-commit"),
			"#!/bin/sh\ntouch '"+filepath.Join(marks, "hook")+"'\nsleep 30\n")
		os.Chmod(filepath.Join(dir, ".git", "hooks", "pre-commit"), 0o755)
		for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
			os.Remove(filepath.Join(marks, "hook"))
			cmd, stderr := child(t, dir, nil, "close", "log", "ada--grace", "--date", "2026-11-18", "-m", "x", "--commit")
			waitFor(t, filepath.Join(marks, "hook"))
			if _, err := os.Lstat(filepath.Join(dir, "pairs", "ada--grace", "plan.md.lock")); err != nil {
				t.Errorf("%v: mentor does not hold the plan's lock while the hook runs: %v", sig, err)
			}
			cmd.Process.Signal(sig)
			want := map[syscall.Signal]int{syscall.SIGINT: 130, syscall.SIGTERM: 143}[sig]
			if code := exitCode(t, cmd); code != want {
				t.Errorf("%v: exit %d, want %d\n%s", sig, code, want, stderr)
			}
			if !strings.Contains(stderr.String(), "interrupted; its lock and temporary files were removed") {
				t.Errorf("%v: stderr %q", sig, stderr)
			}
			noLeftovers(t, filepath.Join(dir, "pairs"))
			if _, err := os.Lstat(filepath.Join(dir, ".git", "index.lock")); err == nil {
				t.Errorf("%v: git's index.lock was left behind", sig)
			}
			expect(t, dir, 0, nil, "close", "log", "ada--grace", "--date", "2026-11-19", "-m", "next", "--lock-timeout", "10ms")
		}
	})
	t.Run("while writing", func(t *testing.T) {
		dir := programme(t, nil)
		path := filepath.Join(dir, "pairs", "ada--grace", "plan.md")
		for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
			marks := t.TempDir()
			before := read(t, path)
			cmd, stderr := child(t, dir, []string{"MENTOR_SAFETY_PAUSE=" + marks}, "close", "log", "ada--grace", "--date", "2026-11-18", "-m", "x")
			waitFor(t, filepath.Join(marks, "writing"))
			if l := leftovers(t, filepath.Join(dir, "pairs")); len(l) != 2 {
				t.Errorf("%v: mid-write, want the lock and a temporary file, got %v", sig, l)
			}
			cmd.Process.Signal(sig)
			want := map[syscall.Signal]int{syscall.SIGINT: 130, syscall.SIGTERM: 143}[sig]
			if code := exitCode(t, cmd); code != want {
				t.Errorf("%v: exit %d, want %d\n%s", sig, code, want, stderr)
			}
			noLeftovers(t, dir)
			if got := read(t, path); got != before {
				t.Errorf("%v: the plan changed:\n%s", sig, got)
			}
			expect(t, dir, 0, nil, "close", "log", "ada--grace", "--date", "2026-11-18", "-m", "x", "--lock-timeout", "10ms")
		}
	})
}

// A lock held by another process is waited for --lock-timeout, then named
// with its holder's pid and age and --break-lock offered; --break-lock
// takes it. A full disk in the middle of the write leaves the plan as it
// was and nothing behind.
func TestSafetyLocksAndFullDisk(t *testing.T) {
	dir := programme(t, nil)
	lock := filepath.Join(dir, "pairs", "ada--grace", "plan.md.lock")
	f, err := os.OpenFile(lock, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(f, "%d\n%s\n", os.Getpid(), time.Now().Add(-90*time.Second).UTC().Format(time.RFC3339))
	start := time.Now()
	expect(t, dir, 2, []string{"pairs/ada--grace/plan.md is locked by another mentor command (pid " + fmt.Sprint(os.Getpid()) + ", for 1m3", "--break-lock"},
		"close", "log", "ada--grace", "-m", "x", "--lock-timeout", "200ms")
	if waited := time.Since(start); waited < 200*time.Millisecond {
		t.Errorf("gave up after %s, before the lock timeout", waited)
	}
	expect(t, dir, 0, nil, "close", "log", "ada--grace", "-m", "x", "--break-lock")
	f.Close()
	noLeftovers(t, dir)

	path := filepath.Join(dir, "pairs", "ada--grace", "plan.md")
	before := read(t, path)
	orig := *repo.WriteDataHook
	t.Cleanup(func() { *repo.WriteDataHook = orig })
	*repo.WriteDataHook = func(f *os.File, data []byte) error {
		f.Write(data[:len(data)/2])
		return &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	expect(t, dir, 2, []string{"cannot write pairs/ada--grace/plan.md: no space left on device"},
		"close", "log", "ada--grace", "--date", "2026-11-19", "-m", "y")
	if got := read(t, path); got != before {
		t.Errorf("a full disk changed the plan:\n%s", got)
	}
	noLeftovers(t, dir)
}

// A user template runs under limits: 1 MiB of output (ten million copies
// of a 90-byte line would fill memory) and 5 s (a billion empty loops
// would run on). Past them the error names the template, the exit code is
// 2 and nothing is written.
func TestSafetyTemplateLimits(t *testing.T) {
	line := strings.Repeat("x", 89) + "\n"
	for name, c := range map[string]struct{ src, says string }{
		"output": {"{{range 10000000}}" + line + "{{end}}", "its output passed the 1 MiB limit"},
		"time":   {"{{range 1000000000}}{{end}}", "it ran for more than 5s"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := programme(t, map[string]string{".mentor/templates/agenda.md": c.src})
			expect(t, dir, 2, []string{"template .mentor/templates/agenda.md ran past its limits: " + c.says, "nothing was written"},
				"close", "agenda", "ada--grace")
			if _, err := os.Lstat(filepath.Join(dir, "pairs", "ada--grace", "agenda.md")); err == nil {
				t.Errorf("an agenda was written")
			}
		})
	}
}

// No edit makes a file mentor would then refuse to read: log refuses to
// grow a plan past 1 MiB, with exit 1, and the plan stays readable.
func TestSafetyEditsStayUnder1MiB(t *testing.T) {
	big := plan + strings.Repeat("Notes that go on.\n", (repo.MaxFileSize-len(plan)-100)/18)
	dir := programme(t, map[string]string{"pairs/ada--grace/plan.md": big})
	expect(t, dir, 1, []string{"pairs/ada--grace/plan.md would grow to", "over the 1 MiB mentor reads; nothing was written"},
		"close", "log", "ada--grace", "--date", "2026-11-18", "-m", strings.Repeat("a long note ", 20))
	if got := read(t, filepath.Join(dir, "pairs", "ada--grace", "plan.md")); got != big {
		t.Error("the plan changed")
	}
	expect(t, dir, 0, nil, "close", "check")
	noLeftovers(t, dir)
}

// Every day from 0001-01-01 to 9999-12-31 is a date, and day counts do not
// stop at 106,751 days.
func TestSafetyDates(t *testing.T) {
	dir := programme(t, map[string]string{
		"pairs/ada--grace/plan.md": strings.Replace(plan, "end: 2026-12-15", "end: 0001-01-01", 1),
		"pairs/old/plan.md":        "---\nmentor: Ann\nmentee: Bob\nstart: 0001-01-01\n---\n## Goals\n- [ ] A\n",
	})
	expect(t, dir, 1, []string{"pairs/ada--grace/plan.md:5: error: end 0001-01-01 is before start 2026-01-15"}, "close", "check")
	_, out, _ := mentor(t, dir, "close", "check", "--format", "json")
	if !strings.Contains(out, "no meeting held since the start 739940 days ago") {
		t.Errorf("the day count from 0001-01-01:\n%s", out)
	}
	expect(t, dir, 0, nil, "close", "note", "old", "--as", "mentor", "--date", "0001-01-01", "-m", "hi")
	if _, err := os.Stat(filepath.Join(dir, "pairs", "old", "notes", "0001-01-01-mentor.md")); err != nil {
		t.Errorf("the note of 0001-01-01: %v", err)
	}
	if d := dates.MustParse("9999-12-31"); d.DaysSince(dates.MustParse("0001-01-01")) != 3652058 {
		t.Errorf("9999-12-31 - 0001-01-01 = %d days", d.DaysSince(dates.MustParse("0001-01-01")))
	}
}

// A panic while a worker reads or judges a pair does not print a stack
// trace or stop the others: the pair gets a problem that names its file.
func TestSafetyPanicInWorker(t *testing.T) {
	dir := programme(t, map[string]string{"pairs/bad/plan.md": plan, "pairs/zed/plan.md": plan})
	r, err := repo.OpenAt(dir, repo.FoundByFlag)
	if err != nil {
		t.Fatal(err)
	}
	refs, err := r.Pairs()
	if err != nil {
		t.Fatal(err)
	}
	got := load.All(r, refs, load.Options{}, func(p *pair.Pair) string {
		if p.ID == "bad" && p.Problem == nil {
			panic("boom")
		}
		if p.Problem != nil {
			return p.ID + ": " + p.Problem.String()
		}
		return p.ID + ": ok"
	})
	want := []string{"ada--grace: ok",
		"bad: pairs/bad/plan.md:1: error: mentor failed on this pair (internal error: boom); this is a bug in mentor: please report it with the pair's files",
		"zed: ok"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Messages say what happened and what to do: a symbolic link loop, a
// missed_limit past missed_window (with its line), a YAML merge key, a
// file with CR line endings, a lock mentor may not create.
func TestSafetyMessages(t *testing.T) {
	dir := programme(t, nil)
	pdir := filepath.Join(dir, "pairs", "ada--grace")
	os.Remove(filepath.Join(pdir, "plan.md"))
	os.Symlink("plan2.md", filepath.Join(pdir, "plan.md"))
	os.Symlink("plan.md", filepath.Join(pdir, "plan2.md"))
	expect(t, dir, 2, []string{"pairs/ada--grace/plan.md is a symbolic link loop"}, "close", "log", "ada--grace", "-m", "x")
	expect(t, dir, 2, []string{"symbolic link loop"}, "close", "log", filepath.Join(pdir, "plan.md"), "-m", "x")
	expect(t, dir, 1, []string{"pairs/ada--grace/plan.md:1: error: symbolic link loop"}, "close", "check")

	dir = programme(t, nil)
	os.Symlink("notes", filepath.Join(dir, "pairs", "ada--grace", "notes"))
	expect(t, dir, 2, []string{"pairs/ada--grace/notes: symbolic link loop"}, "close", "note", "ada--grace", "--as", "mentor", "-m", "x")
	os.Symlink("self", filepath.Join(dir, "pairs", "self"))
	expect(t, dir, 2, []string{"pairs/self: symbolic link loop"}, "close", "log", "self", "-m", "x")

	dir = programme(t, map[string]string{".mentor.yaml": "pairs_dir: pairs\nthresholds:\n  missed_window: 2\n  missed_limit: 4\n"})
	expect(t, dir, 2, []string{".mentor.yaml:4: error: thresholds.missed_limit (4) cannot be larger than thresholds.missed_window (2)", "lower missed_limit or raise missed_window"}, "close", "check")

	dir = programme(t, map[string]string{
		"pairs/ada--grace/plan.md": "---\npeople: &p\n  mentor: Ada\n  mentee: Grace\n<<: *p\nstart: 2026-10-15\n---\n## Goals\n- [ ] A\n## Meetings\n### 2026-11-10 Sync\n",
		"pairs/cr/plan.md":         strings.ReplaceAll(plan, "\n", "\r"),
	})
	_, out, _ := mentor(t, dir, "close", "check", "--format", "json")
	if strings.Contains(out, "is missing") || !strings.Contains(out, `"verdict": "on-track"`) {
		t.Errorf("a merge key:\n%s", out)
	}
	if !strings.Contains(out, "carriage return alone") || strings.Contains(out, "no front matter") {
		t.Errorf("CR line endings:\n%s", out)
	}

	dir = programme(t, nil)
	orig := *repo.OpenLockHook
	t.Cleanup(func() { *repo.OpenLockHook = orig })
	*repo.OpenLockHook = func(r *repo.Repo, name string) (*os.File, error) {
		return nil, &os.PathError{Op: "open", Path: name, Err: syscall.EACCES}
	}
	expect(t, dir, 2, []string{"cannot lock pairs/ada--grace/plan.md: permission denied creating its lock file pairs/ada--grace/plan.md.lock: give your user write access to the folder pairs/ada--grace"},
		"close", "log", "ada--grace", "-m", "x")
}
