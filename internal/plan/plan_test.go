package plan

import (
	"slices"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
)

const sample = `---
mentor: Ada Lovelace
mentee: Grace Hopper
program: Platform mentoring 2026     # optional
start: 2026-01-15
end: "2026-07-15"
cadence: every 3 weeks
status: closing
team: payments
---

# Mentoring plan: Ada Lovelace and Grace Hopper

## Agreement

How we meet.

` + "```markdown" + `
## Goals
- [x] not a goal: inside a code block
### 2026-01-01 not a meeting either
` + "```" + `

## Goals

- [x] Lead a design review end to end
  - 2026-03-02: reviewed the payments RFC with the team
- [ ] Give an internal tech talk
  - 2026-04-10 — outline drafted
    - 2026-04-20 - slides reviewed
  - rehearsal planned
- [ ] ~~Learn Rust~~ (dropped: no longer needed for the role)
- [X] Pair on the on-call rota

## Meeting log

### 2026-01-20 Kickoff

Agreed goals and cadence.

### 2026-02-03 cancelled by mentee

### 2026-02-17 unproductive

Ran out of topics.

### 2026-03-03 no-show mentor

## After
`

func TestParseSample(t *testing.T) {
	p := Parse("pairs/a/plan.md", []byte(sample), Options{})
	if !p.Valid() {
		t.Fatalf("problems: %v", p.Problems)
	}
	if p.Mentor != "Ada Lovelace" || p.Mentee != "Grace Hopper" || p.Program != "Platform mentoring 2026" {
		t.Errorf("people: %q %q %q", p.Mentor, p.Mentee, p.Program)
	}
	if p.Start.String() != "2026-01-15" || p.End.String() != "2026-07-15" {
		t.Errorf("dates: unquoted start %s, quoted end %s", p.Start, p.End)
	}
	if p.Cadence.Days != 21 || p.Status != Closing {
		t.Errorf("cadence %v status %s", p.Cadence, p.Status)
	}
	if p.Lines.Start != 5 || p.Lines.End != 6 || p.Lines.Status != 8 {
		t.Errorf("lines %+v", p.Lines)
	}
	if len(p.Problems) != 0 {
		t.Errorf("an unknown key that is not near a known one must be kept quietly: %v", p.Problems)
	}
	want := []struct {
		title string
		state GoalState
		notes int
		line  int
	}{
		{"Lead a design review end to end", Met, 1, 26},
		{"Give an internal tech talk", Open, 3, 28},
		{"Learn Rust", Dropped, 0, 32},
		{"Pair on the on-call rota", Met, 0, 33},
	}
	if len(p.Goals) != len(want) {
		t.Fatalf("goals: %+v", p.Goals)
	}
	for i, w := range want {
		g := p.Goals[i]
		if g.Title != w.title || g.State != w.state || len(g.Notes) != w.notes || g.Line != w.line {
			t.Errorf("goal %d: %+v, want %+v", i, g, w)
		}
	}
	if r := p.Goals[2].Reason; r != "(dropped: no longer needed for the role)" {
		t.Errorf("dropped reason %q", r)
	}
	notes := p.Goals[1].Notes
	if notes[0].Date.String() != "2026-04-10" || notes[0].Text != "outline drafted" || notes[0].Line != 29 {
		t.Errorf("dated note with a dash: %+v", notes[0])
	}
	if notes[1].Date.String() != "2026-04-20" || notes[1].Text != "slides reviewed" {
		t.Errorf("nested dated note: %+v", notes[1])
	}
	if !notes[2].Date.IsZero() || notes[2].Text != "rehearsal planned" {
		t.Errorf("undated note: %+v", notes[2])
	}
	ms := p.Meetings
	if len(ms) != 4 {
		t.Fatalf("meetings under 'Meeting log': %+v", ms)
	}
	if ms[0].Title != "Kickoff" || ms[0].Kind != Held || ms[0].Notes != "Agreed goals and cadence." || ms[0].Line != 37 {
		t.Errorf("meeting 0: %+v", ms[0])
	}
	if ms[1].Kind != Cancelled || ms[1].By != "mentee" {
		t.Errorf("meeting 1: %+v", ms[1])
	}
	if ms[2].Kind != Held || !ms[2].Unproductive || ms[2].Notes != "Ran out of topics." {
		t.Errorf("meeting 2: %+v", ms[2])
	}
	if ms[3].Kind != NoShow || ms[3].By != "mentor" {
		t.Errorf("meeting 3: %+v", ms[3])
	}
	if p.MeetingsSection == nil || p.MeetingsSection.Heading != "Meeting log" ||
		sample[p.MeetingsSection.End:] != "## After\n" {
		t.Errorf("meetings section %+v", p.MeetingsSection)
	}
	if sample[ms[3].Start:ms[3].End] != "### 2026-03-03 no-show mentor\n\n" {
		t.Errorf("meeting offsets: %q", sample[ms[3].Start:ms[3].End])
	}
}

func TestBOMAndCRLF(t *testing.T) {
	src := "\ufeff" + strings.ReplaceAll(sample, "\n", "\r\n")
	p := Parse("plan.md", []byte(src), Options{})
	if !p.Valid() || !p.HasBOM || !p.CRLF {
		t.Fatalf("valid=%v bom=%v crlf=%v problems=%v", p.Valid(), p.HasBOM, p.CRLF, p.Problems)
	}
	if p.Mentor != "Ada Lovelace" || len(p.Goals) != 4 || len(p.Meetings) != 4 {
		t.Errorf("mentor %q goals %d meetings %d", p.Mentor, len(p.Goals), len(p.Meetings))
	}
	if p.Goals[1].Notes[0].Line != 29 || p.Meetings[0].Line != 37 {
		t.Errorf("lines shift with CRLF: %d %d", p.Goals[1].Notes[0].Line, p.Meetings[0].Line)
	}
	if p.Meetings[0].Title != "Kickoff" || p.Meetings[0].Notes != "Agreed goals and cadence." {
		t.Errorf("CRLF leaks into text: %q %q", p.Meetings[0].Title, p.Meetings[0].Notes)
	}
	if !strings.HasPrefix(src[p.Meetings[0].Start:], "### 2026-01-20 Kickoff\r\n") {
		t.Errorf("offsets with a BOM: %q", src[p.Meetings[0].Start:p.Meetings[0].Start+30])
	}
}

func TestMeetingsHeadingIsCaseInsensitive(t *testing.T) {
	for _, h := range []string{"## Meetings", "## meetings", "## MEETING LOG", "Meetings\n--------"} {
		src := "---\nmentor: a\nmentee: b\nstart: 2026-01-01\n---\n\n" + h + "\n\n### 2026-01-02 Kickoff\n"
		p := Parse("plan.md", []byte(src), Options{})
		if len(p.Meetings) != 1 {
			t.Errorf("%q: %d meetings", h, len(p.Meetings))
		}
	}
	// Level-1 or level-3 "Meetings" is not the section.
	src := "---\nmentor: a\nmentee: b\nstart: 2026-01-01\n---\n\n# Meetings\n\n### 2026-01-02 Kickoff\n"
	if p := Parse("plan.md", []byte(src), Options{}); len(p.Meetings) != 0 {
		t.Errorf("level-1 heading counted as the Meetings section")
	}
}

func TestHeadingsInsideBlocksDoNotCount(t *testing.T) {
	src := "---\nmentor: a\nmentee: b\nstart: 2026-01-01\n---\n\n## Meetings\n\n" +
		"~~~\n### 2026-01-02 fenced\n~~~\n\n" +
		"    ### 2026-01-03 indented code\n\n" +
		"<!--\n### 2026-01-04 in a comment\n-->\n\n" +
		"> ### 2026-01-05 quoted\n\n" +
		"### 2026-01-06 Real\n"
	p := Parse("plan.md", []byte(src), Options{})
	if len(p.Meetings) != 1 || p.Meetings[0].Title != "Real" {
		t.Errorf("meetings: %+v", p.Meetings)
	}
}

func TestFrontMatterErrors(t *testing.T) {
	cases := []struct {
		name, src string
		line      int
		msg       string
	}{
		{"empty file", "", 1, "no front matter"},
		{"no front matter", "# Plan\n", 1, "no front matter"},
		{"only dashes", "---\n", 1, "not closed"},
		{"unterminated", "---\nmentor: a\nmentee: b\n", 1, "not closed"},
		{"bad yaml", "---\nmentor: a\nmentee: [b\nstart: 2026-01-01\n---\n", 0, "not valid YAML"},
		{"not a mapping", "---\n- a\n- b\n---\n", 2, "key: value"},
		{"missing mentor", "---\nmentee: b\nstart: 2026-01-01\n---\n", 1, "mentor is missing"},
		{"missing start", "---\nmentor: a\nmentee: b\n---\n", 1, "start is missing"},
		{"empty mentee", "---\nmentor: a\nmentee: \"\"\nstart: 2026-01-01\n---\n", 3, "mentee must be a name"},
		{"mentor is a list", "---\nmentor: [a, b]\nmentee: c\nstart: 2026-01-01\n---\n", 2, "mentor must be a name"},
		{"bad start", "---\nmentor: a\nmentee: b\nstart: 2026-13-01\n---\n", 4, "not a valid date"},
		{"start with time", "---\nmentor: a\nmentee: b\nstart: 2026-01-01T10:00:00Z\n---\n", 4, "YYYY-MM-DD"},
		{"empty start", "---\nmentor: a\nmentee: b\nstart:\n---\n", 4, "start is empty"},
		{"bad end", "---\nmentor: a\nmentee: b\nstart: 2026-01-01\nend: soon\n---\n", 5, "end:"},
		{"end before start", "---\nmentor: a\nmentee: b\nstart: 2026-01-01\nend: 2025-12-31\n---\n", 5, "before start"},
		{"bad cadence", "---\nmentor: a\nmentee: b\nstart: 2026-01-01\ncadence: sometimes\n---\n", 5, "not a cadence"},
		{"bad status", "---\nmentor: a\nmentee: b\nstart: 2026-01-01\nstatus: done\n---\n", 5, "active, closing, closed"},
		{"duplicate key", "---\nmentor: a\nmentee: b\nmentor: c\nstart: 2026-01-01\n---\n", 4, "given twice"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := Parse("plan.md", []byte(c.src), Options{})
			if p.Valid() {
				t.Fatalf("valid, want an error with %q", c.msg)
			}
			var found *diag.Problem
			for i := range p.Problems {
				if strings.Contains(p.Problems[i].Message, c.msg) {
					found = &p.Problems[i]
				}
			}
			if found == nil {
				t.Fatalf("no problem says %q: %v", c.msg, p.Problems)
			}
			if c.line > 0 && found.Line != c.line {
				t.Errorf("line %d, want %d (%v)", found.Line, c.line, found)
			}
			if c.name == "bad yaml" && found.Line < 2 {
				t.Errorf("a YAML error must point into the front matter: %v", found)
			}
			if found.File != "plan.md" || found.Severity != diag.Error {
				t.Errorf("problem %+v", found)
			}
		})
	}
}

func TestWarnings(t *testing.T) {
	src := "---\nmentor: a\nmentee: b\nstart: 2026-01-01\nedn: 2026-06-01\nstauts: closed\n---\n\n" +
		"## Goals\n\n- a goal without a checkbox\n- [ ] fine\n\n" +
		"## Meetings\n\n### Kickoff on Monday\n\n### 2026-02-30 no such day\n\n### 2026-12-01 future\n"
	p := Parse("plan.md", []byte(src), Options{Today: dates.MustParse("2026-11-21")})
	if !p.Valid() {
		t.Fatalf("warnings must not make the plan invalid: %v", p.Problems)
	}
	want := map[int]string{
		5:  `unknown key "edn": did you mean "end"?`,
		6:  `did you mean "status"?`,
		11: "has no checkbox",
		16: "does not start with a date",
		18: "date that does not exist",
		20: "after today",
	}
	for line, msg := range want {
		ok := false
		for _, pr := range p.Problems {
			if pr.Line == line && strings.Contains(pr.Message, msg) && pr.Severity == diag.Warning {
				ok = true
			}
		}
		if !ok {
			t.Errorf("no warning on line %d saying %q: %v", line, msg, p.Problems)
		}
	}
	if len(p.Goals) != 1 || len(p.Meetings) != 1 {
		t.Errorf("goals %d meetings %d", len(p.Goals), len(p.Meetings))
	}
}

func TestFrontMatterOnly(t *testing.T) {
	p := Parse("plan.md", []byte(sample), Options{FrontMatterOnly: true})
	if !p.Valid() || p.Mentor == "" || len(p.Goals) != 0 || len(p.Meetings) != 0 {
		t.Errorf("front matter only: %+v", p)
	}
}

func TestParseHeading(t *testing.T) {
	cases := []struct {
		in    string
		kind  MeetingKind
		by    string
		unp   bool
		title string
	}{
		{"2026-01-20 Kickoff", Held, "", false, "Kickoff"},
		{"2026-01-20", Held, "", false, ""},
		{"2026-02-03 cancelled by mentee", Cancelled, "mentee", false, ""},
		{"2026-02-03 Canceled by Mentor", Cancelled, "mentor", false, ""},
		{"2026-02-03 cancelled", Cancelled, "", false, ""},
		{"2026-02-03 Career chat — cancelled by mentor", Cancelled, "mentor", false, "Career chat"},
		{"2026-02-03 Career chat (cancelled by mentee)", Cancelled, "mentee", false, "Career chat"},
		{"2026-03-03 no-show mentor", NoShow, "mentor", false, ""},
		{"2026-03-03 No-show by mentee", NoShow, "mentee", false, ""},
		{"2026-02-17 unproductive", Held, "", true, ""},
		{"2026-02-17 Design review — unproductive", Held, "", true, "Design review"},
		{"2026-02-17 Design review unproductive", Held, "", true, "Design review"},
		{"2026-02-17 Retro on the cancelled launch", Held, "", false, "Retro on the cancelled launch"},
		{"2026-02-17: Retro", Held, "", false, "Retro"},
	}
	for _, c := range cases {
		h, err := ParseHeading(c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if h.Kind != c.kind || h.By != c.by || h.Unproductive != c.unp || h.Title != c.title {
			t.Errorf("%q: %+v", c.in, h)
		}
		// The canonical form reads back the same.
		back, err := ParseHeading(h.Format())
		if err != nil || back != h {
			t.Errorf("%q: Format %q reads back as %+v (%v)", c.in, h.Format(), back, err)
		}
	}
	for _, bad := range []string{"Kickoff", "2026-1-20 Kickoff", "2026-02-30 x", "20260120 x", "2026-01-201"} {
		if _, err := ParseHeading(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// previous names the pair a rematch follows; a value that cannot be a pair
// id is a warning and is ignored, and a near miss of the key is caught.
func TestPrevious(t *testing.T) {
	head := "---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-15\n"
	goals := "\n## Goals\n\n- [ ] Give a talk\n"
	p := Parse("plan.md", []byte(head+"previous: ada--bob\n---\n"+goals), Options{})
	if !p.Valid() || p.Previous != "ada--bob" || p.Lines.Previous != 5 || len(p.Problems) != 0 {
		t.Errorf("previous: %q line %d %v", p.Previous, p.Lines.Previous, p.Problems)
	}
	for _, v := range []string{"../elsewhere", "Ada--Bob", "[a, b]", ".hidden"} {
		p := Parse("plan.md", []byte(head+"previous: "+v+"\n---\n"+goals), Options{})
		if !p.Valid() || p.Previous != "" || len(p.Problems) != 1 || p.Problems[0].Line != 5 ||
			!strings.Contains(p.Problems[0].Message, "is not a pair id") {
			t.Errorf("%q: %q %v", v, p.Previous, p.Problems)
		}
	}
	p = Parse("plan.md", []byte(head+"previos: ada--bob\n---\n"+goals), Options{})
	if len(p.Problems) != 1 || !strings.Contains(p.Problems[0].Message, `did you mean "previous"?`) {
		t.Errorf("near miss: %v", p.Problems)
	}
}

// The goals' notes share one array: appending to one goal's notes leaves
// the next goal's as they were, on the line reader's path and goldmark's.
func TestGoalNotesStayApart(t *testing.T) {
	src := []byte("---\nmentor: A\nmentee: B\nstart: 2026-01-05\ncadence: monthly\nstatus: active\n---\n\n## Goals\n\n" +
		"- [ ] One\n  - 2026-01-10: first\n  - 2026-01-20: second\n- [ ] Two\n  - 2026-02-01: third\n- [ ] Three\n")
	quoted := append(append([]byte{}, src...), "\n> a quote, which the line reader leaves to goldmark\n"...)
	for name, src := range map[string][]byte{"line reader": src, "goldmark": quoted} {
		p := Parse("pairs/x/plan.md", src, Options{})
		if !p.Valid() || len(p.Goals) != 3 {
			t.Fatalf("%s: %v, %d goals", name, p.Problems, len(p.Goals))
		}
		texts := func(ns []Note) (out []string) {
			for _, n := range ns {
				out = append(out, n.Text)
			}
			return out
		}
		if got := texts(p.Goals[0].Notes); !slices.Equal(got, []string{"first", "second"}) {
			t.Errorf("%s: goal 1 notes %q", name, got)
		}
		p.Goals[0].Notes = append(p.Goals[0].Notes, Note{Text: "added"})
		p.Goals[2].Notes = append(p.Goals[2].Notes, Note{Text: "added"})
		if got := texts(p.Goals[1].Notes); !slices.Equal(got, []string{"third"}) {
			t.Errorf("%s: goal 2 notes after appending to goal 1: %q", name, got)
		}
	}
}
