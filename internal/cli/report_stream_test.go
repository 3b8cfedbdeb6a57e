package cli

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/bench"
)

// The report folds each pair into running figures as it is read. These
// goldens were written by the report that kept every pair in memory; the
// streaming one must print the same bytes, on the example programme and on
// a generated one with broken files, surveys and rematch chains mixed in.
// MENTOR_UPDATE=1 rewrites them: only do that for a change the report is
// meant to make, and review the diff.
func TestReportGoldens(t *testing.T) {
	examples := filepath.Join("..", "..", "examples", "programme")
	key := filepath.Join("testdata", "age", "programme.key")
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"example", nil},
		{"example-identity", []string{"--identity", key}},
		{"example-program", []string{"--identity", key, "--program", "Platform mentoring 2026"}},
		{"example-since", []string{"--since", "2026-06-01"}},
	} {
		for _, format := range []string{"md", "json", "csv", "text", "survey-csv"} {
			t.Run(tc.name+"."+format, func(t *testing.T) {
				args := append([]string{"close", "report", "--repo", examples, "--today", "2026-11-21", "--format", format}, tc.args...)
				out, errOut, code := runMentor(t, args...)
				if code != 0 || errOut != "" {
					t.Fatalf("exit %d, stderr:\n%s", code, errOut)
				}
				golden(t, filepath.Join("testdata", "report", tc.name+"."+format), []byte(out))
			})
		}
	}
}

// The report of a generated programme is too large to keep; its SHA-256
// is kept instead, with the number of pairs and the seed that remake it.
// MENTOR_REPORT_PAIRS=10000 checks a larger programme too (its sums are in
// the same file). MENTOR_REPORT_DUMP=DIR keeps the outputs there, to diff
// a change against.
func TestReportGeneratedGolden(t *testing.T) {
	sizes := []int{2000}
	if s := os.Getenv("MENTOR_REPORT_PAIRS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			t.Fatalf("MENTOR_REPORT_PAIRS=%q is not a number of pairs", s)
		}
		sizes = append(sizes, n)
	}
	file := filepath.Join("testdata", "report", "generated.sha256")
	want := readSums(t, file)
	got := map[string]string{}
	for _, n := range sizes {
		dir, plain := t.TempDir(), t.TempDir()
		mixedProgramme(t, dir, n)
		// The same programme where no plan names a programme: the report
		// has no programme column and no breakdown by programme.
		mixedProgramme(t, plain, n)
		withoutPrograms(t, plain)
		for _, tc := range []struct {
			name string
			args []string
			repo string
		}{
			{"all", nil, dir},
			{"program", []string{"--program", "Women in engineering 2026", "--since", "2026-03-01"}, dir},
			{"no-program", nil, plain},
		} {
			for _, format := range []string{"md", "json", "csv", "text", "survey-csv"} {
				args := append([]string{"close", "report", "--repo", tc.repo, "--today", "2026-11-21", "--format", format}, tc.args...)
				out, errOut, code := runMentor(t, args...)
				if code != 0 {
					t.Fatalf("%v: exit %d, stderr:\n%s", args, code, errOut)
				}
				k := fmt.Sprintf("n=%d seed=%d %s %s", n, bench.DefaultSeed, tc.name, format)
				got[k+" stdout"] = sum(out)
				if d := os.Getenv("MENTOR_REPORT_DUMP"); d != "" {
					// Keep the outputs, to diff against the ones of a change.
					name := fmt.Sprintf("%d-%s.%s", n, tc.name, format)
					_ = os.WriteFile(filepath.Join(d, name), []byte(out), 0o644)
					_ = os.WriteFile(filepath.Join(d, name+".err"), []byte(errOut), 0o644)
				}
				got[k+" stderr"] = sum(errOut)
			}
		}
	}
	if os.Getenv("MENTOR_UPDATE") != "" {
		for k, v := range got {
			want[k] = v
		}
		writeSums(t, file, want)
		return
	}
	for k, v := range got {
		w, ok := want[k]
		switch {
		case !ok:
			t.Errorf("%s: no sum in %s (run MENTOR_UPDATE=1 MENTOR_REPORT_PAIRS=N go test -run TestReportGeneratedGolden ./internal/cli)", k, file)
		case w != v:
			t.Errorf("%s: the report differs from the one kept in %s (sha256 %s, want %s)", k, file, v, w)
		}
	}
}

func sum(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

func readSums(t *testing.T, file string) map[string]string {
	t.Helper()
	m := map[string]string{}
	f, err := os.Open(file)
	if os.IsNotExist(err) && os.Getenv("MENTOR_UPDATE") != "" {
		return m
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		i := strings.LastIndexByte(line, ' ')
		if line == "" || strings.HasPrefix(line, "#") || i < 0 {
			continue
		}
		m[line[:i]] = line[i+1:]
	}
	return m
}

func writeSums(t *testing.T, file string, m map[string]string) {
	t.Helper()
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("# sha256 of mentor close report on a generated programme (see TestReportGeneratedGolden)\n")
	for _, k := range keys {
		b.WriteString(k + " " + m[k] + "\n")
	}
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// mixedProgramme generates n pairs and then spoils and enriches a few of
// them the same way every time: plans and closure records that cannot be
// read, a closure record without a plan, closure surveys (plain, encrypted,
// broken) and previous links that make chains, a loop and dangling ends.
func mixedProgramme(t *testing.T, dir string, n int) {
	t.Helper()
	if _, err := bench.Generate(dir, n, bench.DefaultSeed); err != nil {
		t.Fatal(err)
	}
	pairs := filepath.Join(dir, "pairs")
	entries, err := os.ReadDir(pairs)
	if err != nil {
		t.Fatal(err)
	}
	var ids, closed []string
	for _, e := range entries {
		ids = append(ids, e.Name())
		if _, err := os.Stat(filepath.Join(pairs, e.Name(), "closure.md")); err == nil {
			closed = append(closed, e.Name())
		}
	}
	write := func(id, name, text string) {
		t.Helper()
		p := filepath.Join(pairs, id, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	previous := func(id, prev string) {
		t.Helper()
		p := filepath.Join(pairs, id, "plan.md")
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := strings.Replace(string(data), "\nstatus:", "\nprevious: "+prev+"\nstatus:", 1)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Broken files, spread over the programme.
	write(ids[7], "plan.md", "---\nmentor: [unclosed\n---\n\n## Goals\n")
	write(ids[len(ids)/3], "plan.md", "no front matter at all\n")
	if err := os.Remove(filepath.Join(pairs, closed[3], "plan.md")); err != nil {
		t.Fatal(err)
	}
	write(closed[5], "closure.md", "---\nreason: [\n---\n")
	write(closed[len(closed)/2], "closure.md", "---\nreason: nothing-we-know\nclosed: someday\n---\n\n## Goal outcomes\n\n- [?] odd\n")
	// Surveys: every 4th closed pair's mentee, every 6th's mentor.
	encrypted, err := os.ReadFile(filepath.Join("..", "..", "examples", "programme", "pairs", "tariq-hassan--julia-novak", "survey", "2026-10-12-mentor.md"))
	if err != nil {
		t.Fatal(err)
	}
	yes := []string{"yes", "no", "yes", "yes", "no"}
	for i, id := range closed {
		if i%4 == 1 {
			write(id, "survey/2026-10-02-mentee.md", fmt.Sprintf("---\nkind: closure-survey\nside: mentee\ndate: 2026-10-02\nanswers:\n  satisfaction: %d\n  goals: %d\n  recommend: %d\n  again: %s\n---\n\n# Closure survey\n\n## What could the mentor do better?\n\n<!-- question: mentor_better -->\n\nFree text that never reaches the report.\n",
				1+i%5, 1+(i/3)%5, i%11, yes[i%5]))
		}
		if i%6 == 2 {
			write(id, "survey/2026-10-01-mentor.md", fmt.Sprintf("---\nkind: closure-survey\nside: mentor\ndate: 2026-10-01\nanswers:\n  satisfaction: %d\n  recommend: %d\n---\n", 1+(i/2)%5, (i*7)%11))
		}
		if i%97 == 5 {
			write(id, "survey/2026-10-03-mentor.md", string(encrypted))
		}
		if i%131 == 9 {
			write(id, "survey/2026-10-04-mentee.md", "---\nkind: closure-survey\nanswers: [\n---\n")
		}
	}
	// Rematch chains: a chain of three, a loop of two, a link to no pair
	// and a link to a plan that cannot be read.
	previous(ids[101], ids[100])
	previous(ids[102], ids[101])
	previous(ids[200], ids[201])
	previous(ids[201], ids[200])
	previous(ids[300], "no-such-pair")
	previous(ids[301], ids[7])
	previous(ids[400], closed[10])
}

// withoutPrograms takes the program line out of every plan.
func withoutPrograms(t *testing.T, dir string) {
	t.Helper()
	plans, err := filepath.Glob(filepath.Join(dir, "pairs", "*", "plan.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plans {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, line := range strings.SplitAfter(string(data), "\n") {
			if !strings.HasPrefix(line, "program:") {
				out = append(out, line)
			}
		}
		if err := os.WriteFile(p, []byte(strings.Join(out, "")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
