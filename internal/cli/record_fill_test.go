package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/config"
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
		} else if strings.HasPrefix(l, "- [ ] TODO") {
			lines[i] = "- [ ] A goal we set ourselves"
		}
	}
	return strings.Join(lines, "\n")
}

// A generated record, once its TODOs are filled, is a complete closure
// record: every required key with an allowed value, no TODO left, and every
// required section present with something written in it.
func TestFilledRecordIsComplete(t *testing.T) {
	repo := filepath.Join("..", "..", "examples", "programme")
	entries, err := os.ReadDir(filepath.Join(repo, "pairs"))
	if err != nil || len(entries) == 0 {
		t.Fatalf("no example pairs: %v", err)
	}
	for _, e := range entries {
		pair := e.Name()
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
	rec := closure.Parse("closure.md", []byte(src))
	for _, p := range rec.Problems {
		t.Errorf("%s: %v", pair, p)
	}
	if (rec.Transition != "end") != wantContact || (wantContact && rec.Contact.Channel == "") {
		t.Errorf("%s: transition %q, contact %+v", pair, rec.Transition, rec.Contact)
	}
	for _, g := range rec.Goals {
		if g.Title == "" || g.Outcome == "" {
			t.Errorf("%s: goal %+v", pair, g)
		}
	}
	for _, name := range config.DefaultSections {
		sec := rec.FindSection(name)
		if sec == nil || sec.Empty {
			t.Errorf("%s: section %q missing or empty: %+v", pair, name, sec)
		}
	}
}

// Left as generated, the record is not complete: the TODOs count as missing.
func TestUnfilledRecordIsIncomplete(t *testing.T) {
	out, errOut, code := runMentor(t, "close", "record", "hana-kobayashi--diego-alvarez", "--stdout",
		"--reason", "goals-met", "--transition", "end",
		"--repo", filepath.Join("..", "..", "examples", "programme"), "--today", "2026-11-21")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rec := closure.Parse("closure.md", []byte(out))
	if rec.Valid() {
		t.Errorf("a record with initiated_by TODO is valid")
	}
	for _, name := range []string{"What went well", "Lessons learned", "Thanks"} {
		if sec := rec.FindSection(name); sec == nil || !sec.Empty {
			t.Errorf("section %q holds only a TODO line but is not empty: %+v", name, sec)
		}
	}
}
