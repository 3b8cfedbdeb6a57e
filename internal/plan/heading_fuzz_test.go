package plan

import (
	"reflect"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/dates"
)

// FuzzHeading: the meeting-heading grammar round-trips (what ParseHeading
// reads, Format writes back so that ParseHeading reads the same), it never
// panics, and the plain-title shortcut agrees with the general reading.
func FuzzHeading(f *testing.F) {
	for _, s := range []string{
		"2026-01-20 Kickoff", "2026-02-03 cancelled by mentee", "2026-02-03 Cancelled", "2026-03-03 no-show mentor",
		"2026-03-03 no show by mentee", "2026-03-03 noshow", "2026-02-17 unproductive", "2026-10-01 Roadmap — unproductive",
		"2026-10-01 Sync - cancelled by mentor", "2026-10-01: Sync, unproductive", "2026-10-01 (cancelled) talk",
		"2026-10-01 Talk rehearsal unproductive.", "2026-10-01 no", "2026-10-01 No idea", "2026-02-30 x", "not a date",
		"2026-01-20Kickoff", "2026-01-20", "2026-01-20   spaced   words  ", "2026-01-20 Ünïcode", "2026-01-20 a\tb",
		"2026-05-02 no-show mentee", "2026-06-27 cancelled by mentor", "2026-06-27 Design  review cancelled!",
		"2026-06-27 -- cancelled", "2026-06-27 a b c d e f g h i j k l m n o p q cancelled", "2026-06-27 CANCELLED. Unproductive",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, err := ParseHeading(s)
		if err != nil {
			return
		}
		// The shortcut, when it applies, reads what the general reading reads.
		_, rest, _, _ := dates.Prefix(strings.TrimSpace(s))
		if title, ok := plainTitle(rest); ok {
			general := readRest(Heading{Date: h.Date, Kind: Held}, rest)
			if general.Title != title || !reflect.DeepEqual(general, h) {
				t.Fatalf("%q: shortcut reads %+v, general reading %+v", s, h, general)
			}
		}
		// So does the shortcut for plain words with a status phrase.
		if marked, ok := plainMarked(Heading{Date: h.Date, Kind: Held}, rest); ok {
			general := readRest(Heading{Date: h.Date, Kind: Held}, rest)
			if !reflect.DeepEqual(general, marked) {
				t.Fatalf("%q: marked shortcut reads %+v, general reading %+v", s, marked, general)
			}
		}
		// Format then ParseHeading gives the same heading back. 0001-01-01
		// is the zero Date, which means "no date" and formats as "".
		if h.Date.IsZero() {
			return
		}
		text := h.Format()
		back, err := ParseHeading(text)
		if err != nil {
			t.Fatalf("%q reads as %+v, formats as %q, which does not read back: %v", s, h, text, err)
		}
		if !reflect.DeepEqual(back, h) {
			t.Fatalf("%q reads as %+v, formats as %q, which reads back as %+v", s, h, text, back)
		}
	})
}

// The headings a pair writes most take the marked shortcut, which reads
// them as the general reading does.
func TestPlainMarkedTakesCommonHeadings(t *testing.T) {
	for _, rest := range []string{" no-show mentee", " cancelled by mentor", " Sync cancelled", " cancelled unproductive",
		" Design review unproductive", " no show by mentee", " noshow", " Canceled."} {
		got, ok := plainMarked(Heading{Kind: Held}, rest)
		if !ok {
			t.Errorf("%q does not take the shortcut", rest)
			continue
		}
		if want := readRest(Heading{Kind: Held}, rest); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: shortcut %+v, general %+v", rest, got, want)
		}
	}
	for _, rest := range []string{" Sync — cancelled", " a - cancelled", " (cancelled)", " Été cancelled", " a\tcancelled"} {
		if _, ok := plainMarked(Heading{Kind: Held}, rest); ok {
			t.Errorf("%q takes the shortcut, which only reads plain ASCII words", rest)
		}
	}
}
