package verify

import (
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/survey"
)

// unsigned is the complete record of the tests with its signatures taken out.
var unsigned = strings.Replace(recordSrc, "signed_off:\n  mentor: 2026-07-20\n  mentee: 2026-07-21\n", "", 1)

func TestSignoffs(t *testing.T) {
	sign := func(rec, block string) string {
		return strings.Replace(rec, "goals:\n", block+"goals:\n", 1)
	}
	unreachable := func(side, block string) string {
		return sign(strings.Replace(unsigned, "final_meeting: 2026-07-20", "final_meeting: none", 1), "unreachable: "+side+"\n"+block)
	}
	tests := []struct {
		name, require, record, want string
	}{
		{"both signed", "both", recordSrc, ""},
		{"none signed", "both", unsigned, "signed off by the mentor and the mentee (closure.require_signoff: both)"},
		{"mentee missing", "both", sign(unsigned, "signed_off: {mentor: 2026-07-20}\n"), "signed off by the mentee (closure.require_signoff: both): sign with mentor close sign ada--grace --as mentee"},
		{"empty signed_off", "both", sign(unsigned, "signed_off:\n"), "by the mentor and the mentee"},
		{"program does not stand in for a reachable side", "both", sign(unsigned, "signed_off: {mentor: 2026-07-20, program: 2026-07-22}\n"), "by the mentee"},
		{"one: either side", "one", sign(unsigned, "signed_off: {mentee: 2026-07-20}\n"), ""},
		{"one: nobody", "one", unsigned, "neither the mentor nor the mentee has signed it"},
		{"none", "none", unsigned, ""},
		{"unreachable mentee: mentor and program signed", "both", unreachable("mentee", "signed_off: {mentor: 2026-07-20, program: 2026-07-22}\n"), ""},
		{"unreachable mentee: program missing", "both", unreachable("mentee", "signed_off: {mentor: 2026-07-20}\n"),
			"signed off by the programme (closure.require_signoff: both; the mentee could not be reached (unreachable: mentee)): sign with mentor close sign ada--grace --as program"},
		{"unreachable mentor: mentee missing", "both", unreachable("mentor", "signed_off: {program: 2026-07-22}\n"), "by the mentee"},
		{"unreachable, one: the reachable side", "one", unreachable("mentee", "signed_off: {mentor: 2026-07-20}\n"), ""},
		{"unreachable, one: program alone is not enough", "one", unreachable("mentee", "signed_off: {program: 2026-07-20}\n"), "--as mentor"},
		{"an incomplete record is not asked to be signed", "both", strings.Replace(unsigned, "reason: end-of-term", "reason: TODO", 1), "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := mkpair("closed", tt.record)
			if !p.Closure.Valid() && tt.want != "-" {
				t.Fatalf("record problems: %v", p.Closure.Problems)
			}
			opt := opts("2026-11-21")
			opt.Config.RequireSignoff = tt.require
			var got []Finding
			for _, f := range Check(p, opt) {
				if f.Rule == SignoffMissing {
					got = append(got, f)
				}
			}
			switch {
			case tt.want == "" || tt.want == "-":
				if len(got) > 0 {
					t.Errorf("unexpected %v", got)
				}
			case len(got) != 1:
				t.Errorf("findings %v, want one saying %q", got, tt.want)
			case !strings.Contains(got[0].Message, tt.want) || got[0].File != "pairs/ada--grace/closure.md" || got[0].Severity != "error":
				t.Errorf("got %+v, want %q", got[0], tt.want)
			}
		})
	}
	// The finding sits on the signed_off line when there is one.
	p := mkpair("closed", sign(unsigned, "signed_off: {mentor: 2026-07-20}\n"))
	fs := Check(p, opts("2026-11-21"))
	if len(fs) != 1 || fs[0].Line != 12 {
		t.Errorf("line: %v", fs)
	}
}

func TestSurveyInvalid(t *testing.T) {
	p := mkpair("closed", recordSrc)
	good := survey.Parse("pairs/ada--grace/survey/2026-07-21-mentee.md", []byte(
		"---\nkind: closure-survey\nside: mentee\ndate: 2026-07-21\nanswers:\n  satisfaction: 4\n  goals: 4\n  recommend: 9\n  again: yes\n---\n"))
	bad := survey.Parse("pairs/ada--grace/survey/2026-07-21-mentor.md", []byte(
		"---\nkind: closure-survey\nside: mentor\ndate: 2026-07-21\nanswers:\n  satisfaction: 6\n  goals: 4\n  recommend: 9\n  mood: fine\n---\n"))
	broken := survey.Parse("pairs/ada--grace/survey/2026-07-22-mentor.md", []byte("no front matter\n"))
	p.Surveys = []*survey.Survey{good, bad, broken}
	var got []string
	for _, f := range Check(p, opts("2026-11-21")) {
		if f.Rule != SurveyInvalid {
			t.Errorf("other finding %v", f)
			continue
		}
		got = append(got, f.File[strings.LastIndex(f.File, "/")+1:]+":"+string(rune('0'+f.Line))+" "+f.Message)
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		`2026-07-21-mentor.md:1 required question again`,
		`2026-07-21-mentor.md:6 satisfaction: "6" is not a whole number from 1 to 5`,
		`2026-07-21-mentor.md:9 unknown question "mood"`,
		`2026-07-22-mentor.md:1 no front matter`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in\n%s", want, all)
		}
	}
	if strings.Contains(all, "mentee.md") || len(got) != 4 {
		t.Errorf("got\n%s", all)
	}
}
