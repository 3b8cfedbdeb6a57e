package render

import "testing"

// Templates can escape what a value would turn into Markdown.
func TestMarkdownFuncs(t *testing.T) {
	out, err := ExecuteText("t.md", []byte(`# {{mdheading .A}}
{{md .A}}
| {{mdcell .A}} |
[{{md .B}}]({{mdlink .B}})
{{mdcode .C}}
`), map[string]string{"A": "[x](y) | <b>\n# h", "B": "notes/a b (1).md", "C": "a`b"})
	if err != nil {
		t.Fatal(err)
	}
	want := "# \\[x\\](y) \\| \\<b\\> \\# h\n\\[x\\](y) \\| \\<b\\> \\# h\n| \\[x\\](y) \\| \\<b\\> \\# h |\n" +
		"[notes/a b (1).md](notes/a%20b%20%281%29.md)\n`` a`b ``\n"
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}
