package frontmatter

import (
	"fmt"
	"strings"
	"testing"
)

var fieldSeeds = []string{
	"mentor: Ada Lovelace\nmentee: Grace Hopper\nstart: 2026-01-15\nend: 2026-07-15\ncadence: biweekly\nstatus: active\n",
	"mentor: Ada\r\nmentee: Grace\r\nstart: 2026-01-15\r\n",
	"mentor: \"Ada Lovelace\"\nmentee: 'Grace Hopper'\nstart: '2026-01-15'\n",
	"mentor:   Zoë Ørsted   \nprogram: Platform mentoring 2026\n",
	"start: 2026-02-30\n",
	"start: 2026-1-5\n",
	"mentor: true\n",
	"mentor: yes\nmentee: no\nstatus: on\n",
	"mentor: Ada # a comment\n",
	"# a comment\nmentor: Ada\n",
	"mentor: Ada\nmentor: Grace\n",
	"mentor: Ada\n  Lovelace\n",
	"mentor:\nmentee: Grace\n",
	"mentor: Ada: Lovelace\n",
	"mentor: [Ada]\n",
	"mentor: &a Ada\nmentee: *a\n",
	"mentor: \"Ada \\\"the\\\" Lovelace\"\n",
	"mentor: 'It''s'\n",
	"mentor: Ada\tLovelace\n",
	"mentor: Ada 😀\n",
	"mentor: Ada\u00a0\n",
	"mentor: Ada\u2028x\n",
	"mentor: 12\nmentee: 1.5\n",
	"",
	"\n\n",
	"- a\n- b\n",
	"goals:\n  - title: x\n    outcome: met\n",
	"cadence: every 3 weeks\n",
	"key-with_dash9: Value\n",
	"9key: Value\n",
	"a: b\n\n\nc: d",
}

func FuzzFields(f *testing.F) {
	for _, s := range fieldSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		d := Doc{YAML: []byte(src), YAMLLine: 2}
		fast, ok := d.fastFields()
		if !ok {
			return
		}
		slow, err := d.yamlFields()
		if err != nil {
			t.Fatalf("fast path accepted %q, yaml.v3 says: %s (line %d)", src, err.Msg, err.Line)
		}
		if got, want := describe(fast), describe(slow); got != want {
			t.Fatalf("fast path differs from yaml.v3 on %q:\nfast: %s\nyaml: %s", src, got, want)
		}
	})
}

func describe(fs []Field) string {
	var b strings.Builder
	for _, f := range fs {
		n := f.Value
		fmt.Fprintf(&b, "%s@%d=", f.Key, f.Line)
		if n == nil {
			b.WriteString("nil;")
			continue
		}
		fmt.Fprintf(&b, "{kind %d style %d tag %q value %q line %d col %d anchor %q alias %v content %d comments %q %q %q};",
			n.Kind, n.Style, n.Tag, n.Value, n.Line, n.Column, n.Anchor, n.Alias != nil, len(n.Content),
			n.HeadComment, n.LineComment, n.FootComment)
	}
	return b.String()
}

// TestFastFieldsTakesCommonPlans makes sure the fast path is not silently
// skipped for the front matter mentor itself writes.
func TestFastFieldsTakesCommonPlans(t *testing.T) {
	for _, s := range fieldSeeds[:4] {
		d := Doc{YAML: []byte(s), YAMLLine: 2}
		if _, ok := d.fastFields(); !ok {
			t.Errorf("fast path refused %q", s)
		}
	}
}
