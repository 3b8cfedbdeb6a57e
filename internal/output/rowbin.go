package output

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"time"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/nullable"
	"github.com/mentor-cli/mentor/internal/report"
	"github.com/mentor-cli/mentor/internal/signals"
)

// A report's rows are kept aside until its figures are written (see
// Spool), in a compact binary form rather than as the JSON they become:
// about a seventh of the bytes, so that the Spool compresses, holds and
// reads back a seventh as much. appendRowBin writes one; rowReader reads
// them back, in the order they were written.

// appendRowBin appends r to b.
func appendRowBin(b []byte, r *report.Row) []byte {
	b = binString(b, r.ID)
	b = binString(b, r.Plan)
	b = binString(b, string(r.Program))
	b = binString(b, string(r.Status))
	b = binString(b, string(r.Verdict))
	if r.Signals == nil {
		b = binary.AppendUvarint(b, 0)
	} else {
		b = binary.AppendUvarint(b, uint64(len(r.Signals))+1)
	}
	for _, s := range r.Signals {
		b = binString(b, s.ID)
		b = binString(b, s.Message)
		b = binary.AppendVarint(b, int64(s.Line))
		b = binString(b, s.Fix)
	}
	b = binDate(b, r.Start)
	b = binDate(b, r.End)
	b = binDate(b, r.Closed)
	b = binString(b, string(r.Reason))
	b = binString(b, string(r.Transition))
	b = binString(b, string(r.ContactChannel))
	for _, n := range [...]int{r.GoalsTotal, r.GoalsMet, r.GoalsOpen, r.GoalsDropped,
		r.Outcomes.Total, r.Outcomes.Met, r.Outcomes.Partial, r.Outcomes.NotMet, r.Outcomes.Dropped,
		r.Held, r.Unproductive,
		r.Cancelled.Mentor, r.Cancelled.Mentee, r.Cancelled.Unnamed, r.Cancelled.Total,
		r.NoShow.Mentor, r.NoShow.Mentee, r.NoShow.Unnamed, r.NoShow.Total} {
		b = binary.AppendVarint(b, int64(n))
	}
	b = binIntPtr(b, r.PlannedDays)
	b = binIntPtr(b, r.ActualDays)
	var flags byte
	for i, f := range [...]bool{r.Early, r.ClosureMissing, r.Attention} {
		if f {
			flags |= 1 << i
		}
	}
	return append(b, flags)
}

func binString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// binDate writes 0 for an unset date, else 1 and its seconds since 1970.
func binDate(b []byte, d dates.Date) []byte {
	if d.IsZero() {
		return append(b, 0)
	}
	b = append(b, 1)
	return binary.AppendVarint(b, d.Time().Unix())
}

func binIntPtr(b []byte, n *int) []byte {
	if n == nil {
		return append(b, 0)
	}
	b = append(b, 1)
	return binary.AppendVarint(b, int64(*n))
}

// rowReader reads back rows written with appendRowBin.
type rowReader struct {
	r   *bufio.Reader
	buf []byte
	err error
}

func newRowReader(r io.Reader) *rowReader {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReader(r)
	}
	return &rowReader{r: br}
}

// read fills r with the next row.
func (d *rowReader) read(r *report.Row) error {
	*r = report.Row{
		ID:      d.str(),
		Plan:    d.str(),
		Program: nullable.String(d.str()),
		Status:  nullable.String(d.str()),
		Verdict: signals.Verdict(d.str()),
	}
	if n := d.uint(); n > 0 && d.err == nil {
		n--
		// A pair has a signal of each kind at most: more is a broken
		// spool, not a reason to allocate.
		if n > 1<<16 {
			d.fail(io.ErrUnexpectedEOF)
			return d.err
		}
		r.Signals = make([]signals.Signal, n)
		for i := range r.Signals {
			s := &r.Signals[i]
			s.ID, s.Message, s.Line, s.Fix = d.str(), d.str(), d.int(), d.str()
		}
	}
	r.Start, r.End, r.Closed = d.date(), d.date(), d.date()
	r.Reason = nullable.String(d.str())
	r.Transition = nullable.String(d.str())
	r.ContactChannel = nullable.String(d.str())
	for _, p := range [...]*int{&r.GoalsTotal, &r.GoalsMet, &r.GoalsOpen, &r.GoalsDropped,
		&r.Outcomes.Total, &r.Outcomes.Met, &r.Outcomes.Partial, &r.Outcomes.NotMet, &r.Outcomes.Dropped,
		&r.Held, &r.Unproductive,
		&r.Cancelled.Mentor, &r.Cancelled.Mentee, &r.Cancelled.Unnamed, &r.Cancelled.Total,
		&r.NoShow.Mentor, &r.NoShow.Mentee, &r.NoShow.Unnamed, &r.NoShow.Total} {
		*p = d.int()
	}
	r.PlannedDays = d.intPtr()
	r.ActualDays = d.intPtr()
	flags := d.byte()
	r.Early, r.ClosureMissing, r.Attention = flags&1 != 0, flags&2 != 0, flags&4 != 0
	return d.err
}

func (d *rowReader) fail(err error) {
	if d.err == nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		d.err = fmt.Errorf("reading back the rows kept aside: %w", err)
	}
}

func (d *rowReader) byte() byte {
	if d.err != nil {
		return 0
	}
	c, err := d.r.ReadByte()
	if err != nil {
		d.fail(err)
	}
	return c
}

func (d *rowReader) uint() uint64 {
	if d.err != nil {
		return 0
	}
	n, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.fail(err)
	}
	return n
}

func (d *rowReader) int() int {
	if d.err != nil {
		return 0
	}
	n, err := binary.ReadVarint(d.r)
	if err != nil {
		d.fail(err)
	}
	return int(n)
}

func (d *rowReader) str() string {
	n := d.uint()
	if d.err != nil || n == 0 {
		return ""
	}
	if uint64(cap(d.buf)) < n {
		if n > 1<<30 {
			d.fail(io.ErrUnexpectedEOF)
			return ""
		}
		d.buf = make([]byte, n)
	}
	d.buf = d.buf[:n]
	if _, err := io.ReadFull(d.r, d.buf); err != nil {
		d.fail(err)
		return ""
	}
	return string(d.buf)
}

func (d *rowReader) date() dates.Date {
	if d.byte() == 0 || d.err != nil {
		return dates.Date{}
	}
	sec := d.int()
	if d.err != nil {
		return dates.Date{}
	}
	return dates.Of(time.Unix(int64(sec), 0).UTC())
}

func (d *rowReader) intPtr() *int {
	if d.byte() == 0 || d.err != nil {
		return nil
	}
	n := d.int()
	return &n
}
