package plan

import (
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/markdown"
)

const fm = "---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-15\n---\n"

// nestingWarnings are the lines of the warnings about nesting past the limit.
func nestingWarnings(p *Plan) []int {
	var lines []int
	for _, pr := range p.Problems {
		if strings.Contains(pr.Message, "nest more than") {
			if pr.Severity != diag.Warning {
				return []int{-pr.Line}
			}
			lines = append(lines, pr.Line)
		}
	}
	return lines
}

// Lists nested deeper than the parser reads quickly do not make the plan
// invalid: the goals and meetings around them are judged, and a warning
// names the line where the skipped region starts.
func TestDeepNestingIsSkippedWithAWarning(t *testing.T) {
	src := fm + "## Goals\n- [ ] A\n" + // lines 6-7
		strings.Repeat("- ", 100000) + "x\n" + // line 8
		"- [x] B\n" + // line 9
		"## Meetings\n### 2026-02-01 Kickoff\n" // lines 10-11
	p := Parse("plan.md", []byte(src), Options{})
	if !p.Valid() {
		t.Fatalf("deep nesting made the plan invalid: %v", p.Problems)
	}
	if got := nestingWarnings(p); len(got) != 1 || got[0] != 8 {
		t.Errorf("nesting warnings on lines %v, want [8]: %v", got, p.Problems)
	}
	if len(p.Goals) != 2 || p.Goals[0].Title != "A" || p.Goals[1].Title != "B" || p.Goals[1].State != Met {
		t.Errorf("goals: %+v", p.Goals)
	}
	if len(p.Meetings) != 1 || p.Meetings[0].Line != 11 {
		t.Errorf("meetings: %+v", p.Meetings)
	}

	// Nested by indentation, a thousand deep: one warning for the region,
	// from the first line past the limit.
	var b strings.Builder
	for i := 0; i < 1000; i++ {
		b.WriteString(strings.Repeat("  ", i) + "- note\n")
	}
	p = Parse("plan.md", []byte(fm+"## Goals\n- [ ] A\n"+b.String()+"## Meetings\n### 2026-02-01 Kickoff\n"), Options{})
	if got := nestingWarnings(p); !p.Valid() || len(got) != 1 || got[0] != 7+1+markdown.Limit {
		t.Errorf("nesting warnings on lines %v, want [%d]: %v", got, 7+1+markdown.Limit, p.Problems)
	}
	if len(p.Goals) != 1 || len(p.Meetings) != 1 {
		t.Errorf("goals %+v, meetings %+v", p.Goals, p.Meetings)
	}
}

// At the limit the plan is read as usual, every level a progress note.
func TestNestingAtTheLimit(t *testing.T) {
	var b strings.Builder
	for i := 0; i < markdown.Limit; i++ {
		b.WriteString(strings.Repeat("  ", i) + "- [ ] level\n")
	}
	p := Parse("plan.md", []byte(fm+"## Goals\n"+b.String()), Options{noFastBody: true})
	if !p.Valid() || len(p.Goals) != 1 || len(p.Goals[0].Notes) != markdown.Limit-1 || len(nestingWarnings(p)) != 0 {
		t.Fatalf("plan at the limit: %+v, %+v", p.Problems, p.Goals)
	}
}

// Valid Markdown that only looks deep is read as CommonMark reads it, with
// no warning: indentation inside fenced code and <pre>, and a long
// thematic break of "- - - -".
func TestUnusualButValidBlocks(t *testing.T) {
	deepLines := func(prefix string) string {
		var b strings.Builder
		for i := 0; i < 200; i++ {
			b.WriteString(prefix + strings.Repeat("  ", i) + "- x\n")
		}
		return b.String()
	}
	for name, block := range map[string]string{
		"fenced code":          "```\n" + deepLines("") + "```\n",
		"tilde fence":          "~~~~ text\n" + deepLines("") + "~~~~\n",
		"fence in a goal":      "- [ ] In a goal\n  ```\n" + deepLines("  ") + "  ```\n",
		"pre":                  "<pre>\n" + deepLines("") + "</pre>\n",
		"html comment":         "<!--\n" + deepLines("") + "-->\n",
		"div":                  "<div>\n" + deepLines("") + "\n",
		"thematic break":       strings.Repeat("- ", 50000) + "\n",
		"starred break":        strings.Repeat("* ", 50000) + "\n",
		"underscored break":    strings.Repeat("_ ", 50000) + "\n",
		"break in a goal":      "- [ ] In a goal\n  " + strings.Repeat("- ", 50000) + "\n",
		"link definitions":     strings.Repeat("[a]: https://example.com\n", 20000),
		"indented code":        "\n" + strings.Repeat("    "+strings.Repeat(" ", 100)+"code\n", 100),
		"quote with a fence":   "> ```\n> " + strings.Repeat("- ", 10) + "\n> ```\n",
		"list of thematic bks": strings.Repeat("- * * *\n", 1000),
	} {
		src := fm + "## Goals\n- [x] First\n\n" + block + "\n- [ ] Last\n\n## Meetings\n### 2026-02-01 Kickoff\n"
		p := Parse("plan.md", []byte(src), Options{})
		if !p.Valid() || len(nestingWarnings(p)) != 0 {
			t.Errorf("%s: problems %v", name, p.Problems)
			continue
		}
		if n := len(p.Goals); n < 2 || p.Goals[0].Title != "First" || p.Goals[n-1].Title != "Last" {
			t.Errorf("%s: goals %+v", name, p.Goals)
		}
		if len(p.Meetings) != 1 {
			t.Errorf("%s: meetings %+v", name, p.Meetings)
		}
	}
}
