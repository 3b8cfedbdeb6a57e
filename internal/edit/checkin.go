package edit

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/frontmatter"
)

// CheckInsSection is the heading written when a closure record has no
// Check-ins section yet.
const CheckInsSection = "## " + closure.CheckInsHeading

// InsertCheckIn returns src with a check-in "### D" (and its notes) added to
// the closure record's Check-ins section: after the last check-in dated on or
// before d, or before the first when all are later, or at the end of the
// section when it holds none. A record without the section gets one at the
// end of the file. rec must be closure.Parse's reading of src.
//
// Nothing else changes: byte-order mark, line endings (the file's own are
// used for the new lines) and a missing final newline are kept. It fails when
// the result would not read back as the same check-in: notes that hold a
// heading of their own, a file that ends inside an unclosed code block.
func InsertCheckIn(src []byte, rec *closure.Record, d dates.Date, notes string) ([]byte, Insertion, error) {
	var ins Insertion
	if _, ferr := frontmatter.Split(src); ferr != nil {
		return nil, ins, fmt.Errorf("%s: the record's front matter cannot be read (%s); fix it before logging check-ins", rec.File, ferr.Msg)
	}
	if d.IsZero() {
		return nil, ins, fmt.Errorf("the check-in has no date")
	}
	eol := "\n"
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		eol = "\r\n"
	}
	noteLines := normaliseNotes(notes)
	at, newSection := checkInPosition(src, rec, d)

	section := ""
	if newSection {
		section = CheckInsSection
	}
	out, ins := insertBlock(src, at, eol, section, "### "+d.String(), noteLines)
	if err := checkInReadsBack(out, rec, d, noteLines, ins); err != nil {
		return nil, ins, err
	}
	return out, ins, nil
}

// checkInPosition finds the offset to insert at, and whether the Check-ins
// section must be created there.
func checkInPosition(src []byte, rec *closure.Record, d dates.Date) (int, bool) {
	sec := rec.CheckInSection
	if sec == nil {
		return len(src), true
	}
	at, first := -1, -1
	for _, c := range rec.CheckIns {
		if first < 0 {
			first = c.Start
		}
		if !c.Date.After(d) {
			at = c.End
		}
	}
	switch {
	case at >= 0:
		return at, false
	case first >= 0:
		return first, false
	}
	return sec.End, false
}

// checkInReadsBack parses the new record and checks that it holds the old
// check-ins and the new one, as meant.
func checkInReadsBack(out []byte, old *closure.Record, d dates.Date, noteLines []string, ins Insertion) error {
	nr := closure.Parse(old.File, out)
	fail := func(why string) error {
		return fmt.Errorf("%s: the check-in cannot be added safely: %s; nothing was written", old.File, why)
	}
	if len(nr.CheckIns) != len(old.CheckIns)+1 {
		return fail(fmt.Sprintf("the record would read back with %d check-ins instead of %d (do the notes hold a heading, or does the file end inside an unclosed code block?)",
			len(nr.CheckIns), len(old.CheckIns)+1))
	}
	var got *closure.CheckIn
	for i := range nr.CheckIns {
		if nr.CheckIns[i].Start == ins.Heading {
			got = &nr.CheckIns[i]
		}
	}
	if got == nil || !got.Date.Equal(d) || got.Title != "" {
		return fail("the new heading would not be read as the check-in (does the file end inside an unclosed code block or HTML block?)")
	}
	want := strings.TrimSpace(strings.Join(noteLines, "\n"))
	if have := strings.ReplaceAll(got.Notes, "\r\n", "\n"); have != want {
		return fail("the notes would not read back as written (do they hold a heading, or a line of --- or === under text?)")
	}
	return nil
}
