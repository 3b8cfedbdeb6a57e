package repo

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/mentor-cli/mentor/internal/interrupt"
)

// DefaultLockTimeout is how long Lock waits for a held lock by default.
const DefaultLockTimeout = 5 * time.Second

// LockedError is returned when another process holds a file's lock for
// longer than the lock timeout.
type LockedError struct {
	File   string        // the file being edited, repo-relative
	Lock   string        // its lock file, repo-relative
	PID    int           // the holder's process id, 0 when unknown
	Age    time.Duration // how long it has held the lock, 0 when unknown
	Waited time.Duration
}

func (e *LockedError) Error() string {
	holder := "another mentor command"
	if e.PID > 0 {
		holder = fmt.Sprintf("another mentor command (pid %d", e.PID)
		if e.Age > 0 {
			holder += fmt.Sprintf(", for %s", e.Age.Round(time.Second))
		}
		holder += ")"
	}
	return fmt.Sprintf("%s is locked by %s: it is writing the file; waited %s. Run the command again once it is done; "+
		"if no mentor command is running, run it again with --break-lock (lock file: %s)", e.File, holder, e.Waited.Round(time.Millisecond), e.Lock)
}

// Lock takes the lock on a repo-relative file: FILE.lock in the same folder,
// held with an advisory lock of the operating system where there is one, so
// that a holder that dies releases it with its last breath. A lock another
// process holds is waited for, trying again after a short, growing and
// jittered pause, for up to r.LockTimeout; then it is a *LockedError that
// names the holder. With r.BreakLock a held lock is taken over. The
// returned function releases the lock and removes the lock file; an
// interrupt does the same.
func (r *Repo) Lock(rel string) (unlock func(), err error) {
	lock := rel + ".lock"
	timeout := r.LockTimeout
	if timeout == 0 {
		timeout = DefaultLockTimeout
	}
	start := clock()
	deadline := start.Add(timeout)
	wait := 2 * time.Millisecond
	broken := false
	for {
		release, held, err := r.tryLock(lock)
		if err != nil {
			return nil, r.lockProblem(rel, lock, err)
		}
		if !held {
			unregister := interrupt.Register(release)
			key := r.Abs(lock)
			holding.add(key, 1)
			return func() { holding.add(key, -1); unregister(); release() }, nil
		}
		if r.BreakLock && !broken {
			broken = true
			r.fs.Remove(filepath.FromSlash(lock))
			continue
		}
		if now := clock(); !now.Before(deadline) {
			pid, since := r.lockHolder(lock)
			le := &LockedError{File: rel, Lock: lock, PID: pid, Waited: now.Sub(start)}
			if !since.IsZero() {
				le.Age = now.Sub(since)
			}
			return nil, le
		}
		sleep(wait/2 + rand.N(wait))
		wait = min(2*wait, 100*time.Millisecond)
	}
}

// holding counts the locks this process holds, by lock file.
var holding = heldLocks{n: map[string]int{}}

type heldLocks struct {
	mu sync.Mutex
	n  map[string]int
}

func (h *heldLocks) add(key string, d int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.n[key] += d; h.n[key] <= 0 {
		delete(h.n, key)
	}
}

// Holds reports whether this process holds the lock on a repo-relative
// file: a step that needs the lock (a commit of the file) takes it only if
// the command does not hold it already, as taking it again would wait for
// itself.
func (r *Repo) Holds(rel string) bool {
	holding.mu.Lock()
	defer holding.mu.Unlock()
	return holding.n[r.Abs(rel+".lock")] > 0
}

// lockProblem says why a lock could not be taken, and what to do.
func (r *Repo) lockProblem(rel, lock string, err error) error {
	dir := filepath.ToSlash(filepath.Dir(lock))
	switch {
	case errors.Is(err, fs.ErrPermission):
		if _, lerr := r.fs.Lstat(filepath.FromSlash(lock)); lerr == nil {
			return usagef("cannot lock %s: permission denied opening its lock file %s, which another user's mentor command left: "+
				"give your user write access to it (or, if no mentor command is running, delete it) and run the command again", rel, lock)
		}
		return usagef("cannot lock %s: permission denied creating its lock file %s: give your user write access to the folder %s "+
			"(ls -ld %s shows who may write there) and run the command again; nothing was written", rel, lock, dir, dir)
	case errors.Is(err, syscall.EROFS):
		return usagef("cannot lock %s: the folder %s is on a read-only file system: mentor writes there only when it can; nothing was written", rel, dir)
	}
	return usagef("cannot lock %s: %s", rel, r.pathProblem(lock, err))
}

// clock and sleep are the time Lock sees and waits in; tests replace them.
var (
	clock = time.Now
	sleep = time.Sleep
)

// lockInfo is what a holder writes into its lock file.
func lockInfo() []byte {
	return []byte(fmt.Sprintf("%d\n%s\n", os.Getpid(), clock().UTC().Format(time.RFC3339)))
}

// lockHolder reads the pid and start time a lock file names.
func (r *Repo) lockHolder(lock string) (int, time.Time) {
	f, err := r.fs.OpenFile(filepath.FromSlash(lock), os.O_RDONLY|openNonBlock, 0)
	if err != nil {
		return 0, time.Time{}
	}
	defer f.Close()
	buf := make([]byte, 128)
	n, _ := f.Read(buf)
	lines := strings.Split(string(buf[:n]), "\n")
	pid, _ := strconv.Atoi(strings.TrimSpace(lines[0]))
	var since time.Time
	if len(lines) > 1 {
		since, _ = time.Parse(time.RFC3339, strings.TrimSpace(lines[1]))
	}
	return pid, since
}
