package questions

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/config"
)

var placeholder = regexp.MustCompile(`\{[a-z]+\}`)

// The table is well formed: ids unique and named after their section,
// questions short enough to read aloud, and every answer going to a place
// the closure record has.
func TestTable(t *testing.T) {
	keys := map[string][]string{
		"transition": closure.Transitions.Names(), "contact.kind": closure.ContactKinds.Names(),
		"goals.outcome": closure.Outcomes.Names(), "contact.channel": nil, "contact.cadence": nil, "contact.until": nil,
	}
	sections := map[string]bool{}
	for _, s := range config.DefaultSections {
		sections[s] = true
	}
	ids := map[string]bool{}
	for _, s := range Table {
		if ids[s.ID] || s.Heading == "" || s.Endings == 0 || len(s.Questions) == 0 {
			t.Errorf("section %+v", s.ID)
		}
		ids[s.ID] = true
		for _, q := range s.Questions {
			if ids[q.ID] || !strings.HasPrefix(q.ID, s.ID+".") {
				t.Errorf("%s: the id is taken or not in its section %s", q.ID, s.ID)
			}
			ids[q.ID] = true
			if n := utf8.RuneCountInString(q.Text); n > 110 {
				t.Errorf("%s is %d characters: too long to read aloud", q.ID, n)
			}
			for _, p := range placeholder.FindAllString(q.Text, -1) {
				if p != "{mentor}" && p != "{mentee}" && !(q.Endings == Unreachable && (p == "{absent}" || p == "{present}")) {
					t.Errorf("%s: placeholder %s", q.ID, p)
				}
			}
			if q.Endings&^s.Endings != 0 {
				t.Errorf("%s is asked at endings its section is not part of", q.ID)
			}
			if q.By != nil || q.To != "" {
				t.Errorf("%s: the table fills in By or To", q.ID)
			}
			switch q.Kind {
			case Say:
				if q.Turn != Nobody || q.Section != "" || q.Key != "" {
					t.Errorf("%s: a line read out has an answer", q.ID)
				}
			case FreeText, OneOf:
				if !strings.Contains(q.Text, "?") || q.Turn == Nobody {
					t.Errorf("%s: a question must ask and be put to someone", q.ID)
				}
				if (q.Section == "") == (q.Key == "") {
					t.Errorf("%s goes to section %q and key %q: it must go to one", q.ID, q.Section, q.Key)
				}
				if q.Section != "" && !sections[q.Section] {
					t.Errorf("%s goes to %q, not a record section", q.ID, q.Section)
				}
				if want, ok := keys[q.Key]; q.Key != "" && !ok {
					t.Errorf("%s sets %q, not a record key", q.ID, q.Key)
				} else if q.Kind == OneOf {
					var got []string
					for _, c := range q.Choices {
						got = append(got, c.Value)
						if c.Text == "" {
							t.Errorf("%s: choice %s has no words", q.ID, c.Value)
						}
					}
					if strings.Join(got, ",") != strings.Join(want, ",") {
						t.Errorf("%s offers %v, the record takes %v", q.ID, got, want)
					}
				}
			default:
				t.Errorf("%s: kind %q", q.ID, q.Kind)
			}
		}
	}
	var next int
	for _, s := range Table {
		for _, q := range s.Questions {
			if q.NextGoals {
				next++
			}
		}
	}
	if next != 1 {
		t.Errorf("%d questions fill the Next goals list, want 1", next)
	}
}

// Every ending has ground rules, a celebration, the relationship, what
// comes next and thanks; only an unplanned one asks what led here.
func TestEveryEndingHasItsSections(t *testing.T) {
	p := Pair{Mentor: "Ada", Mentee: "Grace"}
	for _, tc := range []struct {
		ending      Ending
		unreachable string
		want        string
	}{
		{Planned, "", "before rules celebrate goals relationship feelings feedback-mentor feedback-mentee mentor-side after touch thanks"},
		{Unplanned, "", "before rules led-here celebrate goals relationship feelings feedback-mentor feedback-mentee mentor-side after touch thanks"},
		{Unreachable, "mentee", "before rules led-here celebrate goals relationship feelings feedback-mentor feedback-mentee mentor-side after touch thanks"},
		{Unreachable, "mentor", "before rules led-here celebrate goals relationship feelings feedback-mentor feedback-mentee after touch thanks"},
	} {
		p.Unreachable = tc.unreachable
		var got []string
		for _, s := range For(p, tc.ending) {
			got = append(got, s.ID)
			if len(s.Questions) == 0 {
				t.Errorf("%s: section %s is empty", tc.ending, s.ID)
			}
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%s, %s unreachable:\n%s\nwant\n%s", tc.ending, tc.unreachable, strings.Join(got, " "), tc.want)
		}
	}
}

func TestFor(t *testing.T) {
	sections := For(Pair{Mentor: "Ada", Mentee: "Grace"}, Planned)
	find := func(sections []Section, id string) *Question {
		for _, s := range sections {
			if q := s.Find(id); q != nil {
				return q
			}
		}
		return nil
	}
	rule := find(sections, "rules.mentee-first")
	if rule == nil || rule.Text != "On each question Grace answers first, then Ada." || len(rule.By) != 0 {
		t.Errorf("rules.mentee-first = %+v", rule)
	}
	both := find(sections, "relationship.good")
	if both.First() != (Side{"mentee", "Grace"}) || len(both.By) != 2 || both.By[1].Role != "mentor" || both.To != "" {
		t.Errorf("relationship.good = %+v", both)
	}
	style := find(sections, "feedback-mentor.style")
	if style.Text != "What in Ada's style should stay, and what should change?" || style.To != "Grace" || len(style.By) != 1 {
		t.Errorf("feedback-mentor.style = %+v", style)
	}
	rematch := find(sections, "touch.transition").Choices[2]
	if rematch != (Choice{"rematch", "Rematch Grace with a new mentor"}) {
		t.Errorf("the rematch choice = %+v", rematch)
	}
	if find(sections, "thanks.absent") != nil || find(sections, "led-here.differently") != nil {
		t.Error("a planned ending asks what only other endings ask")
	}
	// For fills in a copy: the table keeps its placeholders.
	if !strings.Contains(Table[1].Questions[3].Text, "{mentee}") || !strings.Contains(transitionChoices()[2].Text, "{mentee}") {
		t.Error("For changed the table")
	}

	away := For(Pair{Mentor: "Ada", Mentee: "Grace", Unreachable: "mentor"}, Unreachable)
	if q := find(away, "led-here.last-heard"); q == nil || q.Text != "When did you last hear from Ada?" || len(q.By) != 1 || q.By[0].Role != "mentee" || q.To != "" {
		t.Errorf("led-here.last-heard = %+v", q)
	}
	if find(away, "feedback-mentor.self") != nil || find(away, "mentor-side.gained") != nil {
		t.Error("a question only the absent mentor could answer is asked")
	}
	if q := find(away, "rules.present-first"); q == nil || q.Text != "Grace speaks first; the programme listens and asks." {
		t.Errorf("rules.present-first = %+v", q)
	}
}

func TestForGoal(t *testing.T) {
	var goals Section
	for _, s := range For(Pair{Mentor: "A", Mentee: "B"}, Planned) {
		if s.ID == "goals" {
			goals = s
		}
	}
	ids := func(qs []Question) string {
		var out []string
		for _, q := range qs {
			out = append(out, q.ID)
		}
		return strings.Join(out, ",")
	}
	for state, want := range map[string]string{
		"met":     "goals.progress,goals.challenges,goals.methods",
		"open":    "goals.progress,goals.challenges,goals.methods,goals.outcome",
		"dropped": "goals.dropped,goals.progress,goals.challenges,goals.methods",
	} {
		if got := ids(goals.ForGoal(state)); got != want {
			t.Errorf("ForGoal(%s) = %s, want %s", state, got, want)
		}
	}
	if len(goals.Once()) != 0 {
		t.Errorf("the goals section asks %v once", ids(goals.Once()))
	}
}

func TestEndingString(t *testing.T) {
	for e, want := range map[Ending]string{Planned: "planned", Unreachable: "unreachable", Together: "planned, unplanned", Every: "planned, unplanned, unreachable", 0: ""} {
		if got := e.String(); got != want {
			t.Errorf("Ending(%d) = %q, want %q", e, got, want)
		}
	}
}
