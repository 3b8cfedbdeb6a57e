package report

import (
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/signals"
)

var today = dates.MustParse("2026-11-21")

// judged parses and judges a plan as the loader and check do.
func judged(id, src string) Pair {
	p := &pair.Pair{Ref: pair.Ref{ID: id, Dir: "pairs/" + id}, PlanRead: pair.Read{Exists: true}}
	p.Plan = plan.Parse(p.PlanFile(), []byte(src), plan.Options{Today: today})
	return Pair{Pair: p, Judgement: signals.Judge(p, config.Default(), today)}
}

// planSrc writes a plan: front matter lines, then a body.
func planSrc(front, body string) string {
	return "---\nmentor: Ada\nmentee: Grace\n" + front + "---\n\n# Plan\n\n" + body
}

const onTrackBody = `## Goals
- [x] One
  - 2026-11-10: done
- [ ] Two
  - 2026-11-15: started
- [ ] ~~Three~~ (dropped: not needed)

## Meetings
### 2026-11-03 Kickoff
### 2026-11-10 cancelled by mentee
### 2026-11-11 no-show mentor
### 2026-11-12 cancelled
### 2026-11-17 unproductive
### 2026-12-01 Future meeting
`

// withRecord gives the pair a closure record: front matter lines after
// mentor and mentee, and final_meeting none.
func withRecord(p *Pair, front string) {
	p.ClosureRead.Exists = true
	p.Closure = closure.Parse(p.ClosureFile(), []byte("---\nmentor: Ada\nmentee: Grace\nfinal_meeting: none\n"+front+"---\n\n# Closure\n"))
}

func count(t *testing.T, cs []Count, key string) Count {
	t.Helper()
	for _, c := range cs {
		if c.Key == key {
			return c
		}
	}
	t.Fatalf("no count %q in %v", key, cs)
	return Count{}
}

func TestEmptyProgramme(t *testing.T) {
	rep := Build(nil, config.Default(), today, Options{})
	s := rep.Overall
	if s.Pairs != 0 || s.Invalid != 0 || s.Attention != 0 {
		t.Errorf("summary %+v", s)
	}
	if len(s.Verdicts) != len(Verdicts) || len(s.Statuses) != len(Statuses) {
		t.Errorf("every verdict and status is listed even when zero: %v %v", s.Verdicts, s.Statuses)
	}
	for _, c := range append(s.Verdicts, s.Statuses...) {
		if c.Count != 0 || c.Share != 0 {
			t.Errorf("count %+v", c)
		}
	}
	if s.Durations.Planned != nil || s.Durations.Actual != nil {
		t.Errorf("durations of nothing: %+v", s.Durations)
	}
	if s.Goals.MetShare != 0 || s.Meetings.UnproductiveShare != 0 {
		t.Errorf("shares of nothing are 0: %+v %+v", s.Goals, s.Meetings)
	}
	if rep.Attention == nil || rep.Invalid == nil || rep.Pairs == nil || rep.Programmes == nil {
		t.Errorf("empty lists must be empty, not null in JSON: %+v", rep)
	}
}

func TestOnePair(t *testing.T) {
	p := judged("ada--grace", planSrc("start: 2026-10-01\nend: 2027-03-31\nstatus: active\n", onTrackBody))
	if !p.Plan.Valid() {
		t.Fatalf("plan problems: %v", p.Plan.Problems)
	}
	rep := Build([]Pair{p}, config.Default(), today, Options{})
	s := rep.Overall
	if s.Pairs != 1 || s.Invalid != 0 {
		t.Fatalf("summary %+v", s)
	}
	if c := count(t, s.Verdicts, "on-track"); c.Count != 1 || c.Share != 1 {
		t.Errorf("on-track %+v", c)
	}
	if c := count(t, s.Statuses, "active"); c.Count != 1 || c.Share != 1 {
		t.Errorf("active %+v", c)
	}
	if g := s.Goals; g != (Goals{Total: 3, Met: 1, Open: 1, Dropped: 1, MetShare: 0.5}) {
		t.Errorf("goals %+v", g)
	}
	// The meeting dated after today is not counted.
	want := Meetings{Held: 2, Unproductive: 1, UnproductiveShare: 0.5,
		Cancelled: BySide{Mentee: 1, Unnamed: 1, Total: 2}, NoShow: BySide{Mentor: 1, Total: 1}}
	if s.Meetings != want {
		t.Errorf("meetings %+v, want %+v", s.Meetings, want)
	}
	if sp := s.Durations.Planned; sp == nil || *sp != (Spread{Pairs: 1, Min: 181, Q1: 181, Median: 181, Q3: 181, Max: 181}) {
		t.Errorf("planned %+v", sp)
	}
	if c := count(t, s.Durations.PlannedBuckets, "4-6 months"); c.Count != 1 {
		t.Errorf("buckets %v", s.Durations.PlannedBuckets)
	}
	if len(rep.Attention) != 0 || s.Attention != 0 {
		t.Errorf("attention %v", rep.Attention)
	}
	if len(rep.Programmes) != 0 {
		t.Errorf("no plan names a programme, so no breakdown: %v", rep.Programmes)
	}
	r := rep.Pairs[0]
	if r.ID != "ada--grace" || r.Plan != "pairs/ada--grace/plan.md" || r.Status != "active" || *r.PlannedDays != 181 ||
		r.Held != 2 || r.Cancelled.Mentee != 1 || r.NoShow.Mentor != 1 || r.Attention {
		t.Errorf("row %+v", r)
	}
}

func TestAllPairsInvalid(t *testing.T) {
	pairs := []Pair{
		judged("a--b", "no front matter at all\n"),
		judged("c--d", planSrc("program: Cohort\nstart: 2026-13-01\n", "")),
		{Pair: &pair.Pair{Ref: pair.Ref{ID: "e--f", Dir: "pairs/e--f"},
			PlanRead: pair.Read{Exists: true, Problem: &diag.Problem{File: "pairs/e--f/plan.md", Line: 1, Severity: diag.Error, Message: "file is larger than 1 MiB"}}},
			Judgement: signals.Judgement{Verdict: signals.Invalid}},
	}
	rep := Build(pairs, config.Default(), today, Options{})
	s := rep.Overall
	if s.Pairs != 3 || s.Invalid != 3 || s.Attention != 3 {
		t.Fatalf("summary %+v", s)
	}
	if c := count(t, s.Verdicts, "invalid"); c.Count != 3 || c.Share != 1 {
		t.Errorf("invalid %+v", c)
	}
	for _, c := range s.Statuses {
		if c.Count != 0 {
			t.Errorf("an invalid plan has no status: %+v", c)
		}
	}
	if s.Goals.Total != 0 || s.Meetings.Held != 0 || s.Durations.Planned != nil {
		t.Errorf("invalid plans add no numbers: %+v", s)
	}
	if len(rep.Invalid) != 3 || len(rep.Attention) != 3 || len(rep.Pairs) != 3 {
		t.Fatalf("every invalid pair is listed: %v %v", rep.Invalid, rep.Attention)
	}
	for i, inv := range rep.Invalid {
		if len(inv.Problems) == 0 || inv.File != pairs[i].Pair.PlanFile() {
			t.Errorf("invalid %+v", inv)
		}
		if len(rep.Attention[i].Problems) == 0 || rep.Attention[i].Problems[0] != inv.Problems[0] || len(rep.Attention[i].Signals) != 0 {
			t.Errorf("attention %+v", rep.Attention[i])
		}
	}
	// One plan names a programme even though it cannot be judged.
	if len(rep.Programmes) != 2 || rep.Programmes[0].Name != "Cohort" || rep.Programmes[0].Invalid != 1 ||
		rep.Programmes[1].Name != "" || rep.Programmes[1].Pairs != 2 {
		t.Errorf("programmes %+v", rep.Programmes)
	}
}

func TestSpreadQuartiles(t *testing.T) {
	tests := []struct {
		days []int
		want Spread
	}{
		{[]int{400, 100, 300, 200}, Spread{Pairs: 4, Min: 100, Q1: 175, Median: 250, Q3: 325, Max: 400}},
		{[]int{10, 20, 30}, Spread{Pairs: 3, Min: 10, Q1: 15, Median: 20, Q3: 25, Max: 30}},
		{[]int{1, 2}, Spread{Pairs: 2, Min: 1, Q1: 1.3, Median: 1.5, Q3: 1.8, Max: 2}},
	}
	for _, tt := range tests {
		if got := spread(tt.days); *got != tt.want {
			t.Errorf("spread(%v) = %+v, want %+v", tt.days, *got, tt.want)
		}
	}
	if spread(nil) != nil {
		t.Error("spread of nothing is nil")
	}
}

func TestBuckets(t *testing.T) {
	tests := []struct{ days, bucket int }{
		{0, 0}, {106, 0}, {107, 1}, {182, 1}, {197, 1}, {198, 2}, {289, 2}, {290, 3}, {364, 3}, {380, 3}, {381, 4},
	}
	for _, tt := range tests {
		if got := bucket(tt.days); got != tt.bucket {
			t.Errorf("bucket(%d) = %d (%s), want %d (%s)", tt.days, got, Buckets[got], tt.bucket, Buckets[tt.bucket])
		}
	}
}

func TestAttentionAndMissingClosure(t *testing.T) {
	body := "## Goals\n- [ ] Open goal\n  - 2026-11-15: progress\n\n## Meetings\n### 2026-11-18 Check-in\n"
	closedNoRecord := judged("a--closed", planSrc("start: 2026-01-05\nstatus: closed\n", body))
	closedWithRecord := judged("b--closed", planSrc("start: 2026-01-05\nstatus: closed\n", body))
	withRecord(&closedWithRecord, "start: 2026-01-05\nclosed: 2026-11-01\nreason: mutual\ntransition: end\ngoals: []\n")
	// The planned end is more than grace_days (14) ago: ended, no record.
	overdue := judged("c--overdue", planSrc("start: 2026-01-05\nend: 2026-11-06\n", body))
	// Within the grace period: not yet missing, but end-reached fires.
	grace := judged("d--grace", planSrc("start: 2026-01-05\nend: 2026-11-07\n", body))
	unreadable := judged("e--bad-record", planSrc("start: 2026-10-05\n", body))
	unreadable.ClosureRead = pair.Read{Exists: true, Problem: &diag.Problem{File: unreadable.ClosureFile(), Line: 1, Severity: diag.Error, Message: "not UTF-8 text"}}

	rep := Build([]Pair{closedNoRecord, closedWithRecord, overdue, grace, unreadable}, config.Default(), today, Options{})
	byID := map[string]Attention{}
	for _, a := range rep.Attention {
		byID[a.ID] = a
	}
	has := func(id, text string) bool {
		for _, s := range byID[id].Signals {
			if strings.Contains(s.ID+": "+s.Message, text) {
				return true
			}
		}
		for _, p := range byID[id].Problems {
			if strings.Contains(p.Message, text) {
				return true
			}
		}
		return false
	}
	if !has("a--closed", "closure record missing") || !has("a--closed", "status is closed") {
		t.Errorf("closed without record: %+v", byID["a--closed"])
	}
	if _, ok := byID["b--closed"]; ok {
		t.Errorf("closed with a record needs nothing: %+v", byID["b--closed"])
	}
	if !has("c--overdue", "closure record missing") || !has("c--overdue", "end-reached") {
		t.Errorf("overdue: %+v", byID["c--overdue"])
	}
	if has("d--grace", "closure record missing") || !has("d--grace", "end-reached") {
		t.Errorf("within grace: %+v", byID["d--grace"])
	}
	if !has("e--bad-record", "not UTF-8 text") {
		t.Errorf("unreadable record: %+v", byID["e--bad-record"])
	}
	c := rep.Overall.Closures
	if c.Records != 2 || c.Invalid != 1 || c.Missing != 2 {
		t.Errorf("closures %+v", c)
	}
	if rep.Overall.Attention != 4 || len(rep.Invalid) != 1 || rep.Invalid[0].File != "pairs/e--bad-record/closure.md" {
		t.Errorf("attention %d, invalid %+v", rep.Overall.Attention, rep.Invalid)
	}
	if !rep.Pairs[0].ClosureMissing || rep.Pairs[1].ClosureMissing || !rep.Pairs[0].Attention || rep.Pairs[1].Attention {
		t.Errorf("rows %+v", rep.Pairs[:2])
	}
}

func TestFilters(t *testing.T) {
	pairs := []Pair{
		judged("a--early", planSrc("program: Alpha\nstart: 2026-01-05\n", "")),
		judged("b--late", planSrc("program: Alpha\nstart: 2026-09-01\n", "")),
		judged("c--beta", planSrc("program: Beta\nstart: 2026-09-01\n", "")),
		judged("d--none", planSrc("start: 2026-09-01\n", "")),
		judged("e--broken", "---\nmentor: [\n---\n"),
		judged("f--bad-date", planSrc("program: Beta\nstart: soon\n", "")),
	}
	ids := func(rep *Report) string {
		var s []string
		for _, r := range rep.Pairs {
			s = append(s, r.ID)
		}
		return strings.Join(s, " ")
	}
	tests := []struct {
		opt  Options
		want string
	}{
		{Options{}, "a--early b--late c--beta d--none e--broken f--bad-date"},
		// A plan whose programme cannot be read is kept; one that names
		// another programme is not, valid or not.
		{Options{Program: "Alpha"}, "a--early b--late e--broken"},
		{Options{Program: "Beta"}, "c--beta e--broken f--bad-date"},
		{Options{Since: dates.MustParse("2026-09-01")}, "b--late c--beta d--none e--broken f--bad-date"},
		{Options{Since: dates.MustParse("2026-09-02")}, "e--broken f--bad-date"},
		{Options{Program: "Alpha", Since: dates.MustParse("2026-06-01")}, "b--late e--broken"},
	}
	for _, tt := range tests {
		rep := Build(pairs, config.Default(), today, tt.opt)
		if got := ids(rep); got != tt.want {
			t.Errorf("%+v: got %s, want %s", tt.opt, got, tt.want)
		}
		if rep.Overall.Pairs != len(rep.Pairs) {
			t.Errorf("%+v: summary counts %d pairs, lists %d", tt.opt, rep.Overall.Pairs, len(rep.Pairs))
		}
	}
}

func TestProgrammeBreakdown(t *testing.T) {
	pairs := []Pair{
		judged("a--x", planSrc("program: Zeta\nstart: 2026-01-05\nend: 2026-07-05\n", onTrackBody)),
		judged("b--x", planSrc("start: 2026-09-01\n", onTrackBody)),
		judged("c--x", planSrc("program: Alpha\nstart: 2026-09-01\nend: 2027-09-01\n", onTrackBody)),
		judged("d--x", planSrc("program: Zeta\nstart: 2026-09-01\nstatus: closed\n", onTrackBody)),
	}
	rep := Build(pairs, config.Default(), today, Options{})
	var names []string
	for _, p := range rep.Programmes {
		names = append(names, string(p.Name))
	}
	if strings.Join(names, ",") != "Alpha,Zeta," {
		t.Fatalf("programmes %q: named ones by name, the pairs without one last", names)
	}
	z := rep.Programmes[1]
	if z.Pairs != 2 || count(t, z.Statuses, "closed").Count != 1 || z.Durations.Planned.Pairs != 1 || z.Goals.Total != 6 {
		t.Errorf("Zeta %+v", z.Summary)
	}
	sum := 0
	for _, p := range rep.Programmes {
		sum += p.Pairs
	}
	if sum != rep.Overall.Pairs {
		t.Errorf("the programmes hold %d pairs, the report %d", sum, rep.Overall.Pairs)
	}
}

func TestClosureStatistics(t *testing.T) {
	body := "## Goals\n- [x] One\n\n## Meetings\n### 2026-05-01 Check-in\n"
	closed := func(id, front, record string) Pair {
		p := judged(id, planSrc("status: closed\n"+front, body))
		withRecord(&p, record)
		return p
	}
	pairs := []Pair{
		// Closed 59 days before the planned end, goals met, mentee becomes a mentor.
		closed("a--x", "start: 2026-01-01\nend: 2026-07-01\n",
			"start: 2026-01-01\nclosed: 2026-05-03\nreason: goals-met\ninitiated_by: both\ntransition: mentor\n"+
				"contact: {channel: Slack, cadence: quarterly}\n"+
				"goals:\n  - {title: One, outcome: met}\n  - {title: Two, outcome: met}\n  - {title: Three, outcome: dropped}\n"),
		// Closed after the planned end: not early.
		closed("b--x", "start: 2026-01-01\nend: 2026-04-01\n",
			"start: 2026-01-01\nclosed: 2026-04-10\nreason: end-of-term\ntransition: informal\n"+
				"contact: {channel: ' slack ', cadence: yearly}\ngoals:\n  - {title: One, outcome: partial}\n"),
		// No planned end: cannot be early.
		closed("c--x", "start: 2026-02-01\n",
			"start: 2026-02-01\nclosed: 2026-03-01\nreason: stalled\ninitiated_by: program\ntransition: rematch\n"+
				"goals:\n  - {title: One, outcome: not-met}\n"),
		// Early, and ended formally.
		closed("d--x", "start: 2026-01-01\nend: 2026-12-31\n",
			"start: 2026-01-01\nclosed: 2026-07-01\nreason: life-change\ntransition: end\ngoals: []\n"),
		// A record still holding TODO: counted, listed, not in the numbers.
		closed("e--x", "start: 2026-01-01\nend: 2026-06-30\n",
			"start: 2026-01-01\nclosed: 2026-06-01\nreason: TODO\ntransition: end\ngoals: []\n"),
	}
	rep := Build(pairs, config.Default(), today, Options{})
	c := rep.Overall.Closures
	if c.Records != 5 || c.Invalid != 1 || c.Missing != 0 {
		t.Fatalf("closures %+v", c)
	}
	for key, want := range map[string]int{"goals-met": 1, "end-of-term": 1, "stalled": 1, "life-change": 1, "mutual": 0} {
		if got := count(t, c.Reasons, key); got.Count != want || got.Share != share(want, 4) {
			t.Errorf("reason %s: %+v, want %d", key, got, want)
		}
	}
	for key, want := range map[string]int{"end": 1, "informal": 1, "rematch": 1, "mentor": 1} {
		if got := count(t, c.Transitions, key); got.Count != want || got.Share != 0.25 {
			t.Errorf("transition %s: %+v", key, got)
		}
	}
	if got := count(t, c.InitiatedBy, "not given"); got.Count != 2 {
		t.Errorf("initiated_by %v", c.InitiatedBy)
	}
	// Three pairs stay in touch, two agreed a channel; channels fold case and spaces.
	if ct := c.Contact; ct.StayInTouch != 3 || ct.Agreed != 2 || ct.Share != 0.667 ||
		len(ct.Channels) != 1 || ct.Channels[0] != (Count{"slack", 2, 1}) {
		t.Errorf("contact %+v", ct)
	}
	for key, want := range map[string]int{"met": 2, "partial": 1, "not-met": 1, "dropped": 1} {
		if got := count(t, c.Outcomes, key); got.Count != want || got.Share != share(want, 5) {
			t.Errorf("outcome %s: %+v", key, got)
		}
	}
	if c.MetShare != 0.5 {
		t.Errorf("met share %v: 2 met of 4 not dropped", c.MetShare)
	}
	// Early: a (59 days) and d (183 days), of the three valid records with a planned end.
	e := c.Early
	if e.Count != 2 || e.Share != 0.667 || len(e.Pairs) != 2 ||
		e.Pairs[0] != (EarlyPair{ID: "a--x", End: dates.MustParse("2026-07-01"), Closed: dates.MustParse("2026-05-03"), DaysEarly: 59, Reason: "goals-met"}) ||
		e.Pairs[1].ID != "d--x" || e.Pairs[1].DaysEarly != 183 {
		t.Errorf("early %+v", e)
	}
	if got := count(t, e.Reasons, "life-change"); got.Count != 1 || got.Share != 0.5 {
		t.Errorf("early reasons %v", e.Reasons)
	}
	// Actual lengths: 122, 99, 28, 181 days.
	if sp := rep.Overall.Durations.Actual; sp == nil || *sp != (Spread{Pairs: 4, Min: 28, Q1: 81.3, Median: 110.5, Q3: 136.8, Max: 181}) {
		t.Errorf("actual %+v", sp)
	}
	if got := count(t, rep.Overall.Durations.ActualBuckets, "up to 3 months"); got.Count != 2 {
		t.Errorf("actual buckets %v", rep.Overall.Durations.ActualBuckets)
	}
	if len(rep.Invalid) != 1 || rep.Invalid[0].File != "pairs/e--x/closure.md" || len(rep.Attention) != 1 ||
		len(rep.Attention[0].Problems) == 0 || !strings.Contains(rep.Attention[0].Problems[0].Message, "reason is still TODO") {
		t.Errorf("invalid %+v, attention %+v", rep.Invalid, rep.Attention)
	}
	r := rep.Pairs[0]
	if r.Closed.String() != "2026-05-03" || r.Reason != "goals-met" || r.Transition != "mentor" || r.ContactChannel != "Slack" ||
		r.Outcomes != (Outcomes{Total: 3, Met: 2, Dropped: 1}) || *r.ActualDays != 122 || !r.Early {
		t.Errorf("row %+v", r)
	}
	if rep.Pairs[1].Early || rep.Pairs[2].Early || rep.Pairs[4].ActualDays != nil {
		t.Errorf("rows %+v", rep.Pairs)
	}
	// --since keeps a pair that started before the date but closed after it.
	since := Build(pairs, config.Default(), today, Options{Since: dates.MustParse("2026-06-15")})
	if len(since.Pairs) != 1 || since.Pairs[0].ID != "d--x" {
		t.Errorf("since: %+v", since.Pairs)
	}
}
