package edit

import (
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/closure"
)

const recordSrc = `---
mentor: A
mentee: B
---

## Summary

A mentored B for 6 months.

TODO: in two or three sentences, why and how the relationship ended.

## What went well

<!-- say what worked -->

## Thanks

We thank each other.
`

func TestFillSection(t *testing.T) {
	cases := []struct {
		name, heading, text, want string
	}{
		{"TODO replaced, facts kept", "summary", "It ended as planned.\n\nBoth of us agreed.",
			strings.Replace(recordSrc, "TODO: in two or three sentences, why and how the relationship ended.\n", "It ended as planned.\n\nBoth of us agreed.\n", 1)},
		{"an empty section", "What went well", "Weekly pairing.",
			strings.Replace(recordSrc, "## What went well\n", "## What went well\n\nWeekly pairing.\n", 1)},
		{"already written", "Thanks", "More thanks.", ""},
		{"no such section", "Next steps", "x", ""},
		{"a heading in the text", "Summary", "x\n## Next steps\ny", ""},
		{"an unclosed fence", "Summary", "```\ncode", ""},
	}
	for _, c := range cases {
		variants(t, c.name, recordSrc, c.want, func(src []byte) ([]byte, error) {
			return FillSection(src, closure.Parse("closure.md", src), c.heading, c.text)
		})
	}
}

func TestSplitSections(t *testing.T) {
	h, x, err := SplitSections("\n## Summary\nIt ended.\n```\n## not a heading\n```\n## Thanks ##\nThank you.\n")
	if err != nil || len(h) != 2 || h[0] != "Summary" || h[1] != "Thanks" || x[0] != "It ended.\n```\n## not a heading\n```\n" || x[1] != "Thank you.\n\n" {
		t.Fatalf("%q %q %v", h, x, err)
	}
	for _, bad := range []string{"text first\n## Summary\n", "", "## A\n## a\n"} {
		if _, _, err := SplitSections(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
