//go:build unix

package repo

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
)

// tryLock opens the lock file and takes flock(2) on it without waiting.
// held reports that another process has it. The lock file is removed on
// release; a process that opened it just before then finds, once it holds
// the lock, that the file it holds is no longer the one at the path, and
// tries again.
func (r *Repo) tryLock(lock string) (release func(), held bool, err error) {
	name := filepath.FromSlash(lock)
	f, err := openLock(r, name)
	if err != nil {
		return nil, false, err
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err != syscall.EINTR {
			break
		}
	}
	if errors.Is(err, syscall.EWOULDBLOCK) {
		f.Close()
		return nil, true, nil
	}
	if err != nil {
		f.Close()
		return nil, false, err
	}
	mine, err1 := f.Stat()
	there, err2 := r.fs.Lstat(name)
	if err1 != nil || err2 != nil || !os.SameFile(mine, there) {
		f.Close()
		return r.tryLock(lock)
	}
	f.Truncate(0)
	f.WriteAt(lockInfo(), 0)
	return func() {
		r.fs.Remove(name)
		f.Close()
	}, false, nil
}

// openLock opens (or creates) a lock file; tests replace it to make it
// fail as it does for a user without write access.
var openLock = func(r *Repo, name string) (*os.File, error) {
	return r.fs.OpenFile(name, os.O_CREATE|os.O_RDWR|syscall.O_NOFOLLOW, 0o644)
}
