// Package markdown is the one Markdown parser mentor's readers share: plans
// and closure records both find their structure (headings, list items) in
// goldmark's block tree and read text raw.
//
// The parser is goldmark's CommonMark block parser with two changes that
// keep its time linear in the size of a file whatever the file holds:
//
//   - no paragraph transformers: the link-reference-definition transformer
//     takes time quadratic in the number of definitions (80,000 "[i]:x" lines
//     cost seconds), and mentor reads no links;
//   - lists and block quotes nest at most Limit deep: goldmark scans the rest
//     of a line once for every container it opens on it, so a line of
//     "- - - … x" costs time quadratic in its length. What would nest deeper
//     is kept as a Skipped block and reported, not parsed.
//
// Code blocks, HTML blocks and thematic breaks are goldmark's own, so
// indentation inside ``` or <pre> and a long "- - - -" rule read as
// CommonMark says.
package markdown

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Limit is how deep lists and quotes may nest before mentor stops reading
// them as lists and quotes. No plan or record nests more than a few levels;
// the cost of a line grows with the square of the containers it opens, so
// at 16 a 1 MiB file made only of lines nested past the limit still reads
// in a fraction of a second (BenchmarkPathological, deep-lines).
const Limit = 16

// KindSkipped is the kind of a Skipped block.
var KindSkipped = ast.NewNodeKind("Skipped")

// Skipped holds the rest of a line that would open a list or a quote deeper
// than Limit. Its one line is the raw text, from the marker to the end of
// the line.
type Skipped struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (n *Skipped) Kind() ast.NodeKind { return KindSkipped }

// IsRaw implements ast.Node: the text is not parsed further.
func (n *Skipped) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *Skipped) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

var skippedKey = parser.NewContextKey()

// capped is a container parser (lists, quotes) that opens nothing deeper
// than Limit.
type capped struct{ parser.BlockParser }

func (c capped) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if depth(parent) < Limit {
		return c.BlockParser.Open(parent, reader, pc)
	}
	_, seg := reader.PeekLine()
	n, _ := c.BlockParser.Open(parent, reader, pc)
	if n == nil {
		return nil, parser.NoChildren
	}
	// The container would open here: keep the line as text instead.
	s := &Skipped{}
	s.Lines().Append(seg)
	reader.AdvanceToEOL()
	if offs, ok := pc.Get(skippedKey).(*[]int); ok {
		*offs = append(*offs, seg.Start)
	}
	return s, parser.NoChildren
}

func (c capped) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	if node.Kind() == KindSkipped {
		return parser.Close
	}
	return c.BlockParser.Continue(node, reader, pc)
}

func (c capped) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	if node.Kind() != KindSkipped {
		c.BlockParser.Close(node, reader, pc)
	}
}

// depth is how many list items and quotes hold n (n included).
func depth(n ast.Node) int {
	d := 0
	for ; n != nil; n = n.Parent() {
		if k := n.Kind(); k == ast.KindListItem || k == ast.KindBlockquote {
			d++
		}
	}
	return d
}

// KindText is the kind of a Text block: a paragraph kept as raw text.
var KindText = ast.NewNodeKind("Text")

// Text is a paragraph whose inline content is not parsed: goldmark would
// otherwise make a node for every line of every paragraph, which mentor
// never reads (it reads a paragraph's lines). It takes the place of the
// ast.Paragraph (and of the ast.TextBlock a tight list item would make of
// it), with the same lines.
type Text struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (n *Text) Kind() ast.NodeKind { return KindText }

// IsRaw implements ast.Node: goldmark leaves the lines unparsed.
func (n *Text) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *Text) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

var closedKey = parser.NewContextKey()

// rawText is a paragraph transformer that puts a Text in place of every
// paragraph as it closes. goldmark calls it before the paragraph parser's
// Close, except when a setext heading underline takes the paragraph's lines:
// then Close comes first (markedClose notes it), and the paragraph is left
// for the heading.
type rawText struct{}

func (rawText) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	if pc.Get(closedKey) == ast.Node(node) {
		return
	}
	t := &Text{}
	t.SetLines(node.Lines())
	t.SetPos(node.Pos())
	t.SetBlankPreviousLines(node.HasBlankPreviousLines())
	node.Parent().ReplaceChild(node.Parent(), node, t)
}

// markedClose is the paragraph parser, noting which paragraph it closed.
type markedClose struct{ parser.BlockParser }

func (m markedClose) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	m.BlockParser.Close(node, reader, pc)
	pc.Set(closedKey, node)
}

// blocks parses block structure only. Goals, meetings and sections live in
// headings and list items, whose text mentor reads raw (checkboxes and
// strike-through by hand), so inline parsing would cost time and buy
// nothing — and inline parsing is where pathological input (thousands of
// unclosed links or emphasis markers) bites. The parser holds no
// per-document state and is shared by all goroutines.
var blocks = parser.NewParser(parser.WithBlockParsers(blockParsers()...),
	parser.WithParagraphTransformers(util.Prioritized(rawText{}, 100)))

func blockParsers() []util.PrioritizedValue {
	ps := parser.DefaultBlockParsers()
	code := map[parser.BlockParser]bool{parser.NewFencedCodeBlockParser(): true, parser.NewCodeBlockParser(): true}
	for i, p := range ps {
		bp := p.Value.(parser.BlockParser)
		switch {
		case isContainer(bp):
			ps[i].Value = capped{bp}
		case code[bp]:
			ps[i].Value = firstLine{bp}
		case bp == parser.NewParagraphParser():
			ps[i].Value = markedClose{bp}
		}
	}
	return ps
}

// firstLine is a code block parser that keeps only the first line of the
// block: mentor reads no code, only where a code block starts, and a long
// one then costs no memory.
type firstLine struct{ parser.BlockParser }

func (f firstLine) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	st := f.BlockParser.Continue(node, reader, pc)
	if ls := node.Lines(); ls.Len() > 1 {
		ls.SetSliced(0, 1)
	}
	return st
}

// isContainer tells goldmark's list and block-quote parsers by what
// triggers them: the list parser (not the list-item parser, which only
// adds items to a list already open) and the quote parser.
func isContainer(bp parser.BlockParser) bool {
	list, quote := parser.NewListParser(), parser.NewBlockquoteParser()
	return bp == list || bp == quote
}

// Doc is a parsed body.
type Doc struct {
	Root ast.Node
	// Skipped are the body offsets where a line would have nested lists or
	// quotes deeper than Limit, in order.
	Skipped []int
}

// Blocks parses src into goldmark's block tree. Segments in the tree are
// offsets into src.
func Blocks(src []byte) Doc {
	var skipped []int
	pc := parser.NewContext()
	pc.Set(skippedKey, &skipped)
	root := blocks.Parse(text.NewReader(src), parser.WithContext(pc))
	return Doc{Root: root, Skipped: skipped}
}

// Skips says where nesting was cut short, for a reader's warning: the file
// line of the first skipped line and the words of the warning; lineOf maps a
// body offset to its file line. ok is false when nothing was skipped.
func (d Doc) Skips(lineOf func(off int) int) (line int, msg string, ok bool) {
	if len(d.Skipped) == 0 {
		return 0, "", false
	}
	first, last, lines := lineOf(d.Skipped[0]), 0, 0
	for _, off := range d.Skipped {
		if l := lineOf(off); l != last {
			last, lines = l, lines+1
		}
	}
	where := "what is deeper on this line"
	if lines > 1 {
		where = fmt.Sprintf("what is deeper on %d lines from here to line %d", lines, last)
	}
	return first, fmt.Sprintf("lists or quotes nest more than %d deep here; mentor skipped %s: flatten the list", Limit, where), true
}
