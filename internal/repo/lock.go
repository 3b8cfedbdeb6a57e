package repo

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"time"
)

// LockedError is returned when another process holds a file's lock.
type LockedError struct {
	File string // the file being edited, repo-relative
	Lock string // its lock file, repo-relative
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("%s is locked by %s: another mentor command is writing it; retry in a moment, "+
		"or delete %s if no mentor command is running (a crash can leave it behind)", e.File, e.Lock, e.Lock)
}

// LockTimeout is how long Lock waits for a held lock before it gives up.
var LockTimeout = 5 * time.Second

// Lock takes the lock on a repo-relative file, as git does: it creates
// FILE.lock in the same folder, exclusively, and the returned function
// removes it. A lock another process holds is waited for, trying again
// after a short, growing and jittered pause, for up to LockTimeout; then it
// is reported as a *LockedError.
func (r *Repo) Lock(rel string) (unlock func(), err error) {
	lock := rel + ".lock"
	abs := r.Abs(lock)
	deadline := time.Now().Add(LockTimeout)
	wait := 2 * time.Millisecond
	for {
		f, err := os.OpenFile(abs, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			fmt.Fprintf(f, "%d\n", os.Getpid())
			f.Close()
			return func() { os.Remove(abs) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, &UsageError{fmt.Sprintf("cannot lock %s: %v", rel, unwrap(err))}
		}
		if !time.Now().Before(deadline) {
			return nil, &LockedError{File: rel, Lock: lock}
		}
		time.Sleep(wait/2 + rand.N(wait))
		wait = min(2*wait, 100*time.Millisecond)
	}
}
