package output

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mentor-cli/mentor/internal/escape"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/iostreams"
	"github.com/mentor-cli/mentor/internal/nullable"
)

// Listed is one pair as `mentor close list` shows it: what its plan's front
// matter says, unjudged. An empty value is null in JSON: the plan does not
// say, or cannot be read.
type Listed struct {
	ID      string     `json:"id"`
	Plan    string     `json:"plan"`
	Mentor  Nullable   `json:"mentor"`
	Mentee  Nullable   `json:"mentee"`
	Program Nullable   `json:"program"`
	Status  Nullable   `json:"status"`
	Start   dates.Date `json:"start"`
	End     dates.Date `json:"end"`
}

// Nullable is text that is null in JSON when it is empty, as every
// machine format writes an absent value.
type Nullable = nullable.String

// Text makes a Listed value from a plan's text.
func Text(s string) Nullable { return Nullable(s) }

// ListSchemaVersion is the schema_version of `list --format json`.
const ListSchemaVersion = 2

// ListSink takes the listed pairs one by one, in id order; Close writes
// what is left and flushes.
type ListSink interface {
	Add(Listed) error
	Close() error
}

// ListJSON writes `list --format json`: {"schema_version": 2, "pairs": [...]}.
func ListJSON(w io.Writer, pairs []Listed) error {
	return writeList(newListJSON(w), pairs)
}

// ListTable writes the pairs as a table a person reads.
func ListTable(w io.Writer, pal iostreams.Palette, pairs []Listed) error {
	return writeList(newListTable(w, pal), pairs)
}

func writeList(s ListSink, pairs []Listed) error {
	for _, p := range pairs {
		if err := s.Add(p); err != nil {
			s.Close()
			return err
		}
	}
	return s.Close()
}

// listJSON writes each pair as it comes, as encoding/json indents it
// (appendListed).
type listJSON struct {
	w   *bufio.Writer
	buf []byte // one pair's JSON, reused
	n   int
	err error
}

func newListJSON(w io.Writer) ListSink {
	l := &listJSON{w: bufio.NewWriterSize(w, 64<<10)}
	_, l.err = l.w.WriteString("{\n  \"schema_version\": " + strconv.Itoa(ListSchemaVersion) + ",\n  \"pairs\": [")
	return l
}

func (l *listJSON) Add(p Listed) error {
	if l.err != nil {
		return l.err
	}
	l.buf = appendListed(l.buf[:0], p)
	b := escape.JSON(l.buf)
	sep := ",\n    "
	if l.n == 0 {
		sep = "\n    "
	}
	l.n++
	l.w.WriteString(sep)
	_, l.err = l.w.Write(b)
	return l.err
}

func (l *listJSON) Close() error {
	if l.err != nil {
		return l.err
	}
	end := "\n  ]\n}\n"
	if l.n == 0 {
		end = "]\n}\n"
	}
	l.w.WriteString(end)
	return l.w.Flush()
}

// listTable keeps each row's cells aside (see Spool) and the widest cell
// of each column, and writes the table at the end.
type listTable struct {
	w      io.Writer
	pal    iostreams.Palette
	rows   Spool
	widths []int
	cells  []byte
}

var listHeader = []string{"PAIR", "MENTOR", "MENTEE", "PROGRAM", "STATUS", "START", "END"}

func newListTable(w io.Writer, pal iostreams.Palette) ListSink {
	t := &listTable{w: w, pal: pal, widths: make([]int, len(listHeader))}
	for i, h := range listHeader {
		t.widths[i] = len(h)
	}
	return t
}

func (t *listTable) Add(p Listed) error {
	dash := func(s Nullable) string {
		if s == "" {
			return "-"
		}
		return escape.Text(string(s))
	}
	day := func(d dates.Date) string {
		if d.IsZero() {
			return "-"
		}
		return d.String()
	}
	row := [...]string{escape.Text(p.ID), dash(p.Mentor), dash(p.Mentee), dash(p.Program), dash(p.Status), day(p.Start), day(p.End)}
	t.cells = t.cells[:0]
	for i, c := range row {
		t.widths[i] = max(t.widths[i], utf8.RuneCountInString(c))
		t.cells = appendCell(t.cells, c)
	}
	t.rows.n++
	_, err := t.rows.Write(t.cells)
	return err
}

func (t *listTable) Close() error {
	defer t.rows.Close()
	if t.rows.n == 0 {
		_, err := fmt.Fprintln(t.w, "No pairs. Start one with: mentor close init --mentor NAME --mentee NAME")
		return err
	}
	b := bufio.NewWriterSize(t.w, 64<<10)
	line := func(cells []string, bold bool) {
		for i, c := range cells {
			text := c
			if bold {
				text = t.pal.Bold(c)
			}
			b.WriteString(text)
			if i < len(cells)-1 {
				b.WriteString(strings.Repeat(" ", t.widths[i]-utf8.RuneCountInString(c)+2))
			}
		}
		b.WriteByte('\n')
	}
	line(listHeader, true)
	r, err := t.rows.Reader()
	if err != nil {
		return err
	}
	cr := newCellReader(r)
	row := make([]string, len(listHeader))
	for i := 0; i < t.rows.n; i++ {
		if err := cr.read(row); err != nil {
			return err
		}
		line(row, false)
	}
	fmt.Fprintf(b, "\n%s\n", plural(t.rows.n, "pair", "pairs"))
	return b.Flush()
}
