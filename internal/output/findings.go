package output

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"

	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/verify"
)

// Findings are the findings of a verify run, kept aside as they come (see
// Spool) rather than held in memory: the formats write a count before
// them (ok, the summary) and need every one to know it. The pairs hand in
// their findings in an order that is almost always already the order of
// verify.Sort; when it is not (a folder problem, or pair folders whose
// names sort differently with the "/" after them), Each reads them all
// back and sorts them.
type Findings struct {
	spool           Spool
	n               int
	errors, warning int
	last            verify.Finding
	unsorted        bool
	keep            bool // the order they came in is the order to write
	cells           []byte
}

// NewFindings holds findings for a format, in the order given.
func NewFindings(fs []verify.Finding) *Findings {
	f := &Findings{keep: true}
	for _, fd := range fs {
		_ = f.Add(fd)
	}
	return f
}

// Add keeps a finding.
func (f *Findings) Add(fd verify.Finding) error {
	if f.n > 0 && less(fd, f.last) {
		f.unsorted = true
	}
	f.n++
	f.last = fd
	if fd.Severity == diag.Error {
		f.errors++
	} else {
		f.warning++
	}
	f.cells = f.cells[:0]
	for _, c := range [...]string{fd.File, strconv.Itoa(fd.Line), fd.Rule, string(fd.Severity), fd.Message} {
		f.cells = appendCell(f.cells, c)
	}
	_, err := f.spool.Write(f.cells)
	return err
}

func less(a, b verify.Finding) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	return a.Line < b.Line
}

// Len is how many findings there are; Count how many are errors and how
// many warnings.
func (f *Findings) Len() int { return f.n }

func (f *Findings) Count() (errors, warnings int) { return f.errors, f.warning }

// grouped reports whether the findings of each file come together, as
// Each writes them.
func (f *Findings) grouped() bool { return !f.unsorted || !f.keep }

// Each calls fn with every finding, in verify.Sort's order (or the order
// given, for NewFindings).
func (f *Findings) Each(fn func(verify.Finding) error) error {
	r, err := f.spool.Reader()
	if err != nil {
		return err
	}
	cr := newCellReader(r)
	var c [5]string
	next := func() (verify.Finding, error) {
		if err := cr.read(c[:]); err != nil {
			return verify.Finding{}, err
		}
		line, _ := strconv.Atoi(c[1])
		return verify.Finding{File: c[0], Line: line, Rule: c[2], Severity: diag.Severity(c[3]), Message: c[4]}, nil
	}
	if f.unsorted && !f.keep {
		all := make([]verify.Finding, 0, f.n)
		for i := 0; i < f.n; i++ {
			fd, err := next()
			if err != nil {
				return err
			}
			all = append(all, fd)
		}
		verify.Sort(all)
		for _, fd := range all {
			if err := fn(fd); err != nil {
				return err
			}
		}
		return nil
	}
	for i := 0; i < f.n; i++ {
		fd, err := next()
		if err != nil {
			return err
		}
		if err := fn(fd); err != nil {
			return err
		}
	}
	return nil
}

// Close drops the findings kept aside.
func (f *Findings) Close() error { return f.spool.Close() }

// fingerprinter gives each finding its fingerprint (see Fingerprints) as
// the findings are written. When the findings of each file come together
// it forgets a file's findings once the next file starts, since two
// findings that share a fingerprint's text share a file.
type fingerprinter struct {
	seen    map[string]int
	file    string
	grouped bool
}

func newFingerprinter(grouped bool) *fingerprinter {
	return &fingerprinter{seen: map[string]int{}, grouped: grouped}
}

func (p *fingerprinter) next(f verify.Finding) string {
	if p.grouped && f.File != p.file {
		clear(p.seen)
		p.file = f.File
	}
	h := sha256.New()
	h.Write([]byte(f.Rule))
	h.Write([]byte{0})
	h.Write([]byte(f.File))
	h.Write([]byte{0})
	h.Write([]byte(f.Message))
	key := string(h.Sum(nil))
	n := p.seen[key]
	p.seen[key] = n + 1
	fmt.Fprintf(h, "\x00%d", n)
	return hex.EncodeToString(h.Sum(nil))
}
