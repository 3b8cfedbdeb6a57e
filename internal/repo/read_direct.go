//go:build linux || darwin || freebsd || netbsd || openbsd

package repo

import (
	"io/fs"
	"syscall"
)

// readDirect reads the common case — a regular file of at most MaxFileSize
// bytes that is not a symbolic link — with one open, one fstat and one read,
// where the general path needs an lstat, an open, a poller registration and
// two reads. It reports ok only when it read the file; notExist when there is
// no such file. Everything else (links, folders, big files, errors) is left
// to the general path, so that every message stays the same.
func readDirect(abs string) (data []byte, ok bool, notExist error) {
	fd, err := syscall.Open(abs, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	for err == syscall.EINTR {
		fd, err = syscall.Open(abs, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	}
	if err == syscall.ENOENT {
		return nil, false, &fs.PathError{Op: "lstat", Path: abs, Err: err}
	}
	if err != nil {
		return nil, false, nil
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG || st.Size > MaxFileSize {
		return nil, false, nil
	}
	buf := make([]byte, st.Size)
	n := 0
	for n < len(buf) {
		m, err := syscall.Read(fd, buf[n:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, false, nil
		}
		if m == 0 {
			break // the file shrank: what is there is the file
		}
		n += m
	}
	return buf[:n], true, nil
}
