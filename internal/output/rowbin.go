package output

import (
	"encoding/binary"
	"fmt"
	"io"
	"time"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
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
	b = appendSignalsBin(b, r.Signals)
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

// appendSignalsBin appends a list of signals: 0 for nil, else their
// number plus one, then each.
func appendSignalsBin(b []byte, xs []signals.Signal) []byte {
	if xs == nil {
		return binary.AppendUvarint(b, 0)
	}
	b = binary.AppendUvarint(b, uint64(len(xs))+1)
	for _, s := range xs {
		b = appendCell(b, s.ID)
		b = appendCell(b, s.Message)
		b = binary.AppendVarint(b, int64(s.Line))
		b = appendCell(b, s.Fix)
	}
	return b
}

// appendAttentionBin appends an item of the attention list.
func appendAttentionBin(b []byte, a *report.Attention) []byte {
	b = appendCell(b, a.ID)
	b = appendCell(b, a.Plan)
	b = appendCell(b, string(a.Program))
	b = appendCell(b, string(a.Verdict))
	b = appendSignalsBin(b, a.Signals)
	if a.Problems == nil {
		return binary.AppendUvarint(b, 0)
	}
	b = binary.AppendUvarint(b, uint64(len(a.Problems))+1)
	for _, p := range a.Problems {
		b = appendCell(b, p.File)
		b = binary.AppendVarint(b, int64(p.Line))
		b = appendCell(b, string(p.Severity))
		b = appendCell(b, p.Message)
	}
	return b
}

// The report's JSON keeps its rows and its attention list in one Spool,
// as records: a kind, the length of what follows, then the binary form
// (appendRowBin, appendAttentionBin). An item of the attention list
// repeats the signals of the row written just before it, which the
// compressor keeps for next to nothing; each list is read back by a pass
// of its own over the records.
const (
	recRow       = 'r'
	recAttention = 'a'
)

// appendRecord appends a record of the given kind whose binary form is
// body.
func appendRecord(b []byte, kind byte, body []byte) []byte {
	b = append(b, kind)
	b = binary.AppendUvarint(b, uint64(len(body)))
	return append(b, body...)
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
	r.Signals = d.signals()
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

// readAttention fills a with the next item of the attention list.
func (d *rowReader) readAttention(a *report.Attention) error {
	*a = report.Attention{
		ID:      d.str(),
		Plan:    d.str(),
		Program: nullable.String(d.str()),
		Verdict: signals.Verdict(d.str()),
		Signals: d.signals(),
	}
	if n := d.uint(); n > 0 && d.err == nil {
		a.Problems = make([]diag.Problem, 0, min(n-1, 64))
		for i := uint64(0); i < n-1 && d.err == nil; i++ {
			a.Problems = append(a.Problems, diag.Problem{File: d.str(), Line: d.int(),
				Severity: diag.Severity(d.str()), Message: d.str()})
		}
	}
	return d.err
}

// signals reads a list written by appendSignalsBin. The count sizes no
// allocation beyond a few items: a broken spool ends in an error, not in
// a huge slice.
func (d *rowReader) signals() []signals.Signal {
	n := d.uint()
	if n == 0 || d.err != nil {
		return nil
	}
	xs := make([]signals.Signal, 0, min(n-1, 16))
	for i := uint64(0); i < n-1 && d.err == nil; i++ {
		xs = append(xs, signals.Signal{ID: d.str(), Message: d.str(), Line: d.int(), Fix: d.str()})
	}
	return xs
}

// record reads the head of the next record: its kind and length. ok is
// false at the end of the records, or after an error (see d.err).
func (d *rowReader) record() (kind byte, n int, ok bool) {
	if d.err != nil {
		return 0, 0, false
	}
	k, err := d.r.ReadByte()
	if err == io.EOF {
		return 0, 0, false
	}
	if err != nil {
		d.fail(err)
		return 0, 0, false
	}
	size := d.uint()
	if d.err != nil || size > 1<<40 {
		d.fail(io.ErrUnexpectedEOF)
		return 0, 0, false
	}
	return k, int(size), true
}

// skip passes over n bytes: a record of the other kind.
func (d *rowReader) skip(n int) {
	if d.err != nil {
		return
	}
	if _, err := d.r.Discard(n); err != nil {
		d.fail(err)
	}
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
