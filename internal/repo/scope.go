package repo

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
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
// Most of what a pair's commands ask for is not there (closure.md, notes/
// and survey/ before the pair ends): a name is looked up once, without
// following links, before it is opened, so that its absence costs one
// system call and no error from the open. Listing the folder instead costs
// more than the look-ups it saves (getdents on ext4: about 10 µs a folder
// against 1.5 µs a look-up, measured on the generated programme).
//
// Where the system allows it (Linux), the folder is also held as a bare
// descriptor, opened from its parent's without following a link, and a
// file directly in it (plan.md, closure.md) is opened from that
// descriptor without following a link, checked and read with four system
// calls and no os.File: what the os.Root would answer, for less than half
// the system calls. Anything else about such a file (a link, not a
// regular file, too large, not text, an error) is read again by the repo,
// for its message. The os.Root is then opened only when a deeper path is
// asked for (notes/, survey/).
type Scope struct {
	r         *Repo
	dir       string // repo-relative, with /
	root      *os.Root
	rootTried bool
	bare      bareFolder
}

// Scope opens a repo-relative folder for reading; Close releases it. A
// folder that cannot be opened leaves every read to the repo.
func (r *Repo) Scope(dir string) *Scope {
	s := &Scope{r: r, dir: dir}
	if s.bare = r.openBare(dir); !s.bare.open {
		s.folder()
	}
	return s
}

// folder is the folder's os.Root, opened at the first call; nil when it
// cannot be opened.
func (s *Scope) folder() *os.Root {
	if !s.rootTried {
		s.rootTried = true
		if sub, err := s.r.openFolder(s.dir); err == nil {
			s.root = sub
		}
	}
	return s.root
}

// opened reports whether the folder could be opened, one way or the other.
func (s *Scope) opened() bool { return s.bare.open || s.folder() != nil }

// folderRoots are the folders that hold pair folders (pairs/), each opened
// once as an os.Root inside the repo's, and kept for the Repo's life as
// the repo's own root is: a pair folder is then opened with one system
// call from its parent, not walked to from the repo's root.
type folderRoots struct {
	m     sync.Map // repo-relative folder → *os.Root, or nil when it cannot be opened
	files sync.Map // repo-relative folder → *parentDir, or nil when it cannot be opened; for bare reads
}

// openFolder opens a repo-relative folder as an os.Root, from its parent
// folder's root when the parent can be opened: as confined as opening it
// from the repo's root, since the parent's root is itself opened from it.
func (r *Repo) openFolder(dir string) (*os.Root, error) {
	parent, base := path.Split(dir)
	parent = strings.TrimSuffix(parent, "/")
	if r.folders == nil || parent == "" || base == "" || base == "." || base == ".." {
		return r.fs.OpenRoot(filepath.FromSlash(dir))
	}
	v, ok := r.folders.m.Load(parent)
	if !ok {
		root, err := r.fs.OpenRoot(filepath.FromSlash(parent))
		if err != nil {
			root = nil
		}
		var loaded bool
		if v, loaded = r.folders.m.LoadOrStore(parent, root); loaded && root != nil {
			root.Close() // another reader opened it first
		}
	}
	if root, _ := v.(*os.Root); root != nil {
		return root.OpenRoot(base)
	}
	return r.fs.OpenRoot(filepath.FromSlash(dir))
}

// Close releases the folder.
func (s *Scope) Close() {
	if s.root != nil {
		s.root.Close()
	}
	s.bare.close()
}

// inside returns the path of rel below the folder, and whether it is there.
func (s *Scope) inside(rel string) (string, bool) {
	if len(rel) <= len(s.dir)+1 || rel[len(s.dir)] != '/' || !strings.HasPrefix(rel, s.dir) || !s.opened() {
		return "", false
	}
	return filepath.FromSlash(rel[len(s.dir)+1:]), true
}

// direct reports whether name, a path below the folder, is a file directly
// in it that the bare descriptor can open.
func (s *Scope) direct(name string) bool {
	return s.bare.open && name != "." && name != ".." && !strings.ContainsRune(name, filepath.Separator)
}

// listed reports whether name is a file in the folder the bare descriptor
// listed last.
func (s *Scope) listed(name string) bool {
	dir, _, ok := s.sub(name)
	return ok && s.bare.holds(dir)
}

// absent reports whether nothing at all, not even a link, is at name below
// the folder.
func (s *Scope) absent(name string) bool {
	if s.direct(name) {
		if gone, ok := s.bare.absent(name); ok {
			return gone
		}
	}
	root := s.folder()
	if root == nil {
		return false
	}
	_, err := root.Lstat(name)
	return errors.Is(err, fs.ErrNotExist)
}

// notThere is the error of a name that is not there.
func notThere(op, rel string) error {
	return &fs.PathError{Op: op, Path: rel, Err: syscall.ENOENT}
}

// Read reads a repo-relative file as Repo.Read does.
func (s *Scope) Read(rel string) ([]byte, *ReadProblem) {
	name, ok := s.inside(rel)
	if !ok {
		return s.r.Read(rel)
	}
	if s.direct(name) || s.listed(name) {
		return s.readBare(rel, name)
	}
	if s.absent(name) {
		// Nothing there, not even a link: the common "no closure record
		// yet", answered without a walk from the repo's root.
		return nil, missing(rel, notThere("open", rel))
	}
	return s.open(rel, name)
}

// ReadExpected is Read for a file that is usually there (a pair's plan.md):
// it is opened first, and only an open that fails is looked into.
func (s *Scope) ReadExpected(rel string) ([]byte, *ReadProblem) {
	name, ok := s.inside(rel)
	if !ok {
		return s.r.Read(rel)
	}
	if s.direct(name) || s.listed(name) {
		return s.readBare(rel, name)
	}
	root := s.folder()
	if root == nil {
		return s.r.Read(rel)
	}
	f, err := root.OpenFile(name, os.O_RDONLY|openNonBlock, 0)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && s.absent(name) {
			return nil, missing(rel, err)
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

// open reads name below the folder, or, when the folder cannot open it
// (a link, an error), rel through the repo.
func (s *Scope) open(rel, name string) ([]byte, *ReadProblem) {
	root := s.folder()
	if root == nil {
		return s.r.Read(rel)
	}
	f, err := root.OpenFile(name, os.O_RDONLY|openNonBlock, 0)
	if err != nil {
		return s.r.Read(rel)
	}
	defer f.Close()
	data, _, prob := readOpen(f, rel, false)
	return data, prob
}

// ReadDir lists a repo-relative folder as Repo.ReadDir does.
func (s *Scope) ReadDir(rel string) ([]fs.DirEntry, error) {
	name, ok := s.inside(rel)
	if !ok {
		return s.r.ReadDir(rel)
	}
	if s.direct(name) {
		entries, gone, ok := s.bare.list(name)
		switch {
		case gone:
			return nil, notThere("open", rel)
		case ok:
			return entries, nil
		}
	}
	if s.absent(name) {
		return nil, notThere("open", rel)
	}
	root := s.folder()
	if root == nil {
		return s.r.ReadDir(rel)
	}
	d, err := root.Open(name)
	if err != nil {
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
		if root := s.folder(); root != nil {
			return root.Lstat(name)
		}
	}
	return s.r.Lstat(rel)
}

// sub splits name, a path below the folder, into a folder directly in it
// and a file directly in that, when the bare descriptor holds that folder
// open (it was listed last).
func (s *Scope) sub(name string) (dir, file string, ok bool) {
	if !s.bare.open {
		return "", "", false
	}
	i := strings.IndexRune(name, filepath.Separator)
	if i <= 0 || strings.ContainsRune(name[i+1:], filepath.Separator) {
		return "", "", false
	}
	dir, file = name[:i], name[i+1:]
	if file == "" || file == "." || file == ".." {
		return "", "", false
	}
	return dir, file, true
}

// readBare reads a file directly in the folder, or in the folder listed
// last, through the bare descriptors; what they cannot answer the repo
// reads, for its message.
func (s *Scope) readBare(rel, name string) ([]byte, *ReadProblem) {
	var data []byte
	var gone, ok bool
	if dir, file, isSub := s.sub(name); isSub {
		data, gone, ok = s.bare.readSub(dir, file)
	} else {
		data, gone, ok = s.bare.read(name)
	}
	switch {
	case gone:
		return nil, missing(rel, notThere("open", rel))
	case ok:
		return data, nil
	}
	return s.r.Read(rel)
}

// parentDir is the parent folder of pair folders as an open file.
type parentDir struct {
	f  *os.File
	fd int
}

// parent is a folder that holds pair folders as an open file, opened once
// through the repo's root and kept for the Repo's life, or nil.
func (r *Repo) parent(dir string) *parentDir {
	if r.folders == nil {
		return nil
	}
	v, ok := r.folders.files.Load(dir)
	if !ok {
		var pd *parentDir
		if f, err := r.fs.Open(filepath.FromSlash(dir)); err == nil {
			pd = &parentDir{f: f, fd: int(f.Fd())}
		}
		var loaded bool
		if v, loaded = r.folders.files.LoadOrStore(dir, pd); loaded && pd != nil {
			pd.f.Close()
		}
	}
	pd, _ := v.(*parentDir)
	return pd
}

// bareName splits a repo-relative folder into its parent and a last
// component that names an entry of it, or says it cannot.
func bareName(dir string) (parent, base string, ok bool) {
	parent, base = path.Split(dir)
	parent = strings.TrimSuffix(parent, "/")
	if parent == "" || base == "" || base == "." || base == ".." {
		return "", "", false
	}
	return parent, base, true
}
