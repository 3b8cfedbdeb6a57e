package edit

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/dates"
)

const recordHead = "---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-01\nclosed: 2026-11-21\nreason: goals-met\nfinal_meeting: none\n" +
	"transition: informal\ncontact: {channel: email, cadence: quarterly} # keep this comment\ngoals: []\n---\n\n## Summary\n\nDone.\n"

func TestInsertCheckIn(t *testing.T) {
	cases := []struct {
		name, src, date, notes, want string
	}{
		{"creates the section at the end", recordHead, "2027-02-20", "Coffee.",
			recordHead + "\n## Check-ins\n\n### 2027-02-20\n\nCoffee.\n"},
		{"without a final newline, keeps none", strings.TrimSuffix(recordHead, "\n"), "2027-02-20", "",
			recordHead + "\n## Check-ins\n\n### 2027-02-20"},
		{"an empty section before the next one", recordHead + "\n## Check-ins\n\n<!-- one per check-in -->\n\n## Thanks\n\nThanks.\n", "2027-02-20", "Lunch.\n\nSecond paragraph.",
			recordHead + "\n## Check-ins\n\n<!-- one per check-in -->\n\n### 2027-02-20\n\nLunch.\n\nSecond paragraph.\n\n## Thanks\n\nThanks.\n"},
		{"after the last one", recordHead + "\n## Check-ins\n\n### 2027-02-20\n\nCoffee.\n", "2027-05-22", "Call.",
			recordHead + "\n## Check-ins\n\n### 2027-02-20\n\nCoffee.\n\n### 2027-05-22\n\nCall.\n"},
		{"in date order", recordHead + "\n## Check-ins\n\n### 2027-02-20\nA.\n### 2027-08-20\nC.\n## Thanks\n", "2027-05-22", "B.",
			recordHead + "\n## Check-ins\n\n### 2027-02-20\nA.\n\n### 2027-05-22\n\nB.\n\n### 2027-08-20\nC.\n## Thanks\n"},
		{"before every later one", recordHead + "\n## Check-ins\n### 2027-08-20\n", "2027-05-22", "",
			recordHead + "\n## Check-ins\n\n### 2027-05-22\n\n### 2027-08-20\n"},
		{"the same day goes after the one logged", recordHead + "\n## Check-ins\n\n### 2027-02-20\n", "2027-02-20", "",
			recordHead + "\n## Check-ins\n\n### 2027-02-20\n\n### 2027-02-20\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, form := range []string{"lf", "crlf", "bom"} {
				src, want := c.src, c.want
				switch form {
				case "crlf":
					src, want = strings.ReplaceAll(src, "\n", "\r\n"), strings.ReplaceAll(want, "\n", "\r\n")
				case "bom":
					src, want = "\ufeff"+src, "\ufeff"+want
				}
				rec := closure.Parse("closure.md", []byte(src))
				out, ins, err := InsertCheckIn([]byte(src), rec, dates.MustParse(c.date), c.notes)
				if err != nil {
					t.Fatalf("%s: %v", form, err)
				}
				if string(out) != want {
					t.Errorf("%s:\n%q\nwant:\n%q", form, out, want)
				}
				if !bytes.HasPrefix(out[ins.Heading:], []byte("### "+c.date)) {
					t.Errorf("%s: heading offset %d points at %q", form, ins.Heading, out[ins.Heading:])
				}
				if got := bytes.Split(out, []byte("\n"))[ins.Line-1]; !bytes.HasPrefix(got, []byte("### "+c.date)) {
					t.Errorf("%s: line %d is %q", form, ins.Line, got)
				}
			}
		})
	}
}

func TestInsertCheckInRefuses(t *testing.T) {
	for name, c := range map[string]struct{ src, notes string }{
		"notes with a heading":        {recordHead, "Talked.\n## Next steps\nMore."},
		"notes with a check-in":       {recordHead, "### 2027-03-01"},
		"notes underlined as heading": {recordHead, "Talked\n---"},
		"an unclosed code block":      {recordHead + "\n```\n", "x"},
		"no front matter":             {"## Check-ins\n", "x"},
	} {
		rec := closure.Parse("closure.md", []byte(c.src))
		if out, _, err := InsertCheckIn([]byte(c.src), rec, dates.MustParse("2027-02-20"), c.notes); err == nil {
			t.Errorf("%s: accepted:\n%s", name, out)
		}
	}
}

func FuzzInsertCheckIn(f *testing.F) {
	f.Add(recordHead, 10, "Coffee.")
	f.Add(recordHead+"\n## Check-ins\n\n### 2027-02-20\nA.\n## Thanks\n", 100, "")
	f.Add(recordHead+"\n## Check-ins\n<!--\n", 3, "x\r\ny")
	f.Fuzz(func(t *testing.T, src string, day int, notes string) {
		if day < 0 || day > 4000 || len(src) > 1<<16 {
			return
		}
		d := dates.MustParse("2026-11-21").AddDays(day)
		rec := closure.Parse("closure.md", []byte(src))
		out, ins, err := InsertCheckIn([]byte(src), rec, d, notes)
		if err != nil {
			return
		}
		// Only bytes were added, in one place.
		if len(out) != len(src)+ins.Len || string(out[:ins.Offset]) != src[:ins.Offset] || string(out[ins.Offset+ins.Len:]) != src[ins.Offset:] {
			t.Fatalf("the edit changed other bytes:\n%q\n%q", src, out)
		}
		back := closure.Parse("closure.md", out)
		if len(back.CheckIns) != len(rec.CheckIns)+1 {
			t.Fatalf("check-ins %d, want %d", len(back.CheckIns), len(rec.CheckIns)+1)
		}
	})
}
