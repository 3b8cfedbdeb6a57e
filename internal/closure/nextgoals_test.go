package closure

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// The Next goals list is read from under its heading, level 2 or 3, to the
// next heading of the same level or above; TODO items are not goals yet.
func TestNextGoals(t *testing.T) {
	front := "---\nmentor: A\nmentee: B\n---\n"
	for _, tc := range []struct {
		name, body string
		want       []NextGoal
	}{
		{"under Next steps", "## Next steps\n\nTODO: later.\n\n### Next goals\n\n<!-- one task item each -->\n\n" +
			"- [ ] Lead the next design review\n  - ask Priya for the checklist\n  - TODO: a note\n- [x] Publish the runbook\n- Give a talk\n" +
			"- [ ] TODO: a goal B sets\n\n## Future connection\n\n- [ ] Not a goal\n",
			[]NextGoal{{"Lead the next design review", 13, []string{"ask Priya for the checklist"}}, {"Publish the runbook", 16, nil}, {"Give a talk", 17, nil}}},
		{"its own section", "## Summary\n\nDone.\n\n## Next Goals\n\n- [ ] Mentor someone\n\n### Detail\n\n- [ ] Still a goal\n",
			[]NextGoal{{"Mentor someone", 11, nil}, {"Still a goal", 15, nil}}},
		{"a level-3 list ends at the next level-3 heading", "### Next goals\n- [ ] One\n### Other\n- [ ] Two\n",
			[]NextGoal{{"One", 6, nil}}},
		{"only TODO", "## Next steps\n### Next goals\n- [ ] TODO: a goal\n", nil},
		{"no such heading", "## Next steps\n- [ ] Next goals are not here\n", nil},
		{"in a code block", "## Next steps\n```\n### Next goals\n- [ ] One\n```\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Parse("closure.md", []byte(front+tc.body))
			if !reflect.DeepEqual(r.NextGoals, tc.want) {
				t.Errorf("NextGoals = %+v, want %+v", r.NextGoals, tc.want)
			}
		})
	}
}

// The example programme's rematched pair lists the mentee's next goals.
func TestNextGoalsOfTheExample(t *testing.T) {
	src, err := os.ReadFile("../../examples/programme/pairs/kwame-mensah--lucia-fernandez/closure.md")
	if err != nil {
		t.Fatal(err)
	}
	r := Parse("closure.md", src)
	if len(r.NextGoals) != 2 || !strings.HasPrefix(r.NextGoals[0].Title, "Rebuild one-to-ones") || len(r.NextGoals[0].Notes) != 1 || !r.Valid() {
		t.Errorf("NextGoals = %+v, problems %v", r.NextGoals, r.Problems)
	}
}
