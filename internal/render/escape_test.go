package render

import (
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/frontmatter"
	"github.com/mentor-cli/mentor/internal/markdown"
	"github.com/mentor-cli/mentor/templates"
	"github.com/yuin/goldmark/ast"
)

// Names and titles full of Markdown cannot change the structure of what
// the built-in templates write: one title, the headings the template
// means, no HTML but mentor's own comments, no link a person did not write.
func TestNamesCannotBreakTheStructure(t *testing.T) {
	src, err := os.ReadFile("../cli/testdata/escaping/pairs/ada--grace/plan.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"agenda.md", "closure.md"} {
		tmpl, _ := fs.ReadFile(templates.FS, name)
		for _, unreachable := range []string{"", "mentor", "mentee"} {
			d := dataFor(t, "ada--grace", string(src), "2026-06-01")
			d.SetEnding(d.Unplanned, unreachable)
			out, err := ExecuteText(name, tmpl, d)
			if err != nil {
				t.Fatal(err)
			}
			doc, ferr := frontmatter.Split(out)
			if ferr != nil {
				t.Fatalf("%s: %s", name, ferr.Msg)
			}
			if fields, ferr := doc.Fields(); ferr != nil || len(fields) < 5 {
				t.Fatalf("%s: front matter %v", name, ferr)
			}
			var h1, h2 []string
			root := markdown.Blocks(doc.Body).Root
			for n := root.FirstChild(); n != nil; n = n.NextSibling() {
				switch b := n.(type) {
				case *ast.Heading:
					seg := b.Lines().At(0)
					text := string(seg.Value(doc.Body))
					if b.Level == 1 {
						h1 = append(h1, text)
					} else if b.Level == 2 {
						h2 = append(h2, strings.TrimSpace(text))
					}
				case *ast.HTMLBlock:
					seg := b.Lines().At(0)
					if line := string(seg.Value(doc.Body)); !strings.HasPrefix(line, "<!-- ") {
						t.Errorf("%s: an HTML block: %q", name, line)
					}
				}
			}
			if len(h1) != 1 || !strings.HasSuffix(h1[0], `and 1\. Grace \| Hopper \# \`+"`cobol\\` \\& \\$5") {
				t.Errorf("%s: level-1 headings %q", name, h1)
			}
			var want []string
			if name == "agenda.md" {
				for _, s := range d.Agenda {
					want = append(want, s.Heading)
				}
			} else {
				want = d.Sections
			}
			if strings.Join(h2, "|") != strings.Join(want, "|") {
				t.Errorf("%s (%s unreachable): level-2 headings\n%q\nwant\n%q", name, unreachable, h2, want)
			}
			body := string(doc.Body)
			if i := strings.Index(body, "```mermaid\n"); i >= 0 {
				body = body[:i] + body[i+strings.Index(body[i+3:], "```")+6:] // a chart is not Markdown
			}
			if strings.Contains(body, "](http://example.com)") {
				t.Errorf("%s: a name became a link", name)
			}
			raw := []string{d.Mentor, d.Mentee, d.Program}
			for _, g := range d.Goals {
				raw = append(raw, g.Title)
			}
			for _, m := range d.Meetings {
				raw = append(raw, m.Title)
			}
			for _, r := range raw {
				if r != "" && r != MarkdownText(r) && strings.Contains(body, r) {
					t.Errorf("%s (%s unreachable): %q is pasted in unescaped", name, unreachable, r)
				}
			}
		}
	}
}
