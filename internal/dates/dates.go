// Package dates holds the calendar arithmetic mentor uses: civil dates with no
// time of day, and meeting cadences measured in days.
package dates

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Layout is the only date form mentor reads and writes.
const Layout = "2006-01-02"

// Date is a calendar day, any from 0001-01-01 to 9999-12-31. The zero value
// means "not set"; it is not a day (0001-01-01 is one, and is set).
type Date struct {
	t   time.Time // midnight UTC
	set bool
}

func of(t time.Time) Date { return Date{t: t, set: true} }

// Parse reads a YYYY-MM-DD date.
func Parse(s string) (Date, error) {
	if len(s) != len(Layout) {
		return Date{}, fmt.Errorf("%q is not a date in the form YYYY-MM-DD", s)
	}
	// By hand rather than time.Parse: plans are full of dates, and this is
	// several times faster. It accepts exactly what time.Parse(Layout)
	// accepts (FuzzParse compares them) and gives the same Date.
	y, okY := digits(s[0:4])
	m, okM := digits(s[5:7])
	d, okD := digits(s[8:10])
	if !okY || !okM || !okD || s[4] != '-' || s[7] != '-' || m < 1 || m > 12 || d < 1 || d > daysIn(time.Month(m), y) {
		return Date{}, fmt.Errorf("%q is not a valid date (YYYY-MM-DD)", s)
	}
	return of(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)), nil
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

func daysIn(m time.Month, year int) int {
	if m == time.February {
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	}
	return 31 - int(m-1)%7%2
}

// MustParse is Parse for constants in tests and generators.
func MustParse(s string) Date {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Of returns the calendar day of t in t's location.
func Of(t time.Time) Date {
	y, m, d := t.Date()
	return of(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return !d.set }

// String formats the date as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(Layout)
}

// Time returns the date as midnight UTC.
func (d Date) Time() time.Time { return d.t }

// DaysSince returns d − e in whole days. It counts in seconds, not in a
// time.Duration, which cannot hold more than 292 years.
func (d Date) DaysSince(e Date) int {
	return int((d.t.Unix() - e.t.Unix()) / secondsPerDay)
}

const secondsPerDay = 24 * 60 * 60

// AddDays returns the date n days later.
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n), d.set} }

// AddDate adds years, months and days as time.AddDate does.
func (d Date) AddDate(y, m, n int) Date { return Date{d.t.AddDate(y, m, n), d.set} }

// AddMonths adds n calendar months, keeping to the last day of a shorter
// month: a month after January 31 is February 28 (or 29), not March 3.
func (d Date) AddMonths(n int) Date {
	y, m, day := d.t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return Date{first.AddDate(0, 0, min(day, last)-1), d.set}
}

// Before, After and Equal compare two dates; an unset date comes before
// every date.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }
func (d Date) After(e Date) bool  { return d.Compare(e) > 0 }
func (d Date) Equal(e Date) bool  { return d.Compare(e) == 0 }

// Compare returns -1, 0 or +1; an unset date comes before every date.
func (d Date) Compare(e Date) int {
	switch {
	case d.set && e.set:
		return d.t.Compare(e.t)
	case d.set:
		return 1
	case e.set:
		return -1
	}
	return 0
}

// MarshalJSON writes the date as a string, or null when unset.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return d.AppendJSON(make([]byte, 0, len(Layout)+2)), nil
}

// AppendJSON appends the date as MarshalJSON writes it: "YYYY-MM-DD", or
// null for the zero date.
func (d Date) AppendJSON(b []byte) []byte {
	if d.IsZero() {
		return append(b, "null"...)
	}
	b = append(b, '"')
	b = d.t.AppendFormat(b, Layout)
	return append(b, '"')
}

// Prefix reads a date at the start of s and returns it with the rest of s.
// ok is false when s does not start with ten characters shaped like a date;
// err is set when it does but the date does not exist (2026-02-30).
func Prefix(s string) (d Date, rest string, ok bool, err error) {
	if len(s) < 10 || !shaped(s[:10]) {
		return Date{}, s, false, nil
	}
	if len(s) > 10 && isDigit(s[10]) {
		return Date{}, s, false, nil
	}
	d, err = Parse(s[:10])
	return d, s[10:], true, err
}

func shaped(s string) bool {
	for i := 0; i < 10; i++ {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return false
			}
		} else if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// Cadence is how often a pair means to meet.
type Cadence struct {
	Text string // as written
	Days int
}

// ParseCadence reads weekly, biweekly, monthly, quarterly, yearly, "every N
// days" or "every N weeks".
func ParseCadence(s string) (Cadence, error) {
	unit, n, ok := recurrence(s)
	if !ok {
		return Cadence{}, fmt.Errorf("%q is not a cadence: use weekly, biweekly, monthly, quarterly, yearly, \"every N days\" or \"every N weeks\"", s)
	}
	days := n
	switch unit {
	case Week:
		days = 7 * n
	case Month:
		days = 30 * n
		if n == 3 {
			days = 91 // quarterly: thirteen weeks
		}
	case Year:
		days = 365
	}
	return Cadence{s, days}, nil
}

// The units a cadence repeats in, as a calendar counts them.
const (
	Day   = "day"
	Week  = "week"
	Month = "month"
	Year  = "year"
)

// Recurrence says how a calendar repeats the cadence: every n units (day,
// week, month or year). Days counts a month as 30 days and a quarter as 91;
// a calendar counts months, and the two drift apart by a few days a year.
// ok is false for a cadence ParseCadence does not read.
func (c Cadence) Recurrence() (unit string, n int, ok bool) {
	return recurrence(c.Text)
}

func recurrence(s string) (unit string, n int, ok bool) {
	norm := strings.Join(strings.Fields(strings.ToLower(s)), " ")
	switch norm {
	case "weekly":
		return Week, 1, true
	case "biweekly", "fortnightly":
		return Week, 2, true
	case "monthly":
		return Month, 1, true
	case "quarterly":
		return Month, 3, true
	case "yearly", "annually":
		return Year, 1, true
	}
	f := strings.Fields(norm)
	if len(f) == 3 && f[0] == "every" {
		n, err := strconv.Atoi(f[1])
		if err == nil && n > 0 && n <= 3650 {
			switch f[2] {
			case "day", "days":
				return Day, n, true
			case "week", "weeks":
				if n <= 520 {
					return Week, n, true
				}
			}
		}
	}
	return "", 0, false
}

// ParseDuration reads "N days|weeks|months|years" and returns the date that
// long after start.
func ParseDuration(start Date, s string) (Date, error) {
	f := strings.Fields(strings.ToLower(s))
	bad := fmt.Errorf("%q is not a duration: use \"N days\", \"N weeks\", \"N months\" or \"N years\"", s)
	if len(f) != 2 {
		return Date{}, bad
	}
	n, err := strconv.Atoi(f[0])
	if err != nil || n <= 0 || n > 100*366 {
		return Date{}, bad
	}
	switch strings.TrimSuffix(f[1], "s") {
	case "day":
		return start.AddDate(0, 0, n), nil
	case "week":
		return start.AddDate(0, 0, 7*n), nil
	case "month":
		if n > 1200 {
			return Date{}, bad
		}
		return start.AddMonths(n), nil
	case "year":
		if n > 100 {
			return Date{}, bad
		}
		return start.AddMonths(12 * n), nil
	}
	return Date{}, bad
}
