package plan

import (
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/frontmatter"
)

const warnFront = "---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-15\n---\n"

// warningsOf parses a plan body both ways (line scanner, goldmark) and
// returns the warnings, failing when the two readers disagree.
func warningsOf(t *testing.T, body string) []diag.Problem {
	t.Helper()
	src := []byte(warnFront + body)
	opt := Options{Today: dates.MustParse("2026-11-21")}
	fast := Parse("plan.md", src, opt)
	opt.noFastBody = true
	slow := Parse("plan.md", src, opt)
	if len(fast.Problems) != len(slow.Problems) {
		t.Fatalf("line scanner and goldmark disagree:\n%v\n%v", fast.Problems, slow.Problems)
	}
	for i := range fast.Problems {
		if fast.Problems[i] != slow.Problems[i] {
			t.Fatalf("line scanner and goldmark disagree:\n%v\n%v", fast.Problems, slow.Problems)
		}
	}
	if len(fast.Misnamed) != len(slow.Misnamed) {
		t.Fatalf("misnamed sections differ: %v %v", fast.Misnamed, slow.Misnamed)
	}
	return fast.Problems
}

func TestSectionWarnings(t *testing.T) {
	goals := "## Goals\n\n- [ ] Give a talk\n\n"
	for _, c := range []struct {
		name, body string
		line       int    // 0: no warning at all
		msg        string // what the warning says
	}{
		{"clean", goals + "## Meetings\n\n### 2026-02-01 Kickoff\n", 0, ""},
		{"meeting log is read", goals + "## meeting LOG\n\n### 2026-02-01 Kickoff\n", 0, ""},
		{"other sections are fine", goals + "## Agreement\n\n## Focus and expectations\n\n## Notes\n", 0, ""},
		{"meeting notes", goals + "## Meeting notes\n\n### 2026-02-01 Kickoff\n", 10, `section "## Meeting notes" is not one mentor reads: did you mean "## Meetings"? Its meetings are not counted`},
		{"meetngs", goals + "## Meetngs\n", 10, `did you mean "## Meetings"?`},
		{"goal", "## Goal\n\n- [ ] Give a talk\n", 6, `section "## Goal" is not one mentor reads: did you mean "## Goals"? Its goals are not counted`},
		{"gaols", "## Gaols\n\n- [ ] Give a talk\n", 6, `did you mean "## Goals"?`},
		{"dated level 2", goals + "## 2026-02-01 Kickoff\n", 10, `heading "## 2026-02-01 Kickoff" starts with a date: did you mean "### 2026-02-01 Kickoff" under ## Meetings?`},
		{"dated level 3 under another section", goals + "## Notes\n\n### 2026-02-01 Kickoff\n", 12, `heading "### 2026-02-01 Kickoff" starts with a date but is not under ## Meetings`},
		{"dated level 3 before any section", "### 2026-02-01 Kickoff\n\n" + goals, 6, `is not under ## Meetings`},
		{"undated level 3 elsewhere is fine", goals + "## Notes\n\n### Ideas\n", 0, ""},
		{"no goals section", "## Meetings\n\n### 2026-02-01 Kickoff\n", 1, "the plan has no ## Goals section"},
		{"goals section without goals", "## Goals\n\nSome text.\n", 6, "the ## Goals section lists no goal"},
		{"meeting before start", goals + "## Meetings\n\n### 2026-01-10 Intro call\n", 12, "meeting dated 2026-01-10 is before the start 2026-01-15"},
		{"meeting on the start day is fine", goals + "## Meetings\n\n### 2026-01-15 Kickoff\n", 0, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			ps := warningsOf(t, c.body)
			if c.line == 0 {
				if len(ps) != 0 {
					t.Fatalf("want no warning, got %v", ps)
				}
				return
			}
			if len(ps) != 1 || ps[0].Line != c.line || ps[0].Severity != diag.Warning || !strings.Contains(ps[0].Message, c.msg) {
				t.Fatalf("want one warning on line %d saying %q, got %v", c.line, c.msg, ps)
			}
		})
	}
}

// A misnamed Meetings section is one warning, not one more per meeting in it.
func TestMisnamedSectionWarnsOnce(t *testing.T) {
	ps := warningsOf(t, "## Goals\n\n- [ ] A\n\n## Meeting notes\n\n### 2026-02-01 A\n\n### 2026-02-15 B\n")
	if len(ps) != 1 {
		t.Fatalf("want one warning, got %v", ps)
	}
	p := Parse("plan.md", []byte(warnFront+"## Meeting notes\n"), Options{})
	if len(p.Misnamed) != 1 || p.Misnamed[0].Want != "Meetings" || p.Misnamed[0].Line != 6 {
		t.Errorf("misnamed: %+v", p.Misnamed)
	}
}

// The warnings about the plan as a whole are for plans that can be read:
// an error leaves them out (the start may be the wrong one), and
// FrontMatterOnly reads no body.
func TestNoBodyWarningsWithoutABody(t *testing.T) {
	p := Parse("plan.md", []byte("---\nmentor: Ada\nmentee: Grace\nstart: 2026-02-30\n---\n## Meetings\n### 2026-01-01 A\n"), Options{})
	for _, pr := range p.Problems {
		if pr.Severity == diag.Warning {
			t.Errorf("an invalid plan gets no plan-wide warning: %v", pr)
		}
	}
	p = Parse("plan.md", []byte(warnFront+"## Meeting notes\n"), Options{FrontMatterOnly: true})
	if len(p.Problems) != 0 {
		t.Errorf("front matter only: %v", p.Problems)
	}
}

func TestAfterClosed(t *testing.T) {
	p := Parse("pairs/a/plan.md", []byte(warnFront+"## Goals\n\n- [x] A\n\n## Meetings\n\n### 2026-07-20 Wrap-up\n\n### 2026-07-21 Coffee\n"), Options{})
	closed := dates.MustParse("2026-07-20")
	ps := p.AfterClosed(closed, "pairs/a/closure.md", 5)
	if len(ps) != 1 || ps[0].Line != 14 || ps[0].File != "pairs/a/plan.md" || ps[0].Severity != diag.Warning ||
		!strings.Contains(ps[0].Message, "meeting dated 2026-07-21 is after the relationship closed on 2026-07-20 (pairs/a/closure.md:5)") {
		t.Errorf("after closed: %v", ps)
	}
	if ps := p.AfterClosed(dates.Date{}, "pairs/a/closure.md", 5); ps != nil {
		t.Errorf("no closed date, no warning: %v", ps)
	}
}

func TestProblemsAreInLineOrder(t *testing.T) {
	p := Parse("plan.md", []byte(warnFront+"## Meetings\n\n### 2026-01-10 Intro\n\n### nodate\n"), Options{})
	for i := 1; i < len(p.Problems); i++ {
		if p.Problems[i].Line < p.Problems[i-1].Line {
			t.Fatalf("out of order: %v", p.Problems)
		}
	}
	if len(p.Problems) != 3 {
		t.Errorf("want the no-goals, before-start and no-date warnings: %v", p.Problems)
	}
}

// within2 is frontmatter.Closest's distance for short words.
func TestWithin2(t *testing.T) {
	for _, s := range []string{"Goals", "goal", "Gaols", "Goalz!", "Tools", "Notes", "gols", "G", "Meetngs", "MEETINGS", "meetingz log",
		"Meeting Lg", "Agreement", "Focus", "mettings", "eetings", "Meeting-notes", "a very long heading indeed"} {
		for _, word := range []string{"goals", "meetings", "meeting log"} {
			_, want := frontmatter.Closest(strings.ToLower(s), []string{word})
			if got := within2(s, word); got != want {
				t.Errorf("within2(%q, %q) = %v, Closest says %v", s, word, got, want)
			}
		}
	}
}
