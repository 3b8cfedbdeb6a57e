package closure

import (
	"strings"
	"testing"
)

// Deep lists cannot be tamed as quotes are: a record that nests them too
// deep is invalid at that line, and reading it stays fast.
func TestDeepListsAreAnError(t *testing.T) {
	src := "---\nmentor: A\n---\n## Summary\n" + strings.Repeat("1. ", 100000) + "done\n"
	r := Parse("closure.md", []byte(src))
	found := false
	for _, p := range r.Problems {
		if p.Line == 5 && strings.Contains(p.Message, "nest more than") {
			found = true
		}
	}
	if !found || r.Valid() {
		t.Fatalf("problems: %+v", r.Problems)
	}
}
