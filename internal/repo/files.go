package repo

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"unicode/utf8"

	"github.com/mentor-cli/mentor/internal/diag"
)

// MaxFileSize is the largest file mentor reads.
const MaxFileSize = 1 << 20

// ReadProblem is why a file could not be read.
type ReadProblem struct {
	*diag.Problem
	err error
}

// NotExist reports whether the file is simply absent.
func (p *ReadProblem) NotExist() bool { return errors.Is(p.err, fs.ErrNotExist) }

func (p *ReadProblem) Unwrap() error { return p.err }

// Read reads a repo-relative file, refusing what mentor must not read: files
// over 1 MiB, files that are not UTF-8 text, and symbolic links that lead
// outside the repo.
func (r *Repo) Read(rel string) ([]byte, *ReadProblem) {
	fail := func(err error, format string, args ...any) ([]byte, *ReadProblem) {
		return nil, &ReadProblem{&diag.Problem{File: rel, Severity: diag.Error, Message: fmt.Sprintf(format, args...)}, err}
	}
	abs := r.Abs(rel)
	if data, ok, notExist := readDirect(abs); ok {
		if p := CheckText(data); p != "" {
			return fail(nil, "%s", p)
		}
		return data, nil
	} else if notExist != nil {
		return fail(notExist, "cannot read: %v", unwrap(notExist))
	}
	st, err := os.Lstat(abs)
	if err != nil {
		return fail(err, "cannot read: %v", unwrap(err))
	}
	if st.Mode()&fs.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(abs)
		if err != nil {
			return fail(err, "symbolic link leads nowhere: %v", unwrap(err))
		}
		if !r.Inside(target) {
			return fail(nil, "symbolic link to a file outside the repo; it is not followed (copy the file into the repo)")
		}
		if st, err = os.Stat(target); err != nil {
			return fail(err, "cannot read: %v", unwrap(err))
		}
		abs = target
	}
	if !st.Mode().IsRegular() {
		return fail(nil, "not a regular file")
	}
	if st.Size() > MaxFileSize {
		return fail(nil, "file is %d bytes, over the 1 MiB limit; it is skipped (split or shorten it)", st.Size())
	}
	f, err := os.Open(abs)
	if err != nil {
		return fail(err, "cannot read: %v", unwrap(err))
	}
	defer f.Close()
	buf := make([]byte, st.Size()+1) // +1 tells a file that grew past its size
	n, err := io.ReadFull(f, buf)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return fail(err, "cannot read: %v", unwrap(err))
	}
	if n > MaxFileSize {
		return fail(nil, "file is over the 1 MiB limit; it is skipped (split or shorten it)")
	}
	data := buf[:n]
	if p := CheckText(data); p != "" {
		return fail(nil, "%s", p)
	}
	return data, nil
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

// Write writes a repo-relative file atomically: the data goes to a
// temporary file in the same folder, which is then moved into place, so a
// crash leaves the old file or the new one, never half of one. Without force
// an existing file is never replaced.
func (r *Repo) Write(rel string, data []byte, force bool) error {
	return WriteFile(r.Abs(rel), rel, data, force)
}

// WriteFile is Write for an absolute path; name is used in errors.
func WriteFile(abs, name string, data []byte, force bool) error {
	dir := filepath.Dir(abs)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create folder for %s: %v", name, unwrap(err))
	}
	mode := os.FileMode(0o644)
	if st, err := os.Stat(abs); err == nil {
		if !force {
			return &ExistsError{name}
		}
		mode = st.Mode().Perm() // an edit keeps the file's permissions
	} else if _, err := os.Lstat(abs); err == nil && !force {
		return &ExistsError{name} // a dangling symbolic link is still in the way
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(abs)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write %s: %v", name, unwrap(err))
	}
	clean := func() { tmp.Close(); os.Remove(tmp.Name()) }
	if err := writeData(tmp, data); err != nil {
		clean()
		return fmt.Errorf("cannot write %s: %v", name, unwrap(err))
	}
	if err := tmp.Sync(); err != nil {
		clean()
		return fmt.Errorf("cannot write %s: %v", name, unwrap(err))
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("cannot write %s: %v", name, unwrap(err))
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("cannot write %s: %v", name, unwrap(err))
	}
	if force {
		err = os.Rename(tmp.Name(), abs)
	} else {
		// A hard link fails when the target exists: no-clobber even if
		// another process created the file since the check above.
		err = os.Link(tmp.Name(), abs)
		if err == nil {
			os.Remove(tmp.Name())
		} else if errors.Is(err, fs.ErrExist) {
			os.Remove(tmp.Name())
			return &ExistsError{name}
		} else if _, serr := os.Lstat(abs); serr == nil {
			os.Remove(tmp.Name())
			return &ExistsError{name}
		} else {
			err = os.Rename(tmp.Name(), abs) // file systems without hard links
		}
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("cannot write %s: %v", name, unwrap(err))
	}
	return nil
}
