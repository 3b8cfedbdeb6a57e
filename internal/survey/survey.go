// Package survey is the closure survey: the questions a programme asks each
// side of a pair when the relationship ends, the answers as a survey file
// holds them (<pair>/survey/<date>-<side>.md), the age encryption that keeps
// a person's answers private to the programme, and the arithmetic the report
// does on them. It is pure: the loader reads the files, the commands write
// them.
package survey

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/mentor-cli/mentor/internal/enum"
)

// Dir is the folder of surveys inside a pair folder.
const Dir = "survey"

// Kind is the front-matter kind of a survey file.
const Kind = "closure-survey"

// Scale is how a question is answered.
type Scale string

const (
	Five  Scale = "1-5"    // a whole number from 1 to 5
	Ten   Scale = "0-10"   // a whole number from 0 to 10, as in a Net Promoter question
	YesNo Scale = "yes-no" // yes or no
	Text  Scale = "text"   // free text, never shown in a report
)

// Scales are the scales a question may have.
var Scales = enum.Set{
	{Name: string(Five), Help: "a whole number from 1 (low) to 5 (high)"},
	{Name: string(Ten), Help: "a whole number from 0 to 10; the report gives its Net Promoter Score"},
	{Name: string(YesNo), Help: "yes or no; the report gives the share of yes"},
	{Name: string(Text), Help: "free text; kept in the survey file, never copied into the report"},
}

// Numeric reports whether answers on the scale are numbers with a mean.
func (s Scale) Numeric() bool { return s == Five || s == Ten }

// Range is the lowest and highest answer of a numeric scale.
func (s Scale) Range() (lo, hi int) {
	if s == Ten {
		return 0, 10
	}
	return 1, 5
}

// Values lists the answers a closed scale takes, in order.
func (s Scale) Values() []string {
	switch s {
	case Five, Ten:
		lo, hi := s.Range()
		out := make([]string, 0, hi-lo+1)
		for n := lo; n <= hi; n++ {
			out = append(out, strconv.Itoa(n))
		}
		return out
	case YesNo:
		return []string{"yes", "no"}
	}
	return nil
}

// Hint says how to answer, as a prompt shows it.
func (s Scale) Hint() string {
	switch s {
	case Five:
		return "1 (low) to 5 (high)"
	case Ten:
		return "0 (not at all) to 10 (certainly)"
	case YesNo:
		return "yes or no"
	}
	return "free text on one line"
}

// Question is one question of the survey.
type Question struct {
	ID       string
	Text     string
	Scale    Scale
	Required bool
	Line     int // line in .mentor.yaml; 0 for the built-in questions
}

// Default is the built-in survey, asked when .mentor.yaml sets no
// survey.questions.
var Default = []Question{
	{ID: "satisfaction", Text: "Overall, how satisfied are you with the mentoring relationship?", Scale: Five, Required: true},
	{ID: "goals", Text: "How much progress did you make on the goals you set?", Scale: Five, Required: true},
	{ID: "recommend", Text: "How likely are you to recommend the programme to a colleague?", Scale: Ten, Required: true},
	{ID: "again", Text: "Would you take part in the programme again?", Scale: YesNo, Required: true},
	{ID: "mentor_better", Text: "What could the mentor do better?", Scale: Text},
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

// ValidID reports whether id can name a question: lower-case letters,
// digits, - and _, starting with a letter or digit, at most 64 characters.
func ValidID(id string) bool { return idPattern.MatchString(id) }

// Find returns the question with the id, or nil.
func Find(qs []Question, id string) *Question {
	for i := range qs {
		if qs[i].ID == id {
			return &qs[i]
		}
	}
	return nil
}

// ScaleError is an answer outside its question's scale.
type ScaleError struct {
	Question Question
	Got      string
}

func (e *ScaleError) Error() string {
	got := e.Got
	if len(got) > 40 {
		got = got[:37] + "..."
	}
	switch e.Question.Scale {
	case Five, Ten:
		lo, hi := e.Question.Scale.Range()
		return fmt.Sprintf("%s: %q is not a whole number from %d to %d", e.Question.ID, got, lo, hi)
	case YesNo:
		return fmt.Sprintf("%s: %q is not yes or no", e.Question.ID, got)
	}
	return fmt.Sprintf("%s: the answer must be text", e.Question.ID)
}

// Canonical checks an answer against the question's scale and returns it as
// a survey file stores it: "4", "yes", the text with its ends trimmed. An
// empty answer returns "" and no error: the question was not answered.
func (q Question) Canonical(answer string) (string, error) {
	s := strings.TrimSpace(answer)
	if s == "" {
		return "", nil
	}
	switch q.Scale {
	case Five, Ten:
		n, err := strconv.Atoi(strings.TrimPrefix(s, "+"))
		lo, hi := q.Scale.Range()
		if err != nil || n < lo || n > hi {
			return "", &ScaleError{q, s}
		}
		return strconv.Itoa(n), nil
	case YesNo:
		switch strings.ToLower(s) {
		case "yes", "y", "true":
			return "yes", nil
		case "no", "n", "false":
			return "no", nil
		}
		return "", &ScaleError{q, s}
	}
	return strings.ReplaceAll(s, "\r\n", "\n"), nil
}
