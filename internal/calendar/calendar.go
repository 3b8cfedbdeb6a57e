// Package calendar writes the iCalendar (RFC 5545) invitations of a pair:
// the debrief meeting, booked on its own, and the check-ins after closing as
// one recurring event. It builds them with github.com/arran4/golang-ical, so
// escaping and the folding of lines at 75 octets are the library's; what is
// mentor's is the content: a stable UID per pair and kind, a SEQUENCE that
// goes up when an invitation is written again, the zone as a VTIMEZONE made
// from Go's time zone data (or the instant in UTC), and the recurrence rule
// of a contact cadence. It reads and writes no file.
package calendar

import (
	"bytes"
	"fmt"
	"net/mail"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // zones work on a machine without zoneinfo files

	ics "github.com/arran4/golang-ical"
	"github.com/mentor-cli/mentor/internal/dates"
)

// The kinds of invitation, and the file each is written to in the pair folder.
const (
	Debrief  = "debrief"
	CheckIns = "checkins"
)

// File is the name of an invitation's file in the pair folder.
func File(kind string) string { return kind + ".ics" }

// ProductID names mentor as the maker of the files.
const ProductID = "-//mentor-cli//mentor//EN"

// Event is one invitation.
type Event struct {
	UID      string
	Sequence int
	Stamp    time.Time // DTSTAMP: when the file was made
	// Start is the first (or only) meeting, in its zone. When Zone is ""
	// the file gives the instant in UTC; else DTSTART and DTEND carry
	// TZID=Zone and the calendar holds the zone's VTIMEZONE.
	Start    time.Time
	Zone     string
	Duration time.Duration
	Summary  string
	// Description is plain text; the library escapes it.
	Description string
	Attendees   []*mail.Address
	// Recur, when set, repeats the event.
	Recur *Recurrence
}

// Recurrence repeats an event every N units (day, week, month or year, as
// dates.Cadence.Recurrence gives them) up to the end of the day Until in the
// event's zone; a zero Until repeats it with no end.
type Recurrence struct {
	Unit  string
	N     int
	Until dates.Date
}

// UID is the stable id of a pair's invitation of a kind: a calendar that
// imports the file again updates the event instead of adding a second one.
// start is the pair's start, so that a later pair of the same id is a
// different event.
func UID(kind, pairID string, start dates.Date) string {
	return fmt.Sprintf("%s-%s-%s@mentor-cli", kind, pairID, strings.ReplaceAll(start.String(), "-", ""))
}

const (
	localLayout = "20060102T150405"
	utcLayout   = "20060102T150405Z"
)

// Marshal writes the event as an iCalendar file: CRLF line endings, lines
// folded at 75 octets.
func Marshal(e Event) ([]byte, error) {
	if e.Duration <= 0 {
		return nil, fmt.Errorf("the duration %s is not positive", e.Duration)
	}
	cal := ics.NewCalendarFor("mentor-cli")
	cal.SetProductId(ProductID)
	cal.SetCalscale("GREGORIAN")
	end := e.Start.Add(e.Duration)
	if e.Zone != "" {
		last := end
		if e.Recur != nil {
			last = e.Recur.lastInstant(e.Start)
		}
		cal.AddVTimezone(VTimezone(e.Zone, e.Start.Location(), e.Start, last))
	}
	ev := cal.AddEvent(e.UID)
	ev.SetDtStampTime(e.Stamp)
	ev.SetSequence(e.Sequence)
	if e.Zone != "" {
		ev.SetProperty(ics.ComponentPropertyDtStart, e.Start.Format(localLayout), ics.WithTZID(e.Zone))
		ev.SetProperty(ics.ComponentPropertyDtEnd, end.In(e.Start.Location()).Format(localLayout), ics.WithTZID(e.Zone))
	} else {
		ev.SetStartAt(e.Start)
		ev.SetEndAt(end)
	}
	if e.Recur != nil {
		rule, err := e.Recur.Rule(e.Start)
		if err != nil {
			return nil, err
		}
		ev.AddRrule(rule)
	}
	ev.SetSummary(e.Summary)
	ev.SetDescription(e.Description)
	ev.SetProperty(ics.ComponentPropertyTransp, "OPAQUE")
	for _, a := range e.Attendees {
		params := []ics.PropertyParameter{&ics.KeyValues{Key: string(ics.ParameterRsvp), Value: []string{"TRUE"}},
			&ics.KeyValues{Key: string(ics.ParameterRole), Value: []string{"REQ-PARTICIPANT"}},
			&ics.KeyValues{Key: string(ics.ParameterParticipationStatus), Value: []string{"NEEDS-ACTION"}}}
		if a.Name != "" && !strings.ContainsAny(a.Name, "\",;:\\") {
			params = append(params, ics.WithCN(a.Name))
		}
		ev.AddAttendee("mailto:"+a.Address, params...)
	}
	var b bytes.Buffer
	if err := cal.SerializeTo(&b, ics.WithNewLineWindows); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Rule is the RRULE of the recurrence for an event that starts at start:
// FREQ=WEEKLY;INTERVAL=2 for biweekly, FREQ=MONTHLY;INTERVAL=3 for
// quarterly, FREQ=DAILY;INTERVAL=N for every N days. A monthly or yearly
// event on a day that some months lack (the 29th to the 31st) falls on the
// last day of those months, as a month after January 31 is February 28:
// BYMONTHDAY=31,-1;BYSETPOS=1 says so.
func (r *Recurrence) Rule(start time.Time) (string, error) {
	freq := map[string]string{dates.Day: "DAILY", dates.Week: "WEEKLY", dates.Month: "MONTHLY", dates.Year: "YEARLY"}[r.Unit]
	if freq == "" || r.N < 1 {
		return "", fmt.Errorf("no recurrence every %d %s", r.N, r.Unit)
	}
	parts := []string{"FREQ=" + freq}
	if r.N > 1 {
		parts = append(parts, "INTERVAL="+strconv.Itoa(r.N))
	}
	if day := start.Day(); (r.Unit == dates.Month || r.Unit == dates.Year) && day > 28 {
		if r.Unit == dates.Year {
			parts = append(parts, "BYMONTH="+strconv.Itoa(int(start.Month())))
		}
		parts = append(parts, "BYMONTHDAY="+strconv.Itoa(day)+",-1", "BYSETPOS=1")
	}
	if !r.Until.IsZero() {
		parts = append(parts, "UNTIL="+r.untilInstant(start).UTC().Format(utcLayout))
	}
	return strings.Join(parts, ";"), nil
}

// untilInstant is the last second of the day Until in the event's zone.
func (r *Recurrence) untilInstant(start time.Time) time.Time {
	u := r.Until.Time()
	return time.Date(u.Year(), u.Month(), u.Day(), 23, 59, 59, 0, start.Location())
}

// lastInstant bounds the occurrences, for the zone's transitions: the end
// of Until, or thirty years on when the recurrence has no end.
func (r *Recurrence) lastInstant(start time.Time) time.Time {
	if r.Until.IsZero() {
		return start.AddDate(30, 0, 0)
	}
	return r.untilInstant(start)
}

// Occurrences lists the starts of the event's meetings from start up to and
// including to, as a calendar expands the rule: n units at a time from the
// start, at the same wall-clock time in the zone, a monthly date that a
// month lacks falling on its last day.
func (r *Recurrence) Occurrences(start, to time.Time) []time.Time {
	var out []time.Time
	d0 := dates.Of(start)
	for k := 0; ; k++ {
		var d dates.Date
		switch r.Unit {
		case dates.Day:
			d = d0.AddDays(k * r.N)
		case dates.Week:
			d = d0.AddDays(7 * k * r.N)
		case dates.Month:
			d = d0.AddMonths(k * r.N)
		case dates.Year:
			d = d0.AddMonths(12 * k * r.N)
		default:
			return out
		}
		t := d.Time()
		at := time.Date(t.Year(), t.Month(), t.Day(), start.Hour(), start.Minute(), start.Second(), 0, start.Location())
		if at.After(to) || (!r.Until.IsZero() && at.After(r.untilInstant(start))) {
			return out
		}
		out = append(out, at)
	}
}

// Earlier is what a re-run keeps of the invitation already written: its
// UID and SEQUENCE.
type Earlier struct {
	UID      string
	Sequence int
}

// ReadEarlier reads the UID and SEQUENCE of the event in an .ics file.
func ReadEarlier(data []byte) (Earlier, error) {
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		return Earlier{}, err
	}
	evs := cal.Events()
	if len(evs) != 1 {
		return Earlier{}, fmt.Errorf("it holds %d events, not one", len(evs))
	}
	e := Earlier{UID: evs[0].Id()}
	if e.UID == "" {
		return e, fmt.Errorf("its event has no UID")
	}
	if p := evs[0].GetProperty(ics.ComponentPropertySequence); p != nil {
		n, err := strconv.Atoi(strings.TrimSpace(p.Value))
		if err != nil || n < 0 {
			return e, fmt.Errorf("its SEQUENCE %q is not a whole number", p.Value)
		}
		e.Sequence = n
	}
	return e, nil
}
