package output

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"runtime"
)

// spoolMemory is how much a Spool keeps in memory before it moves to a
// temporary file: a small programme's report never touches the disk.
const spoolMemory = 1 << 20

// Spool keeps the bytes of a part of an output whose place comes after
// figures that are only known once every pair has been read (the report's
// rows come after its sums): in memory up to spoolMemory, then in a
// temporary file, so that memory does not grow with the programme. Close
// removes the file.
type Spool struct {
	mem  bytes.Buffer
	file *os.File
	w    *bufio.Writer
	n    int   // records written, for the writer's own use
	size int64 // bytes written
	err  error
}

// Size is how many bytes were written.
func (s *Spool) Size() int64 { return s.size }

func (s *Spool) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	s.size += int64(len(p))
	if s.file == nil {
		if s.mem.Len()+len(p) <= spoolMemory {
			return s.mem.Write(p)
		}
		f, err := os.CreateTemp("", "mentor-report-*")
		if err != nil {
			s.err = fmt.Errorf("cannot keep the report's rows in a temporary file while it sums up the pairs: %w; set TMPDIR to a folder mentor can write to", err)
			return 0, s.err
		}
		if runtime.GOOS != "windows" {
			// Gone from the folder at once, so that nothing is left
			// behind if the process is stopped; the open file stays.
			_ = os.Remove(f.Name())
		}
		s.file, s.w = f, bufio.NewWriterSize(f, 64<<10)
		if _, err := s.w.Write(s.mem.Bytes()); err != nil {
			s.err = s.fileErr(err)
			return 0, s.err
		}
		s.mem = bytes.Buffer{}
	}
	n, err := s.w.Write(p)
	if err != nil {
		s.err = s.fileErr(err)
	}
	return n, s.err
}

func (s *Spool) WriteString(p string) (int, error) {
	if s.file == nil && s.err == nil && s.mem.Len()+len(p) <= spoolMemory {
		s.size += int64(len(p))
		return s.mem.WriteString(p)
	}
	return s.Write([]byte(p))
}

func (s *Spool) fileErr(err error) error {
	return fmt.Errorf("%s: cannot write the report's rows aside: %w; free some disk space or set TMPDIR to another folder", s.file.Name(), err)
}

// Reader reads back what was written, from the start.
func (s *Spool) Reader() (io.Reader, error) {
	if s.err != nil {
		return nil, s.err
	}
	if s.file == nil {
		return bytes.NewReader(s.mem.Bytes()), nil
	}
	if err := s.w.Flush(); err != nil {
		return nil, s.fileErr(err)
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return nil, s.fileErr(err)
	}
	return bufio.NewReaderSize(s.file, 64<<10), nil
}

// WriteTo copies what was written to w.
func (s *Spool) WriteTo(w io.Writer) (int64, error) {
	r, err := s.Reader()
	if err != nil {
		return 0, err
	}
	return io.Copy(w, r)
}

// Close drops what the Spool holds and removes its file.
func (s *Spool) Close() error {
	s.mem = bytes.Buffer{}
	if s.file == nil {
		return nil
	}
	name := s.file.Name()
	err := s.file.Close()
	s.file = nil
	if rerr := os.Remove(name); rerr != nil && !os.IsNotExist(rerr) && err == nil {
		err = rerr
	}
	return err
}

// appendCell appends a cell to a record of cells kept in a Spool: its
// length, then its bytes, so that any text fits.
func appendCell(b []byte, cell string) []byte {
	b = binary.AppendUvarint(b, uint64(len(cell)))
	return append(b, cell...)
}

// cellReader reads back records of cells written with appendCell.
type cellReader struct {
	r   *bufio.Reader
	buf []byte
}

func newCellReader(r io.Reader) *cellReader {
	if br, ok := r.(*bufio.Reader); ok {
		return &cellReader{r: br}
	}
	return &cellReader{r: bufio.NewReader(r)}
}

// read fills cells with the next record's cells.
func (c *cellReader) read(cells []string) error {
	for i := range cells {
		n, err := binary.ReadUvarint(c.r)
		if err != nil {
			return fmt.Errorf("reading back the rows kept aside: %w", err)
		}
		if uint64(cap(c.buf)) < n {
			c.buf = make([]byte, n)
		}
		c.buf = c.buf[:n]
		if _, err := io.ReadFull(c.r, c.buf); err != nil {
			return fmt.Errorf("reading back the rows kept aside: %w", err)
		}
		cells[i] = string(c.buf)
	}
	return nil
}
