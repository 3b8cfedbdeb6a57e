package output

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mentor-cli/mentor/internal/escape"

	"github.com/mentor-cli/mentor/internal/report"
)

// surveyShown reports whether the report has a survey section: some pair
// has closed or answered.
func surveyShown(sv *report.Survey) bool {
	return sv != nil && (sv.Expected > 0 || sv.Responses > 0)
}

func (m *md) overviewSurvey(rep *report.Report) {
	sv := rep.Survey
	if !surveyShown(sv) {
		return
	}
	line := fmt.Sprintf("- **Closure survey:** %d of %d sides answered (%s)", sv.Responses, sv.Expected, pct(sv.ResponseRate))
	if sv.Locked > 0 {
		line += fmt.Sprintf("; %d encrypted, not opened", sv.Locked)
	}
	m.WriteString(line + ".\n")
}

func groupName(g report.SurveyGroup) string {
	if g.By == report.ByProgram {
		return "Programme: " + programmeName(g.Key)
	}
	if g.Key == "" {
		return "Reason: (no usable closure record)"
	}
	return "Reason: " + g.Key
}

func (m *md) survey(rep *report.Report) {
	sv := rep.Survey
	if !surveyShown(sv) {
		return
	}
	m.heading(2, "Closure survey")
	if sv.Responses == 0 {
		m.para("No side of the closed pairs has answered the closure survey yet. Each side answers with `mentor close survey PAIR --as mentor|mentee`.")
		return
	}
	m.para("%d of the %d sides of the closed pairs answered (%s); a side that answered twice counts once, with its latest answers.",
		sv.Responses, sv.Expected, pct(sv.ResponseRate))
	if sv.Locked > 0 {
		m.para("%s encrypted and not opened, so their answers are not in the figures below: the programme opens them with `mentor close report --identity FILE` (or `MENTOR_AGE_IDENTITY`).",
			plural(sv.Locked, "response is", "responses are"))
	} else if sv.Encrypted > 0 {
		m.para("%s encrypted and opened with the programme's identity.", plural(sv.Encrypted, "response was", "responses were"))
	}
	if sv.Unusable > 0 {
		m.para("%s cannot be used; see the files that cannot be used below.", plural(sv.Unusable, "response", "responses"))
	}
	m.para("A group with fewer than %d readable responses shows counts only, so that no one's answers can be read out of the report. Free-text answers are never shown.", sv.MinGroup)

	var rows [][]string
	for _, g := range sv.Groups {
		fig := "shown"
		if g.CountsOnly {
			fig = "counts only"
		}
		rows = append(rows, []string{groupName(g), strconv.Itoa(g.Responses), strconv.Itoa(g.Expected), pct(g.ResponseRate),
			strconv.Itoa(g.Mentor), strconv.Itoa(g.Mentee), strconv.Itoa(g.Readable), fig})
	}
	m.table("lrrrrrrl", []string{"Group", "Responses", "Sides", "Rate", "Mentors", "Mentees", "Readable", "Figures"}, rows)

	texts := map[string]string{}
	for _, q := range sv.Questions {
		texts[q.ID] = q.Text
	}
	for _, g := range sv.Groups {
		if g.CountsOnly {
			continue
		}
		name := groupName(g)
		m.heading(3, name)
		var rows [][]string
		for _, q := range g.Questions {
			if q.Scale == "text" {
				continue
			}
			rows = append(rows, []string{texts[q.ID], q.Scale, strconv.Itoa(q.Answers), optNum(q.Mean), optNum(q.NPS), optPct(q.Yes)})
		}
		m.table("llrrrr", []string{"Question", "Scale", "Answers", "Mean", "NPS", "Yes"}, rows)
		for _, q := range g.Questions {
			if q.Distribution == nil || (q.Scale != "1-5" && q.Scale != "0-10") {
				continue
			}
			m.heading(4, texts[q.ID])
			m.bar(q.ID+", "+strings.TrimPrefix(strings.TrimPrefix(name, "Programme: "), "Reason: "), "answers", q.Distribution)
			m.table("lrr", []string{"Answer", "Answers", "Share"}, countRows(q.Distribution))
		}
	}
}

func optNum(f *float64) string {
	if f == nil {
		return "-"
	}
	return num(*f)
}

func optPct(f *float64) string {
	if f == nil {
		return "-"
	}
	return pct(*f)
}

// SurveyCSVHeader heads `report --format survey-csv`: one row per group and
// question.
var SurveyCSVHeader = []string{"by", "key", "responses", "expected", "response_rate", "mentor", "mentee", "readable",
	"counts_only", "question", "scale", "answers", "mean", "nps", "yes", "distribution"}

// ReportSurveyCSV writes the survey figures as one CSV table, the header
// alone when there are none, so that a spreadsheet reads it as it reads the
// pairs' table of --format csv.
func ReportSurveyCSV(w io.Writer, rep *report.Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(SurveyCSVHeader); err != nil {
		return err
	}
	sv := rep.Survey
	if !surveyShown(sv) {
		cw.Flush()
		return cw.Error()
	}
	n := strconv.Itoa
	f := func(p *float64) string {
		if p == nil {
			return ""
		}
		return num(*p)
	}
	for _, g := range sv.Groups {
		for _, q := range g.Questions {
			var dist []string
			for _, c := range q.Distribution {
				dist = append(dist, c.Key+":"+n(c.Count))
			}
			row := []string{g.By, escape.CSV(g.Key), n(g.Responses), n(g.Expected), num(g.ResponseRate), n(g.Mentor), n(g.Mentee), n(g.Readable),
				strconv.FormatBool(g.CountsOnly), q.ID, q.Scale, n(q.Answers), f(q.Mean), f(q.NPS), f(q.Yes), strings.Join(dist, " ")}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
