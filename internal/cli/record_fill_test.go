package cli

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/frontmatter"
	"github.com/mentor-cli/mentor/internal/render"
)

// fillTODOs completes a generated closure record the way a pair would:
// every TODO in the front matter gets a value, every TODO line in the body
// gets a sentence.
func fillTODOs(record string) string {
	values := map[string]string{"reason": "mutual", "initiated_by": "both", "transition": "informal",
		"channel": "email", "cadence": "quarterly", "outcome": "partial"}
	key := regexp.MustCompile(`^(\s*)([a-z_]+): TODO\b.*$`)
	lines := strings.Split(record, "\n")
	for i, l := range lines {
		if m := key.FindStringSubmatch(l); m != nil {
			lines[i] = m[1] + m[2] + ": " + values[m[2]]
		} else if strings.HasPrefix(l, "TODO") {
			lines[i] = "We wrote this part ourselves, with an example."
		}
	}
	return strings.Join(lines, "\n")
}

// A generated record, once its TODOs are filled, is a complete closure
// record: every required key with an allowed value, no TODO left, and every
// required section present with something written in it.
func TestFilledRecordIsComplete(t *testing.T) {
	repo := filepath.Join("..", "..", "examples", "programme")
	for _, pair := range []string{"hana-kobayashi--diego-alvarez", "olusegun-adeyemi--sofia-rossi", "rosa-delgado--kenji-watanabe"} {
		for _, transition := range []string{"", "end"} {
			args := []string{"close", "record", pair, "--stdout", "--repo", repo, "--today", "2026-11-21"}
			if transition != "" {
				args = append(args, "--transition", transition)
			}
			out, errOut, code := runMentor(t, args...)
			if code != 0 {
				t.Fatalf("%s: exit %d: %s", pair, code, errOut)
			}
			if !strings.Contains(out, "TODO") {
				t.Errorf("%s: the generated record leaves nothing TODO", pair)
			}
			filled := fillTODOs(out)
			if strings.Contains(filled, "TODO") {
				t.Fatalf("%s: TODO left after filling:\n%s", pair, filled)
			}
			checkRecord(t, pair, filled, transition != "end")
		}
	}
}

func checkRecord(t *testing.T, pair, src string, wantContact bool) {
	t.Helper()
	doc, ferr := frontmatter.Split([]byte(src))
	if ferr != nil {
		t.Fatalf("%s: %v", pair, ferr)
	}
	fields, ferr := doc.Fields()
	if ferr != nil {
		t.Fatalf("%s: %v", pair, ferr)
	}
	got := map[string]frontmatter.Field{}
	for _, f := range fields {
		got[f.Key] = f
	}
	allowed := map[string][]string{"reason": render.Reasons, "transition": render.Transitions,
		"initiated_by": {"mentor", "mentee", "both", "program"}}
	for _, k := range []string{"mentor", "mentee", "start", "closed", "reason", "final_meeting", "transition", "goals"} {
		f, ok := got[k]
		if !ok {
			t.Errorf("%s: required key %s missing", pair, k)
			continue
		}
		if vals, ok := allowed[k]; ok {
			s, _ := f.Scalar()
			if oneOf(k, s, vals) != nil {
				t.Errorf("%s: %s: %q is not allowed", pair, k, s)
			}
		}
	}
	if _, ok := got["contact"]; ok != wantContact {
		t.Errorf("%s: contact present %v, want %v", pair, ok, wantContact)
	}
	for _, g := range got["goals"].Value.Content {
		var title, outcome string
		for i := 0; i+1 < len(g.Content); i += 2 {
			switch g.Content[i].Value {
			case "title":
				title = g.Content[i+1].Value
			case "outcome":
				outcome = g.Content[i+1].Value
			}
		}
		if title == "" || oneOf("outcome", outcome, []string{"met", "partial", "not-met", "dropped"}) != nil {
			t.Errorf("%s: goal %q has outcome %q", pair, title, outcome)
		}
	}
	body := string(doc.Body)
	for _, sec := range []string{"Summary", "Goals and outcomes", "What went well", "What was challenging",
		"Lessons learned", "Next steps", "Future connection", "Thanks"} {
		i := strings.Index(body, "\n## "+sec+"\n")
		if i < 0 {
			t.Errorf("%s: section %q missing", pair, sec)
			continue
		}
		rest := body[i+len(sec)+5:]
		if j := strings.Index(rest, "\n## "); j >= 0 {
			rest = rest[:j]
		}
		if strings.TrimSpace(rest) == "" {
			t.Errorf("%s: section %q is empty", pair, sec)
		}
	}
}
