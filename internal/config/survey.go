package config

import (
	"strconv"
	"strings"

	"filippo.io/age"
	"github.com/mentor-cli/mentor/internal/enum"
	"github.com/mentor-cli/mentor/internal/frontmatter"
	"github.com/mentor-cli/mentor/internal/survey"
	"go.yaml.in/yaml/v3"
)

// Survey is the closure survey's settings (survey: in .mentor.yaml).
type Survey struct {
	// Questions are asked in order: survey.questions, else survey.Default.
	Questions []survey.Question
	// Recipients are the age public keys the answers are encrypted to;
	// none means the answers are written in clear.
	Recipients []age.Recipient
	// RecipientKeys are the recipients as written, for messages.
	RecipientKeys []string
	// MinGroup is the fewest responses a report group needs before it
	// shows more than counts.
	MinGroup int
}

// DefaultSurvey is the survey without settings: the built-in questions, in
// clear, min_group 3.
func DefaultSurvey() Survey {
	return Survey{Questions: append([]survey.Question(nil), survey.Default...), MinGroup: 3}
}

// Signoffs are the values of closure.require_signoff.
var Signoffs = enum.Set{
	{Name: "both", Help: "the mentor and the mentee sign; when one cannot be reached, the other and the programme"},
	{Name: "one", Help: "the mentor or the mentee signs (the one that can be reached)"},
	{Name: "none", Help: "no signature is required"},
}

var surveyKeys = []string{"questions", "recipients", "min_group"}
var questionKeys = []string{"id", "text", "scale", "required"}

func (c *Config) setRequireSignoff(file string, v *yaml.Node) error {
	s := strings.TrimSpace(v.Value)
	if v.Kind != yaml.ScalarNode || !Signoffs.Has(s) {
		return problem(file, v.Line, "closure.require_signoff must be one of %s (got %q)", Signoffs, v.Value)
	}
	c.RequireSignoff = s
	return nil
}

func (c *Config) parseSurvey(file string, v *yaml.Node) error {
	return eachKey(file, v, "survey.", surveyKeys, func(k string, v *yaml.Node) error {
		switch k {
		case "questions":
			qs, err := parseQuestions(file, v)
			if err != nil {
				return err
			}
			c.Survey.Questions = qs
		case "recipients":
			items := []*yaml.Node{v}
			if v.Kind == yaml.SequenceNode {
				items = v.Content
			}
			c.Survey.Recipients, c.Survey.RecipientKeys = nil, nil
			for _, it := range items {
				if it.Kind != yaml.ScalarNode || strings.TrimSpace(it.Value) == "" {
					return problem(file, it.Line, "survey.recipients must be a list of age public keys (age1…, as age-keygen -y prints them)")
				}
				rcp, err := survey.ParseRecipient(it.Value)
				if err != nil {
					return problem(file, it.Line, "survey.recipients: %v", err)
				}
				c.Survey.Recipients = append(c.Survey.Recipients, rcp)
				c.Survey.RecipientKeys = append(c.Survey.RecipientKeys, strings.TrimSpace(it.Value))
			}
		case "min_group":
			n, err := strconv.Atoi(v.Value)
			if v.Kind != yaml.ScalarNode || err != nil || n < 1 || n > 100000 {
				return problem(file, v.Line, "survey.min_group must be a whole number of at least 1, such as 3 (got %q)", v.Value)
			}
			c.Survey.MinGroup = n
		}
		return nil
	})
}

func parseQuestions(file string, v *yaml.Node) ([]survey.Question, error) {
	if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
		return nil, problem(file, v.Line, "survey.questions must be a list of questions, each with id, text, scale (%s) and required", survey.Scales)
	}
	var qs []survey.Question
	firstLine := map[string]int{}
	for i, it := range v.Content {
		key := "survey.questions[" + strconv.Itoa(i) + "]."
		q := survey.Question{Line: it.Line}
		err := eachKey(file, it, key, questionKeys, func(k string, v *yaml.Node) error {
			s := strings.TrimSpace(v.Value)
			if v.Kind != yaml.ScalarNode || v.Tag == "!!null" || s == "" {
				return problem(file, v.Line, "%s%s must be a single value", key, k)
			}
			switch k {
			case "id":
				if !survey.ValidID(s) {
					return problem(file, v.Line, "%sid %q: use lower-case letters, digits, - and _, such as satisfaction", key, s)
				}
				q.ID = s
			case "text":
				q.Text = strings.Join(strings.Fields(s), " ")
			case "scale":
				if !survey.Scales.Has(s) {
					hint := ""
					if near, ok := frontmatter.Closest(s, survey.Scales.Names()); ok {
						hint = " (did you mean " + near + "?)"
					}
					return problem(file, v.Line, "%sscale %q is not one of %s%s", key, s, survey.Scales, hint)
				}
				q.Scale = survey.Scale(s)
			case "required":
				switch strings.ToLower(s) {
				case "true", "yes":
					q.Required = true
				case "false", "no":
				default:
					return problem(file, v.Line, "%srequired must be true or false (got %q)", key, s)
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		for _, k := range []string{"id", "text", "scale"} {
			if (k == "id" && q.ID == "") || (k == "text" && q.Text == "") || (k == "scale" && q.Scale == "") {
				return nil, problem(file, it.Line, "%s%s is missing: each question has an id, a text and a scale (%s)", key, k, survey.Scales)
			}
		}
		if prev, dup := firstLine[q.ID]; dup {
			return nil, problem(file, it.Line, "survey.questions: the id %s is used twice (first on line %d): give each question its own id", q.ID, prev)
		}
		firstLine[q.ID] = it.Line
		qs = append(qs, q)
	}
	return qs, nil
}
