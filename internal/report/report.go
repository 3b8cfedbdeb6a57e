// Package report sums up a programme: where the pairs stand, which need
// attention, how the relationships that ended went. It is a pure function of
// the judged plans, the closure records, the config and today; it reads no
// file and knows nothing of how the numbers are shown.
package report

import (
	"math"

	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/nullable"
	"github.com/mentor-cli/mentor/internal/pair"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/signals"
)

// Pair is one pair as the report sees it: what its folder holds, and the
// judgement of its plan.
type Pair struct {
	*pair.Pair
	Judgement signals.Judgement
}

// Options narrow the report.
type Options struct {
	// Program keeps the pairs whose plan names this programme.
	Program string
	// Since keeps the pairs that started on or after it, or closed on or
	// after it (by their closure record).
	Since dates.Date
}

// Count is how many of a kind, and their share of the whole (0..1, rounded
// to three decimals; 0 when the whole is empty).
type Count struct {
	Key   string  `json:"key"`
	Count int     `json:"count"`
	Share float64 `json:"share"`
}

// Report is every number of `mentor close report`.
type Report struct {
	Today   dates.Date      `json:"today"`
	Program nullable.String `json:"program"` // the --program filter; null for none
	Since   dates.Date      `json:"since"`
	// PairsDir is where the pairs live, repo-relative.
	PairsDir string `json:"pairs_dir"`

	Overall Summary `json:"overall"`
	// Programmes breaks the summary down by the plans' program; empty when
	// no plan names one. Pairs without a programme are under "".
	Programmes []Programme `json:"programmes"`

	Attention []Attention `json:"attention"`
	Invalid   []Invalid   `json:"invalid"`
	Pairs     []Row       `json:"pairs"`

	// Survey is the closure survey's figures.
	Survey *Survey `json:"survey"`
}

// Programme is the summary of one cohort.
type Programme struct {
	Name nullable.String `json:"name"` // null for the pairs whose plan names none
	Summary
}

// Summary holds the statistics over a set of pairs.
type Summary struct {
	Pairs     int     `json:"pairs"`
	Invalid   int     `json:"invalid"`
	Attention int     `json:"attention"`
	Verdicts  []Count `json:"verdicts"`
	// Statuses counts the status of the plans that could be read.
	Statuses []Count `json:"statuses"`
	// Goals counts the goals of the plans that could be read, by state.
	Goals     Goals     `json:"goals"`
	Meetings  Meetings  `json:"meetings"`
	Durations Durations `json:"durations"`
	Closures  Closures  `json:"closures"`
	After     After     `json:"after"`
	// Extensions counts the agreed moves of the planned end (the plans'
	// extended lists, written by mentor close extend).
	Extensions Extensions `json:"extensions"`
}

// Extensions counts how many pairs moved their planned end, and how often.
type Extensions struct {
	Pairs int `json:"pairs"` // pairs with at least one extension
	Total int `json:"total"` // extensions in all
}

// Goals counts plan goals by state.
type Goals struct {
	Total    int     `json:"total"`
	Met      int     `json:"met"`
	Open     int     `json:"open"`
	Dropped  int     `json:"dropped"`
	MetShare float64 `json:"met_share"` // met among the goals not dropped
}

// Meetings counts the meeting logs up to today.
type Meetings struct {
	Held              int     `json:"held"`
	Unproductive      int     `json:"unproductive"`
	UnproductiveShare float64 `json:"unproductive_share"` // of the meetings held
	Cancelled         BySide  `json:"cancelled"`
	NoShow            BySide  `json:"no_show"`
}

// BySide splits missed meetings by the side that missed them.
type BySide struct {
	Mentor  int `json:"mentor"`
	Mentee  int `json:"mentee"`
	Unnamed int `json:"unnamed"`
	Total   int `json:"total"`
}

// Durations compares the planned length of the pairs with how long the
// closed ones lasted, in days.
type Durations struct {
	Planned *Spread `json:"planned"` // plans with an end; null when none
	Actual  *Spread `json:"actual"`  // valid closure records; null when none
	// PlannedBuckets and ActualBuckets count pairs by length in months
	// (days / 30.44, rounded), in the order of Buckets.
	PlannedBuckets []Count `json:"planned_buckets"`
	ActualBuckets  []Count `json:"actual_buckets"`
}

// Spread is the five-number summary of a set of lengths in days; quartiles
// are interpolated linearly between the closest ranks.
type Spread struct {
	Pairs  int     `json:"pairs"`
	Min    float64 `json:"min"`
	Q1     float64 `json:"q1"`
	Median float64 `json:"median"`
	Q3     float64 `json:"q3"`
	Max    float64 `json:"max"`
}

// Closures sums up the closure records.
type Closures struct {
	// Records counts the closure.md files; Invalid those that cannot be
	// used (unreadable, or with errors). The other numbers count only the
	// valid ones.
	Records int `json:"records"`
	Invalid int `json:"invalid"`
	// Missing counts pairs that have ended (status closed, or planned end
	// more than grace_days ago) without a closure.md.
	Missing int `json:"missing"`
	// Reasons, Transitions and InitiatedBy list every value of the SPEC,
	// with shares of the valid records.
	Reasons     []Count `json:"reasons"`
	Transitions []Count `json:"transitions"`
	InitiatedBy []Count `json:"initiated_by"`
	Contact     Contact `json:"contact"`
	// Outcomes counts the goals of the valid records by outcome; MetShare
	// is met among the goals not dropped.
	Outcomes []Count `json:"outcomes"`
	MetShare float64 `json:"met_share"`
	// Early counts the records closed before the plan's planned end.
	Early Early `json:"early"`
}

// Contact sums up the contact agreements of the pairs that stay in touch
// (transition other than end).
type Contact struct {
	StayInTouch int     `json:"stay_in_touch"` // records with a transition other than end
	Agreed      int     `json:"agreed"`        // of those, with a contact channel
	Share       float64 `json:"share"`         // agreed / stay_in_touch
	Channels    []Count `json:"channels"`      // by channel as written (case folded), shares of agreed
}

// Early is the closures that came before the planned end.
type Early struct {
	Count   int         `json:"count"`
	Share   float64     `json:"share"` // of the valid records whose plan has an end
	Reasons []Count     `json:"reasons"`
	Pairs   []EarlyPair `json:"pairs"`
}

// EarlyPair is one early closure.
type EarlyPair struct {
	ID        string     `json:"id"`
	End       dates.Date `json:"end"`
	Closed    dates.Date `json:"closed"`
	DaysEarly int        `json:"days_early"`
	Reason    string     `json:"reason"`
}

// Attention is a pair that needs someone to act now: the signals that
// fired, and the problems that stand in the way (a file that cannot be
// used, a closure record that is missing), in the shapes check gives them.
type Attention struct {
	ID       string           `json:"id"`
	Plan     string           `json:"plan"`
	Program  nullable.String  `json:"program"`
	Verdict  signals.Verdict  `json:"verdict"`
	Signals  []signals.Signal `json:"signals"`
	Problems []diag.Problem   `json:"problems"`
}

// Invalid is a pair whose plan or closure record cannot be used, with why.
type Invalid struct {
	ID       string         `json:"id"`
	File     string         `json:"file"`
	Problems []diag.Problem `json:"problems"`
}

// Row is one pair, flat, for spreadsheets.
type Row struct {
	ID             string           `json:"id"`
	Plan           string           `json:"plan"`
	Program        nullable.String  `json:"program"`
	Status         nullable.String  `json:"status"` // null when the plan cannot be read
	Verdict        signals.Verdict  `json:"verdict"`
	Signals        []signals.Signal `json:"signals"`
	Start          dates.Date       `json:"start"`
	End            dates.Date       `json:"end"`
	Closed         dates.Date       `json:"closed"`
	Reason         nullable.String  `json:"reason"`
	Transition     nullable.String  `json:"transition"`
	ContactChannel nullable.String  `json:"contact_channel"`
	GoalsTotal     int              `json:"goals_total"`
	GoalsMet       int              `json:"goals_met"`
	GoalsOpen      int              `json:"goals_open"`
	GoalsDropped   int              `json:"goals_dropped"`
	Outcomes       Outcomes         `json:"outcomes"`
	Held           int              `json:"meetings_held"`
	Unproductive   int              `json:"meetings_unproductive"`
	Cancelled      BySide           `json:"cancelled"`
	NoShow         BySide           `json:"no_show"`
	PlannedDays    *int             `json:"planned_days"`
	ActualDays     *int             `json:"actual_days"`
	Early          bool             `json:"early"`
	ClosureMissing bool             `json:"closure_missing"`
	Attention      bool             `json:"attention"`
}

// Outcomes counts closure-record goals by outcome.
type Outcomes struct {
	Total   int `json:"total"`
	Met     int `json:"met"`
	Partial int `json:"partial"`
	NotMet  int `json:"not_met"`
	Dropped int `json:"dropped"`
}

// Verdicts in the order the report lists them: what to act on first.
var Verdicts = []string{string(signals.ReadyToClose), string(signals.ConsiderClosing), string(signals.Closing),
	string(signals.OnTrack), string(signals.Closed), string(signals.Invalid)}

// Statuses in the order of the SPEC.
var Statuses = []string{string(plan.Active), string(plan.Closing), string(plan.Closed)}

// Buckets are the duration classes of the charts, in months.
var Buckets = []string{"up to 3 months", "4-6 months", "7-9 months", "10-12 months", "over 12 months"}

func bucket(days int) int {
	months := int(math.Round(float64(days) / 30.44))
	switch {
	case months <= 3:
		return 0
	case months <= 6:
		return 1
	case months <= 9:
		return 2
	case months <= 12:
		return 3
	}
	return 4
}

// facts is what the report needs of one pair, worked out once.
type facts struct {
	pair     *Pair
	valid    bool // the plan can be judged
	program  string
	row      Row
	meetings Meetings
	problems []diag.Problem // what needs attention besides the signals
	invalid  []Invalid
	closure  closureFacts
	survey   surveyFacts
	after    afterFacts
}

func study(p *Pair, cfg config.Config, today dates.Date) *facts {
	f := &facts{pair: p, valid: p.Plan != nil && p.Judgement.Verdict != signals.Invalid}
	j := p.Judgement
	r := Row{ID: p.Pair.ID, Plan: p.Pair.PlanFile(), Verdict: j.Verdict, Signals: append([]signals.Signal{}, j.Signals...)}
	if p.Plan != nil {
		f.program = p.Plan.Program
		r.Program = nullable.String(p.Plan.Program)
	}
	if f.valid {
		pl := p.Plan
		r.Status = nullable.String(pl.Status)
		r.Start, r.End = pl.Start, pl.End
		r.GoalsTotal, r.GoalsMet, r.GoalsOpen, r.GoalsDropped = j.Goals.Total, j.Goals.Met, j.Goals.Open, j.Goals.Dropped
		f.meetings = countMeetings(pl, today)
		r.Held, r.Unproductive = f.meetings.Held, f.meetings.Unproductive
		r.Cancelled, r.NoShow = f.meetings.Cancelled, f.meetings.NoShow
		if !pl.End.IsZero() {
			d := pl.End.DaysSince(pl.Start)
			r.PlannedDays = &d
		}
	} else {
		probs := errorsOf(p.PlanProblems())
		f.invalid = append(f.invalid, Invalid{ID: p.Pair.ID, File: p.Pair.PlanFile(), Problems: probs})
		f.problems = append(f.problems, probs...)
	}
	f.row = r
	f.closure = studyClosure(f, cfg, today)
	f.survey = studySurveys(f, cfg)
	f.row.Attention = len(f.row.Signals) > 0 || len(f.problems) > 0
	return f
}

func errorsOf(ps []diag.Problem) []diag.Problem {
	out := []diag.Problem{}
	for _, p := range ps {
		if p.Severity == diag.Error {
			out = append(out, p)
		}
	}
	return out
}

// ended reports whether the pair has ended as `verify` sees it: status
// closed, or the planned end more than grace_days ago.
func (f *facts) keep(opt Options) bool {
	if opt.Program != "" && f.program != opt.Program {
		// A plan whose front matter cannot be read has no known
		// programme: keep it, so that it is never silently left out.
		if f.valid || f.pair.Plan == nil || f.pair.Plan.Lines.Program != 0 || f.program != "" {
			return false
		}
	}
	if !opt.Since.IsZero() && f.valid {
		started := !f.row.Start.Before(opt.Since)
		closed := !f.row.Closed.IsZero() && !f.row.Closed.Before(opt.Since)
		if !started && !closed {
			return false
		}
	}
	return true
}

// countMeetings counts the meetings up to today, with the side that missed.
func countMeetings(pl *plan.Plan, today dates.Date) Meetings {
	var m Meetings
	side := func(b *BySide, by string) {
		b.Total++
		switch by {
		case "mentor":
			b.Mentor++
		case "mentee":
			b.Mentee++
		default:
			b.Unnamed++
		}
	}
	for _, x := range pl.Meetings {
		if x.Date.After(today) {
			continue
		}
		switch x.Kind {
		case plan.Held:
			m.Held++
			if x.Unproductive {
				m.Unproductive++
			}
		case plan.Cancelled:
			side(&m.Cancelled, x.By)
		case plan.NoShow:
			side(&m.NoShow, x.By)
		}
	}
	return m
}

func addSides(a, b BySide) BySide {
	return BySide{a.Mentor + b.Mentor, a.Mentee + b.Mentee, a.Unnamed + b.Unnamed, a.Total + b.Total}
}

// counts lists every key, in order, with its count and share of whole.
func counts(keys []string, n map[string]int, whole int) []Count {
	out := make([]Count, 0, len(keys))
	for _, k := range keys {
		out = append(out, Count{Key: k, Count: n[k], Share: share(n[k], whole)})
	}
	return out
}

func share(n, whole int) float64 {
	if whole <= 0 {
		return 0
	}
	return math.Round(float64(n)/float64(whole)*1000) / 1000
}

func bucketMap(n []int) map[string]int {
	m := map[string]int{}
	for i, c := range n {
		m[Buckets[i]] = c
	}
	return m
}
