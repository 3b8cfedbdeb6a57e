package output

import (
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
	b = appendCell(b, r.ID)
	b = appendCell(b, r.Plan)
	b = appendCell(b, string(r.Program))
	b = appendCell(b, string(r.Status))
	b = appendCell(b, string(r.Verdict))
	if r.Signals == nil {
		b = binary.AppendUvarint(b, 0)
	} else {
		b = binary.AppendUvarint(b, uint64(len(r.Signals))+1)
	}
	for _, s := range r.Signals {
		b = appendCell(b, s.ID)
		b = appendCell(b, s.Message)
		b = binary.AppendVarint(b, int64(s.Line))
		b = appendCell(b, s.Fix)
	}
	b = binDate(b, r.Start)
	b = binDate(b, r.End)
	b = binDate(b, r.Closed)
	b = appendCell(b, string(r.Reason))
	b = appendCell(b, string(r.Transition))
	b = appendCell(b, string(r.ContactChannel))
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

// rowReader reads back rows written with appendRowBin: cells (strings,
// as appendCell writes them) and numbers. Its first error sticks.
type rowReader struct {
	cellReader
	err error
}

func newRowReader(r io.Reader) *rowReader { return &rowReader{cellReader: *newCellReader(r)} }

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

// next reads with read unless an error came before.
func next[T any](d *rowReader, read func() (T, error)) T {
	var v T
	if d.err != nil {
		return v
	}
	v, err := read()
	if err != nil {
		d.fail(err)
	}
	return v
}

func (d *rowReader) byte() byte { return next(d, d.r.ReadByte) }

func (d *rowReader) uint() uint64 {
	return next(d, func() (uint64, error) { return binary.ReadUvarint(d.r) })
}

func (d *rowReader) int() int {
	return int(next(d, func() (int64, error) { return binary.ReadVarint(d.r) }))
}

func (d *rowReader) str() string { return next(d, d.cell) }

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
