package interrupt

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The child process: MENTOR_INTERRUPT_CHILD says what it does before it
// waits to be interrupted; it prints "ready" when it is waiting.
func TestMain(m *testing.M) {
	switch os.Getenv("MENTOR_INTERRUPT_CHILD") {
	case "":
		os.Exit(m.Run())
	case "cleanup":
		dir := os.Getenv("MENTOR_INTERRUPT_DIR")
		Start(os.Stderr)
		Register(func() { os.WriteFile(filepath.Join(dir, "cleaned"), []byte("yes"), 0o644) })
		done := Register(func() { os.WriteFile(filepath.Join(dir, "unregistered"), []byte("ran"), 0o644) })
		done()
		fmt.Println("ready")
		time.Sleep(time.Minute)
		os.Exit(3)
	case "critical":
		dir := os.Getenv("MENTOR_INTERRUPT_DIR")
		Start(os.Stderr)
		Register(func() { os.WriteFile(filepath.Join(dir, "cleaned"), []byte("after critical"), 0o644) })
		Critical(func() error {
			fmt.Println("ready")
			time.Sleep(500 * time.Millisecond)
			return os.WriteFile(filepath.Join(dir, "critical"), []byte("done"), 0o644)
		})
		time.Sleep(time.Minute)
		os.Exit(3)
	case "nothing":
		Start(os.Stderr)
		fmt.Println("ready")
		time.Sleep(time.Minute)
		os.Exit(3)
	}
	os.Exit(4)
}

// child starts this test binary as a child that does what, and waits for
// it to say it is ready.
func child(t *testing.T, what string) (*exec.Cmd, string, *strings.Builder) {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "MENTOR_INTERRUPT_CHILD="+what, "MENTOR_INTERRUPT_DIR="+dir)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr := &strings.Builder{}
	cmd.Stderr = &lockedWriter{b: stderr}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "ready\n" {
		t.Fatalf("child %s: %q, %v", what, line, err)
	}
	return cmd, dir, stderr
}

type lockedWriter struct {
	mu sync.Mutex
	b  *strings.Builder
}

func (w *lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func exitCode(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		t.Fatalf("child ended with %v", err)
	}
	return ee.ExitCode()
}

// SIGINT and SIGTERM run the registered clean-ups (not the ones removed
// again), say so, and exit as a shell reports a signal: 130 and 143.
func TestSignalsRunTheCleanups(t *testing.T) {
	for _, c := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		cmd, dir, stderr := child(t, "cleanup")
		if err := cmd.Process.Signal(c.sig); err != nil {
			t.Fatal(err)
		}
		if code := exitCode(t, cmd); code != c.code {
			t.Errorf("%v: exit %d, want %d", c.sig, code, c.code)
		}
		if b, err := os.ReadFile(filepath.Join(dir, "cleaned")); err != nil || string(b) != "yes" {
			t.Errorf("%v: the clean-up did not run: %v", c.sig, err)
		}
		if _, err := os.Stat(filepath.Join(dir, "unregistered")); err == nil {
			t.Errorf("%v: a clean-up removed again still ran", c.sig)
		}
		if !strings.Contains(stderr.String(), "mentor: interrupted; its lock and temporary files were removed") {
			t.Errorf("%v: stderr %q", c.sig, stderr)
		}
	}
}

// A signal during a critical section waits for it to end: the clean-ups
// run after the step, never in the middle of it.
func TestSignalWaitsForCriticalSection(t *testing.T) {
	cmd, dir, _ := child(t, "critical")
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code := exitCode(t, cmd); code != 143 {
		t.Errorf("exit %d, want 143", code)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "critical")); err != nil || string(b) != "done" {
		t.Errorf("the critical section was cut short: %q %v", b, err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "cleaned")); err != nil || string(b) != "after critical" {
		t.Errorf("the clean-up did not run after it: %v", err)
	}
}

// With nothing held, an interrupt just says so.
func TestSignalWithNothingHeld(t *testing.T) {
	cmd, _, stderr := child(t, "nothing")
	cmd.Process.Signal(syscall.SIGINT)
	if code := exitCode(t, cmd); code != 130 {
		t.Errorf("exit %d, want 130", code)
	}
	if got := stderr.String(); !strings.Contains(got, "mentor: interrupted\n") || strings.Contains(got, "removed") {
		t.Errorf("stderr %q", got)
	}
}

// Register and Critical are safe to use from many goroutines at once.
func TestRegisterConcurrently(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				done := Register(func() {})
				Critical(func() error { return nil })
				done()
			}
		}()
	}
	wg.Wait()
	mu.Lock()
	n := len(cleanups)
	mu.Unlock()
	if n != 0 {
		t.Errorf("%d clean-ups left registered", n)
	}
}
