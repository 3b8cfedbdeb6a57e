package dates

import (
	"reflect"
	"testing"
	"time"
)

// FuzzParse: Parse accepts exactly the dates time.Parse(Layout) accepts and
// returns the same day.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"2026-01-15", "2024-02-29", "2026-02-29", "2100-02-29", "2000-02-29",
		"2026-04-31", "2026-12-31", "2026-13-01", "2026-00-10", "2026-01-00", "0000-01-01", "9999-12-31",
		"2026-1-015", "+026-01-01", "2026/01/15", "２０２６-01-15", "2026-01-1x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := Parse(s)
		want, werr := time.Parse(Layout, s)
		if len(s) != len(Layout) {
			if err == nil {
				t.Fatalf("Parse(%q) accepted a string of the wrong length", s)
			}
			return
		}
		if (err == nil) != (werr == nil) {
			t.Fatalf("Parse(%q): error %v, time.Parse: %v", s, err, werr)
		}
		if err == nil && !reflect.DeepEqual(got, Date{want, true}) {
			t.Fatalf("Parse(%q) = %v, time.Parse gives %v", s, got.t, want)
		}
	})
}
