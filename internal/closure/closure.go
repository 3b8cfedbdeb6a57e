// Package closure reads a pair's closure.md: the front matter that documents
// how the relationship ended (when, why, who ended it, what comes next, what
// became of each goal) and the level-2 sections of the body. Every value keeps
// its line so that problems point at the right place.
//
// A value of TODO, as `mentor close record` leaves it where only the pair can
// decide, counts as missing: the record is not valid until the pair fills it in.
package closure

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/enum"
	"github.com/mentor-cli/mentor/internal/frontmatter"
	"go.yaml.in/yaml/v3"
)

// Goal is one entry of the goals list: what became of a plan's goal.
type Goal struct {
	Title, Outcome string // outcome: met | partial | not-met | dropped
	Line           int    // line of the entry
}

// Contact is how the pair stays in touch after closing. A TODO value is
// read as empty.
type Contact struct {
	Channel, Cadence string
	Line             int // line of channel, else of the contact key; 0 when absent

	Kind      string     // updates, ad-hoc or catch-up; "" when not given
	Until     dates.Date // the last day of planned contact; zero when open-ended
	UntilLine int        // line of until, 0 when absent
}

// SignOff is who signed the record, and when (zero: not signed).
type SignOff struct {
	Mentor, Mentee, Program dates.Date
	Line                    int // line of the signed_off key, 0 when absent
}

// Signed returns the date a side signed (mentor, mentee or program).
func (s SignOff) Signed(side string) dates.Date {
	switch side {
	case "mentor":
		return s.Mentor
	case "mentee":
		return s.Mentee
	case "program":
		return s.Program
	}
	return dates.Date{}
}

// Section is a level-2 heading of the body.
type Section struct {
	Heading string
	Line    int
	Empty   bool // nothing but TODO lines, HTML comments, sub-headings and blank lines
	TODO    int  // line of the first TODO line left in the section, 0 when none
}

// Placeholder is a TODO value left in the front matter, at any depth.
type Placeholder struct {
	Key  string // the path to the value: reason, contact.cadence, goals[2].outcome
	Line int
}

// Lines holds the line of each front-matter key's value (0 when absent).
type Lines struct {
	Mentor, Mentee, Start, Closed, Reason, InitiatedBy, FinalMeeting, Transition, Contact, Goals int
	SignedOff, Unreachable, RematchAvoid                                                         int
}

// Record is a parsed closure.md.
type Record struct {
	File             string
	Mentor, Mentee   string
	Start, Closed    dates.Date
	Reason           string
	InitiatedBy      string // "" when not given
	Transition       string
	FinalMeeting     string     // "none" or the date as written
	FinalMeetingDate dates.Date // zero when none
	Contact          Contact
	Goals            []Goal
	SignedOff        SignOff
	Unreachable      string        // the side that could not be reached (mentor or mentee); ""
	RematchAvoid     bool          // the same two people are not to be matched again
	Sections         []Section     // every level-2 heading of the body, in order
	NextGoals        []NextGoal    // the mentee's goals for what comes next, from the Next goals list
	TODOs            []Placeholder // every TODO value of the front matter, in file order
	Lines            Lines
	Problems         []diag.Problem // errors make the record invalid

	// The check-ins after closing (the Check-ins section), in file order.
	CheckIns       []CheckIn
	CheckInSection *CheckInSection // nil when the record has none
	// CheckInProblems are the warnings about the Check-ins section; they
	// are in Problems too.
	CheckInProblems []diag.Problem
}

// The values the keys accept, as in the SPEC: the one table that
// validation, --help, completion, the templates and the docs use.
var (
	Reasons = enum.Set{
		{Name: "goals-met", Help: "the goals were met"},
		{Name: "end-of-term", Help: "the planned term ended"},
		{Name: "stalled", Help: "the pair stopped meeting"},
		{Name: "commitment", Help: "one side kept cancelling or missing meetings"},
		{Name: "unproductive", Help: "the meetings stopped moving anything forward"},
		{Name: "no-progress", Help: "the goals saw no progress"},
		{Name: "mutual", Help: "both sides agreed to end"},
		{Name: "life-change", Help: "a change of job, team or life on one side"},
		{Name: "needs-changed", Help: "what the mentee needs from mentoring changed"},
		{Name: "conduct", Help: "a breach of the programme's code of conduct"},
		{Name: "moved", Help: "one side moved on: left the company, the team or the programme"},
		{Name: "unreachable", Help: "one side could no longer be reached"},
		{Name: "other", Help: "another reason, said in the Summary"},
	}
	Transitions = enum.Set{
		{Name: "end", Help: "the relationship ends; no planned contact"},
		{Name: "informal", Help: "stay in touch informally"},
		{Name: "rematch", Help: "the mentee is matched with a new mentor"},
		{Name: "mentor", Help: "the mentee becomes a mentor"},
	}
	Outcomes = enum.Set{
		{Name: "met", Help: "the goal was reached"},
		{Name: "partial", Help: "part of the way there"},
		{Name: "not-met", Help: "not reached"},
		{Name: "dropped", Help: "no longer pursued"},
	}
	Initiators = enum.Set{
		{Name: "mentor", Help: "the mentor raised the ending"},
		{Name: "mentee", Help: "the mentee raised the ending"},
		{Name: "both", Help: "the pair decided together"},
		{Name: "program", Help: "the programme ended it"},
	}
	ContactKinds = enum.Set{
		{Name: "updates", Help: "news now and then, in writing"},
		{Name: "ad-hoc", Help: "when one side has something to ask"},
		{Name: "catch-up", Help: "a conversation at the agreed cadence"},
	}
	// Signers are who can sign a record off.
	Signers = enum.Set{
		{Name: "mentor", Help: "the mentor"},
		{Name: "mentee", Help: "the mentee"},
		{Name: "program", Help: "the programme, when one side cannot be reached"},
	}
	// Sides are the two people of a pair.
	Sides = enum.Set{
		{Name: "mentor", Help: "the mentor"},
		{Name: "mentee", Help: "the mentee"},
	}
)

// Keys are the front-matter keys a closure record understands.
var Keys = []string{"mentor", "mentee", "start", "closed", "reason", "initiated_by", "final_meeting", "transition", "contact", "goals",
	"signed_off", "unreachable", "rematch_avoid"}

// Required are the keys a record must have.
var Required = []string{"mentor", "mentee", "start", "closed", "reason", "final_meeting", "transition", "goals"}

// Valid reports whether the record is complete and well formed: no problem
// is an error.
func (r *Record) Valid() bool { return !diag.HasErrors(r.Problems) }

// FindSection returns the first section whose heading matches name, ignoring
// case and runs of spaces, or nil.
func (r *Record) FindSection(name string) *Section {
	for i := range r.Sections {
		if sameHeading(r.Sections[i].Heading, name) {
			return &r.Sections[i]
		}
	}
	return nil
}

func normHeading(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// IsTODO reports whether a value is a TODO placeholder: it starts with the
// word TODO ("TODO", "TODO: pick one", "TODO - ask Ada").
func IsTODO(s string) bool {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "TODO") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[4:])
	return len(s) == 4 || !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_')
}

// Parse reads a closure record. It never fails: what is wrong is in Problems.
func Parse(file string, src []byte) *Record { return parse(file, src, false) }

// parse is Parse; noFast reads the body with goldmark even when the line
// reader would take it (the tests compare the two).
func parse(file string, src []byte, noFast bool) *Record {
	r := &Record{File: file}
	l := diag.List{File: file}
	defer func() { r.Problems = l.Problems }()

	doc, ferr := frontmatter.Split(src)
	if ferr != nil {
		l.Errorf(ferr.Line, "%s", ferr.Msg)
		// Without front matter the whole file is the body: its sections
		// are still worth reporting on.
		body := src
		if doc.HasBOM {
			body = src[len(frontmatter.BOM):]
		}
		r.readBody(frontmatter.Doc{Body: body, BodyLine: 1}, &l, readSections, noFast)
		return r
	}
	r.frontMatter(doc, &l)
	r.readBody(doc, &l, readAll, noFast)
	return r
}

func (r *Record) frontMatter(doc frontmatter.Doc, l *diag.List) {
	// The fields' nodes are read here and not kept: their storage goes
	// back for the next document.
	fields, done, ferr := doc.FieldsTemp()
	defer done()
	if ferr != nil {
		l.Errorf(ferr.Line, "%s", ferr.Msg)
		return
	}
	for _, f := range fields {
		// A signature left TODO is a signature not given yet: the
		// sign-off rule says whose are missing, not the TODO rule.
		if f.Key != "signed_off" {
			r.TODOs = placeholders(r.TODOs, f.Key, f.Value, doc)
		}
	}
	for _, f := range fields {
		line := f.ValueLine(doc)
		switch f.Key {
		case "mentor", "mentee":
			s, ok := r.scalar(f, line, l, "the "+f.Key+"'s name as in plan.md")
			if !ok {
				continue
			}
			if f.Key == "mentor" {
				r.Mentor, r.Lines.Mentor = s, line
			} else {
				r.Mentee, r.Lines.Mentee = s, line
			}
		case "start", "closed":
			s, ok := r.scalar(f, line, l, "a date such as "+f.Key+": 2026-07-28")
			if !ok {
				continue
			}
			d, err := dates.Parse(s)
			if err != nil {
				l.Errorf(line, "%s: %v", f.Key, err)
				continue
			}
			if f.Key == "start" {
				r.Start, r.Lines.Start = d, line
			} else {
				r.Closed, r.Lines.Closed = d, line
			}
		case "reason":
			if s, ok := r.choice(f, line, l, Reasons.Names(), "why the relationship ended"); ok {
				r.Reason, r.Lines.Reason = s, line
			}
		case "initiated_by":
			if s, ok := r.choice(f, line, l, Initiators.Names(), "who ended the relationship (or remove the line)"); ok {
				r.InitiatedBy, r.Lines.InitiatedBy = s, line
			}
		case "transition":
			if s, ok := r.choice(f, line, l, Transitions.Names(), "what comes next"); ok {
				r.Transition, r.Lines.Transition = s, line
			}
		case "final_meeting":
			s, ok := r.scalar(f, line, l, "the date of the final meeting, or none if there was none")
			if !ok {
				continue
			}
			if strings.EqualFold(s, "none") {
				r.FinalMeeting, r.Lines.FinalMeeting = "none", line
				continue
			}
			d, err := dates.Parse(s)
			if err != nil {
				l.Errorf(line, "final_meeting: %v; write the date of the final meeting, or none if there was none", err)
				continue
			}
			r.FinalMeeting, r.FinalMeetingDate, r.Lines.FinalMeeting = s, d, line
		case "contact":
			r.Lines.Contact = f.Line
			r.contact(f, doc, l)
		case "goals":
			r.Lines.Goals = f.Line
			r.goals(f, doc, l)
		case "signed_off":
			r.Lines.SignedOff = f.Line
			r.signOff(f, doc, l)
		case "unreachable":
			s, _ := f.Scalar()
			s = strings.ToLower(strings.TrimSpace(s))
			switch {
			case s == "" || IsTODO(s):
			case Sides.Has(s):
				r.Unreachable, r.Lines.Unreachable = s, line
			default:
				l.Errorf(line, "unreachable %q is not one of %s: name the side that could not be reached, or remove the line", s, Sides)
			}
		case "rematch_avoid":
			s, _ := f.Scalar()
			switch strings.ToLower(strings.TrimSpace(s)) {
			case "true", "yes":
				r.RematchAvoid, r.Lines.RematchAvoid = true, line
			case "false", "no", "":
				r.Lines.RematchAvoid = line
			default:
				l.Errorf(line, "rematch_avoid %q must be true or false", s)
			}
		default:
			if near, ok := frontmatter.Closest(f.Key, Keys); ok {
				l.Warnf(f.Line, "unknown key %q: did you mean %q?", f.Key, near)
			}
		}
	}
	for _, k := range Required {
		if !slices.ContainsFunc(fields, func(f frontmatter.Field) bool { return f.Key == k }) {
			l.Errorf(1, "%s is missing: add \"%s: %s\" to the front matter", k, k, example(k))
		}
	}
	if !r.Start.IsZero() && !r.Closed.IsZero() && r.Closed.Before(r.Start) {
		l.Errorf(r.Lines.Closed, "closed %s is before start %s: fix one of them", r.Closed, r.Start)
	}
	if !r.FinalMeetingDate.IsZero() {
		if !r.Start.IsZero() && r.FinalMeetingDate.Before(r.Start) {
			l.Errorf(r.Lines.FinalMeeting, "final_meeting %s is before start %s: fix one of them", r.FinalMeetingDate, r.Start)
		} else if !r.Closed.IsZero() && r.FinalMeetingDate.After(r.Closed) {
			l.Warnf(r.Lines.FinalMeeting, "final_meeting %s is after closed %s: a relationship closes at or after its final meeting", r.FinalMeetingDate, r.Closed)
		}
	}
}

// placeholders appends the TODO values under a node, with their paths.
// The paths are made only under a node that holds a TODO.
func placeholders(out []Placeholder, path string, v *yaml.Node, doc frontmatter.Doc) []Placeholder {
	if !holdsTODO(v) {
		return out
	}
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag != "!!null" && IsTODO(v.Value) {
			out = append(out, Placeholder{Key: path, Line: doc.YAMLLine + v.Line - 1})
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(v.Content); i += 2 {
			out = placeholders(out, path+"."+v.Content[i].Value, v.Content[i+1], doc)
		}
	case yaml.SequenceNode:
		for i, it := range v.Content {
			out = placeholders(out, fmt.Sprintf("%s[%d]", path, i+1), it, doc)
		}
	}
	return out
}

// holdsTODO reports whether a TODO value is at or under a node.
func holdsTODO(v *yaml.Node) bool {
	if v == nil {
		return false
	}
	if v.Kind == yaml.ScalarNode {
		return v.Tag != "!!null" && IsTODO(v.Value)
	}
	for _, c := range v.Content {
		if holdsTODO(c) {
			return true
		}
	}
	return false
}

func example(key string) string {
	switch key {
	case "start", "closed":
		return "YYYY-MM-DD"
	case "reason":
		return strings.Join(Reasons.Names(), "|")
	case "final_meeting":
		return "YYYY-MM-DD|none"
	case "transition":
		return strings.Join(Transitions.Names(), "|")
	case "goals":
		return "[{title: ..., outcome: met}]"
	}
	return "NAME"
}

// scalar reads a required single value. A null, empty or TODO value is an
// error that says what to write.
func (r *Record) scalar(f frontmatter.Field, line int, l *diag.List, want string) (string, bool) {
	s, ok := f.Scalar()
	s = strings.TrimSpace(s)
	switch {
	case f.Value != nil && f.Value.Kind != yaml.ScalarNode:
		l.Errorf(line, "%s must be a single value: %s", f.Key, want)
	case !ok || s == "":
		l.Errorf(line, "%s has no value: write %s", f.Key, want)
	case IsTODO(s):
		l.Errorf(line, "%s is still TODO: the pair needs to decide and write %s", f.Key, want)
	default:
		return s, true
	}
	return "", false
}

// choice reads a value that must be one of allowed.
func (r *Record) choice(f frontmatter.Field, line int, l *diag.List, allowed []string, what string) (string, bool) {
	want := what + ": one of " + strings.Join(allowed, ", ")
	s, ok := r.scalar(f, line, l, want)
	if !ok {
		return "", false
	}
	norm := strings.ToLower(s)
	for _, a := range allowed {
		if norm == a {
			return a, true
		}
	}
	hint := ""
	if near, ok := frontmatter.Closest(norm, allowed); ok {
		hint = fmt.Sprintf(" (did you mean %s?)", near)
	}
	l.Errorf(line, "%s %q is not one of %s%s", f.Key, s, strings.Join(allowed, ", "), hint)
	return "", false
}

func (r *Record) contact(f frontmatter.Field, doc frontmatter.Doc, l *diag.List) {
	v := f.Value
	r.Contact.Line = f.Line
	if v == nil || (v.Kind == yaml.ScalarNode && (v.Tag == "!!null" || strings.TrimSpace(v.Value) == "" || IsTODO(v.Value))) {
		return // no contact yet; verify says whether one is needed
	}
	if v.Kind != yaml.MappingNode {
		l.Errorf(f.ValueLine(doc), "contact must be a mapping with channel and cadence, such as contact: {channel: email, cadence: quarterly}")
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		line := doc.YAMLLine + val.Line - 1
		var dst *string
		switch k.Value {
		case "channel":
			dst = &r.Contact.Channel
			r.Contact.Line = line
		case "cadence":
			dst = &r.Contact.Cadence
		case "kind":
			s := strings.ToLower(strings.TrimSpace(val.Value))
			switch {
			case val.Kind != yaml.ScalarNode || val.Tag == "!!null" || s == "" || IsTODO(val.Value):
			case ContactKinds.Has(s):
				r.Contact.Kind = s
			default:
				l.Errorf(line, "contact.kind %q is not one of %s", val.Value, ContactKinds)
			}
			continue
		case "until":
			s := strings.TrimSpace(val.Value)
			if val.Kind != yaml.ScalarNode || val.Tag == "!!null" || s == "" || IsTODO(s) {
				continue
			}
			d, err := dates.Parse(s)
			if err != nil {
				l.Errorf(line, "contact.until: %v; write the last day of planned contact, such as until: 2027-06-30", err)
				continue
			}
			r.Contact.Until, r.Contact.UntilLine = d, line
			continue
		default:
			hint := ""
			if near, ok := frontmatter.Closest(k.Value, []string{"channel", "cadence", "kind", "until"}); ok {
				hint = fmt.Sprintf(": did you mean %q?", near)
			}
			l.Warnf(doc.YAMLLine+k.Line-1, "unknown key contact.%s%s", k.Value, hint)
			continue
		}
		if val.Kind != yaml.ScalarNode {
			l.Errorf(line, "contact.%s must be a single value, such as %s", k.Value, map[string]string{"channel": "email", "cadence": "quarterly"}[k.Value])
			continue
		}
		if s := strings.TrimSpace(val.Value); val.Tag != "!!null" && !IsTODO(s) {
			*dst = s
		}
	}
}

// signOff reads signed_off: a mapping from mentor, mentee or program to the
// date that side signed. An empty value means nobody has signed yet.
func (r *Record) signOff(f frontmatter.Field, doc frontmatter.Doc, l *diag.List) {
	v := f.Value
	r.SignedOff.Line = f.Line
	if v == nil || (v.Kind == yaml.ScalarNode && (v.Tag == "!!null" || strings.TrimSpace(v.Value) == "" || IsTODO(v.Value))) {
		return
	}
	if v.Kind != yaml.MappingNode {
		l.Errorf(f.ValueLine(doc), "signed_off must be a mapping from side to date, such as signed_off: {mentor: 2026-07-28, mentee: 2026-07-29}")
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		line := doc.YAMLLine + val.Line - 1
		var dst *dates.Date
		switch k.Value {
		case "mentor":
			dst = &r.SignedOff.Mentor
		case "mentee":
			dst = &r.SignedOff.Mentee
		case "program":
			dst = &r.SignedOff.Program
		default:
			l.Errorf(doc.YAMLLine+k.Line-1, "signed_off.%s: only %s sign a record", k.Value, Signers)
			continue
		}
		s := strings.TrimSpace(val.Value)
		if val.Kind != yaml.ScalarNode || val.Tag == "!!null" || s == "" || IsTODO(s) {
			continue
		}
		d, err := dates.Parse(s)
		if err != nil {
			l.Errorf(line, "signed_off.%s: %v; sign with mentor close sign --as %s", k.Value, err, k.Value)
			continue
		}
		*dst = d
	}
}

func (r *Record) goals(f frontmatter.Field, doc frontmatter.Doc, l *diag.List) {
	v := f.Value
	line := f.ValueLine(doc)
	if v == nil || (v.Kind == yaml.ScalarNode && v.Tag == "!!null") {
		l.Errorf(line, "goals has no value: list each goal of the plan with its outcome, or write goals: [] if the plan had none")
		return
	}
	if v.Kind == yaml.ScalarNode && IsTODO(v.Value) {
		l.Errorf(line, "goals is still TODO: list each goal of the plan with its outcome (%s)", strings.Join(Outcomes.Names(), ", "))
		return
	}
	if v.Kind != yaml.SequenceNode {
		l.Errorf(line, "goals must be a list of {title, outcome}, such as goals: [{title: Give an internal tech talk, outcome: met}]")
		return
	}
	for _, it := range v.Content {
		gl := doc.YAMLLine + it.Line - 1
		if it.Kind != yaml.MappingNode {
			l.Errorf(gl, "each goal must have a title and an outcome, such as - {title: Give a talk, outcome: met}")
			continue
		}
		g := Goal{Line: gl}
		var hasTitle, hasOutcome bool
		for i := 0; i+1 < len(it.Content); i += 2 {
			k, val := it.Content[i], it.Content[i+1]
			vl := doc.YAMLLine + val.Line - 1
			s := ""
			if val.Kind == yaml.ScalarNode && val.Tag != "!!null" {
				s = strings.TrimSpace(val.Value)
			}
			switch k.Value {
			case "title":
				hasTitle = true
				if s == "" || IsTODO(s) {
					l.Errorf(vl, "goal title is empty: write the goal as it is in the plan")
					continue
				}
				g.Title = s
			case "outcome":
				hasOutcome = true
				switch {
				case s == "":
					l.Errorf(vl, "goal %q has no outcome: write one of %s", clip(g.Title), strings.Join(Outcomes.Names(), ", "))
				case IsTODO(s):
					l.Errorf(vl, "outcome of goal %q is still TODO: the pair needs to decide and write one of %s", clip(g.Title), strings.Join(Outcomes.Names(), ", "))
				case !Outcomes.Has(strings.ToLower(s)):
					l.Errorf(vl, "outcome %q of goal %q is not one of %s", s, clip(g.Title), strings.Join(Outcomes.Names(), ", "))
				default:
					g.Outcome = strings.ToLower(s)
				}
			default:
				hint := ""
				if near, ok := frontmatter.Closest(k.Value, []string{"title", "outcome"}); ok {
					hint = fmt.Sprintf(": did you mean %q?", near)
				}
				l.Warnf(doc.YAMLLine+k.Line-1, "unknown goal key %q%s", k.Value, hint)
			}
		}
		if !hasTitle {
			l.Errorf(gl, "goal has no title: add title: with the goal as it is in the plan")
		}
		if !hasOutcome {
			l.Errorf(gl, "goal %q has no outcome: add outcome: with one of %s", clip(g.Title), strings.Join(Outcomes.Names(), ", "))
		}
		r.Goals = append(r.Goals, g)
	}
}

func clip(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		return string([]rune(s)[:57]) + "..."
	}
	return s
}
