package survey

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/frontmatter"
	"go.yaml.in/yaml/v3"
)

// Answer is one answer as a survey file holds it: a value of the front
// matter's answers mapping, or a free-text section of the body.
type Answer struct {
	ID      string // the question id; for a body section without its marker, ""
	Heading string // a body section's heading
	Value   string // as written: "4", "yes", the text
	Text    bool   // from the body
	Line    int
}

// Survey is one survey file: who answered, when, and the answers.
type Survey struct {
	File string     // repo-relative path
	Name string     // file name: 2026-11-21-mentee.md
	Side string     // mentor or mentee; "" when neither the file nor its name says
	Date dates.Date // zero when neither says

	// Encrypted is set for an age-encrypted file. Locked is set when it
	// was not opened (no identity was given): only its envelope was
	// checked and Answers is empty.
	Encrypted bool
	Locked    bool
	// NotForKey is set when the identity given does not open it.
	NotForKey bool

	Answers  []Answer
	Problems []diag.Problem
}

// Valid reports whether the survey can be used: no problem is an error.
func (s *Survey) Valid() bool { return !diag.HasErrors(s.Problems) }

var namePattern = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})-(mentor|mentee)\.md$`)

// IsSurvey reports whether a file in survey/ is a survey: a Markdown file
// whose name does not start with a dot.
func IsSurvey(name string) bool {
	return !strings.HasPrefix(name, ".") && strings.HasSuffix(strings.ToLower(name), ".md")
}

// FileName is the name of the survey a side answers on a day.
func FileName(date dates.Date, side string) string { return date.String() + "-" + side + ".md" }

// FromName reads the date and side of a survey from its file name.
func FromName(name string) (dates.Date, string) {
	m := namePattern.FindStringSubmatch(name)
	if m == nil {
		return dates.Date{}, ""
	}
	d, err := dates.Parse(m[1])
	if err != nil {
		return dates.Date{}, ""
	}
	return d, m[2]
}

// markerPattern is the comment under a free-text answer's heading that
// names its question.
var markerPattern = regexp.MustCompile(`^<!--\s*question:\s*([^\s>]+)\s*-->$`)

// Parse reads a survey file in clear. file is its repo-relative path; it
// never fails: what is wrong is in Problems.
func Parse(file string, src []byte) *Survey {
	s := &Survey{File: file, Name: file[strings.LastIndex(file, "/")+1:]}
	s.Date, s.Side = FromName(s.Name)
	l := diag.List{File: file}
	defer func() { s.Problems = l.Problems }()
	doc, ferr := frontmatter.Split(src)
	if ferr != nil {
		l.Errorf(ferr.Line, "%s", ferr.Msg)
		return s
	}
	fields, ferr := doc.Fields()
	if ferr != nil {
		l.Errorf(ferr.Line, "%s", ferr.Msg)
		return s
	}
	seen := map[string]bool{}
	for _, f := range fields {
		seen[f.Key] = true
		line := f.ValueLine(doc)
		v, _ := f.Scalar()
		v = strings.TrimSpace(v)
		switch f.Key {
		case "kind":
			if v != Kind {
				l.Errorf(line, "kind %q: a survey file says kind: %s (move other files out of survey/)", v, Kind)
			}
		case "side":
			if v != "mentor" && v != "mentee" {
				l.Errorf(line, "side %q is not mentor or mentee", v)
				continue
			}
			if s.Side != "" && s.Side != v {
				l.Errorf(line, "side %s differs from the file name %s: rename the file or fix the side", v, s.Name)
				continue
			}
			s.Side = v
		case "date":
			d, err := dates.Parse(v)
			if err != nil {
				l.Errorf(line, "date: %v", err)
				continue
			}
			s.Date = d
		case "answers":
			s.answers(f, doc, &l)
		default:
			if near, ok := frontmatter.Closest(f.Key, []string{"kind", "side", "date", "answers"}); ok {
				l.Warnf(f.Line, "unknown key %q: did you mean %q?", f.Key, near)
			}
		}
	}
	for _, k := range []string{"kind", "side", "date"} {
		if !seen[k] && !(k == "side" && s.Side != "") && !(k == "date" && !s.Date.IsZero()) {
			l.Errorf(1, "%s is missing from the front matter", k)
		}
	}
	s.body(doc)
	return s
}

func (s *Survey) answers(f frontmatter.Field, doc frontmatter.Doc, l *diag.List) {
	v := f.Value
	if v == nil || (v.Kind == yaml.ScalarNode && v.Tag == "!!null") {
		return
	}
	if v.Kind != yaml.MappingNode {
		l.Errorf(f.ValueLine(doc), "answers must be a mapping from question id to answer, such as answers: {satisfaction: 4}")
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		line := doc.YAMLLine + k.Line - 1
		if val.Kind == yaml.AliasNode && val.Alias != nil {
			val = val.Alias
		}
		if val.Kind != yaml.ScalarNode {
			l.Errorf(line, "answers.%s must be a single value", k.Value)
			continue
		}
		value := val.Value
		if val.Tag == "!!null" {
			value = ""
		}
		s.Answers = append(s.Answers, Answer{ID: k.Value, Value: value, Line: line})
	}
}

// body reads the free-text answers: each level-2 section, its question
// named by the marker comment under the heading.
func (s *Survey) body(doc frontmatter.Doc) {
	lines := strings.Split(strings.ReplaceAll(string(doc.Body), "\r\n", "\n"), "\n")
	var cur *Answer
	var text []string
	flush := func() {
		if cur != nil {
			cur.Value = strings.TrimSpace(strings.Join(text, "\n"))
			s.Answers = append(s.Answers, *cur)
		}
		cur, text = nil, nil
	}
	for i, ln := range lines {
		if strings.HasPrefix(ln, "## ") {
			flush()
			cur = &Answer{Heading: strings.TrimSpace(ln[3:]), Text: true, Line: doc.BodyLine + i}
			continue
		}
		if cur == nil {
			continue
		}
		if m := markerPattern.FindStringSubmatch(strings.TrimSpace(ln)); m != nil && cur.ID == "" && strings.TrimSpace(strings.Join(text, "")) == "" {
			cur.ID = m[1]
			continue
		}
		text = append(text, unescape(ln))
	}
	flush()
}

// escape keeps a line of free text from reading as a heading or a marker.
func escape(ln string) string {
	t := strings.TrimLeft(ln, " ")
	if strings.HasPrefix(t, "#") || strings.HasPrefix(t, `\`) || strings.HasPrefix(t, "<!--") {
		return `\` + t
	}
	return ln
}

func unescape(ln string) string {
	if strings.HasPrefix(ln, `\`) {
		return ln[1:]
	}
	return ln
}

// Render writes the survey file of one side's answers (question id →
// canonical answer; "" or absent: not answered): the scale answers in the
// front matter, in the order of the questions, each free-text answer in
// the body under its question.
func Render(side string, date dates.Date, qs []Question, answers map[string]string) []byte {
	var b strings.Builder
	b.WriteString("---\nkind: " + Kind + "\nside: " + side + "\ndate: " + date.String() + "\nanswers:")
	n := 0
	for _, q := range qs {
		if a := answers[q.ID]; a != "" && q.Scale != Text {
			b.WriteString("\n  " + q.ID + ": " + a)
			n++
		}
	}
	if n == 0 {
		b.WriteString(" {}")
	}
	b.WriteString("\n---\n\n# Closure survey: " + side + ", " + date.String() + "\n")
	for _, q := range qs {
		a := answers[q.ID]
		if a == "" || q.Scale != Text {
			continue
		}
		heading := strings.Join(strings.Fields(q.Text), " ")
		b.WriteString("\n## " + heading + "\n\n<!-- question: " + q.ID + " -->\n\n")
		for _, ln := range strings.Split(a, "\n") {
			b.WriteString(escape(strings.TrimRight(ln, " \t")) + "\n")
		}
	}
	return []byte(b.String())
}

// Check holds the answers against the questions: an answer outside its
// scale, an answer to a question the survey does not ask, two answers to
// one question, and a required question without an answer are errors.
func Check(s *Survey, qs []Question) []diag.Problem {
	if s.Locked {
		return nil
	}
	l := diag.List{File: s.File}
	answered := map[string]int{}
	for _, a := range s.Answers {
		id := a.ID
		if id == "" {
			for _, q := range qs {
				if strings.EqualFold(strings.Join(strings.Fields(q.Text), " "), a.Heading) {
					id = q.ID
				}
			}
		}
		q := Find(qs, id)
		if q == nil {
			name := id
			if name == "" {
				name = a.Heading
			}
			l.Errorf(a.Line, "unknown question %q: the survey asks %s (survey.questions in .mentor.yaml)", name, ids(qs))
			continue
		}
		if prev, dup := answered[id]; dup {
			l.Errorf(a.Line, "question %s is answered twice (first on line %d): keep one", id, prev)
			continue
		}
		answered[id] = a.Line
		v, err := q.Canonical(a.Value)
		if err != nil {
			l.Errorf(a.Line, "%v", err)
			continue
		}
		if v == "" {
			delete(answered, id)
		}
	}
	for _, q := range qs {
		if _, ok := answered[q.ID]; q.Required && !ok {
			l.Errorf(1, "required question %s (%q) has no answer", q.ID, q.Text)
		}
	}
	if s.Encrypted {
		for i := range l.Problems {
			p := &l.Problems[i]
			if p.Line > 1 {
				p.Message += fmt.Sprintf(" (line %d of the decrypted survey)", p.Line)
			}
			p.Line = 1
		}
	}
	return l.Problems
}

func problem(file, format string, args ...any) diag.Problem {
	return diag.Problem{File: file, Line: 1, Severity: diag.Error, Message: fmt.Sprintf(format, args...)}
}

// Value returns the survey's canonical answer to a question, "" when it has
// none that fits its scale.
func (s *Survey) Value(q Question) string {
	for _, a := range s.Answers {
		if a.ID == q.ID || (a.ID == "" && strings.EqualFold(strings.Join(strings.Fields(q.Text), " "), a.Heading)) {
			v, err := q.Canonical(a.Value)
			if err == nil {
				return v
			}
		}
	}
	return ""
}

func ids(qs []Question) string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.ID
	}
	return strings.Join(out, ", ")
}

// String names the survey in messages: its file.
func (s *Survey) String() string { return fmt.Sprintf("%s (%s, %s)", s.File, s.Side, s.Date) }
