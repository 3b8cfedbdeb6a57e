// Package plan reads a pair's plan.md: the front matter (who, when, how often,
// status) and, from the Markdown body, the goals and the meeting log. Every
// value keeps its line so that problems point at the right place.
//
// Parsing knows nothing of signals or verdicts; see package signals.
package plan

import (
	"bytes"
	"sort"
	"strings"

	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/frontmatter"
	"go.yaml.in/yaml/v3"
)

// Status is where a pair stands in its own words.
type Status string

const (
	Active  Status = "active"
	Closing Status = "closing"
	Closed  Status = "closed"
)

// GoalState is what became of a goal.
type GoalState string

const (
	Met     GoalState = "met"
	Open    GoalState = "open"
	Dropped GoalState = "dropped"
)

// Goal is one top-level item of the Goals section.
type Goal struct {
	Title  string    // as written, without checkbox or strike-through
	State  GoalState //
	Reason string    // what follows a struck-through title, e.g. "(dropped: …)"
	Line   int
	Notes  []Note // nested items: progress notes
}

// Note is a progress note under a goal. Date is zero when it is not dated.
type Note struct {
	Date dates.Date
	Text string // without the date
	Line int
}

// MeetingKind says whether a meeting took place.
type MeetingKind string

const (
	Held      MeetingKind = "held"
	Cancelled MeetingKind = "cancelled"
	NoShow    MeetingKind = "no-show"
)

// Meeting is one level-3 heading of the Meetings section.
type Meeting struct {
	Date         dates.Date
	Kind         MeetingKind
	By           string // "mentor", "mentee", or "" when the side is not named
	Unproductive bool
	Title        string
	Notes        string // the Markdown under the heading, trimmed
	Line         int
	Start        int // offset of the heading line in the file
	End          int // offset just past the meeting's notes
}

// Section locates a level-2 section in the file.
type Section struct {
	Heading string
	Line    int // line of the heading
	Start   int // offset of the heading line
	End     int // offset where the next level-1 or level-2 heading starts, or end of file
	// Text is the Markdown under the heading, trimmed: what the pair wrote
	// in the section, as they wrote it (set in Plan.Sections).
	Text string
}

// Lines holds the line of each front-matter key (0 when absent).
type Lines struct {
	Mentor, Mentee, Program, Start, End, Cadence, Status, Extended int
	Previous                                                       int
}

// Extension is one agreed move of the planned end, from the front-matter
// list extended (written by mentor close extend).
type Extension struct {
	From, To dates.Date // the end before and after; From is zero when there was none
	Date     dates.Date // the day it was agreed
	Reason   string
	AgreedBy []string
	Line     int
}

// Plan is a parsed plan.md.
type Plan struct {
	File    string
	Mentor  string
	Mentee  string
	Program string
	Start   dates.Date
	End     dates.Date    // zero when there is no planned end
	Cadence dates.Cadence // Days is 0 when not set in the plan
	Status  Status
	// Previous is the id of the pair this one follows (a rematch); "" for
	// none.
	Previous string
	Lines    Lines

	// Extensions are the agreed moves of the end, in file order.
	Extensions []Extension

	Goals    []Goal
	Meetings []Meeting // in file order

	GoalsSection    *Section
	MeetingsSection *Section  // the first Meetings (or Meeting log) section
	Sections        []Section // every level-2 section of the body, in order, with its Text
	Title           string    // the level-1 heading, if any
	// Misnamed are the level-2 headings that look like Goals or Meetings
	// but are not read as them ("## Meeting notes").
	Misnamed []Misnamed

	HasBOM  bool
	CRLF    bool
	BodyOff int // offset of the body in the file

	Problems []diag.Problem
}

// Valid reports whether the plan can be judged: no problem is an error.
func (p *Plan) Valid() bool { return !diag.HasErrors(p.Problems) }

// Options say how much of the plan to read.
type Options struct {
	// FrontMatterOnly skips the Markdown body: no goals, no meetings.
	FrontMatterOnly bool
	// Today, when set, makes a meeting dated after it a warning.
	Today dates.Date

	// noFastBody forces goldmark for the body; tests compare it with the
	// line scanner.
	noFastBody bool
}

// Keys are the front-matter keys a plan understands.
var Keys = []string{"mentor", "mentee", "program", "start", "end", "cadence", "status", "previous", "extended"}

// Parse reads a plan. It never fails: what is wrong is in Problems.
func Parse(file string, src []byte, opt Options) *Plan {
	p := &Plan{File: file, Status: Active}
	l := diag.List{File: file}
	defer func() {
		sortProblems(l.Problems)
		p.Problems = l.Problems
	}()

	doc, ferr := frontmatter.Split(src)
	p.HasBOM = doc.HasBOM
	p.CRLF = hasCRLF(src)
	if ferr != nil {
		l.Errorf(ferr.Line, "%s", ferr.Msg)
		return p
	}
	p.BodyOff = doc.BodyStart
	p.frontMatter(doc, &l)
	if opt.FrontMatterOnly {
		return p
	}
	p.body(src, doc, &l, opt)
	if !diag.HasErrors(l.Problems) {
		p.warnBody(&l)
	}
	return p
}

func hasCRLF(src []byte) bool {
	i := bytes.IndexByte(src[:min(len(src), 4096)], '\n')
	return i > 0 && src[i-1] == '\r'
}

func (p *Plan) frontMatter(doc frontmatter.Doc, l *diag.List) {
	// The fields' nodes are read here and not kept: their storage goes
	// back for the next document.
	fields, done, ferr := doc.FieldsTemp()
	defer done()
	if ferr != nil {
		l.Errorf(ferr.Line, "%s", ferr.Msg)
		return
	}
	for _, f := range fields {
		line := f.ValueLine(doc)
		switch f.Key {
		case "mentor", "mentee", "program":
			s, ok := f.Scalar()
			s = strings.TrimSpace(s)
			if !ok || (s == "" && f.Key != "program") {
				l.Errorf(line, "%s must be a name, such as %s: Ada Lovelace", f.Key, f.Key)
				continue
			}
			switch f.Key {
			case "mentor":
				p.Mentor, p.Lines.Mentor = s, line
			case "mentee":
				p.Mentee, p.Lines.Mentee = s, line
			default:
				p.Program, p.Lines.Program = s, line
			}
		case "start", "end":
			s, _ := f.Scalar()
			d, err := dates.Parse(strings.TrimSpace(s))
			if err != nil {
				if s == "" {
					l.Errorf(line, "%s is empty: write a date such as %s: 2026-01-15", f.Key, f.Key)
				} else {
					l.Errorf(line, "%s: %v", f.Key, err)
				}
				continue
			}
			if f.Key == "start" {
				p.Start, p.Lines.Start = d, line
			} else {
				p.End, p.Lines.End = d, line
			}
		case "cadence":
			s, _ := f.Scalar()
			c, err := dates.ParseCadence(s)
			if err != nil {
				l.Errorf(line, "cadence: %v", err)
				continue
			}
			p.Cadence, p.Lines.Cadence = c, line
		case "status":
			s, _ := f.Scalar()
			st := Status(strings.ToLower(strings.TrimSpace(s)))
			if st != Active && st != Closing && st != Closed {
				l.Errorf(line, "status %q is not one of active, closing, closed", s)
				continue
			}
			p.Status, p.Lines.Status = st, line
		case "previous":
			s, ok := f.Scalar()
			s = strings.TrimSpace(s)
			switch {
			case ok && s == "":
			case !ok || !IsPairID(s):
				l.Warnf(line, "previous %q is not a pair id (the folder name of the earlier pair, such as ada-lovelace--grace-hopper); it is ignored", s)
			default:
				p.Previous, p.Lines.Previous = s, line
			}
		case "extended":
			p.Lines.Extended = f.Line
			p.extensions(f, doc, l)
		default:
			if near, ok := frontmatter.Closest(f.Key, Keys); ok {
				l.Warnf(f.Line, "unknown key %q: did you mean %q?", f.Key, near)
			}
		}
	}
	if p.Lines.Mentor == 0 && !hasKey(fields, "mentor") {
		l.Errorf(1, "mentor is missing: add \"mentor: NAME\" to the front matter")
	}
	if p.Lines.Mentee == 0 && !hasKey(fields, "mentee") {
		l.Errorf(1, "mentee is missing: add \"mentee: NAME\" to the front matter")
	}
	if p.Lines.Start == 0 && !hasKey(fields, "start") {
		l.Errorf(1, "start is missing: add \"start: YYYY-MM-DD\" to the front matter")
	}
	if !p.Start.IsZero() && !p.End.IsZero() && p.End.Before(p.Start) {
		l.Errorf(p.Lines.End, "end %s is before start %s: fix one of them", p.End, p.Start)
	}
}

// IsPairID reports whether s has the form of a pair id: lower-case
// letters, digits, '.', '_' and '-', not starting with '.' or '-', without
// "..".
func IsPairID(s string) bool {
	if s == "" || s[0] == '.' || s[0] == '-' || strings.Contains(s, "..") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func hasKey(fields []frontmatter.Field, key string) bool {
	for _, f := range fields {
		if f.Key == key {
			return true
		}
	}
	return false
}

// Section returns the first level-2 section whose heading is name, ignoring
// case and runs of spaces, or nil.
func (p *Plan) Section(name string) *Section {
	want := strings.ToLower(strings.Join(strings.Fields(name), " "))
	for i := range p.Sections {
		if strings.ToLower(strings.Join(strings.Fields(p.Sections[i].Heading), " ")) == want {
			return &p.Sections[i]
		}
	}
	return nil
}

// SortedMeetings returns the meetings sorted by date (stable for equal dates).
func (p *Plan) SortedMeetings() []Meeting {
	ms := append([]Meeting(nil), p.Meetings...)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Date.Before(ms[j].Date) })
	return ms
}

// extensions reads the list extended: each item a mapping of from, to,
// date, reason and agreed_by. What cannot be read is a warning: the end
// itself is the plan's end key, so the judgement does not depend on it.
func (p *Plan) extensions(f frontmatter.Field, doc frontmatter.Doc, l *diag.List) {
	v := f.Value
	if v == nil || v.Tag == "!!null" {
		return
	}
	if v.Kind != yaml.SequenceNode {
		l.Warnf(f.Line, "extended must be a list of {from, to, date, reason, agreed_by}, as mentor close extend writes it")
		return
	}
	for _, it := range v.Content {
		line := doc.YAMLLine + it.Line - 1
		if it.Kind != yaml.MappingNode {
			l.Warnf(line, "an item of extended must be a mapping {from, to, date, reason, agreed_by}")
			continue
		}
		e := Extension{Line: line}
		for i := 0; i+1 < len(it.Content); i += 2 {
			k, val := it.Content[i].Value, it.Content[i+1]
			vline := doc.YAMLLine + val.Line - 1
			switch k {
			case "from", "to", "date":
				d, err := dates.Parse(strings.TrimSpace(val.Value))
				if val.Kind != yaml.ScalarNode || err != nil {
					if k == "from" && (val.Tag == "!!null" || strings.EqualFold(val.Value, "none")) {
						continue
					}
					l.Warnf(vline, "extended: %s must be a date YYYY-MM-DD", k)
					continue
				}
				switch k {
				case "from":
					e.From = d
				case "to":
					e.To = d
				default:
					e.Date = d
				}
			case "reason":
				e.Reason = strings.TrimSpace(val.Value)
			case "agreed_by":
				for _, s := range val.Content {
					e.AgreedBy = append(e.AgreedBy, s.Value)
				}
				if val.Kind == yaml.ScalarNode && val.Value != "" {
					e.AgreedBy = append(e.AgreedBy, val.Value)
				}
			default:
				l.Warnf(doc.YAMLLine+it.Content[i].Line-1, "extended: unknown key %q (the keys are from, to, date, reason, agreed_by)", k)
			}
		}
		if e.To.IsZero() {
			l.Warnf(line, "extended: an extension needs to: the new end")
		}
		p.Extensions = append(p.Extensions, e)
	}
}
