package dates

import "testing"

func TestParse(t *testing.T) {
	for _, s := range []string{"2026-02-30", "2026-1-5", "26-01-05", "2026-01-05x", "", "2026/01/05"} {
		if _, err := Parse(s); err == nil {
			t.Errorf("%q parsed", s)
		}
	}
	if d := MustParse("2026-11-21"); d.String() != "2026-11-21" || d.DaysSince(MustParse("2026-11-01")) != 20 {
		t.Errorf("%v", d)
	}
}

func TestCadence(t *testing.T) {
	for in, days := range map[string]int{"weekly": 7, "Biweekly": 14, "monthly": 30, "every 10 days": 10,
		"every 3 weeks": 21, "every 1 week": 7, "Every  2  Weeks": 14, "quarterly": 91, "Yearly": 365, "annually": 365} {
		c, err := ParseCadence(in)
		if err != nil || c.Days != days {
			t.Errorf("%q: %v %v", in, c, err)
		}
	}
	for _, in := range []string{"", "daily", "every 0 days", "every -1 weeks", "every x days", "every 3 months"} {
		if _, err := ParseCadence(in); err == nil {
			t.Errorf("%q accepted", in)
		}
	}
}

func TestRecurrence(t *testing.T) {
	for in, want := range map[string]struct {
		unit string
		n    int
	}{"weekly": {Week, 1}, "biweekly": {Week, 2}, "fortnightly": {Week, 2}, "monthly": {Month, 1}, "Quarterly": {Month, 3},
		"yearly": {Year, 1}, "every 10 days": {Day, 10}, "every 14 days": {Day, 14}, "every 3 weeks": {Week, 3}} {
		c, err := ParseCadence(in)
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		unit, n, ok := c.Recurrence()
		if !ok || unit != want.unit || n != want.n {
			t.Errorf("%q: %s %d %v, want %s %d", in, unit, n, ok, want.unit, want.n)
		}
	}
	if _, _, ok := (Cadence{Text: "when we feel like it"}).Recurrence(); ok {
		t.Error("free text has no recurrence")
	}
}

func TestDuration(t *testing.T) {
	start := MustParse("2026-01-31")
	for in, want := range map[string]string{"6 months": "2026-07-31", "1 month": "2026-02-28", "13 months": "2027-02-28", "2 weeks": "2026-02-14",
		"10 days": "2026-02-10", "1 year": "2027-01-31", "3 Years": "2029-01-31"} {
		d, err := ParseDuration(start, in)
		if err != nil || d.String() != want {
			t.Errorf("%q: %v %v, want %s", in, d, err, want)
		}
	}
	for _, in := range []string{"6", "months", "six months", "0 days", "-1 weeks", "2 fortnights", "1 2 months"} {
		if _, err := ParseDuration(start, in); err == nil {
			t.Errorf("%q accepted", in)
		}
	}
}

func TestPrefix(t *testing.T) {
	d, rest, ok, err := Prefix("2026-04-10: outline")
	if !ok || err != nil || d.String() != "2026-04-10" || rest != ": outline" {
		t.Errorf("%v %q %v %v", d, rest, ok, err)
	}
	if _, _, ok, _ := Prefix("20260-04-10"); ok {
		t.Error("a longer number is not a date")
	}
	if _, _, ok, err := Prefix("2026-02-31 x"); !ok || err == nil {
		t.Error("a date-shaped prefix that does not exist is an error")
	}
}

// Every day from 0001-01-01 to 9999-12-31 is a date: the first is set (not
// "no date"), and day counts across the whole range are exact.
func TestTheWholeRange(t *testing.T) {
	first, last := MustParse("0001-01-01"), MustParse("9999-12-31")
	var unset Date
	if first.IsZero() || first.String() != "0001-01-01" || last.String() != "9999-12-31" {
		t.Errorf("first %q (zero: %v), last %q", first, first.IsZero(), last)
	}
	if got := last.DaysSince(first); got != 3652058 {
		t.Errorf("9999-12-31 - 0001-01-01 = %d days, want 3652058", got)
	}
	if got := first.DaysSince(last); got != -3652058 {
		t.Errorf("0001-01-01 - 9999-12-31 = %d days, want -3652058", got)
	}
	if got := MustParse("2026-11-21").DaysSince(first); got != 739940 {
		t.Errorf("2026-11-21 - 0001-01-01 = %d days, want 739940", got)
	}
	if got := first.AddDays(3652058); !got.Equal(last) || got.IsZero() {
		t.Errorf("0001-01-01 + 3652058 days = %s", got)
	}
	if !unset.Before(first) || !first.After(unset) || unset.Equal(first) || !unset.Equal(Date{}) || unset.String() != "" {
		t.Errorf("an unset date must come before 0001-01-01 and equal only another unset date")
	}
	if b, _ := first.MarshalJSON(); string(b) != `"0001-01-01"` {
		t.Errorf("JSON of 0001-01-01: %s", b)
	}
	if b, _ := unset.MarshalJSON(); string(b) != "null" {
		t.Errorf("JSON of no date: %s", b)
	}
}
