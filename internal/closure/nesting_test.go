package closure

import (
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/diag"
)

// Deep lists do not make a record invalid: what is deeper than the parser
// reads is kept as text, the section that holds it says what it says, and
// a warning names the line.
func TestDeepListsAreSkippedWithAWarning(t *testing.T) {
	src := complete[:strings.Index(complete, "## Summary")] +
		"## Summary\n" + strings.Repeat("1. ", 100000) + "done\n" + // line 23
		"## Thanks\n" + strings.Repeat("- ", 1000) + "TODO\n" // lines 24-25
	r := Parse("closure.md", []byte(src))
	if !r.Valid() {
		t.Fatalf("problems: %v", r.Problems)
	}
	var warned []int
	for _, p := range r.Problems {
		if strings.Contains(p.Message, "nest more than") && p.Severity == diag.Warning {
			warned = append(warned, p.Line)
		}
	}
	if len(warned) != 1 || warned[0] != 23 {
		t.Errorf("nesting warnings on lines %v, want [23]: %v", warned, r.Problems)
	}
	if s := r.FindSection("Summary"); s == nil || s.Empty {
		t.Errorf("Summary: %+v", s)
	}
	if s := r.FindSection("Thanks"); s == nil || !s.Empty {
		t.Errorf("Thanks (only a deep TODO): %+v", s)
	}
}

// A complete record whose sections hold valid Markdown that only looks
// deep — indentation in fenced code and <pre>, a long "- - - -" rule,
// thousands of link definitions — has every section, none of them empty,
// and no warning.
func TestUnusualButValidBlocksInARecord(t *testing.T) {
	deepLines := func(prefix string) string {
		var b strings.Builder
		for i := 0; i < 200; i++ {
			b.WriteString(prefix + strings.Repeat("  ", i) + "- x\n")
		}
		return b.String()
	}
	body := "# Closure record\n\n" +
		"## Summary\n```\n" + deepLines("") + "```\n\n" +
		"## Goals and outcomes\n<pre>\n" + deepLines("") + "</pre>\n\n" +
		"## What went well\n" + strings.Repeat("- ", 50000) + "\n\nA lot.\n\n" +
		"## What was challenging\n" + strings.Repeat("[a]: https://example.com\n", 20000) + "\n" +
		"## Lessons learned\n~~~\n" + deepLines("") + "~~~\n\n" +
		"## Next steps\n" + strings.Repeat("* ", 50000) + "\nMore talks.\n\n" +
		"## Future connection\n- Quarterly\n  ```\n" + deepLines("  ") + "  ```\n\n" +
		"## Thanks\nThank you.\n"
	src := complete[:strings.Index(complete, "# Closure record")] + body
	r := Parse("closure.md", []byte(src))
	if !r.Valid() || len(r.Problems) != 0 {
		t.Fatalf("problems: %v", r.Problems)
	}
	for _, name := range []string{"Summary", "Goals and outcomes", "What went well", "What was challenging",
		"Lessons learned", "Next steps", "Future connection", "Thanks"} {
		if s := r.FindSection(name); s == nil || s.Empty {
			t.Errorf("section %s: %+v", name, s)
		}
	}
}
