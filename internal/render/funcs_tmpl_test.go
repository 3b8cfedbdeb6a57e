package render

import (
	"testing"

	"github.com/mentor-cli/mentor/internal/dates"
)

func TestMarkdownText(t *testing.T) {
	for in, want := range map[string]string{
		"Ada Lovelace":            "Ada Lovelace",
		"Zoë Ørsted":              "Zoë Ørsted",
		"Ada *the* [first](x)":    `Ada \*the\* \[first\](x)`,
		"<!-- gone":               `\<!-- gone`,
		"C# | F#":                 `C\# \| F\#`,
		"a_b `c` ~d~ & $5 \\":     `a\_b \` + "`c\\`" + ` \~d\~ \& \$5 \\`,
		"- Bob":                   `\- Bob`,
		"+ Bob":                   `\+ Bob`,
		"=== Bob":                 `\=== Bob`,
		"1. Bob":                  `1\. Bob`,
		"12) Bob":                 `12\) Bob`,
		"Bob 1. Smith":            "Bob 1. Smith",
		"two\nlines\r\nand more ": "two lines and more",
		"Run a 1:1 well":          "Run a 1:1 well",
		"see http://x.org":        `see http\://x.org`,
		"www.x.org or a@b.org":    `www\.x.org or a\@b.org`,
	} {
		if got := MarkdownText(in); got != want {
			t.Errorf("MarkdownText(%q) = %q, want %q", in, got, want)
		}
	}
	if got := MarkdownText(dates.MustParse("2026-03-01")); got != "2026-03-01" {
		t.Errorf("a date = %q", got)
	}
}

func TestMarkdownLinkAndCode(t *testing.T) {
	if got := MarkdownLink("notes/2026-03-01 mentee (2).md"); got != "notes/2026-03-01%20mentee%20%282%29.md" {
		t.Errorf("MarkdownLink = %q", got)
	}
	for in, want := range map[string]string{
		"mentor close record ada--grace": "`mentor close record ada--grace`",
		"a `b` c":                        "``a `b` c``",
		"`x``":                           "``` `x`` ```",
	} {
		if got := MarkdownCode(in); got != want {
			t.Errorf("MarkdownCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMermaidText(t *testing.T) {
	for in, want := range map[string]string{
		"Kickoff":                "Kickoff",
		"Review: first draft":    "Review - first draft",
		"ratio 1:1, ends with:":  "ratio 1:1, ends with -",
		"two\nlines":             "two lines",
		"   ":                    "…",
		"C# and F#; 100% %% not": "C# and F#; 100% %% not",
	} {
		if got := MermaidText(in); got != want {
			t.Errorf("MermaidText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestQuoteAndShell(t *testing.T) {
	if got := Quote("- one\n\n  - two\r\nthree\n"); got != "> - one\n>\n>   - two\n> three" {
		t.Errorf("Quote = %q", got)
	}
	if Quote("") != "" {
		t.Error("Quote of nothing is not nothing")
	}
	for in, want := range map[string]string{
		"ada--grace":    "ada--grace",
		"pairs/a.b_c-2": "pairs/a.b_c-2",
		"ada grace":     "'ada grace'",
		"it's":          `'it'\''s'`,
		"-rf":           "'-rf'",
		"":              "''",
		"a;rm -rf ~":    "'a;rm -rf ~'",
		"$(echo owned)": "'$(echo owned)'",
		"zoë--li":       "'zoë--li'",
	} {
		if got := ShellWord(in); got != want {
			t.Errorf("ShellWord(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOrList(t *testing.T) {
	for want, in := range map[string][]string{"": nil, "a": {"a"}, "a or b": {"a", "b"}, "a, b or c": {"a", "b", "c"}} {
		if got := OrList(in); got != want {
			t.Errorf("OrList(%q) = %q, want %q", in, got, want)
		}
	}
}
