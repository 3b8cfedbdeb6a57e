package closure

import (
	"bytes"
	"sort"
	"strings"

	"github.com/mentor-cli/mentor/internal/frontmatter"
	"github.com/mentor-cli/mentor/internal/markdown"
	"github.com/yuin/goldmark/ast"
)

// NextGoalsHeading is the heading, level 2 or 3 (the built-in template puts
// it under "Next steps"), of the list of the mentee's goals for what comes
// next. Each top-level item of the list is a goal, written as in a plan
// ("- [ ] Lead the team's next design review"); its nested items are notes.
// mentor close rematch carries them into the new plan.
const NextGoalsHeading = "Next goals"

// NextGoal is one goal of a record's Next goals list.
type NextGoal struct {
	Title string   // the item's text, without its checkbox
	Line  int      // the item's line in closure.md
	Notes []string // its nested items, as written
}

// nextGoals reads the Next goals list of a record's body. An item that is
// still TODO is not a goal yet.
func nextGoals(doc frontmatter.Doc) []NextGoal {
	body := doc.Body
	if !bytes.Contains(bytes.ToLower(body), []byte("next goals")) {
		return nil
	}
	root := markdown.Blocks(body).Root
	nl := newlines(body)
	lineOf := func(off int) int { return doc.BodyLine + sort.SearchInts(nl, off) }
	var out []NextGoal
	level := 0 // the level of the Next goals heading while inside it
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			switch {
			case level > 0 && h.Level <= level:
				return out
			case level == 0 && (h.Level == 2 || h.Level == 3) && normHeading(string(joinLines(h, body))) == normHeading(NextGoalsHeading):
				level = h.Level
			}
			continue
		}
		if level == 0 || n.Kind() != ast.KindList {
			continue
		}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			title := goalTitle(itemText(it, body))
			if title == "" || IsTODO(title) {
				continue
			}
			g := NextGoal{Title: title, Line: lineOf(start(it))}
			for c := it.FirstChild(); c != nil; c = c.NextSibling() {
				if c.Kind() != ast.KindList {
					continue
				}
				for sub := c.FirstChild(); sub != nil; sub = sub.NextSibling() {
					if s := itemText(sub, body); s != "" && !IsTODO(s) {
						g.Notes = append(g.Notes, s)
					}
				}
			}
			out = append(out, g)
		}
	}
	return out
}

// itemText is the text of a list item's first paragraph, on one line.
func itemText(it ast.Node, body []byte) string {
	for c := it.FirstChild(); c != nil; c = c.NextSibling() {
		if k := c.Kind(); k == markdown.KindText || k == ast.KindParagraph || k == ast.KindTextBlock {
			return strings.TrimSpace(string(joinLines(c, body)))
		}
		break
	}
	return ""
}

// goalTitle drops a task-list checkbox: "[ ] Lead a review" is "Lead a review".
func goalTitle(s string) string {
	if len(s) >= 3 && s[0] == '[' && s[2] == ']' && strings.ContainsRune(" xX", rune(s[1])) && (len(s) == 3 || s[3] == ' ') {
		s = s[3:]
	}
	return strings.TrimSpace(s)
}
