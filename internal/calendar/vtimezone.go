package calendar

import (
	"fmt"
	"strconv"
	"time"

	ics "github.com/arran4/golang-ical"
)

// transition is a change of a zone's offset.
type transition struct {
	at       time.Time // the instant
	from, to int       // offsets before and after, in seconds east of UTC
	name     string    // abbreviation after it
	dst      bool      // daylight saving time after it
}

// local is the wall-clock time of the transition in the offset before it,
// as a VTIMEZONE's DTSTART gives it.
func (t transition) local() time.Time { return t.at.In(time.FixedZone("", t.from)) }

// transitions lists the zone's transitions after from, up to and including to.
func transitions(loc *time.Location, from, to time.Time) []transition {
	var out []transition
	t := from.In(loc)
	for i := 0; i < 1000; i++ { // a zone changes at most a few times a year
		_, end := t.ZoneBounds()
		if end.IsZero() || end.After(to) {
			break
		}
		_, before := end.Add(-time.Second).Zone()
		name, after := end.Zone()
		out = append(out, transition{at: end, from: before, to: after, name: name, dst: end.IsDST()})
		t = end
	}
	return out
}

// VTimezone describes the zone loc, named name, for events from from to to
// (instants). It looks at the transitions from a year before from: when they
// follow yearly rules (the last Sunday of March, the second Sunday of
// March...), as nearly every zone's do now, it writes one observance per rule
// with its RRULE; otherwise it writes each transition as an observance of its
// own. A zone without transitions gets a single STANDARD observance.
func VTimezone(name string, loc *time.Location, from, to time.Time) *ics.VTimezone {
	tz := ics.NewTimezone(name)
	// A year before the first event, so that an observance starts before
	// it, and three years on at least, so that each rule shows itself more
	// than once (the 25th of March is both the 4th and the last Sunday).
	begin, end := from.AddDate(-1, 0, 0), to
	if min := from.AddDate(3, 0, 0); end.Before(min) {
		end = min
	}
	ts := transitions(loc, begin, end)
	first := begin.In(loc)
	abbr, off := first.Zone()
	if len(ts) == 0 {
		observance(tz, first.IsDST(), time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), off, off, abbr, "")
		return tz
	}
	if rules, ok := yearlyRules(ts); ok {
		for _, r := range rules {
			observance(tz, r.first.dst, r.first.local(), r.first.from, r.first.to, r.first.name, r.rrule)
		}
		return tz
	}
	// What is in force before the first transition, then each transition.
	observance(tz, first.IsDST(), time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), off, off, abbr, "")
	for _, t := range ts {
		observance(tz, t.dst, t.local(), t.from, t.to, t.name, "")
	}
	return tz
}

func observance(tz *ics.VTimezone, dst bool, start time.Time, from, to int, name, rrule string) {
	var c *ics.ComponentBase
	if dst {
		d := &ics.Daylight{}
		tz.Components = append(tz.Components, d)
		c = &d.ComponentBase
	} else {
		s := &ics.Standard{}
		tz.Components = append(tz.Components, s)
		c = &s.ComponentBase
	}
	c.SetProperty(ics.ComponentPropertyDtStart, start.Format(localLayout))
	c.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), offset(from))
	c.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), offset(to))
	if name != "" {
		c.SetProperty(ics.ComponentProperty(ics.PropertyTzname), name)
	}
	if rrule != "" {
		c.AddRrule(rrule)
	}
}

// offset formats seconds east of UTC as a UTC-OFFSET: +0100, -0330, +054500.
func offset(sec int) string {
	sign := "+"
	if sec < 0 {
		sign, sec = "-", -sec
	}
	s := fmt.Sprintf("%s%02d%02d", sign, sec/3600, sec/60%60)
	if sec%60 != 0 {
		s += fmt.Sprintf("%02d", sec%60)
	}
	return s
}

// rule is one yearly rule of a zone: its first transition in the window and
// the RRULE that gives the others.
type rule struct {
	first transition
	rrule string
}

var weekdays = [...]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

// yearlyRules groups the transitions into yearly rules, a month and an n-th
// (or last) weekday of it at one wall-clock time; ok is false when some do
// not fit, or a rule skips a year.
func yearlyRules(ts []transition) ([]rule, bool) {
	type key struct {
		dst                  bool
		from, to             int
		name                 string
		month                time.Month
		weekday              time.Weekday
		hour, minute, second int
	}
	var order []key
	groups := map[key][]transition{}
	for _, t := range ts {
		l := t.local()
		k := key{t.dst, t.from, t.to, t.name, l.Month(), l.Weekday(), l.Hour(), l.Minute(), l.Second()}
		if _, seen := groups[k]; !seen {
			order = append(order, k)
		}
		groups[k] = append(groups[k], t)
	}
	if len(order) != 2 {
		return nil, false // a zone whose rules changed in the window
	}
	var out []rule
	for _, k := range order {
		g := groups[k]
		if len(g) < 2 {
			return nil, false
		}
		last, nth := true, 0
		for i, t := range g {
			l := t.local()
			if i > 0 && l.Year() != g[i-1].local().Year()+1 {
				return nil, false
			}
			n := (l.Day()-1)/7 + 1
			if i == 0 {
				nth = n
			} else if n != nth {
				nth = 0
			}
			last = last && l.Day()+7 > daysIn(l)
		}
		by := ""
		switch {
		case last:
			by = "-1"
		case nth > 0:
			by = strconv.Itoa(nth)
		default:
			return nil, false
		}
		out = append(out, rule{first: g[0], rrule: fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYDAY=%s%s", int(k.month), by, weekdays[k.weekday])})
	}
	return out, true
}

func daysIn(t time.Time) int {
	return time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
