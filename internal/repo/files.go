package repo

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/interrupt"
)

// MaxFileSize is the largest file mentor reads, and the largest it writes.
const MaxFileSize = 1 << 20

// ReadProblem is why a file could not be read.
type ReadProblem struct {
	*diag.Problem
	err error
}

// NotExist reports whether the file is simply absent.
func (p *ReadProblem) NotExist() bool { return errors.Is(p.err, fs.ErrNotExist) }

func (p *ReadProblem) Unwrap() error { return p.err }

// escapes reports whether an os.Root refused a path because a symbolic link
// on it leads outside the root.
func escapes(err error) bool {
	return err != nil && strings.Contains(err.Error(), "path escapes from parent")
}

// inRoot runs op on a repo-relative path through the repo's os.Root. When
// the root refuses the path because a symbolic link on it is absolute (an
// os.Root follows only relative links), and the path still resolves to a
// place inside the repo, op runs once more on that place, again through the
// root.
func (r *Repo) inRoot(rel string, op func(name string) error) error {
	err := op(filepath.FromSlash(rel))
	if !escapes(err) {
		return err
	}
	real, rerr := filepath.EvalSymlinks(r.Abs(rel))
	if rerr != nil {
		// The last component may not exist yet (a write): resolve its folder.
		dir, derr := filepath.EvalSymlinks(r.Abs(path.Dir(rel)))
		if derr != nil {
			return err
		}
		real = filepath.Join(dir, path.Base(rel))
	}
	if !r.Inside(real) {
		return err
	}
	return op(filepath.FromSlash(r.Rel(real)))
}

// linkOutside names the first component of rel that is a symbolic link
// leading outside the repo, for messages; "" when none can be found.
func (r *Repo) linkOutside(rel string) string {
	parts := strings.Split(rel, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		st, err := os.Lstat(r.Abs(p))
		if err != nil {
			return ""
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		real, err := filepath.EvalSymlinks(r.Abs(p))
		if err != nil || !r.Inside(real) {
			return p
		}
	}
	return ""
}

// loopAt names the first component of rel that is a symbolic link whose
// links lead back to themselves, for messages; "" when none is.
func (r *Repo) loopAt(rel string) string {
	parts := strings.Split(rel, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		st, err := os.Lstat(r.Abs(p))
		if err != nil {
			return ""
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		if _, err := os.Stat(r.Abs(p)); errors.Is(err, syscall.ELOOP) {
			return p
		}
	}
	return ""
}

// pathProblem turns an error from the root into what to tell the user.
func (r *Repo) pathProblem(rel string, err error) string {
	switch {
	case escapes(err):
		link := r.linkOutside(rel)
		switch {
		case link == rel:
			if st, err := os.Stat(r.Abs(rel)); err == nil && st.IsDir() {
				return fmt.Sprintf("%s is a symbolic link to a place outside the repo; it is not followed (move what it holds into the repo)", rel)
			}
			return "symbolic link to a file outside the repo; it is not followed (copy the file into the repo)"
		case link != "":
			return fmt.Sprintf("%s is a symbolic link to a place outside the repo; it is not followed (move what it holds into the repo)", link)
		}
		return "the path leads outside the repo through a symbolic link; it is not followed"
	case errors.Is(err, syscall.ELOOP):
		if link := r.loopAt(rel); link != "" && link != rel {
			return fmt.Sprintf("%s is a symbolic link loop: its links lead back to themselves (replace the link with the folder it stands for)", link)
		}
		return "symbolic link loop: the links on this path lead back to themselves (replace the link with the file or folder it stands for)"
	case errors.Is(err, fs.ErrNotExist):
		if st, lerr := os.Lstat(r.Abs(rel)); lerr == nil && st.Mode()&fs.ModeSymlink != 0 {
			return "symbolic link leads nowhere: no such file or directory (fix or remove the link)"
		}
		return "cannot read: no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "cannot read: permission denied (give your user read access to the file)"
	}
	return fmt.Sprintf("cannot read: %v", unwrap(err))
}

// ReadExpected is Read: the repo has no cheaper way for a file that is
// usually there (a Scope has).
func (r *Repo) ReadExpected(rel string) ([]byte, *ReadProblem) { return r.Read(rel) }

// Read reads a repo-relative file, refusing what mentor must not read:
// files over 1 MiB, files that are not UTF-8 text, anything but a regular
// file, and any path a symbolic link leads outside the repo.
func (r *Repo) Read(rel string) ([]byte, *ReadProblem) {
	data, _, prob := r.read(rel, false)
	return data, prob
}

// Stamp is what a file looked like when mentor read it: an edit is only
// written if the file still looks the same just before the write.
type Stamp struct {
	Exists  bool
	Size    int64
	ModTime time.Time
	Sum     [sha256.Size]byte
}

// ReadStamped reads a file like Read and stamps what it read.
func (r *Repo) ReadStamped(rel string) ([]byte, Stamp, *ReadProblem) {
	return r.read(rel, true)
}

func (r *Repo) read(rel string, stamp bool) ([]byte, Stamp, *ReadProblem) {
	var f *os.File
	err := r.inRoot(rel, func(name string) error {
		var err error
		f, err = r.fs.OpenFile(name, os.O_RDONLY|openNonBlock, 0)
		return err
	})
	if err != nil {
		return nil, Stamp{}, &ReadProblem{&diag.Problem{File: rel, Line: 1, Severity: diag.Error, Message: r.pathProblem(rel, err)}, err}
	}
	defer f.Close()
	return readOpen(f, rel, stamp)
}

// readOpen reads an open file as Read does: regular, at most 1 MiB, UTF-8.
func readOpen(f *os.File, rel string, stamp bool) ([]byte, Stamp, *ReadProblem) {
	var st Stamp
	fail := func(err error, msg string) ([]byte, Stamp, *ReadProblem) {
		return nil, st, &ReadProblem{&diag.Problem{File: rel, Line: 1, Severity: diag.Error, Message: msg}, err}
	}
	info, err := f.Stat()
	if err != nil {
		return fail(err, fmt.Sprintf("cannot read: %v", unwrap(err)))
	}
	if !info.Mode().IsRegular() {
		return fail(nil, "not a regular file")
	}
	if info.Size() > MaxFileSize {
		return fail(nil, fmt.Sprintf("file is %d bytes, over the 1 MiB limit; it is skipped (split or shorten it)", info.Size()))
	}
	buf := make([]byte, info.Size()+1) // +1 tells a file that grew past its size
	n, err := io.ReadFull(f, buf)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return fail(err, fmt.Sprintf("cannot read: %v", unwrap(err)))
	}
	if n > MaxFileSize {
		return fail(nil, "file is over the 1 MiB limit; it is skipped (split or shorten it)")
	}
	data := buf[:n]
	if p := CheckText(data); p != "" {
		return fail(nil, p)
	}
	st = Stamp{Exists: true, Size: int64(n), ModTime: info.ModTime()}
	if stamp {
		st.Sum = sha256.Sum256(data)
	}
	return data, st, nil
}

// CheckText returns why data is not UTF-8 text, or "".
func CheckText(data []byte) string {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Sprintf("not a text file: it holds a NUL byte (at line %d); save it as UTF-8 text", 1+bytes.Count(data[:i], []byte{'\n'}))
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		return fmt.Sprintf("not UTF-8 text (invalid bytes at line %d); save it as UTF-8", 1+bytes.Count(data[:i], []byte{'\n'}))
	}
	return ""
}

// ReadDir lists a repo-relative folder, through the root.
func (r *Repo) ReadDir(rel string) ([]fs.DirEntry, error) {
	var entries []fs.DirEntry
	if err := r.EachDirEntry(rel, func(e fs.DirEntry) { entries = append(entries, e) }); err != nil {
		return nil, err
	}
	return entries, nil
}

// EachDirEntry calls fn with each entry of a repo-relative folder, in the
// order the system lists them, reading them a few hundred at a time: a
// folder of many pairs is never held whole as entries. Its errors are
// ReadDir's.
func (r *Repo) EachDirEntry(rel string, fn func(fs.DirEntry)) error {
	err := r.inRoot(rel, func(name string) error {
		d, err := r.fs.Open(name)
		if err != nil {
			return err
		}
		defer d.Close()
		for {
			entries, err := d.ReadDir(512)
			for _, e := range entries {
				fn(e)
			}
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
		}
	})
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if escapes(err) || errors.Is(err, syscall.ELOOP) {
			return usagef("cannot list %s: %s", rel, r.pathProblem(rel, err))
		}
		return usagef("cannot list %s: %v", rel, unwrap(err))
	}
	return nil
}

// Stat returns what a repo-relative path leads to, through the root.
func (r *Repo) Stat(rel string) (fs.FileInfo, error) {
	var st fs.FileInfo
	err := r.inRoot(rel, func(name string) error {
		var err error
		st, err = r.fs.Stat(name)
		return err
	})
	return st, err
}

// Lstat returns what a repo-relative path is, without following a link at
// its end.
func (r *Repo) Lstat(rel string) (fs.FileInfo, error) {
	return r.fs.Lstat(filepath.FromSlash(rel))
}

// MkdirAll makes a repo-relative folder and its parents, through the root.
func (r *Repo) MkdirAll(rel string) error {
	err := r.inRoot(rel, func(name string) error { return r.fs.MkdirAll(name, 0o755) })
	if err != nil {
		if escapes(err) || errors.Is(err, syscall.ELOOP) {
			return usagef("cannot create %s: %s", rel, r.pathProblem(rel, err))
		}
		return fmt.Errorf("cannot create folder %s: %v", rel, unwrap(err))
	}
	return nil
}

// Remove removes a repo-relative file or empty folder, through the root.
func (r *Repo) Remove(rel string) error {
	return r.inRoot(rel, func(name string) error { return r.fs.Remove(name) })
}

// writeData writes the new content into the temporary file. Tests replace
// it to make a write fail halfway, as a full disk would.
var writeData = func(f *os.File, data []byte) error {
	_, err := f.Write(data)
	return err
}

// ExistsError is returned when a write would replace a file and --force was not given.
type ExistsError struct{ Path string }

func (e *ExistsError) Error() string {
	return e.Path + " already exists; pass --force to replace it"
}

// ChangedError is returned when a file changed on disk between mentor's
// read and its write: nothing was written.
type ChangedError struct{ Path string }

func (e *ChangedError) Error() string {
	return fmt.Sprintf("%s: the file changed while mentor was writing it; nothing was lost; run it again (another program saved it after mentor read it, so mentor wrote nothing)", e.Path)
}

// TooLargeError is an edit that would make a file mentor refuses to read.
type TooLargeError struct {
	Path string
	Size int
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s would grow to %d bytes, over the 1 MiB mentor reads; nothing was written (move old meetings or notes to another file first)", e.Path, e.Size)
}

// beforeReplace runs between the check that a file is unchanged and the
// rename; tests use it to change the file at the worst moment.
var beforeReplace func(rel string)

// Write writes a repo-relative file atomically: the data goes to a
// temporary file in the same folder, which is then moved into place, so a
// crash leaves the old file or the new one, never half of one. Without force
// an existing file is never replaced.
func (r *Repo) Write(rel string, data []byte, force bool) error {
	return r.write(rel, data, force, nil)
}

// Replace writes an edit of a file read with ReadStamped: it is written only
// if the file still looks as it did then (else a *ChangedError). A zero
// stamp means the file did not exist and must still not.
func (r *Repo) Replace(rel string, data []byte, was Stamp) error {
	return r.write(rel, data, was.Exists, &was)
}

func (r *Repo) write(rel string, data []byte, force bool, was *Stamp) error {
	if len(data) > MaxFileSize {
		return &TooLargeError{rel, len(data)}
	}
	dir, base := path.Dir(rel), path.Base(rel)
	if err := r.MkdirAll(dir); err != nil {
		return err
	}
	// Resolve the folder once, so the temporary file, the check and the
	// rename all happen in the same place.
	real := rel
	_ = r.inRoot(dir, func(name string) error {
		real = path.Join(filepath.ToSlash(name), base)
		_, err := r.fs.Stat(name)
		return err
	})
	name := filepath.FromSlash(real)
	mode := os.FileMode(0o644)
	if st, err := r.fs.Stat(name); err == nil {
		if !force {
			return &ExistsError{rel}
		}
		mode = st.Mode().Perm() // an edit keeps the file's permissions
	} else if _, err := r.fs.Lstat(name); err == nil && !force {
		return &ExistsError{rel} // a dangling symbolic link is still in the way
	}
	tmp, tmpName, err := r.createTemp(path.Dir(real), base)
	if err != nil {
		return fmt.Errorf("cannot write %s: %v", rel, unwrap(err))
	}
	unregister := interrupt.Register(func() { r.fs.Remove(tmpName) })
	defer unregister()
	clean := func() { tmp.Close(); r.fs.Remove(tmpName) }
	if err := writeData(tmp, data); err != nil {
		clean()
		return fmt.Errorf("cannot write %s: %v", rel, unwrap(err))
	}
	if err := tmp.Sync(); err != nil {
		clean()
		return fmt.Errorf("cannot write %s: %v", rel, unwrap(err))
	}
	if err := tmp.Close(); err != nil {
		r.fs.Remove(tmpName)
		return fmt.Errorf("cannot write %s: %v", rel, unwrap(err))
	}
	if err := r.fs.Chmod(tmpName, mode); err != nil {
		r.fs.Remove(tmpName)
		return fmt.Errorf("cannot write %s: %v", rel, unwrap(err))
	}
	return interrupt.Critical(func() error {
		if was != nil {
			if beforeReplace != nil {
				beforeReplace(rel)
			}
			if !r.same(name, *was) {
				r.fs.Remove(tmpName)
				return &ChangedError{rel}
			}
		}
		var err error
		if force {
			err = r.fs.Rename(tmpName, name)
		} else {
			// A hard link fails when the target exists: no-clobber even if
			// another process created the file since the check above.
			err = r.fs.Link(tmpName, name)
			switch {
			case err == nil:
				r.fs.Remove(tmpName)
			case errors.Is(err, fs.ErrExist):
				r.fs.Remove(tmpName)
				return &ExistsError{rel}
			default:
				if _, serr := r.fs.Lstat(name); serr == nil {
					r.fs.Remove(tmpName)
					return &ExistsError{rel}
				}
				err = r.fs.Rename(tmpName, name) // file systems without hard links
			}
		}
		if err != nil {
			r.fs.Remove(tmpName)
			return fmt.Errorf("cannot write %s: %v", rel, unwrap(err))
		}
		return nil
	})
}

// same reports whether the file at name still looks as stamped.
func (r *Repo) same(name string, was Stamp) bool {
	f, err := r.fs.OpenFile(name, os.O_RDONLY|openNonBlock, 0)
	if err != nil {
		return !was.Exists && errors.Is(err, fs.ErrNotExist)
	}
	defer f.Close()
	if !was.Exists {
		return false
	}
	st, err := f.Stat()
	if err != nil || st.Size() != was.Size || !st.ModTime().Equal(was.ModTime) {
		return false
	}
	h := sha256.New()
	if _, err := io.Copy(h, io.LimitReader(f, MaxFileSize+1)); err != nil {
		return false
	}
	var sum [sha256.Size]byte
	copy(sum[:], h.Sum(nil))
	return sum == was.Sum
}

// createTemp makes a new temporary file .BASE.N.tmp in a repo-relative
// folder, through the root.
func (r *Repo) createTemp(dir, base string) (*os.File, string, error) {
	var err error
	for i := 0; i < 100; i++ {
		name := filepath.FromSlash(path.Join(dir, fmt.Sprintf(".%s.%d%d.tmp", base, os.Getpid(), nextTemp())))
		var f *os.File
		f, err = r.fs.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err == nil {
			return f, name, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	return nil, "", err
}

var tempCount atomic.Int64

func nextTemp() int64 { return tempCount.Add(1) }
