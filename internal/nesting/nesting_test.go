package nesting

import (
	"strings"
	"testing"
)

func TestExceeds(t *testing.T) {
	deep := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(strings.Repeat("  ", i) + "- item\n")
		}
		return b.String()
	}
	for _, c := range []struct {
		name string
		body string
		want int
	}{
		{"empty", "", 0},
		{"a plan", "## Goals\n- [x] A\n  - 2026-01-01: note\n    - deeper\n\n> quote\n> > nested\n", 0},
		{"at the limit by indentation", deep(Limit), 0},
		{"past the limit by indentation", deep(Limit + 1), Limit + 1},
		{"list markers on one line", "x\n" + strings.Repeat("- ", Limit+1) + "x\n", 2},
		{"list markers at the limit", strings.Repeat("- ", Limit) + "x\n", 0},
		{"quotes", strings.Repeat(">", Limit+1) + " x", 1},
		{"ordered", strings.Repeat("1. ", Limit+1), 1},
		{"ordered with parens", strings.Repeat("12) ", Limit+1), 1},
		{"not markers", strings.Repeat("-x ", 1000) + "\n" + strings.Repeat("1.5 ", 1000), 0},
		{"tabs", strings.Repeat("\t", Limit/2+1) + "- x\n", 1},
		{"crlf", "a\r\n" + strings.Repeat("- ", Limit+1) + "\r\n", 2},
	} {
		if got := Exceeds([]byte(c.body), Limit); got != c.want {
			t.Errorf("%s: Exceeds = %d, want %d", c.name, got, c.want)
		}
	}
	quotes := strings.Repeat("> ", 1000) + "x\n"
	if got := ListsExceed([]byte(quotes), Limit); got != 0 {
		t.Errorf("ListsExceed counts quotes: %d", got)
	}
	if got := ListsExceed([]byte(quotes+strings.Repeat("> - ", Limit+1)), Limit); got != 2 {
		t.Errorf("ListsExceed misses lists behind quotes: %d", got)
	}
}
