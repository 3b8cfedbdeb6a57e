package calendar

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/mentor-cli/mentor/internal/dates"
)

func TestRule(t *testing.T) {
	at := func(s string) time.Time { return dates.MustParse(s).Time().Add(10 * time.Hour) }
	for _, c := range []struct {
		cadence, start, until, want string
	}{
		{"weekly", "2027-01-05", "", "FREQ=WEEKLY"},
		{"biweekly", "2027-01-05", "", "FREQ=WEEKLY;INTERVAL=2"},
		{"every 3 weeks", "2027-01-05", "", "FREQ=WEEKLY;INTERVAL=3"},
		{"every 10 days", "2027-01-05", "", "FREQ=DAILY;INTERVAL=10"},
		{"every 14 days", "2027-01-05", "", "FREQ=DAILY;INTERVAL=14"},
		{"monthly", "2027-01-05", "", "FREQ=MONTHLY"},
		{"quarterly", "2027-01-05", "2027-12-31", "FREQ=MONTHLY;INTERVAL=3;UNTIL=20271231T235959Z"},
		{"quarterly", "2027-01-30", "", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=30,-1;BYSETPOS=1"},
		{"monthly", "2027-01-29", "", "FREQ=MONTHLY;BYMONTHDAY=29,-1;BYSETPOS=1"},
		{"monthly", "2027-01-28", "", "FREQ=MONTHLY"},
		{"yearly", "2028-02-29", "", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29,-1;BYSETPOS=1"},
		{"yearly", "2027-06-15", "", "FREQ=YEARLY"},
	} {
		cad, err := dates.ParseCadence(c.cadence)
		if err != nil {
			t.Fatal(err)
		}
		unit, n, _ := cad.Recurrence()
		r := &Recurrence{Unit: unit, N: n}
		if c.until != "" {
			r.Until = dates.MustParse(c.until)
		}
		got, err := r.Rule(at(c.start))
		if err != nil || got != c.want {
			t.Errorf("%s from %s: %q %v, want %q", c.cadence, c.start, got, err, c.want)
		}
	}
	if _, err := (&Recurrence{Unit: "fortnight", N: 1}).Rule(time.Now()); err == nil {
		t.Error("an unknown unit has a rule")
	}
}

// Occurrences keep the wall-clock time and, month by month, fall on the last
// day of a month that lacks the start's day.
func TestOccurrences(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	start := time.Date(2026, 11, 30, 9, 0, 0, 0, ny)
	r := &Recurrence{Unit: dates.Month, N: 3, Until: dates.MustParse("2027-11-30")}
	var got []string
	for _, o := range r.Occurrences(start, start.AddDate(2, 0, 0)) {
		got = append(got, o.Format("2006-01-02 15:04 MST"))
	}
	want := "2026-11-30 09:00 EST|2027-02-28 09:00 EST|2027-05-30 09:00 EDT|2027-08-30 09:00 EDT|2027-11-30 09:00 EST"
	if strings.Join(got, "|") != want {
		t.Errorf("occurrences %q", got)
	}
}

// Each VTIMEZONE, read as a calendar reads it, gives every instant of the
// events' span the offset Go's zone database gives it.
func TestVTimezoneAgreesWithTheZoneDatabase(t *testing.T) {
	for _, name := range []string{"Europe/Paris", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "America/Sao_Paulo",
		"Pacific/Auckland", "Asia/Tokyo", "America/St_Johns", "Africa/Casablanca", "Asia/Jerusalem", "Europe/Dublin", "America/Phoenix", "Pacific/Chatham"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		from := time.Date(2026, 12, 1, 10, 0, 0, 0, loc)
		to := from.AddDate(2, 0, 0)
		tz := VTimezone(name, loc, from, to)
		var b strings.Builder
		if err := tz.SerializeTo(&b, &ics.SerializationConfiguration{MaxLength: 75, PropertyMaxLength: 75, NewLine: "\r\n"}); err != nil {
			t.Fatal(err)
		}
		onsets := readObservances(t, b.String(), to)
		for at := from; !at.After(to); at = at.Add(5 * time.Hour) {
			_, want := at.In(loc).Zone()
			if got := offsetAt(onsets, at); got != want {
				t.Errorf("%s at %s: the VTIMEZONE says %+d s, the zone database %+d s\n%s", name, at.UTC(), got, want, b.String())
				break
			}
		}
	}
}

type onset struct {
	at time.Time
	to int
}

// readObservances expands the observances of a VTIMEZONE (DTSTART, TZOFFSETFROM,
// TZOFFSETTO and a yearly RRULE with BYMONTH and BYDAY) into onsets up to end.
func readObservances(t *testing.T, text string, end time.Time) []onset {
	t.Helper()
	var out []onset
	for _, block := range strings.Split(text, "BEGIN:")[1:] {
		if !strings.HasPrefix(block, "STANDARD") && !strings.HasPrefix(block, "DAYLIGHT") {
			continue
		}
		props := map[string]string{}
		for _, l := range strings.Split(block, "\r\n") {
			if k, v, ok := strings.Cut(l, ":"); ok {
				props[k] = v
			}
		}
		start, err := time.Parse(localLayout, props["DTSTART"])
		if err != nil {
			t.Fatal(err)
		}
		from, to := parseOffset(t, props["TZOFFSETFROM"]), parseOffset(t, props["TZOFFSETTO"])
		out = append(out, onset{start.Add(-time.Duration(from) * time.Second), to})
		rule := props["RRULE"]
		if rule == "" {
			continue
		}
		parts := map[string]string{}
		for _, p := range strings.Split(rule, ";") {
			k, v, _ := strings.Cut(p, "=")
			parts[k] = v
		}
		month, _ := strconv.Atoi(parts["BYMONTH"])
		by := parts["BYDAY"]
		wd := map[string]time.Weekday{"SU": 0, "MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6}[by[len(by)-2:]]
		nth, _ := strconv.Atoi(by[:len(by)-2])
		for y := start.Year() + 1; y <= end.Year()+1; y++ {
			var day time.Time
			if nth > 0 {
				day = time.Date(y, time.Month(month), 1, 0, 0, 0, 0, time.UTC)
				for day.Weekday() != wd {
					day = day.AddDate(0, 0, 1)
				}
				day = day.AddDate(0, 0, 7*(nth-1))
			} else {
				day = time.Date(y, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC)
				for day.Weekday() != wd {
					day = day.AddDate(0, 0, -1)
				}
			}
			local := time.Date(y, day.Month(), day.Day(), start.Hour(), start.Minute(), start.Second(), 0, time.UTC)
			out = append(out, onset{local.Add(-time.Duration(from) * time.Second), to})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].at.Before(out[j].at) })
	return out
}

func offsetAt(onsets []onset, at time.Time) int {
	off := 0
	for _, o := range onsets {
		if o.at.After(at) {
			break
		}
		off = o.to
	}
	return off
}

func parseOffset(t *testing.T, s string) int {
	t.Helper()
	sign := 1
	if s[0] == '-' {
		sign = -1
	}
	h, _ := strconv.Atoi(s[1:3])
	m, _ := strconv.Atoi(s[3:5])
	sec := 0
	if len(s) == 7 {
		sec, _ = strconv.Atoi(s[5:7])
	}
	return sign * (h*3600 + m*60 + sec)
}

func TestMarshal(t *testing.T) {
	paris, _ := time.LoadLocation("Europe/Paris")
	e := Event{UID: UID(Debrief, "ada--grace", dates.MustParse("2026-01-15")), Sequence: 3, Stamp: time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC),
		Start: time.Date(2027, 3, 28, 1, 30, 0, 0, paris), Zone: "Europe/Paris", Duration: 90 * time.Minute,
		Summary: "Debrief: Ada; Grace, and \\ a backslash", Description: strings.Repeat("long text, ", 30) + "\nünïcödé"}
	data, err := Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line %d is %d octets", i+1, len(l))
		}
	}
	// Across the change to summer time: 01:30 CET + 90 minutes is 04:00 CEST.
	for _, want := range []string{"UID:debrief-ada--grace-20260115@mentor-cli\r\n", "SEQUENCE:3\r\n", "DTSTAMP:20261121T080000Z\r\n",
		"DTSTART;TZID=Europe/Paris:20270328T013000\r\n", "DTEND;TZID=Europe/Paris:20270328T040000\r\n",
		"SUMMARY:Debrief: Ada\\; Grace\\, and \\\\ a backslash\r\n", "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("no %q in\n%s", want, data)
		}
	}
	back, err := ReadEarlier(data)
	if err != nil || back.UID != e.UID || back.Sequence != 3 {
		t.Errorf("read back %+v %v", back, err)
	}
	cal, _ := ics.ParseCalendar(bytes.NewReader(data))
	if got := ics.FromText(cal.Events()[0].GetProperty(ics.ComponentPropertyDescription).Value); got != e.Description {
		t.Errorf("description unfolds to %q", got)
	}
	// In UTC: no zone, instants with Z.
	e.Zone, e.Start = "", time.Date(2027, 3, 28, 1, 30, 0, 0, paris)
	data, _ = Marshal(e)
	if !bytes.Contains(data, []byte("DTSTART:20270328T003000Z\r\n")) || bytes.Contains(data, []byte("VTIMEZONE")) {
		t.Errorf("UTC:\n%s", data)
	}
	e.Duration = 0
	if _, err := Marshal(e); err == nil {
		t.Error("a meeting of no length was written")
	}
	for _, bad := range []string{"", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nSEQUENCE:two\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"} {
		if e, err := ReadEarlier([]byte(bad)); err == nil {
			t.Errorf("%q read as %+v", bad, e)
		}
	}
}
