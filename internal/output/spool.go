package output

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"io"
)

// spoolMemory is how much a Spool keeps as it is before it compresses what
// it holds: a small programme's report is never compressed.
const spoolMemory = 1 << 20

// Spool keeps the bytes of a part of an output whose place comes after
// figures that are only known once every pair has been read (the report's
// rows come after its sums): as they are up to spoolMemory, then
// compressed (flate, fastest level), so that memory grows with the
// programme by a fraction of what the rows take. It stays in memory:
// mentor writes nothing outside the repo, not even a temporary file.
type Spool struct {
	mem  bytes.Buffer // the bytes as written, until spoolMemory
	comp *chunks      // past it, everything written, compressed
	fw   *flate.Writer
	held int   // the compressed buffer's capacity, as last told to Held
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
	if s.comp == nil {
		if s.mem.Len()+len(p) <= spoolMemory {
			return s.mem.Write(p)
		}
		s.comp = new(chunks)
		fw, err := flate.NewWriter(s.comp, flate.BestSpeed)
		if err != nil {
			s.err = err
			return 0, err
		}
		s.fw = fw
		if _, err := s.fw.Write(s.mem.Bytes()); err != nil {
			s.err = err
			return 0, err
		}
		s.mem = bytes.Buffer{}
	}
	n, err := s.fw.Write(p)
	if err != nil {
		s.err = err
	}
	s.tell()
	return n, err
}

// Held, when set, is told by how many bytes what the Spools hold aside grew
// (or shrank, when negative), so that a command's memory limit can count
// them as well as its pairs: else the collector would run ever more often
// as the rows grow towards the limit.
var Held func(delta int)

func (s *Spool) tell() {
	held := 0
	if s.comp != nil {
		held = s.comp.held()
	}
	if held != s.held && Held != nil {
		Held(held - s.held)
	}
	s.held = held
}

func (s *Spool) WriteString(p string) (int, error) {
	if s.comp == nil && s.err == nil && s.mem.Len()+len(p) <= spoolMemory {
		s.size += int64(len(p))
		return s.mem.WriteString(p)
	}
	return s.Write([]byte(p))
}

// Reader reads back what was written, from the start. Nothing may be
// written after it.
func (s *Spool) Reader() (io.Reader, error) {
	if s.err != nil {
		return nil, s.err
	}
	if s.comp == nil {
		return bytes.NewReader(s.mem.Bytes()), nil
	}
	if s.fw != nil {
		if err := s.fw.Close(); err != nil {
			s.err = err
			return nil, err
		}
		s.fw = nil
		s.tell()
	}
	return bufio.NewReaderSize(flate.NewReader(s.comp.reader()), 64<<10), nil
}

// WriteTo copies what was written to w.
func (s *Spool) WriteTo(w io.Writer) (int64, error) {
	r, err := s.Reader()
	if err != nil {
		return 0, err
	}
	return io.Copy(w, r)
}

// Len is how many bytes the Spool holds in memory.
func (s *Spool) Len() int {
	if s.comp != nil {
		return s.comp.held()
	}
	return s.mem.Len()
}

// Close drops what the Spool holds.
func (s *Spool) Close() error {
	s.mem = bytes.Buffer{}
	s.comp, s.fw = nil, nil
	s.tell()
	return nil
}

// chunks holds bytes in pieces of chunkSize: growing never copies what is
// held, nor holds twice its size as a doubling buffer would.
type chunks struct{ list [][]byte }

const chunkSize = 256 << 10

func (c *chunks) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if len(c.list) == 0 || len(c.list[len(c.list)-1]) == chunkSize {
			c.list = append(c.list, make([]byte, 0, chunkSize))
		}
		last := &c.list[len(c.list)-1]
		k := min(len(p), chunkSize-len(*last))
		*last = append(*last, p[:k]...)
		p = p[k:]
	}
	return n, nil
}

func (c *chunks) held() int { return len(c.list) * chunkSize }

func (c *chunks) reader() io.Reader {
	rs := make([]io.Reader, len(c.list))
	for i, b := range c.list {
		rs[i] = bytes.NewReader(b)
	}
	return io.MultiReader(rs...)
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
		cell, err := c.cell()
		if err != nil {
			return fmt.Errorf("reading back the rows kept aside: %w", err)
		}
		cells[i] = cell
	}
	return nil
}

// cell reads one cell written with appendCell.
func (c *cellReader) cell() (string, error) {
	n, err := binary.ReadUvarint(c.r)
	if err != nil {
		return "", err
	}
	if uint64(cap(c.buf)) < n {
		c.buf = make([]byte, n)
	}
	c.buf = c.buf[:n]
	if _, err := io.ReadFull(c.r, c.buf); err != nil {
		return "", err
	}
	return string(c.buf), nil
}
