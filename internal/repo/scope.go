package repo

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/mentor-cli/mentor/internal/diag"
)

// Scope reads many files of one folder of the repo — a pair's plan, record,
// notes and surveys — with the folder opened once: each read opens only
// what lies below it, as confined as Read (the folder is an os.Root of its
// own, inside the repo's). Anything a Scope cannot read the quick way (a
// path outside the folder, a symbolic link, an error) is read by the repo,
// so answers and messages are Read's and ReadDir's.
//
// The folder is listed once, on the first read: a name it does not hold
// (the notes/, survey/ and closure.md most pairs do not have yet) is
// answered as absent without a probe. A name that is there, in any case, is
// opened as before, so what is read and how it is confined do not change.
type Scope struct {
	r    *Repo
	dir  string // repo-relative, with /
	root *os.Root

	listed bool     // the folder was listed (or could not be)
	names  []string // its entries, when listing worked
	all    bool     // names holds every entry of the folder
}

// Scope opens a repo-relative folder for reading; Close releases it. A
// folder that cannot be opened leaves every read to the repo.
func (r *Repo) Scope(dir string) *Scope {
	s := &Scope{r: r, dir: dir}
	if sub, err := r.fs.OpenRoot(filepath.FromSlash(dir)); err == nil {
		s.root = sub
	}
	return s
}

// Close releases the folder.
func (s *Scope) Close() {
	if s.root != nil {
		s.root.Close()
	}
}

// inside returns the path of rel below the folder, and whether it is there.
func (s *Scope) inside(rel string) (string, bool) {
	if s.root == nil || !strings.HasPrefix(rel, s.dir+"/") {
		return "", false
	}
	return filepath.FromSlash(rel[len(s.dir)+1:]), true
}

// absent reports whether the folder surely holds nothing at the first
// element of name: its listing has no entry of that name in any case (on a
// file system that ignores case, "Plan.md" opens as plan.md).
func (s *Scope) absent(name string) bool {
	if !s.listed {
		s.listed = true
		if d, err := s.root.Open("."); err == nil {
			s.names, err = d.Readdirnames(-1)
			s.all = err == nil
			d.Close()
		}
	}
	if !s.all {
		return false
	}
	if i := strings.IndexAny(name, `/\`); i >= 0 {
		name = name[:i]
	}
	for _, n := range s.names {
		if n == name || strings.EqualFold(n, name) {
			return false
		}
	}
	return true
}

// notThere is the error of a name the listing does not hold, as the file
// system gives it.
func notThere(op, rel string) error {
	return &fs.PathError{Op: op, Path: rel, Err: syscall.ENOENT}
}

// Read reads a repo-relative file as Repo.Read does.
func (s *Scope) Read(rel string) ([]byte, *ReadProblem) {
	name, ok := s.inside(rel)
	if !ok {
		return s.r.Read(rel)
	}
	if s.absent(name) {
		return nil, missing(rel, notThere("open", rel))
	}
	f, err := s.root.OpenFile(name, os.O_RDONLY|openNonBlock, 0)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if _, lerr := s.root.Lstat(name); errors.Is(lerr, fs.ErrNotExist) {
				// Nothing there, not even a link, answered without a
				// second walk.
				return nil, missing(rel, err)
			}
		}
		return s.r.Read(rel)
	}
	defer f.Close()
	data, _, prob := readOpen(f, rel, false)
	return data, prob
}

// missing is the problem of a file that is not there.
func missing(rel string, err error) *ReadProblem {
	return &ReadProblem{&diag.Problem{File: rel, Line: 1, Severity: diag.Error,
		Message: "cannot read: no such file or directory"}, err}
}

// ReadDir lists a repo-relative folder as Repo.ReadDir does.
func (s *Scope) ReadDir(rel string) ([]fs.DirEntry, error) {
	name, ok := s.inside(rel)
	if !ok {
		return s.r.ReadDir(rel)
	}
	if s.absent(name) {
		return nil, notThere("open", rel)
	}
	d, err := s.root.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if _, lerr := s.root.Lstat(name); errors.Is(lerr, fs.ErrNotExist) {
				return nil, err
			}
		}
		return s.r.ReadDir(rel)
	}
	defer d.Close()
	entries, err := d.ReadDir(-1)
	if err != nil {
		return s.r.ReadDir(rel)
	}
	return entries, nil
}

// Lstat says what a repo-relative path is, without following a final link.
func (s *Scope) Lstat(rel string) (fs.FileInfo, error) {
	if name, ok := s.inside(rel); ok {
		if s.absent(name) {
			return nil, notThere("lstat", rel)
		}
		return s.root.Lstat(name)
	}
	return s.r.Lstat(rel)
}
