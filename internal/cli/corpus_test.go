package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mentor-cli/mentor/internal/closure"
	"github.com/mentor-cli/mentor/internal/iostreams"
	"github.com/mentor-cli/mentor/internal/plan"
)

// The bad-input corpus: files a person or a malicious pull request could put
// in a programme. testdata/corpus holds the small ones as they are; the big
// and the pathological ones, the links and the unreadable file are made by
// buildCorpus. Every case is one pair folder of one programme, next to a
// healthy pair, and says what check and verify must report for it.
type corpusCase struct {
	pair string // the pair folder under pairs/
	file string // the file the problem is about, relative to the pair folder ("" for the folder)
	line int    // the line it names (0: the file as a whole)
	msg  string // what the message says

	verdict string // check's verdict for the pair
	rule    string // verify's rule for the file ("" when verify reports nothing on it)
}

var corpus = []corpusCase{
	{"empty", "plan.md", 1, "no front matter", "invalid", "plan-invalid"},
	{"only-dashes", "plan.md", 1, "front matter is not closed", "invalid", "plan-invalid"},
	{"unterminated", "plan.md", 1, "front matter is not closed", "invalid", "plan-invalid"},
	{"yaml-syntax", "plan.md", 2, "front matter is not valid YAML", "invalid", "plan-invalid"},
	{"wrong-types", "plan.md", 2, "mentor must be a name", "invalid", "plan-invalid"},
	{"alias-bomb", "plan.md", 13, "program must be a name", "invalid", "plan-invalid"},
	{"nul", "plan.md", 1, "NUL byte (at line 3)", "invalid", "plan-invalid"},
	{"invalid-utf8", "plan.md", 1, "not UTF-8 text (invalid bytes at line 13)", "invalid", "plan-invalid"},
	{"over-1mib", "plan.md", 1, "over the 1 MiB limit", "invalid", "plan-invalid"},
	{"nested-yaml", "plan.md", 5, "program must be a name", "invalid", "plan-invalid"},
	// Nesting past the limit is skipped with a warning on its line; the
	// rest of the plan is judged (the one-line cases lose their meetings
	// to it), and verify reports the warning as plan-warning.
	{"deep-lists", "plan.md", 37, "nest more than 16 deep", "on-track", "plan-warning"},
	{"deep-lists-one-line", "plan.md", 15, "nest more than 16 deep", "consider-closing", "plan-warning"},
	{"deep-quotes", "plan.md", 15, "nest more than 16 deep", "consider-closing", "plan-warning"},
	{"deep-goal", "plan.md", 29, "nest more than 16 deep", "on-track", "plan-warning"},
	{"unclosed-links", "", 0, "", "on-track", ""},
	{"unclosed-emphasis", "", 0, "", "on-track", ""},
	{"plan-link-outside", "plan.md", 1, "symbolic link to a file outside the repo", "invalid", "plan-invalid"},
	{"pair-link-outside", "", 1, "pair folder is a symbolic link to a place outside the repo", "invalid", "plan-invalid"},
	{"unreadable", "plan.md", 1, "cannot read: permission denied", "invalid", "plan-invalid"},
	{"closure-alias-bomb", "closure.md", 17, "each goal must have a title", "closed", "closure-invalid"},
	{"closure-empty", "closure.md", 1, "no front matter", "closed", "closure-invalid"},
	{"closure-over-1mib", "closure.md", 1, "over the 1 MiB limit", "closed", "closure-invalid"},
	// A complete record whose sections hold deep lists, indentation in
	// fenced code and <pre>, a long thematic break and thousands of link
	// definitions passes the gate: the part nested too deep is a warning.
	{"closure-deep-lists", "closure.md", 17, "nest more than 16 deep", "closed", "closure-warning"},
}

const corpusPlan = "---\nmentor: Ada Lovelace\nmentee: Grace Hopper\nstart: 2026-10-01\nend: 2027-04-01\n---\n\n" +
	"# Mentoring plan\n\n## Goals\n\n- [ ] Give an internal tech talk\n  - 2026-11-01: outline drafted\n\n" +
	"## Meetings\n\n### 2026-11-16 Outline review\n"

const corpusClosedPlan = "---\nmentor: Ada Lovelace\nmentee: Grace Hopper\nstart: 2026-01-15\nend: 2026-06-15\nstatus: closed\n---\n\n" +
	"# Mentoring plan\n\n## Goals\n\n- [x] Give an internal tech talk\n\n## Meetings\n\n### 2026-06-10 Wrap-up\n"

const corpusClosure = "---\nmentor: Ada Lovelace\nmentee: Grace Hopper\nstart: 2026-01-15\nclosed: 2026-06-15\nreason: goals-met\n" +
	"final_meeting: 2026-06-10\ntransition: end\ngoals:\n  - title: Give an internal tech talk\n    outcome: met\nsigned_off: {mentor: 2026-06-15, mentee: 2026-06-15}\n---\n\n"

// buildCorpus copies testdata/corpus into a temporary programme and adds the
// generated cases. It reports whether chmod 000 stops this process reading
// (it does not for root).
func buildCorpus(t testing.TB) (dir string, unreadable bool) {
	dir = t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/corpus")); err != nil {
		t.Fatal(err)
	}
	write := func(rel, text string) {
		path := filepath.Join(dir, "pairs", filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	indented := func(levels int) string {
		var b strings.Builder
		for i := 0; i < levels; i++ {
			fmt.Fprintf(&b, "%s- [ ] level %d\n", strings.Repeat("  ", i), i)
		}
		return b.String()
	}
	write("over-1mib/plan.md", corpusPlan+strings.Repeat("Notes that go on and on.\n", 45000))
	write("nested-yaml/plan.md", "---\nmentor: Ada Lovelace\nmentee: Grace Hopper\nstart: 2026-10-01\nprogram: "+
		strings.Repeat("[", 5000)+strings.Repeat("]", 5000)+"\n---\n")
	write("deep-lists/plan.md", corpusPlan+"\n## Notes\n\n"+indented(600))
	write("deep-lists-one-line/plan.md", corpusPlan[:strings.Index(corpusPlan, "## Meetings")]+strings.Repeat("- ", 100000)+"x\n")
	write("deep-quotes/plan.md", corpusPlan[:strings.Index(corpusPlan, "## Meetings")]+strings.Repeat("> ", 100000)+"x\n")
	write("unclosed-links/plan.md", corpusPlan+"\n## Links\n\n"+strings.Repeat("[", 30000)+"\n\n"+strings.Repeat("[a](", 20000)+"\n")
	write("unclosed-emphasis/plan.md", corpusPlan+"\n## Notes\n\n"+strings.Repeat("*a _b ", 20000)+"\n\n"+strings.Repeat("**", 30000)+"x\n")
	write("closure-over-1mib/plan.md", corpusClosedPlan)
	write("closure-over-1mib/closure.md", corpusClosure+strings.Repeat("## Summary\n\nWe met.\n\n", 60000))
	write("closure-deep-lists/plan.md", corpusClosedPlan)
	write("closure-deep-lists/closure.md", corpusClosure+"## Summary\n\n"+strings.Repeat("1. ", 20000)+"x\n\n"+
		"## Goals and outcomes\n\n```\n"+indented(200)+"```\n\n"+
		"## What went well\n\n<pre>\n"+indented(200)+"</pre>\n\n"+
		"## What was challenging\n\n"+strings.Repeat("- ", 50000)+"\n\nThe reorganisation.\n\n"+
		"## Lessons learned\n\n"+strings.Repeat("[a]: https://example.com\n", 10000)+"\n"+
		"## Next steps\n\n"+strings.Repeat("> ", 1000)+"More talks.\n\n"+
		"## Future connection\n\n- Quarterly\n  ~~~\n"+indented(100)+"  ~~~\n\n"+
		"## Thanks\n\nThank you.\n")
	write("deep-goal/plan.md", strings.Replace(corpusPlan, "  - 2026-11-01: outline drafted\n",
		"  - 2026-11-01: outline drafted\n"+indented(40)[len("- [ ] level 0\n"):], 1))

	// Links to files and folders outside the repo.
	outside := t.TempDir()
	if err := os.MkdirAll(filepath.Join(outside, "pair"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"plan.md", "pair/plan.md"} {
		if err := os.WriteFile(filepath.Join(outside, f), []byte(corpusPlan), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "pairs", "plan-link-outside"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "plan.md"), filepath.Join(dir, "pairs", "plan-link-outside", "plan.md")); err != nil {
		t.Skip("symbolic links are not available here:", err)
	}
	if err := os.Symlink(filepath.Join(outside, "pair"), filepath.Join(dir, "pairs", "pair-link-outside")); err != nil {
		t.Fatal(err)
	}

	// A plan nobody may read.
	write("unreadable/plan.md", corpusPlan)
	path := filepath.Join(dir, "pairs", "unreadable", "plan.md")
	if err := os.Chmod(path, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(path, 0o644) })
	_, err := os.ReadFile(path)
	return dir, err != nil
}

func runCorpus(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	io, _, out, errOut := iostreams.Test()
	f := &Factory{IO: io, Getenv: func(string) string { return "" },
		Getwd: func() (string, error) { return dir, nil }, Now: time.Now}
	code = Run(f, append([]string{"--repo", dir, "--today", "2026-11-21"}, args...))
	for _, bad := range []string{"internal error", "panic", "goroutine "} {
		if strings.Contains(errOut.String(), bad) {
			t.Fatalf("mentor %s: %s", strings.Join(args, " "), errOut)
		}
	}
	return code, out.String(), errOut.String()
}

func TestCorpus(t *testing.T) {
	dir, unreadable := buildCorpus(t)
	cases := corpus
	if !unreadable {
		t.Log("chmod 000 does not stop this process reading (it runs as root): the unreadable case is judged as a plain plan")
		cases = nil
		for _, c := range corpus {
			if c.pair == "unreadable" {
				c = corpusCase{pair: "unreadable", verdict: "on-track"}
			}
			cases = append(cases, c)
		}
	}
	entries, err := os.ReadDir(filepath.Join(dir, "pairs"))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(cases)+2 {
		t.Fatalf("the corpus has %d pair folders, the table %d cases, one healthy pair and one folder that is not a pair", len(entries), len(cases))
	}

	// check: every pair is judged, the bad ones are invalid with a problem
	// naming the file and line, and the exit code says a plan could not be
	// read.
	code, out, _ := runCorpus(t, dir, "close", "check", "--format", "json")
	if code != ExitFindings {
		t.Errorf("check exited %d, want %d", code, ExitFindings)
	}
	var rep struct {
		Pairs []struct {
			ID       string `json:"id"`
			Verdict  string `json:"verdict"`
			Problems []struct {
				File, Severity, Message string
				Line                    int
			} `json:"problems"`
		} `json:"pairs"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("check --format json: %v\n%s", err, out)
	}
	judged := map[string]int{}
	for i, p := range rep.Pairs {
		judged[p.ID] = i
	}
	if p := rep.Pairs[judged["good"]]; p.ID != "good" || p.Verdict != "on-track" {
		t.Errorf("the healthy pair next to the corpus: %+v", p)
	}
	// A folder with neither plan.md nor closure.md is not a pair.
	if _, ok := judged["no-plan"]; ok {
		t.Errorf("no-plan holds only notes/, and was judged as a pair")
	}
	for _, c := range cases {
		i, ok := judged[c.pair]
		if !ok {
			t.Errorf("%s: not judged by check", c.pair)
			continue
		}
		p := rep.Pairs[i]
		if p.Verdict != c.verdict {
			t.Errorf("%s: verdict %s, want %s (%+v)", c.pair, p.Verdict, c.verdict, p.Problems)
		}
		// An invalid pair has an error naming file and line; a judged one
		// may have a warning that does.
		severity := "error"
		if c.verdict != "invalid" {
			severity = "warning"
		}
		if severity == "warning" && c.file != "plan.md" {
			continue // check shows the plan's problems only
		}
		if c.msg == "" {
			for _, pr := range p.Problems {
				if pr.Severity == "error" {
					t.Errorf("%s: an error: %+v", c.pair, pr)
				}
			}
			continue
		}
		want := "pairs/" + c.pair
		if c.file != "" {
			want += "/" + c.file
		}
		found := false
		for _, pr := range p.Problems {
			if pr.File == want && pr.Line == c.line && pr.Severity == severity && strings.Contains(pr.Message, c.msg) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no %s at %s:%d saying %q; problems: %+v", c.pair, severity, want, c.line, c.msg, p.Problems)
		}
	}

	// verify: the same files, as findings with their rule.
	code, out, _ = runCorpus(t, dir, "close", "verify", "--format", "json")
	if code != ExitFindings {
		t.Errorf("verify exited %d, want %d", code, ExitFindings)
	}
	var vr struct {
		Pairs    int `json:"pairs"`
		Findings []struct {
			File, Rule, Message string
			Line                int
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &vr); err != nil {
		t.Fatalf("verify --format json: %v\n%s", err, out)
	}
	if vr.Pairs != len(cases)+1 {
		t.Errorf("verify checked %d pairs, want %d", vr.Pairs, len(cases)+1)
	}
	for _, c := range cases {
		want := "pairs/" + c.pair
		if c.file != "" {
			want += "/" + c.file
		}
		var got []string
		found := false
		for _, f := range vr.Findings {
			if !strings.HasPrefix(f.File, "pairs/"+c.pair+"/") && f.File != "pairs/"+c.pair {
				continue
			}
			got = append(got, fmt.Sprintf("%s:%d %s", f.File, f.Line, f.Rule))
			if f.File == want && f.Rule == c.rule && strings.Contains(f.Message, c.msg) &&
				(f.Line == c.line || c.rule == "closure-invalid" && c.line == 0 && f.Line == 1) {
				found = true
			}
		}
		if c.rule == "" {
			if len(got) > 0 && (c.file != "" || c.verdict != "invalid") {
				t.Errorf("%s: verify reports %v, want nothing", c.pair, got)
			}
			continue
		}
		if !found {
			t.Errorf("%s: verify has no %s at %s:%d saying %q; it has %v", c.pair, c.rule, want, c.line, c.msg, got)
		}
	}

	// The table and the text formats name the same problems.
	_, _, stderr := runCorpus(t, dir, "close", "check")
	if !strings.Contains(stderr, "pairs/yaml-syntax/plan.md:2: error: front matter is not valid YAML") {
		t.Errorf("check's text output lacks the YAML error:\n%s", stderr)
	}
}

// BenchmarkCorpus parses each corpus file: every one must cost well under a
// second.
func BenchmarkCorpus(b *testing.B) {
	dir, _ := buildCorpus(b)
	var files []string
	filepath.WalkDir(filepath.Join(dir, "pairs"), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			files = append(files, path)
		}
		return nil
	})
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		rel, _ := filepath.Rel(filepath.Join(dir, "pairs"), path)
		b.Run(strings.ReplaceAll(rel, string(filepath.Separator), "_"), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				if bytes.HasSuffix([]byte(path), []byte("closure.md")) {
					closure.Parse(path, src)
				} else {
					plan.Parse(path, src, plan.Options{})
				}
			}
		})
	}
}
