package plan

import (
	"strings"
	"testing"
)

// lowerIs answers as strings.ToLower(s) == lower does, past ASCII too.
func TestLowerIs(t *testing.T) {
	for _, s := range []string{"goals", "Goals", "GOALS", "goal", "goalss", "", "Meetings", "MEETING LOG",
		"meeting  log", "Goals ", "go\u212Als", "\u212Aoals", "G\u00f6als", "goal\u017f", "MEETİNGS", "meetings\u0301"} {
		for _, w := range []string{"goals", "meetings", "meeting log", "kg"} {
			if got, want := lowerIs(s, w), strings.ToLower(s) == w; got != want {
				t.Errorf("lowerIs(%q, %q) = %v, ToLower says %v", s, w, got, want)
			}
		}
	}
	if !lowerIs("\u212Ag", "kg") {
		t.Error("the Kelvin sign lowers to k")
	}
}

func FuzzLowerIs(f *testing.F) {
	f.Add("Goals", "goals")
	f.Add("\u212Aoals", "koals")
	f.Fuzz(func(t *testing.T, s, w string) {
		w = strings.ToLower(w)
		for i := 0; i < len(w); i++ {
			if w[i] >= 0x80 {
				return // lowerIs takes an ASCII word
			}
		}
		if got, want := lowerIs(s, w), strings.ToLower(s) == w; got != want {
			t.Fatalf("lowerIs(%q, %q) = %v, ToLower says %v", s, w, got, want)
		}
	})
}
