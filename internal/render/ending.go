package render

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/mentor-cli/mentor/internal/note"
	"github.com/mentor-cli/mentor/internal/plan"
	"github.com/mentor-cli/mentor/internal/questions"
)

// SetEnding says how the pair ends — unplanned or not, and which side, if
// any, could not be reached (mentor, mentee or "") — and fills in what
// follows from it: Ending, Absent and Present, the questions of the
// agenda (Agenda, and each goal's Questions), the Opener and the
// ReflectionsDue. When a side could not be reached the ending is
// unplanned, the proposed reason is unreachable and there was no final
// meeting; a command sets a reason it was given after this.
func (d *Data) SetEnding(unplanned bool, unreachable string) {
	d.Unplanned, d.Unreachable = unplanned, unreachable
	d.Absent, d.Present = Side{}, Side{}
	ending := questions.Planned
	switch {
	case unreachable != "":
		mentor, mentee := Side{Role: "mentor", Name: d.Mentor}, Side{Role: "mentee", Name: d.Mentee}
		if unreachable == "mentor" {
			d.Absent, d.Present = mentor, mentee
		} else {
			d.Absent, d.Present = mentee, mentor
		}
		d.Unplanned, ending = true, questions.Unreachable
		d.Reason, d.ReasonProposed, d.ReasonSignal = "unreachable", false, ""
		d.FinalMeeting = "none"
	case unplanned:
		ending = questions.Unplanned
	}
	d.Ending = ending.String()
	d.Agenda = questions.For(questions.Pair{Mentor: d.Mentor, Mentee: d.Mentee, Unreachable: unreachable}, ending)

	var goals questions.Section
	for _, s := range d.Agenda {
		if s.ID == "goals" {
			goals = s
		}
	}
	// The questions depend on the state alone: one list per state, shared
	// by its goals (templates only read them).
	asked := map[string][]questions.Question{}
	all := make([]Goal, len(d.Goals))
	for i, g := range d.Goals {
		qs, ok := asked[g.State]
		if !ok {
			qs = goals.ForGoal(g.State)
			asked[g.State] = qs
		}
		g.Questions = qs
		all[i] = g
	}
	d.adoptGoals(all)
	d.Opener = d.opener()
	d.ReflectionsDue = d.reflectionsDue()
}

// Section returns the agenda section with the id (see package questions),
// or nil when this ending has no such section. An id the table does not
// have is an error, so that a template with a typo fails.
func (d Data) Section(id string) (*questions.Section, error) {
	known := false
	for _, s := range questions.Table {
		known = known || s.ID == id
	}
	if !known {
		ids := make([]string, len(questions.Table))
		for i, s := range questions.Table {
			ids[i] = s.ID
		}
		return nil, fmt.Errorf("no agenda section %q: the sections are %s", id, strings.Join(ids, ", "))
	}
	return d.section(id), nil
}

// AskedFor returns the agenda's questions whose answers belong in the
// closure record's section heading, in the agenda's order; a question about
// each goal in a state no goal is in (dropped, open) is left out.
func (d Data) AskedFor(heading string) []questions.Question {
	var out []questions.Question
	for _, q := range questions.ForRecord(d.Agenda, heading) {
		switch q.Goals {
		case questions.Open:
			if len(d.GoalsOpen) == 0 {
				continue
			}
		case questions.Dropped:
			if len(d.GoalsDropped) == 0 {
				continue
			}
		case questions.AllGoal:
			if len(d.Goals) == 0 {
				continue
			}
		}
		out = append(out, q)
	}
	return out
}

// NewMeeting turns a plan's meeting into a template's.
func NewMeeting(m plan.Meeting) Meeting {
	notes := lf(m.Notes)
	return Meeting{Date: m.Date, Kind: string(m.Kind), By: m.By, Unproductive: m.Unproductive,
		Title: m.Title, Notes: notes, Summary: summary(notes), Line: m.Line}
}

func (d *Data) setHistory() {
	d.History = nil
	for i := len(d.Meetings) - 1; i >= 0; i-- {
		if m := d.Meetings[i]; m.Kind == string(plan.Held) && (m.Title != "" || m.Notes != "") {
			d.History = append(d.History, m)
		}
	}
}

func (d *Data) setPlanText(p *plan.Plan) {
	d.PlanSections = nil
	for _, s := range p.Sections {
		d.PlanSections = append(d.PlanSections, PlanSection{Heading: s.Heading, Text: withoutComments(s.Text), Line: s.Line})
	}
	d.Agreement, d.Expectations = "", ""
	for _, s := range d.PlanSections {
		h := strings.ToLower(s.Heading)
		switch {
		case h == "agreement" && d.Agreement == "":
			d.Agreement = s.Text
		case strings.Contains(h, "expectation") && d.Expectations == "":
			d.Expectations = s.Text
		}
	}
}

var htmlComment = regexp.MustCompile(`(?s)<!--.*?-->`)

// withoutComments removes HTML comments (an unclosed one runs to the end),
// turns CRLF into LF and trims the blank lines that are left over.
func withoutComments(s string) string {
	if cleanAlready(s) {
		return s
	}
	return withoutCommentsSlow(s)
}

// cleanAlready reports whether withoutComments would give s back as it is:
// no comment, no CRLF, no line ending in a space or tab, no blank line
// first or last, no two blank lines together (a plan's Goals section of
// thousands of goals is not split and joined again).
func cleanAlready(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == '\n' || s[len(s)-1] == '\n' || s[len(s)-1] == ' ' || s[len(s)-1] == '\t' ||
		strings.Contains(s, "<!--") || strings.Contains(s, "\r\n") {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] != '\n' {
			continue
		}
		if c := s[i-1]; c == ' ' || c == '\t' || c == '\n' && i >= 2 && s[i-2] == '\n' {
			return false
		}
	}
	return true
}

// withoutCommentsSlow is withoutComments without the shortcut.
func withoutCommentsSlow(s string) string {
	s = htmlComment.ReplaceAllString(lf(s), "")
	if i := strings.Index(s, "<!--"); i >= 0 {
		s = s[:i]
	}
	var out []string
	blank := false
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimRight(line, " \t")
		if line == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
		}
		out, blank = append(out, line), false
	}
	return strings.Join(out, "\n")
}

func lf(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }

// summary is the first paragraph of Markdown notes on one line: the lines
// up to the first blank one, unless they start a block that is not a
// paragraph (a code fence, a heading, a table, a quote, HTML).
func summary(notes string) string {
	for _, para := range strings.Split(withoutComments(notes), "\n\n") {
		first := strings.TrimSpace(para)
		if first == "" {
			continue
		}
		if strings.HasPrefix(para, "    ") || strings.ContainsAny(first[:1], "#`~|<>") {
			return ""
		}
		s := strings.Join(strings.Fields(para), " ")
		if strings.HasSuffix(s, ":") {
			s += " …" // what it announces is not a paragraph
		}
		return s
	}
	return ""
}

var dropped = regexp.MustCompile(`(?i)^\(?\s*dropped\s*[:—–-]?\s*(.*?)\s*\)?\.?$`)

// dropReasonFast is what dropReasonSlow gives for a reason of printable
// ASCII (ok is false for any other): an optional "(", "dropped" in any
// case, an optional ":" or "-" between spaces, then the reason, less a
// closing ")" and "." and the spaces before them. FuzzDropReason checks it
// against the expression.
func dropReasonFast(reason string) (string, bool) {
	for i := 0; i < len(reason); i++ {
		if c := reason[i]; c < 0x20 || c >= 0x7f {
			return "", false
		}
	}
	s := reason
	if strings.HasPrefix(s, "(") {
		s = s[1:]
	}
	s = strings.TrimLeft(s, " ")
	if len(s) < 7 || !strings.EqualFold(s[:7], "dropped") {
		// No match: the reason less an opening "(" and a closing ")".
		return strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(reason, "("), ")")), true
	}
	s = strings.TrimLeft(s[7:], " ")
	if s != "" && (s[0] == ':' || s[0] == '-') {
		s = strings.TrimLeft(s[1:], " ")
	}
	s = strings.TrimSuffix(s, ".")
	s = strings.TrimSuffix(s, ")")
	return strings.TrimRight(s, " "), true
}

// DropReason is the reason alone of a dropped goal's "(dropped: why)".
func DropReason(reason string) string {
	reason = strings.TrimSpace(reason)
	if r, ok := dropReasonFast(reason); ok {
		return r
	}
	return dropReasonSlow(reason)
}

// dropReasonSlow is DropReason of a trimmed reason, by the expression.
func dropReasonSlow(reason string) string {
	if m := dropped.FindStringSubmatch(reason); m != nil {
		return m[1]
	}
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(reason, "("), ")"))
}

// opener is what whoever raises the ending can say first: what the pair
// achieved, then why we meet.
func (d *Data) opener() string {
	if d.Mentor == "" || d.Start.IsZero() {
		return ""
	}
	var b strings.Builder
	since := d.Start.Time().Format("January 2006")
	we := "We have"
	if d.Absent.Role != "" {
		we = "You and " + d.Absent.Name + " have"
	}
	if d.Held > 0 {
		fmt.Fprintf(&b, "%s met %s since %s", we, plural(d.Held, "time"), since)
	} else {
		fmt.Fprintf(&b, "%s worked together since %s", we, since)
	}
	kept := len(d.Goals) - len(d.GoalsDropped)
	our, we := "our", "we"
	if d.Absent.Role != "" {
		our, we = "the", "they"
	}
	switch met := len(d.GoalsMet); {
	case met > 0 && met == kept && kept == 1:
		fmt.Fprintf(&b, ", and %s has met the goal %s set: %s", d.Mentee, we, d.GoalsMet[0].Title)
	case met > 0 && met == kept:
		fmt.Fprintf(&b, ", and %s has met every goal %s kept", d.Mentee, we)
	case met == 1:
		fmt.Fprintf(&b, ", and %s has met one of %s %d goals: %s", d.Mentee, our, kept, d.GoalsMet[0].Title)
	case met > 1:
		fmt.Fprintf(&b, ", and %s has met %d of %s %d goals", d.Mentee, met, our, kept)
	}
	b.WriteString(". ")
	switch {
	case d.Absent.Role != "":
		fmt.Fprintf(&b, "Let's start with that, then talk about how to close well, even though %s is not here.", d.Absent.Name)
	case d.Unplanned:
		b.WriteString("Let's start with that. Things have not gone as we planned lately, and I'd like us to talk about it openly and close well.")
	default:
		b.WriteString("Let's start by celebrating that, then look back together and agree how we close.")
	}
	return b.String()
}

// reflectionsDue lists who meets and has not written a final reflection.
func (d *Data) reflectionsDue() []Side {
	if d.Mentor == "" {
		return nil
	}
	wrote := map[string]bool{}
	for _, n := range d.Notes {
		if n.Kind == note.FinalReflection {
			wrote[n.Role] = true
		}
	}
	var out []Side
	for _, s := range []Side{{Role: "mentee", Name: d.Mentee}, {Role: "mentor", Name: d.Mentor}} {
		if !wrote[s.Role] && s.Role != d.Absent.Role {
			out = append(out, s)
		}
	}
	return out
}
