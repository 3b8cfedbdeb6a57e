package closure

import (
	"strings"

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
