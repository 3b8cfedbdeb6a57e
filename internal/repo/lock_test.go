//go:build unix

package repo

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fakeClock is a clock that moves only when Lock sleeps.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time        { return c.t }
func (c *fakeClock) sleep(d time.Duration) { c.t = c.t.Add(d) }
func useClock(t *testing.T, c *fakeClock) {
	t.Helper()
	oldClock, oldSleep := clock, sleep
	clock, sleep = c.now, c.sleep
	t.Cleanup(func() { clock, sleep = oldClock, oldSleep })
}

// holdFlock takes flock(2) on a lock file as another process's mentor does,
// with that process's pid and start time in it.
func holdFlock(t *testing.T, path, info string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(info); err != nil {
		t.Fatal(err)
	}
}

// A held lock is waited for exactly the lock timeout, on mentor's clock,
// and then named with its holder's pid and how long it has held it;
// --break-lock takes it over at once.
func TestLockTimeoutNamesTheHolder(t *testing.T) {
	dir := t.TempDir()
	r := openRepo(t, dir)
	os.WriteFile(filepath.Join(dir, "plan.md"), []byte("x\n"), 0o644)
	holdFlock(t, filepath.Join(dir, "plan.md.lock"), "4242\n2026-11-21T10:00:00Z\n")
	c := &fakeClock{time.Date(2026, 11, 21, 10, 5, 0, 0, time.UTC)}
	useClock(t, c)

	r.LockTimeout = 1500 * time.Millisecond
	_, err := r.Lock("plan.md")
	var le *LockedError
	if !errors.As(err, &le) {
		t.Fatalf("error %v, want a *LockedError", err)
	}
	if le.PID != 4242 || le.Age < 5*time.Minute || le.Age > 5*time.Minute+2*time.Second ||
		le.Waited < 1500*time.Millisecond || le.Waited > 1700*time.Millisecond || le.Lock != "plan.md.lock" {
		t.Errorf("locked error %+v", le)
	}
	msg := le.Error()
	for _, want := range []string{"plan.md is locked by another mentor command (pid 4242, for 5m2s)", "--break-lock", "lock file: plan.md.lock"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}

	// The default timeout is 5 s.
	r.LockTimeout = 0
	start := c.t
	if _, err := r.Lock("plan.md"); !errors.As(err, &le) || c.t.Sub(start) < DefaultLockTimeout || c.t.Sub(start) > DefaultLockTimeout+200*time.Millisecond {
		t.Errorf("default timeout: waited %s, %v", c.t.Sub(start), err)
	}

	// --break-lock.
	r.BreakLock = true
	unlock, err := r.Lock("plan.md")
	if err != nil {
		t.Fatalf("--break-lock: %v", err)
	}
	unlock()
	if _, err := os.Lstat(filepath.Join(dir, "plan.md.lock")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the lock file is still there after unlock: %v", err)
	}
}

// A lock mentor may not create or open says why and what to do, as does a
// read-only file system.
func TestLockPermissionSaysWhatToDo(t *testing.T) {
	dir := t.TempDir()
	r := openRepo(t, dir)
	os.MkdirAll(filepath.Join(dir, "pairs", "a"), 0o755)
	old := openLock
	t.Cleanup(func() { openLock = old })
	fail := syscall.EACCES
	openLock = func(r *Repo, name string) (*os.File, error) {
		return nil, &os.PathError{Op: "open", Path: name, Err: fail}
	}

	_, err := r.Lock("pairs/a/plan.md")
	if err == nil || !strings.Contains(err.Error(), "cannot lock pairs/a/plan.md: permission denied creating its lock file pairs/a/plan.md.lock: "+
		"give your user write access to the folder pairs/a (ls -ld pairs/a shows who may write there) and run the command again") {
		t.Errorf("no lock file: %v", err)
	}
	var ue *UsageError
	if !errors.As(err, &ue) {
		t.Errorf("%T is not a usage error", err)
	}

	os.WriteFile(filepath.Join(dir, "pairs", "a", "plan.md.lock"), []byte("1\n"), 0o644)
	if _, err := r.Lock("pairs/a/plan.md"); err == nil || !strings.Contains(err.Error(),
		"permission denied opening its lock file pairs/a/plan.md.lock, which another user's mentor command left: give your user write access to it") {
		t.Errorf("a lock file of another user: %v", err)
	}

	fail = syscall.EROFS
	if _, err := r.Lock("pairs/a/plan.md"); err == nil || !strings.Contains(err.Error(), "read-only file system") {
		t.Errorf("read-only: %v", err)
	}
}
