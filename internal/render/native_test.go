package render

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/questions"
	"github.com/mentor-cli/mentor/internal/signals"
	"github.com/mentor-cli/mentor/templates"
)

// sameAsTemplate fails the test unless the native form of a built-in
// template writes what the template writes for d, or fails with the same
// error.
func sameAsTemplate(t testing.TB, name string, d Data) {
	t.Helper()
	src, err := fs.ReadFile(templates.FS, name)
	if err != nil {
		t.Fatal(err)
	}
	file := builtinFile(name)
	want, werr := ExecuteText(file, src, d)
	got, ok, gerr := executeNative(name, file, d)
	if !ok {
		t.Fatalf("%s has no native form", name)
	}
	if fmt.Sprint(gerr) != fmt.Sprint(werr) {
		t.Fatalf("%s: native error %v, template error %v", name, gerr, werr)
	}
	if !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		lo := max(i-120, 0)
		t.Fatalf("%s: native output differs from the template's at byte %d:\nnative:   %q\ntemplate: %q",
			name, i, got[lo:min(i+80, len(got))], want[lo:min(i+80, len(want))])
	}
}

// texts are names, titles and notes that take every path of the escaping
// functions.
var texts = []string{
	"", "Ada", "Ada Lovelace", "Grace #Hopper", "a*b_c", "1. Ada", "2) Bo", "-dash", "+plus", "=eq",
	"http://example.com", "www.example.com", "x@example.com", "a: b", "a:b", "yes", "No", "null", "~",
	"line\nbreak", "cr\r\nlf", " padded ", "`code`", "``", "<!-- hidden", "-->", "[link](x)", "|cell|",
	"é café", "日本語", "\x1b[31mred", "tab\there", "'single'", "\"double\"", "a\\b", "#", "$x", "&amp;",
	"ends with colon:", "colon: inside: twice", "Summary", strings.Repeat("long ", 40),
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.Intn(len(xs))] }

func someDate(r *rand.Rand) dates.Date {
	if r.Intn(8) == 0 {
		return dates.Date{}
	}
	return dates.MustParse("2025-01-01").AddDays(r.Intn(700))
}

// randomData is template data with every field the two templates read set
// at random, as NewData and SetEnding would leave it or not.
func randomData(r *rand.Rand) Data {
	d := Defaults()
	d.ID = pick(r, []string{"ada--grace", "a b", "x'y", "-lead", "pair.1"})
	d.Pair, d.Dir = d.ID, "pairs/"+d.ID
	d.Mentor, d.Mentee, d.Program = pick(r, texts), pick(r, texts), pick(r, texts)
	d.Start, d.End, d.Today, d.Date = someDate(r), someDate(r), someDate(r), someDate(r)
	d.Sections = nil
	all := []string{"Summary", "Goals and outcomes", "What went well", "What was challenging", "Lessons learned",
		"Next steps", "Future connection", "Thanks", "Our own section", "summary"}
	for _, s := range all {
		if r.Intn(4) != 0 {
			d.Sections = append(d.Sections, s)
		}
	}
	r.Shuffle(len(d.Sections), func(i, j int) { d.Sections[i], d.Sections[j] = d.Sections[j], d.Sections[i] })
	var goals []Goal
	for i := r.Intn(6); i > 0; i-- {
		g := Goal{Title: pick(r, texts), State: pick(r, []string{"met", "open", "dropped"})}
		g.Outcome = pick(r, []string{g.State, TODO, "partial"})
		if g.State == "dropped" && r.Intn(2) == 0 {
			g.DropReason = pick(r, texts)
		}
		for j := r.Intn(3); j > 0; j-- {
			n := plan.Note{Date: someDate(r), Text: pick(r, texts)}
			g.Notes = append(g.Notes, n)
			if !n.Date.IsZero() {
				g.Dated = append(g.Dated, n)
			}
		}
		goals = append(goals, g)
	}
	d.SetGoals(goals)
	for i := r.Intn(4); i > 0; i-- {
		m := Meeting{Date: someDate(r), Kind: pick(r, []string{"held", "cancelled", "no-show"}), Title: pick(r, texts),
			Unproductive: r.Intn(3) == 0, Summary: pick(r, texts)}
		m.Notes = m.Summary
		d.Meetings = append(d.Meetings, m)
	}
	d.setHistory()
	d.Held, d.Cancelled, d.NoShow, d.Unproductive = r.Intn(3), r.Intn(3), r.Intn(3), r.Intn(2)
	d.Missed = d.Cancelled + d.NoShow
	if r.Intn(10) == 0 {
		d.Missed = r.Intn(3) // as a command might set it
	}
	if d.Held > 0 {
		d.LastHeld = someDate(r)
		d.FinalMeeting = d.LastHeld.String()
	}
	if r.Intn(3) != 0 {
		d.SetSpan()
	}
	d.SetTimeline()
	for i := r.Intn(3); i > 0; i-- {
		d.Signals = append(d.Signals, signals.Signal{ID: pick(r, []string{"goals-met", "end-date", "stalled"}), Message: pick(r, texts)})
	}
	d.Reason, d.ReasonSignal = ProposeReason(d.Signals)
	d.ReasonProposed = d.ReasonSignal != ""
	d.Expectations, d.Agreement = pick(r, []string{"", "Be direct.\n\n- one\n- two", "x"}), pick(r, []string{"", "We meet weekly.", "a\n\nb\n"})
	for i := r.Intn(3); i > 0; i-- {
		d.Notes = append(d.Notes, Note{File: pick(r, []string{"2026-03-01-mentee.md", "a b.md", "notes*.md"}),
			Link: pick(r, []string{"notes/2026-03-01-mentee.md", "notes/a b.md", "notes/ü.md"}), Date: someDate(r),
			Role: pick(r, []string{"", "mentor", "mentee"}), Kind: pick(r, []string{"", "final-reflection", "other"})})
	}
	d.SetEnding(r.Intn(2) == 0, pick(r, []string{"", "", "mentor", "mentee"}))
	d.Transition = pick(r, append([]string{TODO, "other"}, Transitions...))
	d.InitiatedBy = pick(r, []string{TODO, "mentor", "mentee", "both"})
	if r.Intn(4) == 0 {
		d.Reason, d.ReasonProposed, d.ReasonSignal = pick(r, Reasons), false, ""
	}
	if r.Intn(5) == 0 {
		d.Opener = ""
	}
	if r.Intn(6) == 0 {
		d.Agenda = d.Agenda[:r.Intn(len(d.Agenda)+1)] // sections left out
	}
	return d
}

// The native agenda and record write what the templates write, byte for
// byte, on data that takes each branch of both.
func TestNativeMatchesTemplate(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 3000; i++ {
		d := randomData(r)
		for _, name := range []string{"agenda.md", "closure.md"} {
			t.Run(fmt.Sprintf("%s/%d", name, i), func(t *testing.T) { sameAsTemplate(t, name, d) })
		}
	}
}

// Past the output limit, and past it in one string, the native forms fail
// as the templates do.
func TestNativeLimits(t *testing.T) {
	d := Defaults()
	d.ID, d.Mentor, d.Mentee, d.Date, d.Start = "a--b", "Ada", "Bo", dates.MustParse("2026-05-01"), dates.MustParse("2026-01-01")
	d.Sections = []string{"Summary", "Goals and outcomes"}
	var goals []Goal
	for i := 0; i < 20000; i++ {
		goals = append(goals, Goal{Title: fmt.Sprintf("Goal %d", i), State: "open", Outcome: TODO})
	}
	d.SetGoals(goals)
	d.SetEnding(false, "")
	for _, name := range []string{"agenda.md", "closure.md"} {
		sameAsTemplate(t, name, d)
		_, _, err := executeNative(name, builtinFile(name), d)
		var le *LimitError
		if !errors.As(err, &le) || !strings.Contains(le.What, "output passed the 1 MiB limit") {
			t.Errorf("%s of 20,000 goals: %v, want the output limit", name, err)
		}
	}
	// A name longer than the limit: yaml refuses to quote it.
	d.SetGoals(nil)
	d.Mentor = strings.Repeat("a:", 1<<19+1)
	for _, name := range []string{"agenda.md", "closure.md"} {
		sameAsTemplate(t, name, d)
		_, _, err := executeNative(name, builtinFile(name), d)
		if err == nil || !strings.Contains(err.Error(), "made a text of") {
			t.Errorf("%s with a 1 MiB name: %v, want the string limit", name, err)
		}
	}
}

// Execute uses the native forms for the built-in templates, and only for
// them and for template data.
func TestExecuteUsesNative(t *testing.T) {
	d := randomData(rand.New(rand.NewSource(2)))
	for _, name := range []string{"agenda.md", "closure.md"} {
		if _, ok, _ := executeNative(name, builtinFile(name), d); !ok {
			t.Errorf("%s: no native form for Data", name)
		}
		if _, ok, _ := executeNative(name, builtinFile(name), &d); !ok {
			t.Errorf("%s: no native form for *Data", name)
		}
		if _, ok, _ := executeNative(name, builtinFile(name), map[string]any{}); ok {
			t.Errorf("%s: a native form for a map", name)
		}
	}
	for _, name := range []string{"plan.md", "note.md"} {
		if _, ok, _ := executeNative(name, builtinFile(name), d); ok {
			t.Errorf("%s: a native form, but none was written", name)
		}
	}
}

// FuzzNativeMatchesTemplate puts the fuzzer's words in every name, title,
// note and heading the two templates write.
func FuzzNativeMatchesTemplate(f *testing.F) {
	for _, s := range texts {
		f.Add(s, "Grace", "Talk", int64(1))
	}
	f.Fuzz(func(t *testing.T, mentor, mentee, title string, seed int64) {
		d := randomData(rand.New(rand.NewSource(seed)))
		d.Mentor, d.Mentee = mentor, mentee
		d.Absent.Name, d.Present.Name = mentee, mentor
		d.Program, d.Opener, d.Expectations = title, title, title
		for i := range d.Goals {
			d.Goals[i].Title = title
			d.Goals[i].DropReason = mentor
		}
		for i := range d.GoalsOpen {
			d.GoalsOpen[i].Title = title
		}
		for i := range d.GoalsMet {
			d.GoalsMet[i].Title = title
		}
		for i := range d.History {
			d.History[i].Title, d.History[i].Summary = title, mentee
		}
		for i := range d.Signals {
			d.Signals[i].Message = title
		}
		if len(d.Agenda) > 0 {
			a := make([]questions.Section, len(d.Agenda))
			copy(a, d.Agenda)
			a[0].Heading = title
			d.Agenda = a
		}
		d.Sections = append(d.Sections, title)
		for _, name := range []string{"agenda.md", "closure.md"} {
			sameAsTemplate(t, name, d)
		}
	})
}
