package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mentor-cli/mentor/internal/escape"
	"github.com/mentor-cli/mentor/internal/iostreams"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// The escaping corpus: pair folders and names that hold what an output
// could take for its own syntax (workflow commands, %, commas and colons,
// line breaks, terminal escapes, Markdown and HTML, formulas, spaces and
// unicode), through every output mentor writes. Each output must stay
// well-formed, say the names back exactly where it is a data format, and
// never let a line start a workflow command or a control character reach a
// terminal raw.

// corpusNames are the pair folders; each holds one plan (and some a record).
var corpusNames = []string{
	"::error title=x::y",
	"::stop-commands::tok",
	"  ::warning::indented",
	"##[error]old form",
	"50%25 done,a:b",
	"line\nbreak",
	"cr\rhere",
	"\x1b[31mred\x1b[0m",
	"csi\u009b2J",
	"a|b [x](y) <b>bold",
	"with spaces é ✓ 日本",
	"=1+1",
	"@SUM(A1)",
	"bidi\u202eevil",
}

// The people's names and titles, as YAML double-quoted strings and plan lines.
const (
	corpusMentor  = `"Ada \e[2J\n## Injected heading\n- [evil](https://x.example) <b>"`
	corpusMentee  = `"[x](y) | c, d: e %0A ::error::z"`
	corpusProgram = `"=HYPERLINK(\"x\") # | <i>"`
	corpusGoal    = "::error::goal [x](y) <b>bold</b> | 100% `code` *em*"
	corpusMeeting = "::warning::sync % [x](y) | <b>"
)

func escPlan(i int) string {
	status := []string{"active", "closed", "closing"}[i%3]
	end := "2026-11-30" // end-near on 2026-11-21
	if i%3 == 1 {
		end = "2026-06-30"
	}
	return fmt.Sprintf("---\nmentor: %s\nmentee: %s\nprogram: %s\nstart: 2026-01-15\nend: %s\nstatus: %s\n---\n\n"+
		"# Plan\n\n## Goals\n\n- [ ] %s\n  - 2026-02-01: note with [x](y) and <b>\n- [x] Done\n\n"+
		"## Meeting notes\n\n## Meetings\n\n### 2026-02-01 %s\n\nNotes with \x1b[31m colour.\n",
		corpusMentor, corpusMentee, corpusProgram, end, status, corpusGoal, corpusMeeting)
}

// escRecord leaves TODOs and a mismatch, so that verify has findings
// that quote names.
const escRecord = "---\nmentor: \"Ada\"\nmentee: \"[x](y) | c, d: e %0A ::error::z\"\nstart: 2026-01-15\nclosed: 2026-07-20\n" +
	"reason: TODO\nfinal_meeting: none\ntransition: informal\ncontact:\n  channel: \"::error::mail\"\n  cadence: TODO\n" +
	"goals:\n  - title: \"::error::goal\"\n    outcome: met\n---\n\n## Summary\n\nTODO: why\n\n## Thanks\n\nThanks.\n"

const corpusConfig = "closure:\n  required_sections: [Summary, Thanks]\n"

// corpusOrder holds the folder names in the order their plans were made
// (escPlan's index), before the test sorts corpusNames.
var corpusOrder = append([]string(nil), corpusNames...)

func buildEscapingCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".mentor.yaml"), []byte(corpusConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	for i, name := range corpusNames {
		pd := filepath.Join(dir, "pairs", name)
		if err := os.MkdirAll(filepath.Join(pd, "notes"), 0o755); err != nil {
			t.Skipf("the file system refuses %q: %v", name, err)
		}
		write := func(rel, s string) {
			if err := os.WriteFile(filepath.Join(pd, rel), []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		write("plan.md", escPlan(i))
		write("notes/2026-02-02-mentee (1) [x].md", "Reflection.\n")
		if i%3 != 0 {
			write("closure.md", escRecord)
		}
	}
	return dir
}

type runResult struct {
	out, err string
	code     int
}

func runIn(t *testing.T, dir string, env map[string]string, args ...string) runResult {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	f := &Factory{IO: ios, Getenv: func(k string) string { return env[k] }, Getwd: func() (string, error) { return dir, nil }}
	code := Run(f, append(append([]string{}, args...), "--today", "2026-11-21"))
	return runResult{out.String(), errOut.String(), code}
}

// noRawControl fails when text holds a character a terminal acts on, or
// that reorders text, raw.
func noRawControl(t *testing.T, what, s string) {
	t.Helper()
	for i, r := range s {
		if r == '\n' {
			continue
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			t.Errorf("%s: raw %U at byte %d: %q", what, r, i, around(s, i))
			return
		}
	}
	if !utf8.ValidString(s) {
		t.Errorf("%s: not valid UTF-8", what)
	}
}

func around(s string, i int) string {
	return s[max(0, i-30):min(len(s), i+30)]
}

// noWorkflowCommand fails when a line could start a workflow command that
// mentor did not mean: allowed lists the commands mentor writes.
func noWorkflowCommand(t *testing.T, what, s string, allowed ...string) []string {
	t.Helper()
	var cmds []string
	for _, line := range strings.Split(s, "\n") {
		trim := strings.TrimLeft(line, " \t")
		if !strings.HasPrefix(trim, "::") {
			// The runner's older form: "##[" anywhere in a line that is
			// not a command.
			if strings.Contains(line, "##[") {
				t.Errorf("%s: a line holds ##[: %q", what, line)
			}
			continue
		}
		ok := false
		for _, a := range allowed {
			ok = ok || strings.HasPrefix(line, "::"+a+" ")
		}
		if !ok {
			t.Errorf("%s: a line starts a workflow command: %q", what, line)
			continue
		}
		cmds = append(cmds, line)
	}
	return cmds
}

// annotation is a workflow command read back as the runner reads it.
type annotation struct {
	kind, title, file, line, message string
}

var ghUnescape = strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")

func parseAnnotation(t *testing.T, line string) annotation {
	t.Helper()
	rest := strings.TrimPrefix(line, "::")
	head, msg, ok := strings.Cut(rest, "::")
	if !ok {
		t.Fatalf("not a command: %q", line)
	}
	kind, props, _ := strings.Cut(head, " ")
	a := annotation{kind: kind, message: ghUnescape.Replace(msg)}
	for _, p := range strings.Split(props, ",") {
		k, v, ok := strings.Cut(p, "=")
		if !ok {
			t.Fatalf("property %q without a value in %q", p, line)
		}
		v = ghUnescape.Replace(v)
		switch k {
		case "title":
			a.title = v
		case "file":
			a.file = v
		case "line":
			a.line = v
		default:
			t.Fatalf("unknown property %q in %q", k, line)
		}
	}
	return a
}

var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM))

// markdownShape parses Markdown as GitHub does and returns its headings,
// the destinations of its links and the cell counts of its table rows, and
// fails on raw HTML.
func markdownShape(t *testing.T, what, src string) (headings []string, links []string, rows []int) {
	t.Helper()
	b := []byte(withoutFrontMatter(src))
	doc := gfm.Parser().Parse(text.NewReader(b))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch x := n.(type) {
		case *ast.Heading:
			headings = append(headings, fmt.Sprintf("h%d", x.Level))
		case *ast.Link:
			links = append(links, string(x.Destination))
		case *ast.AutoLink:
			links = append(links, string(x.URL(b)))
		case *ast.Image:
			t.Errorf("%s: an image: %s", what, x.Destination)
		case *ast.RawHTML, *ast.HTMLBlock:
			t.Errorf("%s: raw HTML: %q", what, nodeText(n, b))
		case *extast.TableRow, *extast.TableHeader:
			rows = append(rows, n.ChildCount())
		}
		return ast.WalkContinue, nil
	})
	return headings, links, rows
}

// withoutFrontMatter drops a file's YAML front matter, which is not
// Markdown (mentor's readers split it off the same way).
func withoutFrontMatter(src string) string {
	if !strings.HasPrefix(src, "---\n") {
		return src
	}
	if i := strings.Index(src[4:], "\n---\n"); i >= 0 {
		return src[4+i+5:]
	}
	return src
}

func nodeText(n ast.Node, src []byte) string {
	if r, ok := n.(*ast.RawHTML); ok {
		if r.Segments.Len() > 0 {
			seg := r.Segments.At(0)
			return string(seg.Value(src))
		}
		return "raw HTML"
	}
	if l := n.Lines(); l != nil && l.Len() > 0 {
		seg := l.At(0)
		return string(seg.Value(src))
	}
	return n.Kind().String()
}

func TestEscapingCorpus(t *testing.T) {
	dir := buildEscapingCorpus(t)
	sort.Strings(corpusNames)
	env := map[string]string{}

	// check: the table and the problems on stderr.
	r := runIn(t, dir, env, "close", "check")
	if r.code != ExitOK {
		t.Fatalf("check exit %d: %s", r.code, r.err)
	}
	for what, s := range map[string]string{"check table": r.out, "check problems": r.err} {
		noRawControl(t, what, s)
		noWorkflowCommand(t, what, s)
	}
	if got := strings.Count(r.out, "\n"); got < len(corpusNames)+2 {
		t.Errorf("check table: %d lines for %d pairs:\n%s", got, len(corpusNames), r.out)
	}

	// check --format json: the names come back exactly.
	r = runIn(t, dir, env, "close", "check", "--format", "json")
	noRawControl(t, "check json", r.out)
	var cj struct {
		Pairs []struct {
			ID, Plan, Verdict string
			Signals           []struct{ ID string }
			Problems          []struct{ File string }
		}
	}
	if err := json.Unmarshal([]byte(r.out), &cj); err != nil {
		t.Fatalf("check json: %v\n%s", err, r.out)
	}
	var ids []string
	annotations, attention := 0, 0
	for _, p := range cj.Pairs {
		ids = append(ids, p.ID)
		annotations += len(p.Signals) + len(p.Problems)
		if len(p.Signals) > 0 || p.Verdict == "invalid" {
			attention++
		}
	}
	if strings.Join(ids, "\x00") != strings.Join(corpusNames, "\x00") {
		t.Errorf("check json ids %q, want %q", ids, corpusNames)
	}

	// check --format github, with a job summary.
	summary := filepath.Join(t.TempDir(), "summary.md")
	env = map[string]string{"GITHUB_STEP_SUMMARY": summary}
	r = runIn(t, dir, env, "close", "check", "--format", "github")
	noRawControl(t, "check github", r.out)
	cmds := noWorkflowCommand(t, "check github", r.out, "notice", "warning", "error")
	if len(cmds) != annotations {
		t.Errorf("check github: %d annotations, want %d (signals and problems)", len(cmds), annotations)
	}
	files := map[string]bool{}
	for _, p := range cj.Pairs {
		files[p.Plan] = true
		files[escape.Controls(p.Plan)] = true // as an annotation writes it
	}
	for _, c := range cmds {
		a := parseAnnotation(t, c)
		if !files[a.file] || a.line == "" || a.title == "" {
			t.Errorf("check github: annotation %q reads back as %+v", c, a)
		}
	}
	sum, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	noRawControl(t, "check summary", string(sum))
	noWorkflowCommand(t, "check summary", string(sum))
	h, links, rows := markdownShape(t, "check summary", string(sum))
	if len(h) != 1 || len(links) != 0 || len(rows) != attention+1 || rows[0] != 4 {
		t.Errorf("check summary: headings %v links %v rows %v:\n%s", h, links, rows, sum)
	}
	checkTables(t, "check summary", string(sum))

	// verify in every format.
	env = map[string]string{}
	r = runIn(t, dir, env, "close", "verify", "--format", "json")
	if r.code != ExitFindings {
		t.Fatalf("verify exit %d: %s", r.code, r.err)
	}
	noRawControl(t, "verify json", r.out)
	var vj struct {
		Findings []struct{ File, Rule, Message string }
	}
	if err := json.Unmarshal([]byte(r.out), &vj); err != nil {
		t.Fatalf("verify json: %v", err)
	}
	if len(vj.Findings) < len(corpusNames) {
		t.Fatalf("verify json: %d findings", len(vj.Findings))
	}
	r = runIn(t, dir, env, "close", "verify")
	noRawControl(t, "verify text", r.out)
	noWorkflowCommand(t, "verify text", r.out)
	if n := strings.Count(r.out, "\n"); n != len(vj.Findings)+1 {
		t.Errorf("verify text: %d lines for %d findings", n, len(vj.Findings))
	}

	env = map[string]string{"GITHUB_STEP_SUMMARY": summary}
	os.Remove(summary)
	r = runIn(t, dir, env, "close", "verify", "--format", "github")
	noRawControl(t, "verify github", r.out)
	cmds = noWorkflowCommand(t, "verify github", r.out, "error", "warning")
	if len(cmds) != len(vj.Findings) {
		t.Fatalf("verify github: %d annotations for %d findings", len(cmds), len(vj.Findings))
	}
	for i, c := range cmds {
		a := parseAnnotation(t, c)
		f := vj.Findings[i]
		if a.file != escape.Controls(f.File) || a.title != f.Rule || a.message != escape.Controls(f.Message) {
			t.Errorf("verify github: %q reads back as %+v, want %+v", c, a, f)
		}
	}
	sum, _ = os.ReadFile(summary)
	noRawControl(t, "verify summary", string(sum))
	noWorkflowCommand(t, "verify summary", string(sum))
	_, links, rows = markdownShape(t, "verify summary", string(sum))
	if len(links) != 0 || len(rows) != len(vj.Findings)+1 {
		t.Errorf("verify summary: links %v rows %v", links, rows)
	}
	checkTables(t, "verify summary", string(sum))

	env = map[string]string{}
	r = runIn(t, dir, env, "close", "verify", "--format", "sarif")
	noRawControl(t, "sarif", r.out)
	var sarif struct {
		Runs []struct {
			Results []struct {
				Message             struct{ Text string }
				PartialFingerprints map[string]string
				Locations           []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(r.out), &sarif); err != nil {
		t.Fatalf("sarif: %v", err)
	}
	seen := map[string]bool{}
	for i, res := range sarif.Runs[0].Results {
		loc := res.Locations[0].PhysicalLocation
		u, err := url.Parse(loc.ArtifactLocation.URI)
		if err != nil || u.Scheme != "" || u.Path != vj.Findings[i].File || loc.Region.StartLine < 1 || res.Message.Text != vj.Findings[i].Message {
			t.Errorf("sarif result %d: %q (%v) line %d", i, loc.ArtifactLocation.URI, err, loc.Region.StartLine)
		}
		for _, fp := range res.PartialFingerprints {
			if seen[fp] {
				t.Errorf("sarif: fingerprint %s twice", fp)
			}
			seen[fp] = true
		}
	}

	r = runIn(t, dir, env, "close", "verify", "--format", "gitlab")
	noRawControl(t, "gitlab", r.out)
	var gl []struct {
		Description, Fingerprint string
		Location                 struct{ Path string }
	}
	if err := json.Unmarshal([]byte(r.out), &gl); err != nil {
		t.Fatalf("gitlab: %v", err)
	}
	seen = map[string]bool{}
	for i, issue := range gl {
		if issue.Location.Path != vj.Findings[i].File || issue.Description != vj.Findings[i].Message || seen[issue.Fingerprint] {
			t.Errorf("gitlab issue %d: %+v", i, issue)
		}
		seen[issue.Fingerprint] = true
	}

	// report: Markdown, CSV and JSON.
	r = runIn(t, dir, env, "close", "report")
	noRawControl(t, "report md", r.out)
	noRawControl(t, "report stderr", r.err)
	noWorkflowCommand(t, "report md", r.out)
	_, links, _ = markdownShape(t, "report md", r.out)
	for _, l := range links {
		p, err := url.PathUnescape(l)
		if err != nil || !files[p] && !strings.HasSuffix(p, "/closure.md") {
			t.Errorf("report md: a link to %q (%s) is not one mentor made", l, p)
		}
	}
	if len(links) < len(corpusNames) {
		t.Errorf("report md: %d links", len(links))
	}
	checkTables(t, "report md", r.out)

	r = runIn(t, dir, env, "close", "report", "--format", "csv")
	noWorkflowCommand(t, "report csv", r.out)
	records, err := csv.NewReader(strings.NewReader(r.out)).ReadAll()
	if err != nil {
		t.Fatalf("report csv: %v", err)
	}
	if len(records) != len(corpusNames)+1 {
		t.Fatalf("report csv: %d rows", len(records))
	}
	for _, rec := range records {
		for _, cell := range rec {
			noRawControl(t, "report csv cell", strings.ReplaceAll(cell, "\n", ""))
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("report csv: a formula cell %q", cell)
			}
		}
	}
	for i, rec := range records[1:] {
		if rec[0] != escape.CSV(corpusNames[i]) {
			t.Errorf("report csv: id %q, want %q", rec[0], corpusNames[i])
		}
	}

	r = runIn(t, dir, env, "close", "report", "--format", "json")
	noRawControl(t, "report json", r.out)
	var rj struct {
		Pairs []struct{ ID string }
	}
	if err := json.Unmarshal([]byte(r.out), &rj); err != nil || len(rj.Pairs) != len(corpusNames) || rj.Pairs[0].ID != corpusNames[0] {
		t.Errorf("report json: %v %+v", err, rj.Pairs)
	}

	// agenda and record: the same shape as for a pair with plain names, no
	// link or HTML in a heading, and the notes linked to the real file.
	// (What names put inline in the body is for the templates to escape
	// with md; see docs/templates.md.)
	for _, i := range []int{0, 1, 2, 5, 9} {
		name := corpusOrder[i]
		clean := t.TempDir()
		plain := strings.NewReplacer(corpusMentor, "Ada", corpusMentee, "Grace", corpusProgram, "P", corpusGoal, "Give a talk", corpusMeeting, "Sync").Replace(escPlan(i))
		pd := filepath.Join(clean, "pairs", "ada--grace")
		if err := os.MkdirAll(filepath.Join(pd, "notes"), 0o755); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(pd, "plan.md"), []byte(plain), 0o644)
		os.WriteFile(filepath.Join(clean, ".mentor.yaml"), []byte(corpusConfig), 0o644)
		os.WriteFile(filepath.Join(pd, "notes", "2026-02-02-mentee (1) [x].md"), []byte("Reflection.\n"), 0o644)
		for _, cmd := range [][]string{{"agenda"}, {"agenda", "--unplanned"}, {"record"}, {"record", "--transition", "end"}} {
			want := runIn(t, clean, env, append([]string{"close", cmd[0], "ada--grace", "--stdout"}, cmd[1:]...)...)
			if want.code != ExitOK {
				t.Fatalf("%v on the plain pair: exit %d %s", cmd, want.code, want.err)
			}
			got := runIn(t, dir, env, append([]string{"close", cmd[0], filepath.Join("pairs", name), "--stdout"}, cmd[1:]...)...)
			what := fmt.Sprintf("%v %q", cmd, name)
			if got.code != ExitOK {
				t.Fatalf("%s: exit %d %s", what, got.code, got.err)
			}
			noRawControl(t, what, got.out)
			noWorkflowCommand(t, what, got.out)
			wh, wl := headingsAndNoteLinks(t, want.out)
			gh, gl := headingsAndNoteLinks(t, got.out)
			if strings.Join(gh, "\n") != strings.Join(wh, "\n") || strings.Join(gl, " ") != strings.Join(wl, " ") {
				t.Errorf("%s: headings %q, note links %q; a plain pair has %q, %q:\n%s", what, gh, gl, wh, wl, got.out)
			}
		}
	}
}

// headingsAndNoteLinks returns the kinds of a document's headings (with
// what they hold besides text: a link, HTML, code) and its links into
// notes/. A name in a heading must read as text.
func headingsAndNoteLinks(t *testing.T, src string) (headings, notes []string) {
	t.Helper()
	b := []byte(withoutFrontMatter(src))
	doc := gfm.Parser().Parse(text.NewReader(b))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch x := n.(type) {
		case *ast.Heading:
			kinds := fmt.Sprintf("h%d", x.Level)
			for c := x.FirstChild(); c != nil; c = c.NextSibling() {
				if c.Kind() != ast.KindText && c.Kind() != ast.KindString {
					kinds += " " + c.Kind().String()
				}
			}
			headings = append(headings, kinds)
		case *ast.Link:
			if p, err := url.PathUnescape(string(x.Destination)); err == nil && strings.HasPrefix(p, "notes/") {
				notes = append(notes, p)
			}
		}
		return ast.WalkContinue, nil
	})
	return headings, notes
}

// checkTables checks each table of a Markdown document: every line of a
// table has as many unescaped | as its header (a | in a value would add a
// cell; a line break would end the row).
func checkTables(t *testing.T, what, src string) {
	t.Helper()
	want := -1
	for _, line := range strings.Split(src, "\n") {
		if !strings.HasPrefix(line, "|") {
			want = -1
			continue
		}
		n := pipes(line)
		if want < 0 {
			want = n
		}
		if n != want || !strings.HasSuffix(line, "|") {
			t.Errorf("%s: a table row has %d cell separators, its header %d: %q", what, n, want, line)
		}
	}
	if strings.Contains(src, "\r") {
		t.Errorf("%s: a carriage return", what)
	}
}

// pipes counts the | of a table line that are not escaped.
func pipes(line string) int {
	n := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return n
}
