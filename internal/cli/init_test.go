package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mentor-cli/mentor/internal/repo"
)

// On a terminal, init asks for what it was not given: the names, the
// goals until an empty line, the planned length and the cadence; a bad
// answer is asked again.
func TestInitPromptsOnATerminal(t *testing.T) {
	dir := t.TempDir()
	f, in, out, errOut := testFactory()
	f.IO.SetStdinTTY(true)
	f.Getwd = func() (string, error) { return dir, nil }
	f.Now = func() time.Time { return time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC) }
	in.WriteString("\n  Ada Lovelace \nGrace Hopper\nLead a design review\nGive a talk\n\nsix months\n6 months\nfortnightly-ish\nweekly\n")
	if code := Run(f, []string{"close", "init"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Mentor's name: Mentor's name: Mentee's name: ", "  Goal 1:   Goal 2:   Goal 3: ",
		`"six months" is not a duration`, `"fortnightly-ish" is not a cadence`} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("prompts lack %q:\n%s", want, errOut)
		}
	}
	if out.String() != "pairs/ada-lovelace--grace-hopper/plan.md\n" {
		t.Errorf("out: %q", out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "pairs/ada-lovelace--grace-hopper/plan.md"))
	for _, want := range []string{"mentor: Ada Lovelace\n", "start: 2026-11-21\n", "end: 2027-05-21", "cadence: weekly",
		"- [ ] Lead a design review\n", "- [ ] Give a talk\n"} {
		if err != nil || !strings.Contains(string(b), want) {
			t.Errorf("plan lacks %q: %v\n%s", want, err, b)
		}
	}
}

// The end of input (Ctrl-D) before the last answer writes nothing, exits 1,
// and the error starts on its own line, not after the prompt.
func TestInitEndOfInput(t *testing.T) {
	for _, input := range []string{"", "Ada\n", "Ada\nGrace\nA goal\n", "Ada\nGrace\n\n6 months\n"} {
		dir := t.TempDir()
		f, in, _, errOut := testFactory()
		f.IO.SetStdinTTY(true)
		f.Getwd = func() (string, error) { return dir, nil }
		f.Now = time.Now
		in.WriteString(input)
		if code := Run(f, []string{"close", "init"}); code != ExitFindings {
			t.Errorf("%q: exit %d", input, code)
		}
		if !strings.Contains(errOut.String(), ": \nmentor: init: the input ended before the last answer; nothing was written\n") {
			t.Errorf("%q: stderr %q", input, errOut)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%q: wrote %v", input, entries)
		}
	}
}

// A write that fails leaves no pair folder behind, nor the pairs folder
// init made for it. Here the plan would be over the 1 MiB mentor reads, so
// the write is refused after the folders were made. (init itself cannot
// get there: the plan template's output stops at the same 1 MiB, before
// any folder is made; that is checked too.)
func TestInitFailureLeavesNoFolder(t *testing.T) {
	dir := t.TempDir()
	r, err := repo.OpenAt(dir, repo.FoundByFlag)
	if err != nil {
		t.Fatal(err)
	}
	big := []byte(strings.Repeat("x", repo.MaxFileSize+1))
	var large *repo.TooLargeError
	if err := writeNewPair(r, "pairs/ada--grace", "pairs/ada--grace/plan.md", big); !errors.As(err, &large) {
		t.Fatalf("err %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left %v", entries)
	}

	f, _, _, errOut := testFactory()
	f.Getwd = func() (string, error) { return dir, nil }
	f.Now = time.Now
	args := []string{"close", "init", "--mentor", "Ada", "--mentee", "Grace"}
	goal := strings.Repeat("a long goal ", 50)
	for i := 0; i < 2000; i++ {
		args = append(args, "--goal", goal)
	}
	if code := Run(f, args); code != ExitUsage || !strings.Contains(errOut.String(), "passed the 1 MiB limit") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left %v", entries)
	}
}

// Without a terminal, a missing name is a usage error and nothing is written.
func TestInitNoPromptWithoutATerminal(t *testing.T) {
	dir := t.TempDir()
	f, _, _, errOut := testFactory()
	f.Getwd = func() (string, error) { return dir, nil }
	f.Now = time.Now
	if code := Run(f, []string{"close", "init", "--mentor", "Ada"}); code != ExitUsage {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(errOut.String(), "--mentee is required") {
		t.Errorf("stderr: %s", errOut)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("wrote %v", entries)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Ada Lovelace": "ada-lovelace", "  José  Núñez ": "jose-nunez", "Zoë Ørsted-Smith": "zoe-orsted-smith",
		"O'Brien, Jr.": "o-brien-jr", "Łukasz Żółw": "lukasz-zolw", "李": "", "Straße 2": "strasse-2",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
