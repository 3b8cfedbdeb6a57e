package report

import (
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

func buildSurvey(fs []*facts, cfg config.Config) *Survey {
	sc := cfg.Survey
	out := &Survey{MinGroup: sc.MinGroup, Questions: []SurveyQuestion{}, Groups: []SurveyGroup{}}
	for _, q := range sc.Questions {
		out.Questions = append(out.Questions, SurveyQuestion{ID: q.ID, Text: q.Text, Scale: string(q.Scale), Required: q.Required})
	}
	programs := map[string][]*facts{}
	reasons := map[string][]*facts{}
	for _, f := range fs {
		sf := f.survey
		if !sf.closed && len(sf.responses) == 0 {
			continue
		}
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
		programs[f.program] = append(programs[f.program], f)
		reasons[sf.reason] = append(reasons[sf.reason], f)
	}
	out.ResponseRate = share(out.Responses, out.Expected)

	pnames := make([]string, 0, len(programs))
	for n := range programs {
		pnames = append(pnames, n)
	}
	sort.Slice(pnames, func(i, j int) bool {
		if (pnames[i] == "") != (pnames[j] == "") {
			return pnames[j] == ""
		}
		return pnames[i] < pnames[j]
	})
	for _, n := range pnames {
		out.Groups = append(out.Groups, group(ByProgram, n, programs[n], sc))
	}
	for _, n := range append(closure.Reasons.Names(), "") {
		if g, ok := reasons[n]; ok {
			out.Groups = append(out.Groups, group(ByReason, n, g, sc))
		}
	}
	return out
}

func group(by, key string, fs []*facts, sc config.Survey) SurveyGroup {
	g := SurveyGroup{By: by, Key: key, Questions: []QuestionFigures{}}
	var readable []*survey.Survey
	for _, f := range fs {
		g.Expected += f.survey.expected
		for _, r := range f.survey.responses {
			g.Responses++
			if r.side == "mentor" {
				g.Mentor++
			} else {
				g.Mentee++
			}
			if r.readable {
				readable = append(readable, r.s)
			}
		}
	}
	g.Readable = len(readable)
	g.ResponseRate = share(g.Responses, g.Expected)
	g.CountsOnly = g.Readable < sc.MinGroup
	for _, q := range sc.Questions {
		var answers []string
		for _, s := range readable {
			if v := s.Value(q); v != "" {
				answers = append(answers, v)
			}
		}
		qf := QuestionFigures{ID: q.ID, Scale: string(q.Scale), Answers: len(answers)}
		if !g.CountsOnly && len(answers) >= sc.MinGroup && q.Scale != survey.Text {
			figures(&qf, q.Scale, answers)
		}
		g.Questions = append(g.Questions, qf)
	}
	return g
}

func figures(qf *QuestionFigures, scale survey.Scale, answers []string) {
	dist := survey.Distribution(scale, answers)
	qf.Distribution = make([]Count, len(dist))
	for i, v := range scale.Values() {
		qf.Distribution[i] = Count{Key: v, Count: dist[i], Share: share(dist[i], len(answers))}
	}
	switch scale {
	case survey.Five, survey.Ten:
		nums := make([]int, 0, len(answers))
		for _, a := range answers {
			n, _ := strconv.Atoi(a)
			nums = append(nums, n)
		}
		mean := survey.Mean(nums)
		qf.Mean = &mean
		if scale == survey.Ten {
			nps := survey.NPS(nums)
			qf.NPS = &nps
		}
	case survey.YesNo:
		yes := share(dist[0], len(answers))
		qf.Yes = &yes
	}
}
