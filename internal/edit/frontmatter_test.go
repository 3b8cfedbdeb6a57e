package edit

import (
	"bytes"
	"strings"
	"testing"
)

// variants runs a case on the file as given and as editors leave files:
// CRLF line endings, a byte-order mark, both. The edit must give the
// expected file with the same changes applied.
func variants(t *testing.T, name, src, want string, run func(src []byte) ([]byte, error)) {
	t.Helper()
	for _, v := range []struct {
		name string
		f    func(string) string
	}{
		{"lf", func(s string) string { return s }},
		{"crlf", func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }},
		{"bom", func(s string) string { return "\ufeff" + s }},
		{"bom-crlf", func(s string) string { return "\ufeff" + strings.ReplaceAll(s, "\n", "\r\n") }},
	} {
		t.Run(name+"/"+v.name, func(t *testing.T) {
			got, err := run([]byte(v.f(src)))
			if want == "" {
				if err == nil {
					t.Fatalf("no error; got\n%s", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if w := v.f(want); !bytes.Equal(got, []byte(w)) {
				t.Errorf("got\n%q\nwant\n%q", got, w)
			}
		})
	}
}

const planHead = `---
mentor: Ada Lovelace   # the mentor
mentee: "Grace Hopper"
start: 2026-01-15
end: 2026-07-15        # planned
custom_key: kept   # unknown keys stay
status: active         # active | closing | closed
---

# Plan
`

func TestSetKey(t *testing.T) {
	cases := []struct {
		name, src, key, value string
		after                 []string
		want                  string
	}{
		{"replace keeps the comment", planHead, "status", "closing", nil,
			strings.Replace(planHead, "status: active", "status: closing", 1)},
		{"replace a date", planHead, "end", "2026-09-15", nil,
			strings.Replace(planHead, "end: 2026-07-15", "end: 2026-09-15", 1)},
		{"replace a quoted value", planHead, "mentee", "Grace B. Hopper", nil,
			strings.Replace(planHead, `"Grace Hopper"`, "Grace B. Hopper", 1)},
		{"a value that needs quotes", planHead, "custom_key", "a: b # c", nil,
			strings.Replace(planHead, "custom_key: kept", `custom_key: "a: b # c"`, 1)},
		{"add after a key", "---\nmentor: A\nstart: 2026-01-15\ncadence: weekly\n---\nbody\n", "end", "2026-09-15", []string{"start"},
			"---\nmentor: A\nstart: 2026-01-15\nend: 2026-09-15\ncadence: weekly\n---\nbody\n"},
		{"add at the end", "---\nmentor: A\nstart: 2026-01-15\n# a closing comment\n---\nbody\n", "status", "closing", []string{"nope"},
			"---\nmentor: A\nstart: 2026-01-15\nstatus: closing\n# a closing comment\n---\nbody\n"},
		{"add to empty front matter", "---\n---\nbody\n", "status", "closed", nil,
			"---\nstatus: closed\n---\nbody\n"},
		{"empty value", "---\nstatus:\nmentor: A\n---\n", "status", "closing", nil,
			"---\nstatus: closing\nmentor: A\n---\n"},
		{"empty value with a comment", "---\nstatus: # later\nmentor: A\n---\n", "status", "closing", nil,
			"---\nstatus: closing # later\nmentor: A\n---\n"},
		{"single quotes with an escape", "---\nprogram: 'Ada''s cohort'  # c\n---\n", "program", "Next", nil,
			"---\nprogram: Next  # c\n---\n"},
		{"a list is not a value", "---\nstatus:\n  - a\n---\n", "status", "closing", nil, ""},
		{"a block scalar is not edited", "---\nstatus: |\n  active\n---\n", "status", "closing", nil, ""},
		{"no front matter", "# Plan\n", "status", "closing", nil, ""},
		{"two lines are refused", "---\nstatus: closing\n---\n", "status", "a\nb", nil, ""},
	}
	for _, c := range cases {
		variants(t, c.name, c.src, c.want, func(src []byte) ([]byte, error) {
			return SetKey(src, c.key, c.value, c.after...)
		})
	}
}

func TestSetKeyNoFinalNewline(t *testing.T) {
	src := "---\nstatus: active\n---"
	got, err := SetKey([]byte(src), "status", "closed")
	if err != nil || string(got) != "---\nstatus: closed\n---" {
		t.Fatalf("%q %v", got, err)
	}
}

func TestAppendItem(t *testing.T) {
	item := []Item{{"from", "2026-07-15"}, {"to", "2026-09-15"}, {"date", "2026-07-01"},
		{"reason", "The talk moved: to September"}, {"agreed_by", []string{"mentor", "mentee"}}}
	rendered := func(indent string) string {
		return indent + "- from: 2026-07-15\n" + indent + "  to: 2026-09-15\n" + indent + "  date: 2026-07-01\n" +
			indent + "  reason: \"The talk moved: to September\"\n" + indent + "  agreed_by: [mentor, mentee]\n"
	}
	head := "---\nmentor: A\nstart: 2026-01-15\nend: 2026-07-15\n"
	cases := []struct{ name, src, want string }{
		{"new list", head + "---\nbody\n", head + "extended:\n" + rendered("  ") + "---\nbody\n"},
		{"new list before a closing comment", head + "# done\n---\n", head + "extended:\n" + rendered("  ") + "# done\n---\n"},
		{"after an item", head + "extended:   # agreed changes\n  - from: 2026-05-01\n    to: 2026-07-15\nstatus: active\n---\n",
			head + "extended:   # agreed changes\n  - from: 2026-05-01\n    to: 2026-07-15\n" + rendered("  ") + "status: active\n---\n"},
		{"unindented items", head + "extended:\n- from: 2026-05-01\n  to: 2026-07-15\n---\n",
			head + "extended:\n- from: 2026-05-01\n  to: 2026-07-15\n" + rendered("") + "---\n"},
		{"empty flow list", head + "extended: []  # none yet\n---\n", head + "extended: # none yet\n" + rendered("  ") + "---\n"},
		{"null", head + "extended:\nstatus: active\n---\n", head + "extended:\n" + rendered("  ") + "status: active\n---\n"},
		{"flow list with items", head + "extended: [{from: 2026-05-01}]\n---\n", ""},
		{"not a list", head + "extended: yes\n---\n", ""},
	}
	for _, c := range cases {
		variants(t, c.name, c.src, c.want, func(src []byte) ([]byte, error) { return AppendItem(src, "extended", item) })
	}
}

func TestScalar(t *testing.T) {
	for in, want := range map[string]string{
		"closing": "closing", "2026-01-15": "2026-01-15", "Ada Lovelace": "Ada Lovelace",
		"yes": `"yes"`, "a: b": `"a: b"`, "#x": `"#x"`, "": `""`, "10": `"10"`, `say "hi"`: `"say \"hi\""`,
		"<b>": `"<b>"`, " padded": `" padded"`,
	} {
		if got := Scalar(in); got != want {
			t.Errorf("Scalar(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestSetPath(t *testing.T) {
	rec := "---\nmentor: A\ninitiated_by: TODO  # mentor, mentee, both or program\ncontact:\n  channel: TODO  # email…\n  cadence: TODO\ngoals:\n  - title: One\n    outcome: met\n  - title: 'Two: more'\n    outcome: TODO  # met, partial or not-met\n---\nbody\n"
	cases := []struct {
		name  string
		path  []any
		value string
		want  string
	}{
		{"top level", []any{"initiated_by"}, "both", strings.Replace(rec, "initiated_by: TODO", "initiated_by: both", 1)},
		{"nested", []any{"contact", "channel"}, "Slack #mentoring", strings.Replace(rec, "channel: TODO", `channel: "Slack #mentoring"`, 1)},
		{"in a list", []any{"goals", 2, "outcome"}, "partial", strings.Replace(rec, "outcome: TODO", "outcome: partial", 1)},
		{"no such item", []any{"goals", 3, "outcome"}, "met", ""},
		{"no such key", []any{"contact", "kind"}, "updates", ""},
		{"not a mapping", []any{"mentor", "x"}, "y", ""},
		{"a mapping is not a value", []any{"contact"}, "email", ""},
	}
	for _, c := range cases {
		variants(t, c.name, rec, c.want, func(src []byte) ([]byte, error) { return SetPath(src, c.path, c.value) })
	}
}
