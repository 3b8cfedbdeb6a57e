package debrief

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/closure"
)

// answerAll gives every text field an answer of several lines, some of
// which look like Markdown blocks, and makes the pair's decisions.
func answerAll(d *Debrief) {
	for _, f := range d.Fields() {
		if f.Kind == Text && f.Kept == "" {
			d.Answers[f.ID] = "answer to " + f.ID + "\n## not a heading\n- not an item\n1. not a list"
		}
	}
	d.Answers["after.next-goals"] = "Lead a design review\nMentor someone"
	d.Answers["touch.transition"] = "informal"
	d.Answers["touch.channel"] = "Slack: #mentoring"
	d.Answers["touch.kind"] = "catch-up"
	d.Answers["touch.cadence"] = "quarterly"
	d.Answers["touch.until"] = "2027-06-30"
	d.Answers[InitiatedByID] = "both"
	d.Answers["goals.outcome#2"] = "partial"
}

func TestFillNewRecord(t *testing.T) {
	d := New(Input{Data: testData(t), Today: today})
	answerAll(d)
	out, err := d.Fill("closure.md", renderRecord(t, d))
	if err != nil {
		t.Fatal(err)
	}
	rec := closure.Parse("closure.md", out)
	if !rec.Valid() {
		t.Fatalf("the record has problems: %v\n%s", rec.Problems, out)
	}
	for _, s := range rec.Sections {
		if s.Empty {
			t.Errorf("section %q is empty", s.Heading)
		}
	}
	if rec.Contact.Channel != "Slack: #mentoring" || rec.Contact.Kind != "catch-up" || rec.Contact.Until.String() != "2027-06-30" {
		t.Errorf("contact = %+v", rec.Contact)
	}
	if len(rec.NextGoals) != 2 || rec.NextGoals[1].Title != "Mentor someone" {
		t.Errorf("next goals = %+v", rec.NextGoals)
	}
	if bytes.Contains(out, []byte("\n## not a heading")) || bytes.Contains(out, []byte("\n- not an item")) {
		t.Errorf("an answer's line starts a block of its own:\n%s", out)
	}
	if strings.Count(string(out), "\n## ") != 8 {
		t.Errorf("want the 8 sections only:\n%s", out)
	}
}

// TestResume: an existing record's answers are the defaults, and writing
// them again changes no byte.
func TestResume(t *testing.T) {
	d := New(Input{Data: testData(t), Today: today})
	answerAll(d)
	first, err := d.Fill("closure.md", renderRecord(t, d))
	if err != nil {
		t.Fatal(err)
	}
	rec := closure.Parse("closure.md", first)
	again := New(Input{Data: testData(t), Record: rec, Source: first, Today: today})
	for id, want := range d.Answers {
		if f := again.Field(id); f == nil || f.SignOff {
			continue
		}
		if got := again.Answers[id]; Normalize(again.Field(id), got) != Normalize(d.Field(id), want) {
			t.Errorf("%s: default %q, want %q", id, got, want)
		}
	}
	if again.Field("kept:Summary") == nil || !strings.Contains(again.Answers["kept:Summary"], "Ada Lovelace mentored Grace Hopper") {
		t.Errorf("the Summary's own text is not offered: %q", again.Answers["kept:Summary"])
	}
	second, err := again.Fill("closure.md", first)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Errorf("writing the same answers again changed the record:\n%s", second)
	}

	// One answer changed, one cleared, a section's own text changed: only
	// those change.
	again.Answers["celebrate.proud"] = "The talk."
	again.Answers["relationship.good"] = ""
	again.Answers["kept:Future connection"] = "We stay in touch, now and then."
	third, err := again.Fill("closure.md", first)
	if err != nil {
		t.Fatal(err)
	}
	s := string(third)
	for _, want := range []string{"**What are we proudest of?** The talk.\n", "\nWe stay in touch, now and then.\n\n**Do we each have"} {
		if !strings.Contains(s, want) {
			t.Errorf("want %q in:\n%s", want, s)
		}
	}
	for _, gone := range []string{"answer to relationship.good", "We stay in touch informally."} {
		if strings.Contains(s, gone) {
			t.Errorf("%q is still there", gone)
		}
	}
	if !strings.Contains(s, "answer to relationship.helped") {
		t.Errorf("another answer of the section was lost")
	}
}

// TestHandWritten: a section a person wrote is kept as it is; the
// debrief's answers go where its TODO was.
func TestHandWritten(t *testing.T) {
	d := New(Input{Data: testData(t), Today: today})
	base := renderRecord(t, d)
	base = bytes.Replace(base, []byte("TODO: what worked, with an example, and how you marked the end."),
		[]byte("We wrote this *by hand*,\nover two lines."), 1)
	base = bytes.ReplaceAll(base, []byte("\n"), []byte("\r\n"))
	rec := closure.Parse("closure.md", base)
	d = New(Input{Data: testData(t), Record: rec, Source: base, Today: today})
	if got := d.Answers["kept:What went well"]; got != "We wrote this *by hand*,\nover two lines." {
		t.Fatalf("kept text = %q", got)
	}
	d.Answers["celebrate.proud"] = "The talk."
	out, err := d.Fill("closure.md", base)
	if err != nil {
		t.Fatal(err)
	}
	want := "We wrote this *by hand*,\r\nover two lines.\r\n\r\n**What are we proudest of?** The talk.\r\n\r\n## What was challenging"
	if !strings.Contains(string(out), want) {
		t.Errorf("want %q in:\n%s", want, out)
	}
	if bytes.Count(out, []byte("\n")) != bytes.Count(out, []byte("\r\n")) {
		t.Errorf("line endings mixed")
	}
}

// When the mentee could not be reached, the mentor answers alone, the
// reason is unreachable with no final meeting, and the mentor and the
// programme sign.
func TestUnreachable(t *testing.T) {
	data := testData(t)
	data.SetEnding(true, "mentee")
	d := New(Input{Data: data, Today: today})
	if d.Answers[ReasonID] != "unreachable" || d.Answers[FinalMeetingID] != "none" {
		t.Errorf("reason %q, final meeting %q", d.Answers[ReasonID], d.Answers[FinalMeetingID])
	}
	for _, f := range d.Fields() {
		if strings.Contains(f.Who, "Grace") {
			t.Errorf("%s is asked of the mentee, who is not there", f.ID)
		}
	}
	if got := d.Signers(); strings.Join(got, ",") != "mentor,program" {
		t.Errorf("signers %v", got)
	}
	out, err := d.Sign("closure.md", renderRecord(t, d), today)
	if err != nil {
		t.Fatal(err)
	}
	rec := closure.Parse("closure.md", out)
	if rec.SignedOff.Mentor != today || rec.SignedOff.Program != today || !rec.SignedOff.Mentee.IsZero() {
		t.Errorf("signed %+v", rec.SignedOff)
	}
}
