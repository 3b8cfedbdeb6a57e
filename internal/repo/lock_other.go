//go:build !unix

package repo

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// tryLock creates the lock file exclusively, as git does, where the
// operating system has no flock(2). A holder that dies leaves the file
// behind; the LockedError names it and --break-lock clears it.
func (r *Repo) tryLock(lock string) (release func(), held bool, err error) {
	name := filepath.FromSlash(lock)
	f, err := r.fs.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, true, nil
	}
	if err != nil {
		return nil, false, err
	}
	f.Write(lockInfo())
	f.Close()
	return func() { r.fs.Remove(name) }, false, nil
}
