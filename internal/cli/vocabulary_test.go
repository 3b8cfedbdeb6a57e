package cli

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// every command of the tree, the root first.
func allCommands(root *cobra.Command) []*cobra.Command {
	out := []*cobra.Command{root}
	for _, c := range root.Commands() {
		out = append(out, allCommands(c)...)
	}
	return out
}

// One flag vocabulary: a flag's value is named by a word in capitals, never
// by a pflag type ("string", "stringArray"), and every date flag says DATE.
func TestFlagVocabulary(t *testing.T) {
	f, _, _, _ := testFactory()
	root := NewRootCmd(f)
	dates := map[string]bool{"date": true, "start": true, "end": true, "to": true, "since": true, "today": true}
	for _, c := range allCommands(root) {
		check := func(fl *pflag.Flag) {
			name, _ := pflag.UnquoteUsage(fl)
			if fl.Value.Type() == "bool" {
				return
			}
			if name == "" || name != strings.ToUpper(name) {
				t.Errorf("%s --%s: its value shows as %q in --help; name it in capitals in backquotes", c.CommandPath(), fl.Name, name)
			}
			if dates[fl.Name] && name != "DATE" {
				t.Errorf("%s --%s: a date flag shows %q, not DATE", c.CommandPath(), fl.Name, name)
			}
		}
		c.LocalFlags().VisitAll(check)
	}
}

// Every flag that takes a value completes something: the values of a set,
// a folder, or nothing (free text), never the names of files by accident.
func TestEveryFlagCompletes(t *testing.T) {
	f, _, _, _ := testFactory()
	root := NewRootCmd(f)
	for _, c := range allCommands(root) {
		c.LocalFlags().VisitAll(func(fl *pflag.Flag) {
			if fl.Value.Type() == "bool" || fl.Name == "help" {
				return
			}
			if _, ok := c.GetFlagCompletionFunc(fl.Name); ok {
				return
			}
			if _, ok := fl.Annotations[cobra.BashCompSubdirsInDir]; ok {
				return
			}
			if _, ok := fl.Annotations[cobra.BashCompFilenameExt]; ok {
				return
			}
			t.Errorf("%s --%s has no completion", c.CommandPath(), fl.Name)
		})
	}
}

// complete runs mentor's completion as a shell does: mentor __complete ARGS.
func complete(t *testing.T, dir string, args ...string) (values []string, directive string) {
	t.Helper()
	f, _, out, errOut := testFactory()
	f.Getwd = func() (string, error) { return dir, nil }
	if code := Run(f, append([]string{"__complete"}, args...)); code != 0 {
		t.Fatalf("__complete %q: exit %d: %s", args, code, errOut)
	}
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if strings.HasPrefix(l, ":") {
			directive = l
			continue
		}
		name, _, _ := strings.Cut(l, "\t")
		values = append(values, name)
	}
	sort.Strings(values)
	return values, directive
}

func TestCompletion(t *testing.T) {
	dir := t.TempDir()
	for _, id := range []string{"ada--grace", "ada--grace-2", "kim--lee"} {
		p := filepath.Join(dir, "pairs", id)
		os.MkdirAll(p, 0o755)
		os.WriteFile(filepath.Join(p, "plan.md"), []byte("---\nmentor: A\nmentee: B\nstart: 2026-01-15\n---\n## Goals\n- [ ] One\n- [ ] Two\n"), 0o644)
	}
	os.WriteFile(filepath.Join(dir, ".mentor.yaml"), []byte("pairs_dir: pairs\n"), 0o644)
	const noFiles = ":4"

	// PAIR arguments complete to pair ids, in every command that takes one.
	for _, cmd := range []string{"log", "goal", "note", "extend", "agenda", "record", "done", "check", "verify", "report", "list"} {
		got, dirv := complete(t, dir, "close", cmd, "")
		if strings.Join(got, " ") != "ada--grace ada--grace-2 kim--lee" || dirv != noFiles {
			t.Errorf("close %s PAIR: %v %s", cmd, got, dirv)
		}
	}
	if got, _ := complete(t, dir, "close", "log", "ada"); strings.Join(got, " ") != "ada--grace ada--grace-2" {
		t.Errorf("prefix: %v", got)
	}
	// one PAIR only; several for the commands about many
	if got, _ := complete(t, dir, "close", "agenda", "kim--lee", ""); len(got) != 0 {
		t.Errorf("a second PAIR offered: %v", got)
	}
	if got, _ := complete(t, dir, "close", "check", "kim--lee", ""); strings.Join(got, " ") != "ada--grace ada--grace-2" {
		t.Errorf("check's second PAIR: %v", got)
	}
	// a path completes as files
	if _, dirv := complete(t, dir, "close", "check", "pairs/"); dirv != ":0" {
		t.Errorf("a path: %s", dirv)
	}
	// GOAL completes to the goals' numbers
	if got, _ := complete(t, dir, "close", "goal", "kim--lee", ""); strings.Join(got, " ") != "1 2" {
		t.Errorf("GOAL: %v", got)
	}
	// --repo is honoured
	if got, _ := complete(t, t.TempDir(), "close", "--repo", dir, "log", "k"); strings.Join(got, " ") != "kim--lee" {
		t.Errorf("--repo: %v", got)
	}

	// Enumerated flags complete their values.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"close", "check", "--format", ""}, "github json text"},
		{[]string{"close", "check", "--verdict", ""}, "closed closing consider-closing invalid on-track ready-to-close"},
		{[]string{"close", "list", "--status", ""}, "active closed closing"},
		{[]string{"close", "list", "--format", ""}, "json text"},
		{[]string{"close", "report", "--format", ""}, "csv json md survey-csv text"},
		{[]string{"close", "note", "x", "--as", ""}, "mentee mentor"},
		{[]string{"close", "log", "x", "--cancelled-by", ""}, "mentee mentor"},
		{[]string{"close", "log", "x", "--no-show", ""}, "mentee mentor"},
		{[]string{"close", "record", "x", "--reason", ""}, "commitment conduct end-of-term goals-met life-change moved mutual needs-changed no-progress other stalled unproductive unreachable"},
		{[]string{"close", "record", "x", "--transition", ""}, "end informal mentor rematch"},
		{[]string{"close", "record", "x", "--initiated-by", ""}, "both mentee mentor program"},
		{[]string{"close", "extend", "x", "--agreed-by", ""}, "mentee mentor program"},
		{[]string{"close", "init", "--cadence", ""}, "biweekly monthly quarterly weekly yearly"},
		{[]string{"close", "sign", "x", "--as", ""}, "mentee mentor program"},
		{[]string{"close", "survey", "x", "--as", ""}, "mentee mentor"},
		{[]string{"close", "check", "--color", ""}, "always auto never"},
		{[]string{"close", "help", ""}, "agenda check checkin debrief done extend goal init invite list log note record rematch report sign survey templates verify"},
	} {
		got, dirv := complete(t, dir, c.args...)
		if strings.Join(got, " ") != c.want || dirv != noFiles {
			t.Errorf("%v: %v %s, want %s", c.args, got, dirv, c.want)
		}
	}
}
