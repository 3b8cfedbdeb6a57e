package output

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/mentor-cli/mentor/internal/escape"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/iostreams"
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

// Nullable is text that is null in JSON when it is empty.
type Nullable string

// Text makes a Listed value from a plan's text.
func Text(s string) Nullable { return Nullable(s) }

func (n Nullable) MarshalJSON() ([]byte, error) {
	if n == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(n))
}

// ListSchemaVersion is the schema_version of `list --format json`.
const ListSchemaVersion = 2

// ListJSON writes `list --format json`: {"schema_version": 2, "pairs": [...]}.
func ListJSON(w io.Writer, pairs []Listed) error {
	if pairs == nil {
		pairs = []Listed{}
	}
	return encode(w, struct {
		SchemaVersion int      `json:"schema_version"`
		Pairs         []Listed `json:"pairs"`
	}{ListSchemaVersion, pairs})
}

// ListTable writes the pairs as a table a person reads.
func ListTable(w io.Writer, pal iostreams.Palette, pairs []Listed) error {
	if len(pairs) == 0 {
		_, err := fmt.Fprintln(w, "No pairs. Start one with: mentor close init --mentor NAME --mentee NAME")
		return err
	}
	header := []string{"PAIR", "MENTOR", "MENTEE", "PROGRAM", "STATUS", "START", "END"}
	rows := make([][]string, 0, len(pairs))
	for _, p := range pairs {
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
		rows = append(rows, []string{escape.Text(p.ID), dash(p.Mentor), dash(p.Mentee), dash(p.Program), dash(p.Status), day(p.Start), day(p.End)})
	}
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = len(h)
	}
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	var b strings.Builder
	line := func(cells []string, bold bool) {
		for i, c := range cells {
			text := c
			if bold {
				text = pal.Bold(c)
			}
			b.WriteString(text)
			if i < len(cells)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c)+2))
			}
		}
		b.WriteByte('\n')
	}
	line(header, true)
	for _, r := range rows {
		line(r, false)
	}
	fmt.Fprintf(&b, "\n%s\n", plural(len(pairs), "pair", "pairs"))
	_, err := io.WriteString(w, b.String())
	return err
}
