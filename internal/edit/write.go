package edit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"

	"github.com/mentor-cli/mentor/internal/repo"
)

// WriteOptions say how Write puts a whole file in place.
type WriteOptions struct {
	// Force replaces an existing file (its writing is kept as FILE.bak).
	Force bool
	// DryRun prints the change as a unified diff on Diff and writes nothing.
	DryRun bool
	Diff   io.Writer
}

// Written says what Write did.
type Written struct {
	File    string // the file written (a link's target, repo-relative)
	Backup  string // the FILE.bak that keeps the old file's writing; "" for none
	Existed bool   // the file was there before
	Changed bool   // the new bytes differ from the old
	Written bool   // the new bytes are on disk
}

var todoWord = regexp.MustCompile(`\bTODO\b`)

// HoldsWriting reports whether a file mentor made holds a person's writing:
// it is not empty and no TODO is left in it. A record or an agenda that
// people have finished is worth keeping before --force replaces it.
func HoldsWriting(old []byte) bool {
	return len(bytes.TrimSpace(old)) > 0 && !todoWord.Match(old)
}

// Write writes a whole file that mentor makes (an agenda, a closure record):
// a new one, or with Force in place of the old one. When the old file holds
// a person's writing (HoldsWriting), it is first kept beside it as
// FILE.bak — FILE.bak.2, .3… when that is taken by other bytes — so that
// --force never loses what people wrote. It works under the file's lock,
// and refuses (a *repo.ChangedError, nothing written, no backup left) when
// the file changed between mentor's read and its write. Without Force an
// existing file is a *repo.ExistsError.
func Write(r *repo.Repo, rel string, data []byte, opt WriteOptions) (Written, error) {
	file, err := Target(r, rel)
	if err != nil {
		return Written{File: rel}, err
	}
	w := Written{File: file}
	if !opt.DryRun {
		if err := r.MkdirAll(path.Dir(file)); err != nil {
			return w, err
		}
		unlock, err := r.Lock(file)
		if err != nil {
			return w, err
		}
		defer unlock()
	}

	old, stamp, prob := r.ReadStamped(file)
	switch {
	case prob != nil && prob.NotExist():
		old = nil
	case prob != nil:
		return w, &ReadError{prob}
	default:
		w.Existed = true
	}
	if w.Existed && !opt.Force {
		return w, &repo.ExistsError{Path: file}
	}
	w.Changed = !w.Existed || !bytes.Equal(old, data)
	if opt.DryRun {
		if opt.Diff != nil {
			_, err = io.WriteString(opt.Diff, Diff(file, old, data))
		}
		return w, err
	}
	if !w.Changed {
		return w, nil
	}
	if w.Existed && HoldsWriting(old) {
		if w.Backup, err = keepBackup(r, file, old); err != nil {
			return w, err
		}
	}
	if err := r.Replace(file, data, stamp); err != nil {
		var changed *repo.ChangedError
		if errors.As(err, &changed) && w.Backup != "" {
			_ = r.Remove(w.Backup) // it keeps bytes that are no longer the file's
			w.Backup = ""
		}
		return w, err
	}
	w.Written = true
	return w, nil
}

// keepBackup writes old as FILE.bak, or the first FILE.bak.N free; a
// backup that already holds the same bytes is used again.
func keepBackup(r *repo.Repo, file string, old []byte) (string, error) {
	for n := 1; n <= 100; n++ {
		name := file + ".bak"
		if n > 1 {
			name = fmt.Sprintf("%s.bak.%d", file, n)
		}
		err := r.Write(name, old, false)
		var exists *repo.ExistsError
		if !errors.As(err, &exists) {
			if err != nil {
				return "", fmt.Errorf("cannot keep the old %s as %s (%v); nothing was written", file, name, err)
			}
			return name, nil
		}
		if have, prob := r.Read(name); prob == nil && bytes.Equal(have, old) {
			return name, nil
		}
	}
	return "", fmt.Errorf("cannot keep the old %s: %s.bak and 99 more backups exist; remove some, then run this again; nothing was written", file, file)
}
