// Package markdown is the one Markdown parser mentor's readers share: plans
// and closure records both find their structure (headings, list items) in
// goldmark's block tree and read text raw.
package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// blocks parses block structure only. Goals, meetings and sections live in
// headings and list items, whose text mentor reads raw (checkboxes and
// strike-through by hand), so inline parsing would cost time and buy
// nothing — and inline parsing is where pathological input (thousands of
// unclosed links or emphasis markers) bites. The parser holds no
// per-document state and is shared by all goroutines.
var blocks = parser.NewParser(
	parser.WithBlockParsers(parser.DefaultBlockParsers()...),
	parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
)

// Blocks parses src into goldmark's block tree. Segments in the tree are
// offsets into src. Callers bound nesting depth first (package nesting).
func Blocks(src []byte) ast.Node {
	return blocks.Parse(text.NewReader(src))
}
