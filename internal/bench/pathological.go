package bench

import (
	"fmt"
	"strings"
)

// Shape is a kind of Markdown that is valid but unusual, or nested past
// what mentor reads, in n units: Body(n) holds n of them, so Body(10*n) is
// ten times the input. The benchmarks read each shape at n and at 10n and
// scripts/bench-markdown.sh prints how the time grows; it must grow about
// tenfold, never as the square.
type Shape struct {
	Name string
	N    int // the smaller size: Body(10*N) stays under 1 MiB
	Body func(n int) string
}

// deepLines is one list nested 40 deep by indentation, over 40 lines.
var deepLines = indented("")

// indented is deepLines with every line after prefix (the indentation of
// a goal's content).
func indented(prefix string) string {
	var b strings.Builder
	for i := 0; i < 40; i++ {
		b.WriteString(prefix + strings.Repeat("  ", i) + "- x\n")
	}
	return b.String()
}

// numbered is n lines made by format from their number, 1 to n.
func numbered(n int, format string) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, format, i)
	}
	return b.String()
}

// Shapes are the pathological inputs, each a body that goes under a
// "## Goals" heading of a plan or a "## Summary" heading of a record: one
// for every kind of input the readers were hardened against (the tests of
// deep nesting and of unusual but valid blocks in internal/plan,
// internal/closure and internal/markdown), so that each is shown to read
// in linear time.
var Shapes = []Shape{
	{"link-definitions", 8000, func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "[%d]:x\n", i)
		}
		return b.String()
	}},
	{"fenced-code-indented", 50, func(n int) string {
		return "```\n" + strings.Repeat(deepLines, n) + "```\n"
	}},
	{"pre-indented", 50, func(n int) string {
		return "<pre>\n" + strings.Repeat(deepLines, n) + "</pre>\n"
	}},
	{"html-comment-indented", 50, func(n int) string {
		return "<!--\n" + strings.Repeat(deepLines, n) + "-->\n"
	}},
	{"thematic-break", 40000, func(n int) string { return strings.Repeat("- ", n) + "\n" }},
	{"thematic-breaks", 4000, func(n int) string { return strings.Repeat("- - - - - - - - - -\n", n) }},
	{"deep-list-markers", 40000, func(n int) string { return strings.Repeat("- ", n) + "x\n" }},
	{"deep-ordered-markers", 30000, func(n int) string { return strings.Repeat("1. ", n) + "x\n" }},
	{"deep-quotes", 40000, func(n int) string { return strings.Repeat("> ", n) + "x\n" }},
	{"deep-indentation", 50, func(n int) string { return strings.Repeat(deepLines, n) }},
	{"deep-lines", 1000, func(n int) string { return strings.Repeat(strings.Repeat("- ", 40)+"x\n", n) }},
	{"unclosed-links", 40000, func(n int) string { return "- [ ] " + strings.Repeat("[a", n) + "\n" }},
	{"unclosed-emphasis", 40000, func(n int) string { return "- [ ] " + strings.Repeat("*a", n) + "\n" }},
	{"link-definitions-one-label", 3000, func(n int) string {
		return strings.Repeat("[a]: https://example.com\n", n)
	}},
	{"tilde-fence-indented", 50, func(n int) string {
		return "~~~~ text\n" + strings.Repeat(deepLines, n) + "~~~~\n"
	}},
	{"fence-in-a-goal", 50, func(n int) string {
		return "- [ ] In a goal\n  ```\n" + strings.Repeat(indented("  "), n) + "  ```\n"
	}},
	{"div-indented", 50, func(n int) string { return "<div>\n" + strings.Repeat(deepLines, n) + "\n" }},
	{"indented-code", 800, func(n int) string {
		return "\n" + strings.Repeat("    "+strings.Repeat(" ", 100)+"code\n", n)
	}},
	{"starred-break", 40000, func(n int) string { return strings.Repeat("* ", n) + "\n" }},
	{"underscored-break", 40000, func(n int) string { return strings.Repeat("_ ", n) + "\n" }},
	{"break-in-a-goal", 40000, func(n int) string { return "- [ ] In a goal\n  " + strings.Repeat("- ", n) + "\n" }},
	{"list-of-breaks", 10000, func(n int) string { return strings.Repeat("- * * *\n", n) }},
	{"deep-quoted-lists", 20000, func(n int) string { return strings.Repeat("> - ", n) + "x\n" }},
	{"many-sections", 5000, func(n int) string { return "x\n\n" + numbered(n, "## Section %d\nx\n") }},
	{"many-headings", 5000, func(n int) string { return "x\n\n" + numbered(n, "### Part %d\nx\n") }},
}
