package edit

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/rogpeppe/go-internal/txtar"
)

// TestRoundTrip runs testdata/roundtrip/*.txtar: each holds a plan.md, the
// meeting to add (args, notes) and the file expected after (want.md).
// Options in args turn the plan into a CRLF file, give it a byte-order mark
// or drop its final newline, the same way for plan.md and want.md.
// MENTOR_UPDATE=1 rewrites want.md from what InsertMeeting returns.
func TestRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("testdata/roundtrip/*.txtar")
	if len(files) == 0 {
		t.Fatal("no round-trip cases")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sec := map[string][]byte{}
			for _, f := range ar.Files {
				sec[f.Name] = f.Data
			}
			args := map[string]string{}
			for _, l := range strings.Split(string(sec["args"]), "\n") {
				if k, v, ok := strings.Cut(l, "="); ok {
					args[k] = v
				}
			}
			transform := func(b []byte) []byte {
				if args["nofinalnewline"] == "true" {
					b = bytes.TrimSuffix(b, []byte("\n"))
				}
				if args["crlf"] == "true" {
					b = bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))
				}
				if args["bom"] == "true" {
					b = append([]byte("\ufeff"), b...)
				}
				return b
			}
			src := transform(sec["plan.md"])
			h := plan.Heading{Date: dates.MustParse(args["date"]), Kind: plan.Held, Title: args["title"],
				By: args["by"], Unproductive: args["unproductive"] == "true"}
			if k := args["kind"]; k != "" {
				h.Kind = plan.MeetingKind(k)
			}
			p := plan.Parse("plan.md", src, plan.Options{})
			out, ins, err := InsertMeeting(src, p, h, string(sec["notes"]))
			if wantErr := args["error"]; wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkInsertion(t, src, out, ins, p, h)
			if os.Getenv("MENTOR_UPDATE") != "" {
				b := out
				b = bytes.TrimPrefix(b, []byte("\ufeff"))
				b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
				if args["nofinalnewline"] == "true" {
					b = append(b, '\n')
				}
				for i := range ar.Files {
					if ar.Files[i].Name == "want.md" {
						ar.Files[i].Data = b
					}
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := transform(sec["want.md"]); !bytes.Equal(out, want) {
				t.Errorf("got:\n%s\nwant:\n%s", out, want)
			}
		})
	}
}

// checkInsertion checks what every insertion must keep: the original bytes
// around the added ones, the file's line ending, the old meetings, and the
// new meeting read back with the fields it was given, in date order.
func checkInsertion(t *testing.T, src, out []byte, ins Insertion, p *plan.Plan, h plan.Heading) {
	t.Helper()
	if ins.Offset < 0 || ins.Offset+ins.Len > len(out) || len(out) != len(src)+ins.Len {
		t.Fatalf("insertion %+v does not fit: %d bytes in, %d out", ins, len(src), len(out))
	}
	back := append(append([]byte{}, out[:ins.Offset]...), out[ins.Offset+ins.Len:]...)
	if !bytes.Equal(back, src) {
		t.Fatalf("removing the added bytes does not give back the original:\n%q\n%q", src, back)
	}
	added := out[ins.Offset : ins.Offset+ins.Len]
	if p.CRLF {
		if bytes.Count(added, []byte("\n")) != bytes.Count(added, []byte("\r\n")) {
			t.Errorf("added lines in a CRLF file end in LF: %q", added)
		}
	} else if bytes.Contains(added, []byte("\r")) {
		t.Errorf("added lines in an LF file hold CR: %q", added)
	}
	np := plan.Parse("plan.md", out, plan.Options{})
	if len(np.Meetings) != len(p.Meetings)+1 {
		t.Fatalf("%d meetings after, want %d", len(np.Meetings), len(p.Meetings)+1)
	}
	var found bool
	j := 0
	for i := range np.Meetings {
		m := np.Meetings[i]
		if m.Start == ins.Heading {
			found = true
			if !Same(plan.Heading{Date: m.Date, Kind: m.Kind, By: m.By, Unproductive: m.Unproductive, Title: m.Title}, h) {
				t.Errorf("new meeting reads back as %+v, want %+v", m, h)
			}
			if m.Line != ins.Line {
				t.Errorf("new meeting on line %d, Insertion says %d", m.Line, ins.Line)
			}
			continue
		}
		old := p.Meetings[j]
		j++
		if !old.Date.Equal(m.Date) || old.Kind != m.Kind || old.By != m.By || old.Title != m.Title || old.Notes != m.Notes {
			t.Errorf("meeting %d changed: %+v -> %+v", j, old, m)
		}
	}
	if !found {
		t.Fatalf("new meeting not found at offset %d", ins.Heading)
	}
	sec := np.MeetingsSection
	if sec == nil || ins.Heading < sec.Start || ins.Heading >= sec.End {
		t.Fatalf("new meeting is not in the first Meetings section")
	}
	// Date order: the new meeting follows the last meeting of the section
	// dated on or before it (same-date entries stay first), and comes first
	// when every meeting of the section is later.
	var section []plan.Meeting
	for _, m := range np.Meetings {
		if m.Start >= sec.Start && m.Start < sec.End {
			section = append(section, m)
		}
	}
	want, got := 0, -1
	for i, m := range section {
		if m.Start == ins.Heading {
			got = i
			continue
		}
		if !m.Date.After(h.Date) {
			want = i + 1
			if got >= 0 {
				want = i // counted past the new one
			}
		}
	}
	if got != want {
		t.Errorf("new meeting %s is meeting %d of its section, want %d", h.Date, got+1, want+1)
	}
}

// genPlan writes a random plan from pieces that exercise the parser's edges.
func genPlan(r *rand.Rand) []byte {
	var b strings.Builder
	b.WriteString("---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-05\n---\n")
	if r.Intn(2) == 0 {
		b.WriteString("\n# Mentoring plan   \n")
	}
	pieces := []string{
		"\n## Agreement\nWe meet on Tuesdays.  \n",
		"\n## Goals\n- [x] Lead a review\n  - 2026-03-02: done\n- [ ] Give a talk\n",
		"\n```markdown\n## Meetings\n### 2026-05-05 not a meeting\n```\n",
		"\n<!-- a comment\n### 2026-06-06 in a comment\n-->\n",
		"\n## Notes\nFree text.\n\n    ### 2026-07-07 indented code\n",
		"\n## Other\n### 2026-08-08 not under Meetings\n",
	}
	meetings := func(heading string) {
		b.WriteString("\n" + heading + "\n")
		if r.Intn(3) == 0 {
			b.WriteString("Intro text.\n")
		}
		n := r.Intn(5)
		for i := 0; i < n; i++ {
			d := dates.MustParse("2026-01-10").AddDays(r.Intn(120))
			if r.Intn(3) == 0 {
				b.WriteString("\n")
			}
			fmt.Fprintf(&b, "### %s %s\n", d, []string{"Sync", "cancelled by mentee", "no-show mentor", "unproductive", "Review — cancelled"}[r.Intn(5)])
			switch r.Intn(4) {
			case 0:
				b.WriteString("Talked.\n")
			case 1:
				b.WriteString("\nTalked.  \nMore.\n")
			case 2:
				b.WriteString("```\n### 2026-02-02 in code\n```\n")
			}
			if r.Intn(5) == 0 {
				b.WriteString("### not a date\n")
			}
		}
	}
	order := r.Perm(len(pieces) + 2)
	for _, k := range order {
		switch {
		case k < len(pieces):
			if r.Intn(2) == 0 {
				b.WriteString(pieces[k])
			}
		case k == len(pieces):
			if r.Intn(5) != 0 {
				meetings([]string{"## Meetings", "## meeting log", "## Meetings ##"}[r.Intn(3)])
			}
		default:
			if r.Intn(4) == 0 {
				meetings("## Meetings")
			}
		}
	}
	s := b.String()
	if r.Intn(4) == 0 {
		s = strings.TrimRight(s, "\n")
	}
	if r.Intn(4) == 0 {
		s += "\n\n"
	}
	if r.Intn(3) == 0 {
		s = strings.ReplaceAll(s, "\n", "\r\n")
	}
	if r.Intn(4) == 0 {
		s = "\ufeff" + s
	}
	return []byte(s)
}

func genHeading(r *rand.Rand) plan.Heading {
	h := plan.Heading{Date: dates.MustParse("2026-01-01").AddDays(r.Intn(140)), Kind: plan.Held}
	h.Title = []string{"", "Kickoff", "Career talk", "Q&A — roadmap", "Ünïcode review"}[r.Intn(5)]
	switch r.Intn(5) {
	case 0:
		h.Kind, h.By = plan.Cancelled, []string{"", "mentor", "mentee"}[r.Intn(3)]
	case 1:
		h.Kind, h.By = plan.NoShow, []string{"mentor", "mentee"}[r.Intn(2)]
	case 2:
		h.Unproductive = true
	}
	return h
}

var genNotes = []string{"", "Talked about the talk.", "Line one.\nLine two.  \n\n- a list\n- more\n", "\n\nPadded.\n\n", "```\n### 2026-01-01 code in notes\n```"}

// TestInsertProperty adds random meetings to random plans: removing the
// added bytes always gives back the original, and the plan reads back with
// the new meeting as given, in date order.
func TestInsertProperty(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		src := genPlan(r)
		h := genHeading(r)
		notes := genNotes[r.Intn(len(genNotes))]
		p := plan.Parse("plan.md", src, plan.Options{})
		out, ins, err := InsertMeeting(src, p, h, notes)
		if err != nil {
			t.Fatalf("case %d: %v\n%s", i, err, src)
		}
		checkInsertion(t, src, out, ins, p, h)
		if t.Failed() {
			t.Fatalf("case %d: plan:\n%s\nafter:\n%s", i, src, out)
		}
	}
}

// FuzzInsert feeds arbitrary files and meetings to InsertMeeting: it never panics,
// and whatever it returns keeps the original bytes and reads back.
func FuzzInsert(f *testing.F) {
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 8; i++ {
		f.Add(genPlan(r), 30+i*7, "Sync", uint8(i), notesSeed(i))
	}
	f.Fuzz(func(t *testing.T, src []byte, day int, title string, kind uint8, notes string) {
		if day < 0 || day > 4000 || len(src) > 1<<16 {
			return
		}
		h := plan.Heading{Date: dates.MustParse("2026-01-01").AddDays(day), Kind: plan.Held, Title: title}
		switch kind % 4 {
		case 1:
			h.Kind, h.By = plan.Cancelled, []string{"", "mentor", "mentee"}[int(kind/4)%3]
		case 2:
			h.Kind, h.By = plan.NoShow, []string{"mentor", "mentee"}[int(kind/4)%2]
		case 3:
			h.Unproductive = true
		}
		p := plan.Parse("plan.md", src, plan.Options{})
		out, ins, err := InsertMeeting(src, p, h, notes)
		if err != nil {
			return
		}
		checkInsertion(t, src, out, ins, p, h)
	})
}

func notesSeed(i int) string { return genNotes[i%len(genNotes)] }

func TestInsertRefusesUnreadablePlan(t *testing.T) {
	src := []byte("no front matter\n## Meetings\n")
	p := plan.Parse("plan.md", src, plan.Options{})
	if _, _, err := InsertMeeting(src, p, plan.Heading{Date: dates.MustParse("2026-01-01"), Kind: plan.Held}, ""); err == nil {
		t.Fatal("InsertMeeting accepted a plan without front matter")
	}
}
