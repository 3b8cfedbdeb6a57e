package closure

import (
	"bytes"
	"testing"
)

// containsFold answers as bytes.Contains(bytes.ToLower(b), sub) does.
func FuzzContainsFold(f *testing.F) {
	for _, s := range []string{"## Check-ins", "## CHECKIN", "## Chec\u212A in", "check-i", "", "\xff check in"} {
		f.Add(s, "check-in")
		f.Add(s, "check in")
	}
	f.Fuzz(func(t *testing.T, s, sub string) {
		for i := 0; i < len(sub); i++ {
			if sub[i] >= 0x80 || 'A' <= sub[i] && sub[i] <= 'Z' {
				return // a lower-case ASCII word
			}
		}
		if got, want := containsFold([]byte(s), sub), bytes.Contains(bytes.ToLower([]byte(s)), []byte(sub)); got != want {
			t.Fatalf("containsFold(%q, %q) = %v, ToLower says %v", s, sub, got, want)
		}
	})
}
