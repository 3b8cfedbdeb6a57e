package output

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/mentor-cli/mentor/internal/escape"
	"github.com/mentor-cli/mentor/internal/report"
)

// ReportStream writes one format of the report while the pairs stream in:
// the rows of each pair (report.Sink) as they come, kept aside in a Spool
// until the figures that come before them are known, then, from Finish,
// the whole report. Close drops what was kept aside.
type ReportStream interface {
	report.Sink
	Finish(rep *report.Report) error
	Close() error
}

// writeReport writes a report held in memory through a stream.
func writeReport(s ReportStream, rep *report.Report) error {
	defer s.Close()
	for _, r := range rep.Pairs {
		if err := s.Row(r); err != nil {
			return err
		}
	}
	for _, a := range rep.Attention {
		if err := s.Attention(a); err != nil {
			return err
		}
	}
	for _, inv := range rep.Invalid {
		if err := s.Invalid(inv); err != nil {
			return err
		}
	}
	return s.Finish(rep)
}

// jsonItems encodes values as the items of an array two levels deep in an
// indented document, the way encoding/json indents them there.
type jsonItems struct {
	buf bytes.Buffer
	enc *json.Encoder
}

func newJSONItems(prefix string) *jsonItems {
	j := &jsonItems{}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	j.enc.SetIndent(prefix, "  ")
	return j
}

// encode is v as indented JSON, without the final line break, with what a
// terminal would act on escaped.
func (j *jsonItems) encode(v any) ([]byte, error) {
	j.buf.Reset()
	if err := j.enc.Encode(v); err != nil {
		return nil, err
	}
	return escape.JSON(bytes.TrimSuffix(j.buf.Bytes(), []byte("\n"))), nil
}

// reportJSON is `report --format json`: the figures, then the attention
// list, the files that cannot be used and the rows, each kept aside until
// the figures are written, then the survey. The rows and the attention
// list share a Spool (see appendRecord).
type reportJSON struct {
	w              io.Writer
	invalid, pairs Spool
	attention      int // items of the attention list in pairs
	item           *jsonItems
	row, bin       []byte // one item's JSON and binary form, reused
}

func newReportJSON(w io.Writer) ReportStream {
	return &reportJSON{w: w, item: newJSONItems("    ")}
}

// add encodes one item of a list kept aside (the files that cannot be
// used) and adds it.
func (j *reportJSON) add(s *Spool, v any) error {
	b, err := j.item.encode(v)
	if err != nil {
		return err
	}
	sep := ",\n    "
	if s.n == 0 {
		sep = "\n    "
	}
	s.n++
	if _, err := s.WriteString(sep); err != nil {
		return err
	}
	_, err = s.Write(b)
	return err
}

// Row keeps one row of "pairs" aside in its binary form (appendRowBin);
// Finish writes it with appendReportRow: rows are the most of the report,
// and encoding/json's reflection and indenting pass the most of writing
// them.
func (j *reportJSON) Row(r report.Row) error {
	j.bin = appendRowBin(j.bin[:0], &r)
	j.pairs.n++
	return j.record(recRow)
}

// Attention keeps one item of "attention" aside, next to the row it
// follows, written with appendAttention at the end, for the reason Row
// has its own writer.
func (j *reportJSON) Attention(a report.Attention) error {
	j.bin = appendAttentionBin(j.bin[:0], &a)
	j.attention++
	return j.record(recAttention)
}

// record keeps what j.bin holds as a record of the given kind.
func (j *reportJSON) record(kind byte) error {
	j.row = appendRecord(j.row[:0], kind, j.bin)
	_, err := j.pairs.Write(j.row)
	return err
}

// items writes the items of one kind kept aside by Row and Attention, the
// rows as those of "pairs" and the others as those of "attention".
func (j *reportJSON) items(bw *bufio.Writer, want byte) error {
	r, err := j.pairs.Reader()
	if err != nil {
		return err
	}
	rr := newRowReader(r)
	var row report.Row
	var a report.Attention
	first := true
	for {
		kind, n, ok := rr.record()
		if !ok {
			return rr.err
		}
		if kind != want {
			rr.skip(n)
			continue
		}
		switch kind {
		case recRow:
			if err := rr.read(&row); err != nil {
				return err
			}
			j.row = appendReportRow(j.row[:0], row)
		case recAttention:
			if err := rr.readAttention(&a); err != nil {
				return err
			}
			j.row = appendAttention(j.row[:0], a)
		}
		if first {
			bw.WriteString("\n    ")
		} else {
			bw.WriteString(",\n    ")
		}
		first = false
		if _, err := bw.Write(escape.JSON(j.row)); err != nil {
			return err
		}
	}
}
func (j *reportJSON) Invalid(i report.Invalid) error { return j.add(&j.invalid, i) }

func (j *reportJSON) Finish(rep *report.Report) error {
	bw := bufio.NewWriterSize(j.w, 64<<10)
	field := newJSONItems("  ")
	first := true
	value := func(key string, v any) error {
		b, err := field.encode(v)
		if err != nil {
			return err
		}
		return j.key(bw, &first, key, b)
	}
	list := func(key string, n int, write func() error) error {
		if err := j.key(bw, &first, key, nil); err != nil {
			return err
		}
		if n == 0 {
			_, err := bw.WriteString("[]")
			return err
		}
		bw.WriteByte('[')
		if err := write(); err != nil {
			return err
		}
		_, err := bw.WriteString("\n  ]")
		return err
	}
	kept := func(kind byte) func() error { return func() error { return j.items(bw, kind) } }
	invalid := func() error { _, err := j.invalid.WriteTo(bw); return err }
	bw.WriteString("{")
	for _, err := range []error{
		value("schema_version", SchemaVersion),
		value("today", rep.Today),
		value("program", rep.Program),
		value("since", rep.Since),
		value("pairs_dir", rep.PairsDir),
		value("overall", rep.Overall),
		value("programmes", rep.Programmes),
		list("attention", j.attention, kept(recAttention)),
		list("invalid", j.invalid.n, invalid),
		list("pairs", j.pairs.n, kept(recRow)),
		value("survey", rep.Survey),
	} {
		if err != nil {
			return err
		}
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// key writes a member's name, after the comma that ends the member before
// it, then its value when one is given.
func (j *reportJSON) key(bw *bufio.Writer, first *bool, key string, value []byte) error {
	if !*first {
		bw.WriteByte(',')
	}
	*first = false
	bw.WriteString("\n  " + strconv.Quote(key) + ": ")
	_, err := bw.Write(value)
	return err
}

func (j *reportJSON) Close() error {
	return errors.Join(j.invalid.Close(), j.pairs.Close())
}

// reportCSV is `report --format csv`: the header, then one row per pair.
type reportCSV struct {
	w    io.Writer
	rows Spool
	cw   *csv.Writer
}

func newReportCSV(w io.Writer) ReportStream {
	c := &reportCSV{w: w}
	c.cw = csv.NewWriter(&c.rows)
	return c
}

func (c *reportCSV) Row(r report.Row) error             { return c.cw.Write(csvRow(r)) }
func (c *reportCSV) Attention(a report.Attention) error { return nil }
func (c *reportCSV) Invalid(i report.Invalid) error     { return nil }

func (c *reportCSV) Finish(*report.Report) error {
	c.cw.Flush()
	if err := c.cw.Error(); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(c.w, 64<<10)
	hw := csv.NewWriter(bw)
	if err := hw.Write(CSVHeader); err != nil {
		return err
	}
	hw.Flush()
	if _, err := c.rows.WriteTo(bw); err != nil {
		return err
	}
	return bw.Flush()
}

func (c *reportCSV) Close() error { return c.rows.Close() }

// reportSurveyCSV is `report --format survey-csv`: figures only.
type reportSurveyCSV struct{ w io.Writer }

func (reportSurveyCSV) Row(report.Row) error             { return nil }
func (reportSurveyCSV) Attention(report.Attention) error { return nil }
func (reportSurveyCSV) Invalid(report.Invalid) error     { return nil }
func (s reportSurveyCSV) Finish(rep *report.Report) error {
	return ReportSurveyCSV(s.w, rep)
}
func (reportSurveyCSV) Close() error { return nil }

// reportMarkdown is `report --format md`. The attention list is kept as
// its cells, because whether it has a programme column is known only at
// the end; the files that cannot be used are kept as their table rows.
type reportMarkdown struct {
	w                  io.Writer
	attention, invalid Spool
	cells              []byte
}

func newReportMarkdown(w io.Writer) ReportStream { return &reportMarkdown{w: w} }

func (m *reportMarkdown) Row(report.Row) error { return nil }

func (m *reportMarkdown) Attention(a report.Attention) error {
	m.attention.n++
	m.cells = m.cells[:0]
	for _, c := range []string{link(a.ID, a.Plan), escape.MarkdownCell(programmeName(a.Program)), string(a.Verdict),
		escape.MarkdownCell(strings.Join(Why(a.Signals, a.Problems), "; "))} {
		m.cells = appendCell(m.cells, c)
	}
	_, err := m.attention.Write(m.cells)
	return err
}

func (m *reportMarkdown) Invalid(inv report.Invalid) error {
	m.invalid.n++
	msgs := make([]string, 0, len(inv.Problems))
	for _, p := range inv.Problems {
		msgs = append(msgs, p.String())
	}
	_, err := m.invalid.WriteString("| " + escape.MarkdownCell(inv.ID) + " | " + link(inv.File, inv.File) + " | " +
		escape.MarkdownCell(strings.Join(msgs, "; ")) + " |\n")
	return err
}

func (m *reportMarkdown) Finish(rep *report.Report) error {
	out := newMD(m.w)
	out.report(rep, m)
	return out.close()
}

func (m *reportMarkdown) Close() error {
	return errors.Join(m.attention.Close(), m.invalid.Close())
}

// attentionRows writes the attention table's rows kept aside.
func (m *reportMarkdown) attentionRows(out *md, named bool) {
	r, err := m.attention.Reader()
	if err != nil {
		out.fail(err)
		return
	}
	cr := newCellReader(r)
	var c [4]string
	for i := 0; i < m.attention.n; i++ {
		if err := cr.read(c[:]); err != nil {
			out.fail(err)
			return
		}
		if named {
			out.row([]string{c[0], c[1], c[2], c[3]})
		} else {
			out.row([]string{c[0], c[2], c[3]})
		}
	}
}
