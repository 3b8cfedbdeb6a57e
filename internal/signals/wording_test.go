package signals

import "testing"

// goals-met reads as a sentence however many goals there are: never
// "all 1 goal met".
func TestGoalsMetWording(t *testing.T) {
	for _, tc := range []struct {
		goals []string
		want  string
	}{
		{[]string{"- [x] A"}, "the one goal is met"},
		{[]string{"- [x] A", "- [ ] ~~B~~ (dropped: no time)"}, "the one goal kept is met (1 goal dropped)"},
		{[]string{"- [x] A", "- [ ] ~~B~~", "- [ ] ~~C~~"}, "the one goal kept is met (2 goals dropped)"},
		{[]string{"- [x] A", "- [x] B"}, "all 2 goals met"},
		{[]string{"- [x] A", "- [x] B", "- [ ] ~~C~~"}, "all goals met (2 met, 1 dropped)"},
	} {
		j := judge(t, build(t, "start: 2026-01-05\n", tc.goals, []string{"2026-11-01 Sync"}), "2026-11-10")
		got := ""
		for _, s := range j.Signals {
			if s.ID == GoalsMet {
				got = s.Message
			}
		}
		if got != tc.want {
			t.Errorf("%v: goals-met says %q, want %q", tc.goals, got, tc.want)
		}
	}
}
