package frontmatter

import (
	"strings"
	"testing"
)

// A file whose lines end in CR alone is told so, not that it has no front
// matter; CRLF and LF are read.
func TestCROnlyLineEndings(t *testing.T) {
	src := "---\rmentor: Ada\rmentee: Grace\rstart: 2026-01-15\r---\r## Goals\r"
	_, err := Split([]byte(src))
	if err == nil || err.Line != 1 || !strings.Contains(err.Msg, "carriage return alone") || strings.Contains(err.Msg, "no front matter") {
		t.Errorf("CR-only: %+v", err)
	}
	_, err = Split([]byte("\ufeff" + src))
	if err == nil || !strings.Contains(err.Msg, "carriage return alone") {
		t.Errorf("CR-only after a byte-order mark: %+v", err)
	}
	for _, ok := range []string{strings.ReplaceAll(src, "\r", "\r\n"), strings.ReplaceAll(src, "\r", "\n")} {
		if _, err := Split([]byte(ok)); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	if _, err := Split([]byte("# no front matter\n")); err == nil || !strings.Contains(err.Msg, "no front matter") {
		t.Errorf("no front matter: %+v", err)
	}
}

// A line break YAML counts and mentor does not (a CR alone, NEL, LS, PS)
// inside the front matter is refused at its file line: with it, YAML's
// line numbers and mentor's disagree. In the body, and as CRLF, it is read.
func TestOtherLineBreaks(t *testing.T) {
	for in, want := range map[string]int{
		"---\nmentor: Ada\nsigned_off:\r  mentor: x\n---\n":     3,
		"---\r\nmentor: Ada\r\nmentee: \"G\u2028H\"\r\n---\r\n": 3,
		"\ufeff---\na: 1\nb: 2\nc: x\u0085y\n---\n":             4,
		"---\na: x\u2029y\nb: 'p\rq'\n---\n":                    2,
		"---\na: 1\nb: 'p\r\rq'\n---\n":                         3,
	} {
		_, err := Split([]byte(in))
		if err == nil || err.Line != want || !strings.Contains(err.Msg, "YAML reads as a line break") {
			t.Errorf("%q: want an error at line %d, got %+v", in, want, err)
		}
	}
	for _, in := range []string{
		"---\r\na: 1\r\n---\r\nbody\rwith a CR\u2028and LS\n",
		"---\na: \"caf\u00e9 \u20ac\"\n---\n",
	} {
		if _, err := Split([]byte(in)); err != nil {
			t.Errorf("%q: %v", in, err)
		}
	}
}

// YAML merge keys bring their mapping's keys in, as YAML reads them: a key
// written in the mapping wins, then the first merged mapping that has it.
func TestMergeKeys(t *testing.T) {
	fields := func(yaml string) map[string][2]any {
		t.Helper()
		d, err := Split([]byte("---\n" + yaml + "---\n"))
		if err != nil {
			t.Fatal(err)
		}
		fs, ferr := d.Fields()
		if ferr != nil {
			t.Fatalf("%q: %v", yaml, ferr)
		}
		out := map[string][2]any{}
		for _, f := range fs {
			v, _ := f.Scalar()
			out[f.Key] = [2]any{v, f.Line}
		}
		return out
	}
	got := fields("people: &p\n  mentor: Ada\n  mentee: Grace\n<<: *p\nstart: 2026-01-15\n")
	if got["mentor"] != [2]any{"Ada", 3} || got["mentee"] != [2]any{"Grace", 4} || got["start"] != [2]any{"2026-01-15", 6} {
		t.Errorf("one merge: %v", got)
	}
	if _, ok := got["<<"]; ok {
		t.Errorf("the merge key is a field: %v", got)
	}
	got = fields("a: &a\n  mentor: Ada\n  program: A\nb: &b\n  program: B\n  mentee: Bob\n<<: [*a, *b]\nmentee: Grace\n")
	if got["mentor"] != [2]any{"Ada", 3} || got["program"] != [2]any{"A", 4} || got["mentee"] != [2]any{"Grace", 9} {
		t.Errorf("a list of merges: %v", got)
	}
	d, _ := Split([]byte("---\n<<: 3\n---\n"))
	if _, ferr := d.Fields(); ferr == nil || ferr.Line != 2 || !strings.Contains(ferr.Msg, "must name a mapping") {
		t.Errorf("a merge of a number: %+v", ferr)
	}
}
