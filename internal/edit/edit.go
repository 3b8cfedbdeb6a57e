// Package edit changes a person's files the way they would by hand: each
// edit (a meeting, a progress note, a goal's state, a front-matter key, a
// check-in) is a pure function from the file's bytes to new bytes that
// changes nothing else — byte-order mark, line endings, comments, key order,
// unknown keys, a missing final newline all stay as they were. Apply is the
// one way such an edit reaches the disk: under the file's lock, atomically,
// and only if the file did not change since mentor read it.
package edit

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/aymanbagabas/go-udiff"
	"github.com/mentor-cli/mentor/internal/repo"
)

// Func is one edit: from the file's bytes (nil when it does not exist yet)
// to its new bytes.
type Func func(src []byte) ([]byte, error)

// Options say how to apply an edit.
type Options struct {
	// DryRun prints the change as a unified diff on Diff and writes nothing.
	DryRun bool
	Diff   io.Writer
	// Create lets the edit start from a file that does not exist yet.
	Create bool
}

// Result says what Apply did.
type Result struct {
	File    string // the file written (a link's target, repo-relative)
	Old     []byte // the bytes read
	New     []byte // the bytes written (or that would have been)
	Changed bool   // New differs from Old
	Written bool   // New is on disk
}

// Apply edits a repo-relative file: it takes the file's lock, reads it, runs
// the edit, and writes the result atomically — unless the file changed on
// disk between the read and the write (a *repo.ChangedError: nothing was
// written, nothing was lost), or the result is over the size mentor reads
// (a *repo.TooLargeError). A file that is a symbolic link inside the repo is
// edited where it leads, so the link stays a link.
func Apply(r *repo.Repo, rel string, f Func, opt Options) (Result, error) {
	file, err := Target(r, rel)
	if err != nil {
		return Result{File: rel}, err
	}
	res := Result{File: file}
	if !opt.DryRun {
		// A dry run writes nothing, not even a lock file: it works in a
		// repo the user may only read.
		unlock, err := r.Lock(file)
		if err != nil {
			return res, err
		}
		defer unlock()
	}

	// Read only once the lock is held: this is the copy to edit.
	src, stamp, prob := r.ReadStamped(file)
	if prob != nil {
		if !(prob.NotExist() && opt.Create) {
			return res, &ReadError{prob}
		}
		src = nil
	}
	out, err := f(src)
	if err != nil {
		return res, err
	}
	res.Old, res.New, res.Changed = src, out, !bytes.Equal(src, out) || !stamp.Exists
	if len(out) > repo.MaxFileSize {
		return res, &repo.TooLargeError{Path: file, Size: len(out)}
	}
	if opt.DryRun {
		if opt.Diff != nil {
			_, err = io.WriteString(opt.Diff, Diff(file, src, out))
		}
		return res, err
	}
	if !res.Changed {
		return res, nil
	}
	if err := r.Replace(file, out, stamp); err != nil {
		return res, err
	}
	res.Written = true
	return res, nil
}

// ReadError is a file an edit could not read.
type ReadError struct{ *repo.ReadProblem }

func (e *ReadError) Error() string {
	if e.NotExist() {
		return fmt.Sprintf("%s does not exist", e.File)
	}
	return e.Problem.String() + "; nothing was written"
}

// Diff is the unified diff from old to new, with a/ and b/ labels as git
// prints them; "" when they are the same.
func Diff(file string, old, new []byte) string {
	if bytes.Equal(old, new) {
		return ""
	}
	from := "a/" + file
	if old == nil {
		from = "/dev/null"
	}
	return udiff.Unified(from, "b/"+file, string(old), string(new))
}

// Target is the repo-relative file to edit in place of rel: rel itself, or,
// when rel is a symbolic link, the file it leads to inside the repo.
func Target(r *repo.Repo, rel string) (string, error) {
	st, err := r.Lstat(rel)
	if err != nil || st.Mode()&fs.ModeSymlink == 0 {
		return rel, nil
	}
	real, err := filepath.EvalSymlinks(r.Abs(rel))
	if err != nil {
		if strings.Contains(err.Error(), "too many links") {
			return "", &repo.UsageError{Msg: fmt.Sprintf("%s is a symbolic link loop: the links lead back to themselves (replace the link with the file); nothing was written", rel)}
		}
		return "", &repo.UsageError{Msg: fmt.Sprintf("%s is a symbolic link that leads nowhere (fix or remove the link); nothing was written", rel)}
	}
	if !r.Inside(real) {
		return "", &repo.UsageError{Msg: fmt.Sprintf("%s is a symbolic link to a file outside the repo; it is not edited (copy the file into the repo)", rel)}
	}
	return r.Rel(real), nil
}
