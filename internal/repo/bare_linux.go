package repo

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// bareFolder is a pair folder held as a bare descriptor (see Scope), and
// the last folder in it that was listed (notes/, survey/), kept open for
// the reads of the files just listed.
type bareFolder struct {
	fd      int
	open    bool
	sub     *os.File
	subName string
}

// openBare opens a repo-relative folder from its parent's descriptor,
// without following a link: a folder that is a link, or cannot be opened
// so, is left to the os.Root.
func (r *Repo) openBare(dir string) bareFolder {
	parent, base, ok := bareName(dir)
	if !ok {
		return bareFolder{}
	}
	pd := r.parent(parent)
	if pd == nil {
		return bareFolder{}
	}
	fd, err := openat(pd.fd, base, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC)
	if err != nil {
		return bareFolder{}
	}
	return bareFolder{fd: fd, open: true}
}

func (b *bareFolder) close() {
	b.closeSub()
	if b.open {
		unix.Close(b.fd)
		b.open = false
	}
}

func (b *bareFolder) closeSub() {
	if b.sub != nil {
		b.sub.Close()
		b.sub, b.subName = nil, ""
	}
}

// list lists name, a folder directly in the folder, opened without
// following a link, and keeps it open for reads below it: gone when
// nothing is there; neither gone nor ok when it cannot be listed so (a
// link, not a folder, an error), for the os.Root to answer.
func (b *bareFolder) list(name string) (entries []fs.DirEntry, gone, ok bool) {
	b.closeSub()
	fd, err := openat(b.fd, name, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC)
	if err != nil {
		return nil, errors.Is(err, unix.ENOENT), false
	}
	f := os.NewFile(uintptr(fd), name)
	entries, err = f.ReadDir(-1)
	if err != nil {
		f.Close()
		return nil, false, false
	}
	b.sub, b.subName = f, name
	return entries, false, true
}

// readSub reads sub/name, a file in the folder list opened last, as read
// reads a file directly in the folder; not ok when sub is not that folder.
func (b *bareFolder) readSub(sub, name string) (data []byte, gone, ok bool) {
	if b.sub == nil || sub != b.subName {
		return nil, false, false
	}
	return bareRead(int(b.sub.Fd()), name)
}

// openat is unix.Openat, again when a signal interrupts it.
func openat(dirfd int, name string, flags int) (int, error) {
	for {
		fd, err := unix.Openat(dirfd, name, flags, 0)
		if err != unix.EINTR {
			return fd, err
		}
	}
}

// absent reports whether nothing at all, not even a link, is at name in
// the folder; ok is false when the look-up failed otherwise.
func (b *bareFolder) absent(name string) (gone, ok bool) {
	var st unix.Stat_t
	for {
		err := unix.Fstatat(b.fd, name, &st, unix.AT_SYMLINK_NOFOLLOW)
		switch {
		case err == nil:
			return false, true
		case errors.Is(err, unix.ENOENT):
			return true, true
		case err != unix.EINTR:
			return false, false
		}
	}
}

// read reads name, a file directly in the folder, as Read would: gone when
// nothing is there, ok with its bytes when it is a regular file of at most
// MaxFileSize bytes of UTF-8 text; anything else (a link, which the open
// refuses, another kind of file, an error) is neither, for the repo to
// read and explain.
func (b *bareFolder) read(name string) (data []byte, gone, ok bool) { return bareRead(b.fd, name) }

// bareRead reads name in the folder dirfd holds, as bareFolder.read does.
func bareRead(dirfd int, name string) (data []byte, gone, ok bool) {
	fd, err := openat(dirfd, name, unix.O_RDONLY|unix.O_NOFOLLOW|unix.O_NONBLOCK|unix.O_CLOEXEC)
	if err != nil {
		return nil, errors.Is(err, unix.ENOENT), false
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil || st.Mode&unix.S_IFMT != unix.S_IFREG || st.Size > MaxFileSize {
		return nil, false, false
	}
	size := int(st.Size)
	buf := make([]byte, size+1) // +1 tells a file that grew past its size
	n := 0
	for n < len(buf) {
		m, err := unix.Read(fd, buf[n:])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, false, false
		}
		if m == 0 {
			break
		}
		n += m
		if n == size {
			break // all the file held when it was opened: no read for the end
		}
	}
	if n > MaxFileSize {
		return nil, false, false
	}
	data = buf[:n]
	if CheckText(data) != "" {
		return nil, false, false
	}
	return data, false, true
}

// holds reports whether sub is the folder listed last, still open.
func (b *bareFolder) holds(sub string) bool { return b.sub != nil && b.subName == sub }
