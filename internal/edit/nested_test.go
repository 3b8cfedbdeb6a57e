package edit

import (
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/frontmatter"
)

const head = "---\nmentor: Ada  # the mentor\nreason: goals-met\n"
const tail = "transition: end\n---\n\n# Closure record\n\n## Summary\n\nsigned_off: not a key here\n"

func TestSetNested(t *testing.T) {
	tests := []struct {
		name, in, child, want string
	}{
		{"no parent: added last", head + tail, "mentor",
			head + "transition: end\nsigned_off:\n  mentor: 2026-11-21\n---\n\n# Closure record\n\n## Summary\n\nsigned_off: not a key here\n"},
		{"empty parent", head + "signed_off:\n" + tail, "mentee", head + "signed_off:\n  mentee: 2026-11-21\n" + tail},
		{"empty parent with a comment", head + "signed_off:   # each side signs\n" + tail, "mentee",
			head + "signed_off:  # each side signs\n  mentee: 2026-11-21\n" + tail},
		{"null and {} parents", head + "signed_off: {}\n" + tail, "program", head + "signed_off:\n  program: 2026-11-21\n" + tail},
		{"TODO parent", head + "signed_off: TODO\n" + tail, "mentor", head + "signed_off:\n  mentor: 2026-11-21\n" + tail},
		{"block: added after the last child", head + "signed_off:\n  mentor: 2026-07-28  # Ada\n" + tail, "mentee",
			head + "signed_off:\n  mentor: 2026-07-28  # Ada\n  mentee: 2026-11-21\n" + tail},
		{"block: indentation kept", head + "signed_off:\n    mentor: 2026-07-28\n" + tail, "mentee",
			head + "signed_off:\n    mentor: 2026-07-28\n    mentee: 2026-11-21\n" + tail},
		{"block: replaced in place, comment kept", head + "signed_off:\n  mentor: 2026-07-28   # Ada\n  mentee: 2026-07-29\n" + tail, "mentor",
			head + "signed_off:\n  mentor: 2026-11-21   # Ada\n  mentee: 2026-07-29\n" + tail},
		{"block: empty child filled", head + "signed_off:\n  mentor:\n  mentee: 2026-07-29\n" + tail, "mentor",
			head + "signed_off:\n  mentor: 2026-11-21\n  mentee: 2026-07-29\n" + tail},
		{"block: TODO child", head + "signed_off:\n  mentor: TODO  # date\n" + tail, "mentor",
			head + "signed_off:\n  mentor: 2026-11-21  # date\n" + tail},
		{"block parent not last", head + "signed_off:\n  mentor: 2026-07-28\ngoals: []\n" + tail, "mentee",
			head + "signed_off:\n  mentor: 2026-07-28\n  mentee: 2026-11-21\ngoals: []\n" + tail},
		{"flow: added", head + "signed_off: {mentor: 2026-07-28}  # both\n" + tail, "mentee",
			head + "signed_off: {mentor: 2026-07-28, mentee: 2026-11-21}  # both\n" + tail},
		{"flow: replaced", head + "signed_off: {mentor: 2026-07-28, mentee: '2026-07-29'}\n" + tail, "mentor",
			head + "signed_off: {mentor: 2026-11-21, mentee: '2026-07-29'}\n" + tail},
		{"comment lines and unknown keys stay", head + "# who signed\nsigned_off:\n  # the mentor first\n  mentor: 2026-07-28\nextra: [1, 2]\n" + tail, "program",
			head + "# who signed\nsigned_off:\n  # the mentor first\n  mentor: 2026-07-28\n  program: 2026-11-21\nextra: [1, 2]\n" + tail},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SetNested([]byte(tt.in), "signed_off", tt.child, "2026-11-21")
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			// The same edit on CRLF lines with a byte-order mark keeps both.
			crlf := "\ufeff" + strings.ReplaceAll(tt.in, "\n", "\r\n")
			got, err = SetNested([]byte(crlf), "signed_off", tt.child, "2026-11-21")
			if err != nil {
				t.Fatal(err)
			}
			if want := "\ufeff" + strings.ReplaceAll(tt.want, "\n", "\r\n"); string(got) != want {
				t.Errorf("CRLF: got %q\nwant %q", got, want)
			}
		})
	}
}

func TestSetNestedNoFinalNewline(t *testing.T) {
	in := "---\nreason: mutual\n---"
	got, err := SetNested([]byte(in), "signed_off", "mentor", "2026-11-21")
	if err != nil || string(got) != "---\nreason: mutual\nsigned_off:\n  mentor: 2026-11-21\n---" {
		t.Errorf("%q %v", got, err)
	}
}

func TestSetNestedRefuses(t *testing.T) {
	for name, in := range map[string]string{
		"list":             "---\nsigned_off: [mentor]\n---\n",
		"scalar":           "---\nsigned_off: yes\n---\n",
		"multi-line flow":  "---\nsigned_off: {mentor: 2026-07-28,\n  mentee: 2026-07-29}\n---\n",
		"block scalar":     "---\nsigned_off:\n  mentor: |\n    2026-07-28\n---\n",
		"no front matter":  "# Closure\n",
		"bad yaml":         "---\nsigned_off: [\n---\n",
		"nested child map": "---\nsigned_off:\n  mentor:\n    on: 2026-07-28\n---\n",
	} {
		if out, err := SetNested([]byte(in), "signed_off", "mentor", "2026-11-21"); err == nil {
			t.Errorf("%s: no error, got %q", name, out)
		}
	}
	if _, err := SetNested([]byte(head+tail), "signed_off", "mentor", "a: b"); err == nil {
		t.Error("a value that is not plain was written")
	}
}

// FuzzSetNested: when the edit succeeds, only the front matter changed, and
// it reads back with the signature set (SetNested checks the rest).
func FuzzSetNested(f *testing.F) {
	f.Add(head+tail, "mentor")
	f.Add(head+"signed_off:\n  mentor: 2026-07-28  # Ada\n"+tail, "mentee")
	f.Add(head+"signed_off: {mentor: 2026-07-28}  # both\n"+tail, "program")
	f.Add("\ufeff---\r\nsigned_off:\r\n  mentee: TODO\r\n---\r\nbody", "mentee")
	// A CR alone inside the front matter: YAML counted it as a line break
	// and the edit indexed past its lines (a panic, found by fuzzing).
	f.Add("---\nsigned_off:\r  mentor: x\n---\n", "mentor")
	f.Fuzz(func(t *testing.T, src, child string) {
		if child != "mentor" && child != "mentee" && child != "program" {
			child = "mentor"
		}
		out, err := SetNested([]byte(src), "signed_off", child, "2026-11-21")
		if err != nil {
			return
		}
		before, _ := frontmatter.Split([]byte(src))
		after, ferr := frontmatter.Split(out)
		if ferr != nil {
			t.Fatalf("the edit broke the front matter: %q", out)
		}
		if string(before.Body) != string(after.Body) || before.HasBOM != after.HasBOM {
			t.Fatalf("the body or BOM changed:\n%q\n%q", src, out)
		}
	})
}
