package signals

import (
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/plan"
)

// build writes a plan from parts and parses it.
func build(t *testing.T, front string, goals []string, meetings []string) *plan.Plan {
	t.Helper()
	var b strings.Builder
	b.WriteString("---\nmentor: Ada\nmentee: Grace\n" + front + "---\n\n# Plan\n\n## Goals\n\n")
	for _, g := range goals {
		b.WriteString(g + "\n")
	}
	b.WriteString("\n## Meetings\n\n")
	for _, m := range meetings {
		b.WriteString("### " + m + "\n\nnotes\n\n")
	}
	p := plan.Parse("plan.md", []byte(b.String()), plan.Options{})
	if !p.Valid() {
		t.Fatalf("test plan is invalid: %v\n%s", p.Problems, b.String())
	}
	return p
}

func judge(t *testing.T, p *plan.Plan, today string) Judgement {
	t.Helper()
	return JudgePlan(p, config.Default(), dates.MustParse(today))
}

func fired(j Judgement) string {
	var ids []string
	for _, s := range j.Signals {
		ids = append(ids, s.ID)
	}
	return strings.Join(ids, ",")
}

// boundary runs a case the day before, on and after a threshold.
type boundary struct {
	name    string
	p       func(t *testing.T) *plan.Plan
	signal  string
	before  string // today where it must not fire ...
	on      string // ... the threshold day ...
	after   string // ... and the day after
	onFires bool   // whether it fires on the threshold day
}

func TestSignalBoundaries(t *testing.T) {
	metGoal := []string{"- [x] Ship it", "  - 2026-10-01: shipped"}
	openGoal := []string{"- [ ] Ship it", "  - 2026-01-10: started"}
	cases := []boundary{
		{
			name: "end-reached fires on the end day",
			p: func(t *testing.T) *plan.Plan {
				return build(t, "start: 2026-01-01\nend: 2026-06-30\n", openGoal, []string{"2026-06-25 Sync"})
			},
			signal: EndReached, before: "2026-06-29", on: "2026-06-30", after: "2026-07-01", onFires: true,
		},
		{
			name: "end-near fires 14 days before the end, not 15",
			p: func(t *testing.T) *plan.Plan {
				return build(t, "start: 2026-01-01\nend: 2026-06-30\n", openGoal, []string{"2026-06-10 Sync"})
			},
			signal: EndNear, before: "2026-06-15", on: "2026-06-16", after: "2026-06-17", onFires: true,
		},
		{
			name: "stalled fires after 2 x 14 days without a held meeting",
			p: func(t *testing.T) *plan.Plan {
				return build(t, "start: 2026-01-01\n", metGoal, []string{"2026-03-01 Sync", "2026-03-15 cancelled by mentee"})
			},
			signal: Stalled, before: "2026-03-28", on: "2026-03-29", after: "2026-03-30", onFires: false,
		},
		{
			name:   "stalled counts from the start when no meeting was held",
			p:      func(t *testing.T) *plan.Plan { return build(t, "start: 2026-03-01\ncadence: weekly\n", openGoal, nil) },
			signal: Stalled, before: "2026-03-14", on: "2026-03-15", after: "2026-03-16", onFires: false,
		},
		{
			name: "no-progress fires when the pair is older than 60 days and the last dated note is over 60 days old",
			p: func(t *testing.T) *plan.Plan {
				return build(t, "start: 2026-01-01\ncadence: every 200 days\n", []string{"- [ ] Talk", "  - 2026-02-01: outline"}, nil)
			},
			signal: NoProgress, before: "2026-04-01", on: "2026-04-02", after: "2026-04-03", onFires: false,
		},
		{
			name: "no-progress needs the pair to be older than 60 days",
			p: func(t *testing.T) *plan.Plan {
				return build(t, "start: 2026-01-01\ncadence: every 200 days\n", []string{"- [ ] Talk"}, nil)
			},
			signal: NoProgress, before: "2026-03-01", on: "2026-03-02", after: "2026-03-03", onFires: false,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := c.p(t)
			if j := judge(t, p, c.before); j.Has(c.signal) {
				t.Errorf("%s fired the day before (%s): %s", c.signal, c.before, fired(j))
			}
			if j := judge(t, p, c.on); j.Has(c.signal) != c.onFires {
				t.Errorf("%s on %s: fired=%v, want %v (%s)", c.signal, c.on, j.Has(c.signal), c.onFires, fired(j))
			}
			if j := judge(t, p, c.after); !j.Has(c.signal) {
				t.Errorf("%s did not fire the day after (%s): %s", c.signal, c.after, fired(j))
			}
		})
	}
}

func TestEndNearStopsAtTheEnd(t *testing.T) {
	p := build(t, "start: 2026-01-01\nend: 2026-06-30\n", []string{"- [ ] x"}, []string{"2026-06-25 Sync"})
	j := judge(t, p, "2026-06-30")
	if j.Has(EndNear) || !j.Has(EndReached) {
		t.Errorf("on the end day want end-reached only, got %s", fired(j))
	}
	if j.Verdict != ReadyToClose {
		t.Errorf("verdict %s, want ready-to-close", j.Verdict)
	}
}

func TestGoalsMet(t *testing.T) {
	for _, c := range []struct {
		goals []string
		want  bool
	}{
		{nil, false},
		{[]string{"- [x] a", "- [ ] b"}, false},
		{[]string{"- [x] a", "- [X] b"}, true},
		{[]string{"- [x] a", "- [ ] ~~b~~ (dropped: moved team)"}, true},
		{[]string{"- [ ] ~~b~~"}, true}, // every goal that is not dropped is met
	} {
		p := build(t, "start: 2026-01-01\n", c.goals, []string{"2026-01-10 Kickoff"})
		j := judge(t, p, "2026-01-12")
		if j.Has(GoalsMet) != c.want {
			t.Errorf("goals %q: goals-met=%v, want %v", c.goals, j.Has(GoalsMet), c.want)
		}
		if c.want && j.Verdict != ReadyToClose {
			t.Errorf("goals %q: verdict %s, want ready-to-close", c.goals, j.Verdict)
		}
	}
}

func TestUnproductiveStreak(t *testing.T) {
	base := []string{"2026-01-05 Kickoff", "2026-01-19 unproductive", "2026-02-02 cancelled by mentor", "2026-02-16 Design review — unproductive"}
	// Two unproductive held meetings in a row (the cancellation is not held): not yet.
	p := build(t, "start: 2026-01-01\n", []string{"- [ ] a", "  - 2026-02-16: x"}, base)
	if j := judge(t, p, "2026-02-20"); j.Has(Unproductive) {
		t.Errorf("fired after 2 unproductive meetings: %s", fired(j))
	}
	p = build(t, "start: 2026-01-01\n", []string{"- [ ] a", "  - 2026-02-16: x"}, append(base, "2026-03-02 unproductive"))
	j := judge(t, p, "2026-03-03")
	if !j.Has(Unproductive) {
		t.Errorf("did not fire after 3 unproductive held meetings: %s", fired(j))
	}
	if j.Verdict != ConsiderClosing {
		t.Errorf("verdict %s, want consider-closing", j.Verdict)
	}
	// A productive meeting breaks the streak.
	p = build(t, "start: 2026-01-01\n", []string{"- [ ] a"}, append(base, "2026-03-02 unproductive", "2026-03-16 Good one"))
	if j := judge(t, p, "2026-03-17"); j.Has(Unproductive) {
		t.Errorf("fired although the last meeting was productive: %s", fired(j))
	}
}

func TestCommitment(t *testing.T) {
	cases := []struct {
		meetings []string
		want     string // "" or the side named in the message
	}{
		{[]string{"2026-01-05 Sync", "2026-01-19 cancelled by mentee", "2026-02-02 no-show mentee", "2026-02-16 Sync"}, ""},
		{[]string{"2026-01-05 Sync", "2026-01-19 cancelled by mentee", "2026-02-02 no-show mentee", "2026-02-16 Sync", "2026-03-02 Sync — cancelled by mentee"}, "mentee"},
		{[]string{"2026-01-05 cancelled by mentor", "2026-01-19 no-show by mentor", "2026-02-02 No-Show Mentor"}, "mentor"},
		// Split between the sides: neither reaches 3.
		{[]string{"2026-01-05 cancelled by mentor", "2026-01-19 no-show mentee", "2026-02-02 cancelled by mentor", "2026-02-16 cancelled by mentee"}, ""},
		// A cancellation without a side counts for nobody.
		{[]string{"2026-01-05 cancelled", "2026-01-19 cancelled", "2026-02-02 cancelled"}, ""},
		// Old misses fall out of the window of 5.
		{[]string{"2026-01-05 cancelled by mentee", "2026-01-12 cancelled by mentee", "2026-01-19 cancelled by mentee", "2026-01-26 A", "2026-02-02 B", "2026-02-09 C", "2026-02-16 D", "2026-02-23 E"}, ""},
	}
	for i, c := range cases {
		p := build(t, "start: 2026-01-01\n", []string{"- [ ] a"}, c.meetings)
		j := judge(t, p, "2026-03-03")
		got := ""
		for _, s := range j.Signals {
			if s.ID == Commitment {
				got = strings.Fields(s.Message)[1]
			}
		}
		if got != c.want {
			t.Errorf("case %d: commitment side %q, want %q (%s)", i, got, c.want, fired(j))
		}
	}
}

func TestClosedGetsNoSignals(t *testing.T) {
	p := build(t, "start: 2025-01-01\nend: 2025-06-01\nstatus: closed\n", []string{"- [x] a"}, nil)
	j := judge(t, p, "2026-11-21")
	if j.Verdict != Closed || len(j.Signals) != 0 {
		t.Errorf("closed plan: verdict %s, signals %s", j.Verdict, fired(j))
	}
}

func TestInvalidPlan(t *testing.T) {
	p := plan.Parse("plan.md", []byte("---\nmentor: Ada\n---\n"), plan.Options{})
	if j := JudgePlan(p, config.Default(), dates.MustParse("2026-11-21")); j.Verdict != Invalid {
		t.Errorf("verdict %s, want invalid", j.Verdict)
	}
}

func TestThresholdsFromConfig(t *testing.T) {
	cfg := config.Default()
	cfg.Thresholds.StallFactor = 1
	cfg.Thresholds.RemindDays = 30
	p := build(t, "start: 2026-01-01\nend: 2026-03-31\n", []string{"- [ ] a", "  - 2026-03-01: x"}, []string{"2026-03-01 Sync"})
	j := JudgePlan(p, cfg, dates.MustParse("2026-03-16"))
	if !j.Has(Stalled) || !j.Has(EndNear) {
		t.Errorf("with stall_factor 1 and remind_days 30 want stalled and end-near, got %s", fired(j))
	}
	if j := JudgePlan(p, config.Default(), dates.MustParse("2026-03-16")); j.Has(Stalled) || j.Has(EndNear) {
		t.Errorf("with the defaults want neither, got %s", fired(j))
	}
}

func TestFutureMeetingsAreIgnored(t *testing.T) {
	p := build(t, "start: 2026-01-01\n", []string{"- [ ] a"}, []string{"2026-01-05 Sync", "2026-12-01 Planned"})
	j := judge(t, p, "2026-02-10")
	if !j.Has(Stalled) {
		t.Errorf("a meeting in the future must not count as held: %s", fired(j))
	}
	if j.Meetings.LastHeld.String() != "2026-01-05" || j.Meetings.Held != 1 {
		t.Errorf("meetings %+v", j.Meetings)
	}
}

// Meetings logged out of date order are judged by date: the last held is
// the latest, whatever its place in the log.
func TestMeetingsOutOfOrder(t *testing.T) {
	for _, ms := range [][]string{
		{"2026-03-01 Sync", "2026-01-05 Sync"},
		{"2026-03-01 Sync", "2026-12-01 Planned", "2026-01-05 Sync"},
	} {
		p := build(t, "start: 2026-01-01\n", []string{"- [ ] a"}, ms)
		j := judge(t, p, "2026-03-10")
		if j.Has(Stalled) {
			t.Errorf("%q: stalled, though a meeting was held on 2026-03-01: %s", ms, fired(j))
		}
		if j.Meetings.LastHeld.String() != "2026-03-01" || j.Meetings.Held != 2 {
			t.Errorf("%q: meetings %+v", ms, j.Meetings)
		}
	}
}

func TestVerdictOrder(t *testing.T) {
	// goals-met and stalled at once: ready-to-close wins.
	p := build(t, "start: 2026-01-01\n", []string{"- [x] a"}, []string{"2026-01-05 Sync"})
	j := judge(t, p, "2026-06-01")
	if j.Verdict != ReadyToClose || !j.Has(Stalled) {
		t.Errorf("verdict %s signals %s", j.Verdict, fired(j))
	}
	if g := j.Goals; g.Total != 1 || g.Met != 1 || g.Open != 0 || g.Dropped != 0 {
		t.Errorf("goals %+v", g)
	}
}

// A closing pair's verdict is closing, with no ending signal; judged as if
// active, the same pair gives the signals that propose its reason.
func TestClosing(t *testing.T) {
	p := build(t, "start: 2026-01-01\nstatus: closing\n", []string{"- [x] a"}, []string{"2026-01-05 Sync"})
	j := judge(t, p, "2026-06-01")
	if j.Verdict != Closing || len(j.Signals) != 0 || j.Goals.Met != 1 {
		t.Errorf("closing: verdict %s signals %s goals %+v", j.Verdict, fired(j), j.Goals)
	}
	pr := &pair.Pair{Plan: p, PlanRead: pair.Read{Exists: true}}
	a := JudgeAsActive(pr, config.Default(), dates.MustParse("2026-06-01"))
	if a.Verdict != ReadyToClose || !a.Has(GoalsMet) || !a.Has(Stalled) {
		t.Errorf("as active: verdict %s signals %s", a.Verdict, fired(a))
	}
	if p.Status != plan.Closing {
		t.Error("JudgeAsActive changed the plan")
	}
	if j := Judge(pr, config.Default(), dates.MustParse("2026-06-01")); j.Verdict != Closing {
		t.Errorf("Judge: %s", j.Verdict)
	}
}

// The goal items carry the number mentor close goal takes and the last
// dated note; a dropped goal does not count.
func TestGoalItems(t *testing.T) {
	p := build(t, "start: 2026-01-01\n", []string{"- [x] a", "  - 2026-02-01: x", "  - 2026-03-01: y", "  - undated",
		"- [ ] ~~b~~ (dropped: no)", "- [x] c"}, nil)
	g := judge(t, p, "2026-04-01").Goals
	if g.Counted() != 2 || g.Met != 2 || len(g.Items) != 3 {
		t.Fatalf("%+v", g)
	}
	if it := g.Items[0]; it.N != 1 || it.Title != "a" || it.State != plan.Met || it.LastNote.String() != "2026-03-01" {
		t.Errorf("%+v", it)
	}
	if it := g.Items[1]; it.N != 2 || it.State != plan.Dropped || !it.LastNote.IsZero() {
		t.Errorf("%+v", it)
	}
}

func TestEnded(t *testing.T) {
	p := build(t, "start: 2026-01-01\nend: 2026-06-30\n", []string{"- [ ] a"}, nil)
	cfg := config.Default() // grace_days 14: due from 2026-07-15
	for today, want := range map[string]bool{"2026-07-13": false, "2026-07-14": false, "2026-07-15": true} {
		if got := Ended(p, cfg, dates.MustParse(today)); got != want {
			t.Errorf("%s: ended=%v, want %v", today, got, want)
		}
	}
	closed := build(t, "start: 2026-01-01\nstatus: closed\n", nil, nil)
	if !Ended(closed, cfg, dates.MustParse("2026-01-02")) {
		t.Error("status closed has ended")
	}
}

// Each signal names the plan line a person acts on, for annotations.
func TestSignalLines(t *testing.T) {
	// build puts mentor, mentee and front on lines 2.., the Goals heading
	// after the title, and each meeting heading with its notes after it.
	p := build(t, "start: 2026-01-01\nend: 2026-06-30\n",
		[]string{"- [ ] Ship it", "  - 2026-01-10: started", "- [x] Talk"},
		[]string{"2026-01-20 Sync", "2026-02-03 cancelled by mentee", "2026-02-17 no-show mentee", "2026-03-03 Sync unproductive", "2026-03-17 cancelled by mentee"})
	j := JudgePlan(p, config.Default(), dates.MustParse("2026-06-20"))
	lines := map[string]int{}
	for _, s := range j.Signals {
		lines[s.ID] = s.Line
	}
	heading := func(prefix string) int {
		for _, m := range p.Meetings {
			if strings.HasPrefix(m.Date.String(), prefix) {
				return m.Line
			}
		}
		return -1
	}
	want := map[string]int{
		EndNear:    p.Lines.End,
		Stalled:    heading("2026-03-03"), // the last held meeting
		Commitment: heading("2026-03-17"), // the mentee's last miss
		NoProgress: p.Goals[0].Notes[0].Line,
	}
	for id, line := range want {
		if lines[id] != line || line <= 0 {
			t.Errorf("%s on line %d, want %d (signals %+v)", id, lines[id], line, j.Signals)
		}
	}
	done := build(t, "start: 2026-01-01\nend: 2026-06-30\n", []string{"- [x] Ship it"}, nil)
	j = JudgePlan(done, config.Default(), dates.MustParse("2026-07-01"))
	for _, s := range j.Signals {
		want := map[string]int{GoalsMet: done.GoalsSection.Line, EndReached: done.Lines.End, Stalled: done.Lines.Start}[s.ID]
		if s.Line != want {
			t.Errorf("%s on line %d, want %d", s.ID, s.Line, want)
		}
	}
}

// no-progress says how to fix it: the command that adds a dated progress
// note, with the pair id and the open goal's number when only one is open.
func TestNoProgressNamesTheCommand(t *testing.T) {
	src := "---\nmentor: A\nmentee: B\nstart: 2026-01-01\n---\n## Goals\n- [x] a\n- [ ] b\n"
	p := plan.Parse("pairs/ada--grace/plan.md", []byte(src), plan.Options{})
	j := JudgePlan(p, config.Default(), dates.MustParse("2026-04-01"))
	last := j.Signals[len(j.Signals)-1]
	if last.ID != NoProgress || last.Message != "no dated progress note in 90 days with 1 goal open" ||
		last.Fix != "add a dated progress note with: mentor close goal ada--grace 2 --progress TEXT" {
		t.Errorf("signal %+v", last)
	}
	p = plan.Parse("plan.md", []byte(src+"- [ ] c\n"), plan.Options{})
	j = JudgePlan(p, config.Default(), dates.MustParse("2026-04-01"))
	if fix := j.Signals[len(j.Signals)-1].Fix; !strings.HasSuffix(fix, "mentor close goal PAIR GOAL --progress TEXT") {
		t.Errorf("two open goals, no folder: %q", fix)
	}
	for _, s := range j.Signals[:len(j.Signals)-1] {
		if s.Fix != "" {
			t.Errorf("%s has a fix: %q", s.ID, s.Fix)
		}
	}
}
