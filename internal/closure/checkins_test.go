package closure

import (
	"reflect"
	"strings"
	"testing"
)

const withCheckIns = `---
mentor: Priya Raman
mentee: Tomasz Nowak
start: 2026-02-03
closed: 2026-07-28
reason: goals-met
final_meeting: 2026-07-28
transition: informal
contact: {channel: email, cadence: quarterly, until: 2027-07-28}
goals: []
---

## Summary

Done.

## Check-ins

<!-- one heading per check-in -->

### 2026-10-27

Coffee; Tomasz leads the platform guild now.

` + "```" + `
### 2026-11-01 not a heading: inside a code block
` + "```" + `

### October catch-up

### 2026-02-30 a day that does not exist

### 2027-01-26 — by video
Talked about the promotion.
#### Details
Still notes.

### 2026-07-01 before closing

## Thanks

Thanks.
`

func TestCheckIns(t *testing.T) {
	r := Parse("closure.md", []byte(withCheckIns))
	if !r.Valid() {
		t.Fatalf("problems: %v", r.Problems)
	}
	var got []string
	for _, c := range r.CheckIns {
		got = append(got, c.Date.String()+"|"+c.Title+"|"+c.Notes)
	}
	want := []string{
		"2026-10-27||Coffee; Tomasz leads the platform guild now.\n\n```\n### 2026-11-01 not a heading: inside a code block\n```",
		"2027-01-26|by video|Talked about the promotion.\n#### Details\nStill notes.",
		"2026-07-01|before closing|",
	}
	if strings.Join(got, "\n~\n") != strings.Join(want, "\n~\n") {
		t.Errorf("check-ins:\n%s\nwant:\n%s", strings.Join(got, "\n~\n"), strings.Join(want, "\n~\n"))
	}
	if r.CheckIns[0].Line != 21 || r.CheckIns[1].Line != 33 {
		t.Errorf("lines: %d %d", r.CheckIns[0].Line, r.CheckIns[1].Line)
	}
	if last := r.LastCheckIn(); last.String() != "2027-01-26" {
		t.Errorf("last check-in %s", last)
	}
	sec := r.CheckInSection
	src := withCheckIns
	if sec == nil || sec.Line != 17 || !strings.HasPrefix(src[sec.Start:], "## Check-ins\n") || !strings.HasPrefix(src[sec.End:], "## Thanks\n") {
		t.Fatalf("section: %+v", sec)
	}
	for _, c := range r.CheckIns {
		if !strings.HasPrefix(src[c.Start:], "### "+c.Date.String()) {
			t.Errorf("check-in %s starts at %q", c.Date, src[c.Start:c.Start+20])
		}
	}
	if !strings.HasSuffix(src[:r.CheckIns[1].End], "Still notes.\n\n") {
		t.Errorf("end of the second check-in: %q", src[:r.CheckIns[1].End])
	}

	// The malformed headings and the early check-in are warnings with their line.
	var warns []string
	for _, p := range r.CheckInProblems {
		warns = append(warns, p.String())
	}
	wantWarns := []string{
		`closure.md:29: warning: check-in heading "October catch-up" does not start with a date`,
		`closure.md:31: warning: check-in heading "2026-02-30 a day that does not exist": "2026-02-30" is not a valid date`,
		`closure.md:38: warning: check-in dated 2026-07-01 is before closed 2026-07-28`,
	}
	if len(warns) != len(wantWarns) {
		t.Fatalf("warnings: %q", warns)
	}
	for i, w := range wantWarns {
		if !strings.HasPrefix(warns[i], w) {
			t.Errorf("warning %d: %q, want it to start with %q", i, warns[i], w)
		}
	}
	if len(r.Problems) != len(r.CheckInProblems) {
		t.Errorf("the check-in warnings are not all in Problems: %v", r.Problems)
	}
}

func TestCheckInsSectionNames(t *testing.T) {
	for _, h := range []string{"Check-ins", "check-ins", "Checkins", "Check-in", "CHECK INS"} {
		if !IsCheckInsHeading(h) {
			t.Errorf("%q is the Check-ins section", h)
		}
	}
	for _, h := range []string{"Checks", "Check-ups", "Future connection"} {
		if IsCheckInsHeading(h) {
			t.Errorf("%q is not the Check-ins section", h)
		}
	}
	// No section, or one at the end of a file without a final newline.
	if r := Parse("closure.md", []byte(complete)); r.CheckInSection != nil || r.CheckIns != nil {
		t.Errorf("a record without the section: %+v", r.CheckInSection)
	}
	src := complete + "\n## Check-ins\n### 2026-09-01"
	r := Parse("closure.md", []byte(src))
	if r.CheckInSection == nil || r.CheckInSection.End != len(src) || len(r.CheckIns) != 1 || r.CheckIns[0].End != len(src) {
		t.Errorf("section at the end: %+v %+v", r.CheckInSection, r.CheckIns)
	}
}

// ParseAfterClosure reads the front matter and the check-ins as Parse does.
func TestParseAfterClosure(t *testing.T) {
	for _, src := range []string{withCheckIns, complete, complete + "\n## Check-ins\n### 2026-09-01\n", "no front matter\n## Check-ins\n### 2026-09-01\n",
		strings.Replace(withCheckIns, "## Check-ins", "Check-ins\n---------", 1)} {
		sameAfterClosure(t, src)
	}
}

func FuzzParseAfterClosure(f *testing.F) {
	f.Add(withCheckIns)
	f.Add(complete + "\n## checkins\n### x\n")
	f.Fuzz(func(t *testing.T, src string) { sameAfterClosure(t, src) })
}

func sameAfterClosure(t *testing.T, src string) {
	t.Helper()
	full, part := Parse("closure.md", []byte(src)), ParseAfterClosure("closure.md", []byte(src))
	if !reflect.DeepEqual(full.CheckIns, part.CheckIns) || !reflect.DeepEqual(full.CheckInSection, part.CheckInSection) ||
		!full.Closed.Equal(part.Closed) || full.Transition != part.Transition || full.Contact != part.Contact ||
		!reflect.DeepEqual(full.CheckInProblems, part.CheckInProblems) {
		t.Fatalf("Parse and ParseAfterClosure differ on %q:\n%+v\n%+v", src, full, part)
	}
}
