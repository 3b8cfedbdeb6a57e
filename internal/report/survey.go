package report

import (
	"math"
	"sort"
	"strconv"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/config"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/survey"
)

// Survey sums up the closure surveys: how many sides answered, and per
// programme and per closure reason what they answered. A group with fewer
// readable responses than min_group shows counts only, so that no one's
// answers can be read out of the report; free text is never in it.
type Survey struct {
	MinGroup  int              `json:"min_group"`
	Questions []SurveyQuestion `json:"questions"`
	// Responses counts the sides that answered (a side that answered
	// twice counts once, with its latest survey); Expected the sides of
	// the closed pairs that could answer (not a side that could not be
	// reached).
	Responses    int     `json:"responses"`
	Expected     int     `json:"expected"`
	ResponseRate float64 `json:"response_rate"`
	// Encrypted counts the responses that are encrypted; Locked those of
	// them that were not opened (no identity was given); Unusable the
	// responses that cannot be read or do not fit the questions.
	Encrypted int           `json:"encrypted"`
	Locked    int           `json:"locked"`
	Unusable  int           `json:"unusable"`
	Groups    []SurveyGroup `json:"groups"`
}

// SurveyQuestion is one question of the survey as the report lists it.
type SurveyQuestion struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Scale    string `json:"scale"`
	Required bool   `json:"required"`
}

// SurveyGroup is the survey figures of one programme or one closure reason.
type SurveyGroup struct {
	By           string  `json:"by"` // program or reason
	Key          string  `json:"key"`
	Responses    int     `json:"responses"`
	Expected     int     `json:"expected"`
	ResponseRate float64 `json:"response_rate"`
	Mentor       int     `json:"mentor"` // responses by side
	Mentee       int     `json:"mentee"`
	// Readable counts the responses whose answers are in the figures:
	// opened and fitting the questions.
	Readable   int               `json:"readable"`
	CountsOnly bool              `json:"counts_only"` // fewer than min_group readable responses
	Questions  []QuestionFigures `json:"questions"`
}

// QuestionFigures are the figures of one question in one group; each is
// null when it does not apply to the scale, and all are null when fewer
// than min_group answered.
type QuestionFigures struct {
	ID      string   `json:"id"`
	Scale   string   `json:"scale"`
	Answers int      `json:"answers"` // readable responses that answered it
	Mean    *float64 `json:"mean"`    // 1-5 and 0-10
	NPS     *float64 `json:"nps"`     // 0-10: promoters minus detractors, in percent
	Yes     *float64 `json:"yes"`     // yes-no: the share of yes, 0 to 1
	// Distribution counts the answers by value (1-5, 0-10, yes-no).
	Distribution []Count `json:"distribution"`
}

// The groupings of the survey figures.
const (
	ByProgram = "program"
	ByReason  = "reason"
)

// response is one side's latest survey, as the report counts it.
type response struct {
	side     string
	s        *survey.Survey
	readable bool
}

// surveyFacts is what a pair adds to the survey figures.
type surveyFacts struct {
	closed    bool // the pair closed or is closing: its sides are asked
	expected  int
	responses []response
	reason    string // of its usable closure record; "" without one
}

func studySurveys(f *facts, cfg config.Config) surveyFacts {
	p := f.pair
	var sf surveyFacts
	sf.closed = p.HasClosure() || len(p.Surveys) > 0 || (f.valid && p.Plan.Status == plan.Closed)
	if f.closure.record != nil {
		sf.reason = f.closure.record.Reason
	}
	unreachable := ""
	if p.Closure != nil {
		unreachable = p.Closure.Unreachable
	}
	qs := cfg.Survey.Questions
	for _, s := range p.Surveys {
		probs := append([]diag.Problem(nil), s.Problems...)
		if s.Valid() {
			probs = append(probs, survey.Check(s, qs)...)
		}
		if errs := errorsOf(probs); len(errs) > 0 {
			f.invalid = append(f.invalid, Invalid{ID: p.Pair.ID, File: s.File, Problems: errs})
		}
	}
	answered := map[string]bool{}
	for _, s := range p.LatestSurveys() {
		answered[s.Side] = true
		ok := s.Valid() && !s.Locked && !diag.HasErrors(survey.Check(s, qs))
		sf.responses = append(sf.responses, response{side: s.Side, s: s, readable: ok})
	}
	if sf.closed {
		for _, side := range closure.Sides.Names() {
			if side != unreachable || answered[side] {
				sf.expected++
			}
		}
	}
	return sf
}

// surveyTally is the running survey figures: the whole programme's
// counts, and per programme and per closure reason each group's.
type surveyTally struct {
	sc       config.Survey
	out      *Survey
	programs map[string]*groupTally
	reasons  map[string]*groupTally
}

// groupTally is one group's counts, and per question its answers counted
// by value.
type groupTally struct {
	expected, responses, mentor, mentee, readable int
	questions                                     []questionTally
}

type questionTally struct {
	answers int
	dist    []int // by value, in the order of the scale's values
	sum     int   // of the numeric answers
	score   int   // promoters minus detractors
}

func newSurveyTally(sc config.Survey) *surveyTally {
	out := &Survey{MinGroup: sc.MinGroup, Questions: []SurveyQuestion{}, Groups: []SurveyGroup{}}
	for _, q := range sc.Questions {
		out.Questions = append(out.Questions, SurveyQuestion{ID: q.ID, Text: q.Text, Scale: string(q.Scale), Required: q.Required})
	}
	return &surveyTally{sc: sc, out: out, programs: map[string]*groupTally{}, reasons: map[string]*groupTally{}}
}

func (t *surveyTally) add(f *facts) {
	sf := f.survey
	if !sf.closed && len(sf.responses) == 0 {
		return
	}
	out := t.out
	out.Expected += sf.expected
	for _, r := range sf.responses {
		out.Responses++
		switch {
		case r.s.Locked:
			out.Encrypted++
			out.Locked++
		case !r.readable:
			if r.s.Encrypted {
				out.Encrypted++
			}
			out.Unusable++
		case r.s.Encrypted:
			out.Encrypted++
		}
	}
	qs := t.sc.Questions
	groupOf(t.programs, f.program, len(qs)).add(f, qs)
	groupOf(t.reasons, sf.reason, len(qs)).add(f, qs)
}

func groupOf(m map[string]*groupTally, key string, questions int) *groupTally {
	g := m[key]
	if g == nil {
		g = &groupTally{questions: make([]questionTally, questions)}
		m[key] = g
	}
	return g
}

func (g *groupTally) add(f *facts, qs []survey.Question) {
	g.expected += f.survey.expected
	for _, r := range f.survey.responses {
		g.responses++
		if r.side == "mentor" {
			g.mentor++
		} else {
			g.mentee++
		}
		if r.readable {
			g.readable++
			g.answer(r.s, qs)
		}
	}
}

// answer counts one readable response's answers.
func (g *groupTally) answer(s *survey.Survey, qs []survey.Question) {
	for i, q := range qs {
		v := s.Value(q)
		if v == "" {
			continue
		}
		qt := &g.questions[i]
		qt.answers++
		vals := q.Scale.Values()
		if qt.dist == nil {
			qt.dist = make([]int, len(vals))
		}
		for j, x := range vals {
			if v == x {
				qt.dist[j]++
			}
		}
		if q.Scale == survey.Five || q.Scale == survey.Ten {
			n, _ := strconv.Atoi(v)
			qt.sum += n
			switch {
			case survey.Promoter(n):
				qt.score++
			case survey.Detractor(n):
				qt.score--
			}
		}
	}
}

// figures is the survey's figures once every pair is in.
func (t *surveyTally) figures(sc config.Survey) *Survey {
	out := t.out
	out.ResponseRate = share(out.Responses, out.Expected)
	pnames := make([]string, 0, len(t.programs))
	for n := range t.programs {
		pnames = append(pnames, n)
	}
	sort.Slice(pnames, func(i, j int) bool {
		if (pnames[i] == "") != (pnames[j] == "") {
			return pnames[j] == ""
		}
		return pnames[i] < pnames[j]
	})
	for _, n := range pnames {
		out.Groups = append(out.Groups, t.programs[n].figures(ByProgram, n, sc))
	}
	for _, n := range append(closure.Reasons.Names(), "") {
		if g, ok := t.reasons[n]; ok {
			out.Groups = append(out.Groups, g.figures(ByReason, n, sc))
		}
	}
	return out
}

func (gt *groupTally) figures(by, key string, sc config.Survey) SurveyGroup {
	g := SurveyGroup{By: by, Key: key, Questions: []QuestionFigures{}, Expected: gt.expected, Responses: gt.responses,
		Mentor: gt.mentor, Mentee: gt.mentee, Readable: gt.readable}
	g.ResponseRate = share(g.Responses, g.Expected)
	g.CountsOnly = g.Readable < sc.MinGroup
	for i, q := range sc.Questions {
		qt := gt.questions[i]
		qf := QuestionFigures{ID: q.ID, Scale: string(q.Scale), Answers: qt.answers}
		if !g.CountsOnly && qt.answers >= sc.MinGroup && q.Scale != survey.Text {
			qt.figures(&qf, q.Scale)
		}
		g.Questions = append(g.Questions, qf)
	}
	return g
}

// figures are the survey package's Mean, NPS and Distribution, on the
// answers as counted.
func (qt questionTally) figures(qf *QuestionFigures, scale survey.Scale) {
	vals := scale.Values()
	dist := qt.dist
	if dist == nil {
		dist = make([]int, len(vals))
	}
	qf.Distribution = make([]Count, len(vals))
	for i, v := range vals {
		qf.Distribution[i] = Count{Key: v, Count: dist[i], Share: share(dist[i], qt.answers)}
	}
	switch scale {
	case survey.Five, survey.Ten:
		mean := math.Round(float64(qt.sum)/float64(qt.answers)*100) / 100
		qf.Mean = &mean
		if scale == survey.Ten {
			nps := math.Round(float64(qt.score)/float64(qt.answers)*1000) / 10
			qf.NPS = &nps
		}
	case survey.YesNo:
		yes := share(dist[0], qt.answers)
		qf.Yes = &yes
	}
}
