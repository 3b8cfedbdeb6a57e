package plan

import (
	"reflect"
	"testing"
)

// Every level-2 section keeps its heading, line and text, so that the agenda
// can quote the plan's own agreement and expectations; the line scanner and
// goldmark agree on them.
func TestSections(t *testing.T) {
	src := "---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-15\n---\n" +
		"# Mentoring plan\n\nIntro.\n\n" +
		"## Agreement\n\n<!-- edit me -->\n\n- We meet weekly.\n- **How we will end:** two weeks' notice.\n\n" +
		"## Focus and expectations\n\nGrace wants to lead a review.\n\n" +
		"## Goals\n- [x] Lead a review\n\n" +
		"## Empty\n" +
		"## Meetings\n### 2026-01-20 Kickoff\nAgreed.\n"
	type sec struct {
		Heading string
		Line    int
		Text    string
	}
	want := []sec{
		{"Agreement", 10, "<!-- edit me -->\n\n- We meet weekly.\n- **How we will end:** two weeks' notice."},
		{"Focus and expectations", 17, "Grace wants to lead a review."},
		{"Goals", 21, "- [x] Lead a review"},
		{"Empty", 24, ""},
		{"Meetings", 25, "### 2026-01-20 Kickoff\nAgreed."},
	}
	for _, fast := range []bool{true, false} {
		p := Parse("plan.md", []byte(src), Options{noFastBody: !fast})
		var got []sec
		for _, s := range p.Sections {
			got = append(got, sec{s.Heading, s.Line, s.Text})
			if s.End <= s.Start || string([]byte(src)[s.Start:s.Start+3]) != "## " {
				t.Errorf("fast=%v: %q spans %d..%d", fast, s.Heading, s.Start, s.End)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("fast=%v: sections\n%q\nwant\n%q", fast, got, want)
		}
		if s := p.Section("focus  AND expectations"); s == nil || s.Text != want[1].Text {
			t.Errorf("fast=%v: Section(focus and expectations) = %+v", fast, s)
		}
		if p.Section("Nope") != nil {
			t.Errorf("fast=%v: Section(Nope) found one", fast)
		}
	}

	// A setext heading's underline is not part of the section's text.
	p := Parse("plan.md", []byte("---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-15\n---\nAgreement\n---\nWe meet.\n"), Options{})
	if len(p.Sections) != 1 || p.Sections[0].Heading != "Agreement" || p.Sections[0].Text != "We meet." {
		t.Errorf("setext section = %+v", p.Sections)
	}
}
