package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// On a terminal, init asks for the names it was not given.
func TestInitPromptsOnATerminal(t *testing.T) {
	dir := t.TempDir()
	f, in, out, errOut := testFactory()
	f.IO.SetStdinTTY(true)
	f.Getwd = func() (string, error) { return dir, nil }
	f.Now = func() time.Time { return time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC) }
	in.WriteString("\n  Ada Lovelace \nGrace Hopper\n")
	if code := Run(f, []string{"close", "init"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut.String(), "Mentor's name: Mentor's name: Mentee's name: ") {
		t.Errorf("prompts: %q", errOut)
	}
	if out.String() != "pairs/ada-lovelace--grace-hopper/plan.md\n" {
		t.Errorf("out: %q", out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "pairs/ada-lovelace--grace-hopper/plan.md"))
	if err != nil || !strings.Contains(string(b), "mentor: Ada Lovelace\n") || !strings.Contains(string(b), "start: 2026-11-21\n") {
		t.Errorf("plan: %v\n%s", err, b)
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
