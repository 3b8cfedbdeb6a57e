package plan

import (
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/nesting"
)

// A body nested deeper than goldmark can parse quickly is an error at the
// line where it gets too deep, not minutes of work.
func TestTooDeepIsAnError(t *testing.T) {
	src := "---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-15\n---\n## Goals\n- [ ] A\n" +
		strings.Repeat("- ", 100000) + "x\n"
	p := Parse("plan.md", []byte(src), Options{})
	if p.Valid() || len(p.Problems) != 1 || p.Problems[0].Line != 8 ||
		!strings.Contains(p.Problems[0].Message, "nest more than") {
		t.Fatalf("problems: %+v", p.Problems)
	}
	// At the limit the plan is read as usual.
	var b strings.Builder
	for i := 0; i < nesting.Limit; i++ {
		b.WriteString(strings.Repeat("  ", i) + "- [ ] level\n")
	}
	p = Parse("plan.md", []byte("---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-15\n---\n## Goals\n"+b.String()), Options{})
	if !p.Valid() || len(p.Goals) != 1 || len(p.Goals[0].Notes) != nesting.Limit-1 {
		t.Fatalf("plan at the limit: %+v, %+v", p.Problems, p.Goals)
	}
}
