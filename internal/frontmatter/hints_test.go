package frontmatter

import (
	"strings"
	"testing"
)

// A YAML mistake gets an error that says what to do, on the line of the
// mistake.
func TestYAMLErrorsSayWhatToDo(t *testing.T) {
	for _, c := range []struct {
		yaml string
		line int
		says string
	}{
		{"mentor: Ada\ntitle: Design: review\n", 3, `quote the value if it contains ": "`},
		{"program: Platform: 2026\n", 2, `quote the value if it contains ": "`},
		{"mentor: Ada\n  mentee: Grace\n", 3, "keys must not be indented"},
		{"mentor: Ada\n\tmentee: Grace\n", 3, "indent with spaces, not tabs"},
		{"contact:\n\tchannel: email\n", 3, "indent with spaces, not tabs"},
		{"mentor: Ada\nmentee Grace\nstart: 2026-01-01\n", 3, "write each key as key: value"},
		{"goals:\n  - title: A\n   outcome: met\n", 2, "must line up"},
		{"contact:\n  channel: email\n cadence: monthly\n", 3, "must line up"},
		{"mentor: Ada\nmentee: @grace\n", 3, `quote the value if it starts with @`},
		{"mentor: 'Ada\n", 3, "a quote or a bracket is not closed"},
		{"mentor: [Ada\n", 2, "a quote or a bracket is not closed"},
	} {
		d, err := Split([]byte("---\n" + c.yaml + "---\n"))
		if err != nil {
			t.Fatal(err)
		}
		_, ferr := d.Fields()
		if ferr == nil {
			t.Errorf("%q: no error", c.yaml)
			continue
		}
		if ferr.Line != c.line || !strings.HasPrefix(ferr.Msg, "front matter is not valid YAML: ") || !strings.Contains(ferr.Msg, c.says) {
			t.Errorf("%q: line %d %q, want line %d saying %q", c.yaml, ferr.Line, ferr.Msg, c.line, c.says)
		}
	}
}

// An indented line under a key without a value is a nested mapping, not a
// mistake; the value with a colon is quoted.
func TestYAMLHintsLeaveGoodYAML(t *testing.T) {
	d, _ := Split([]byte("---\ncontact:\n  channel: email\ntitle: \"Design: review\"\n---\n"))
	if _, err := d.Fields(); err != nil {
		t.Errorf("good YAML: %v", err)
	}
	if h := hint("mapping values are not allowed in this context", []byte("contact:\n  channel: x: y\n"), 2); !strings.Contains(h, "quote the value") {
		t.Errorf("a value with a colon under a mapping key: %q", h)
	}
}
