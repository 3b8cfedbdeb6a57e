package closure

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/bench"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/frontmatter"
)

// recordSeeds are records in every shape the tests know: the examples, the
// test corpus, generated records, and hand-written edge cases.
func recordSeeds(t testing.TB) [][]byte {
	var seeds [][]byte
	files, _ := filepath.Glob("../../examples/programme/pairs/*/closure.md")
	corpus, _ := filepath.Glob("../cli/testdata/corpus/pairs/*/closure.md")
	for _, f := range append(files, corpus...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, b)
	}
	g := bench.New(7)
	for n := 0; n < 20; {
		if src, ok := g.Pair().Files["closure.md"]; ok {
			seeds = append(seeds, []byte(src))
			n++
		}
	}
	for _, s := range []string{
		complete, withCheckIns, "", "---\n", "## Summary\nno front matter\n## Check-ins\n### 2026-09-01\n",
		complete + "\n## Check-ins\n### 2026-09-01 call\nnotes\n### not a date\n### 2026-02-30\n## After\n",
		"---\nclosed: 2026-07-28\n---\n## Check-ins\n### 2026-01-01 before closing\n##\n### 2026-09-01\n",
		"---\n---\n## Next steps\n### Next goals\n- [ ] TODO\n  - note of a TODO\n- [ ] Lead\n  - a note\n\n  - after a blank\n- [x] Done\n#### deeper\n- more\n## After\n- not a goal\n",
		"---\n---\n## Summary\n<!-- a\nTODO\n--> said\n## Thanks\n<!-- only -->\n\nTODO\n## Lessons\n- [ ] <!-- a\n- [ ] b -->\n",
		"---\n---\n## Summary\nText <!--\n\n--> more\n## S2\n- x\nlazy\n## S3\n```\nTODO\n```\n",
		"---\n---\n## Summary\n*TODO*\n## Thanks\n- **TODO**\n  - [ ] TODO: later\n## Next goals\n  - nested first\n",
		"---\n---\n# Title\n## Summary ##\n## Summary\nSetext\n---\n## X\n\tTODO\n",
		"---\n---\n## Summary\r\nTODO\r\n",
		"\ufeff---\nmentor: Ada\n---\n## Summary\nok\n",
		"---\n---\n## Summary\n<!-->\n## B\n<!--->\n",
		"---\n---\n## Summary\nTODO <!-- a comment\nthat goes on --> TODO\n## Thanks\n- [ ] TODO <!--\n\n- [ ] x -->\n",
	} {
		seeds = append(seeds, []byte(s))
	}
	return seeds
}

// FuzzParseRecord: Parse never panics, every problem names the file and a
// line ≥ 0, and the line reader, goldmark in one pass and goldmark in the
// three passes the reader made before all read the same record.
func FuzzParseRecord(f *testing.F) {
	for _, s := range recordSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src []byte) { sameRecord(t, src) })
}

func sameRecord(t *testing.T, src []byte) {
	t.Helper()
	const file = "pairs/x/closure.md"
	r := parse(file, src, false)
	for _, p := range r.Problems {
		if p.File != file || p.Line < 0 || p.Message == "" {
			t.Fatalf("bad problem %+v", p)
		}
	}
	for _, s := range r.Sections {
		if s.Line < 1 {
			t.Fatalf("section line: %+v", s)
		}
	}
	slow := parse(file, src, true)
	if !reflect.DeepEqual(r, slow) {
		t.Fatalf("line reader and goldmark differ on %q:\nfast: %+v\nslow: %+v", src, r, slow)
	}
	if old := oldParse(file, src); !reflect.DeepEqual(slow, old) {
		t.Fatalf("one pass and three passes differ on %q:\none:   %+v\nthree: %+v", src, slow, old)
	}
	if a, b := parseAfterClosure(file, src, false), parseAfterClosure(file, src, true); !reflect.DeepEqual(a, b) {
		t.Fatalf("ParseAfterClosure: line reader and goldmark differ on %q:\nfast: %+v\nslow: %+v", src, a, b)
	}
}

// TestSeedsReadAlike runs the comparison on the seeds in every test run
// (the fuzz target's own seeds run too; these are the same, named).
func TestSeedsReadAlike(t *testing.T) {
	for _, s := range recordSeeds(t) {
		sameRecord(t, s)
	}
}

// fastTakes reports whether the line reader reads src's body.
func fastTakes(src []byte) bool {
	doc, err := frontmatter.Split(src)
	if err != nil {
		return false
	}
	b := &bodyReader{r: &Record{}, l: &diag.List{}, doc: doc, body: doc.Body, nl: newlines(doc.Body), what: readAll, cur: -1}
	return b.fastBody()
}

// TestFastBodyCoversRecords makes sure the benchmarks measure the line
// reader, not a silent fallback: it takes the generated records, the
// records the built-in template writes (in the example), and the example's.
func TestFastBodyCoversRecords(t *testing.T) {
	g := bench.New(bench.DefaultSeed)
	for n := 0; n < 200; {
		src, ok := g.Pair().Files["closure.md"]
		if !ok {
			continue
		}
		n++
		if !fastTakes([]byte(src)) {
			t.Fatalf("line reader refused generated record:\n%s", src)
		}
	}
	files, _ := filepath.Glob("../../examples/programme/pairs/*/closure.md")
	if len(files) == 0 {
		t.Fatal("no example records")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !fastTakes(src) {
			t.Errorf("line reader refused %s", f)
		}
	}
}

// TestFastBodyMatchesGoldmark builds thousands of bodies from the line
// shapes records are made of — and the shapes that look like them but are
// not — and checks the line reader and goldmark read each the same way.
func TestFastBodyMatchesGoldmark(t *testing.T) {
	plain := []string{
		"", "", "  ", "## Summary", "## Thanks", "## Check-ins", "## checkins", "## Next steps", "### Next goals",
		"## Next goals", "# Title", "##", "### 2027-02-20", "### 2027-02-20 call", "### 2026-01-01", "### not a date",
		"### 2027-02-30", "#### deeper", "- [ ] TODO", "- [ ] Lead a review", "- [x] Done", "- TODO: a goal",
		"- **Goal**: met.", "- plain item", "  - a note", "  - TODO", "  - [ ] TODO: later", "TODO",
		"TODO: why it ended", "*TODO*", "Paragraph text.", "We met eleven times.", "<!-- comment -->",
		"<!-- open", "still html", "TODO inside", "-->", "--> after", "text <!-- inline -->", "text <!--",
		"[ ] TODO", "TODO <!-- open", "closes --> TODO", "Ünïcode line", "2027 starts with a year",
	}
	tricky := []string{
		"## Summary ##", "#hashtag", "####### seven", "-", "- ", "- - -", "- # h", "  - 1. ordered", "    - deep",
		"   - three", "  text", "    code", "\tTODO", "1. TODO", "* TODO", "***", "---", "===", "+ TODO", "> TODO",
		"```", "~~~", "<!-->", "<div>", "[ref]: /url", "| a | b |", "TODO\r", "  -", "- > q", "Next goals\n---",
	}
	r := newRand(42)
	front := "---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-15\nclosed: 2027-01-01\n---\n"
	accepted := 0
	const total = 20000
	for i := 0; i < total; i++ {
		n := 1 + r.intn(16)
		var body strings.Builder
		for j := 0; j < n; j++ {
			if r.intn(12) == 0 {
				body.WriteString(tricky[r.intn(len(tricky))])
			} else {
				body.WriteString(plain[r.intn(len(plain))])
			}
			if j < n-1 || r.intn(2) == 0 {
				body.WriteString("\n")
			}
		}
		src := []byte(front + body.String())
		if fastTakes(src) {
			accepted++
		}
		sameRecord(t, src)
	}
	// The comparison only means something if the reader took many of them.
	if accepted < total/10 {
		t.Fatalf("the line reader took only %d of %d bodies", accepted, total)
	}
	t.Logf("the line reader took %d of %d bodies", accepted, total)
}

// rand is a small deterministic generator (xorshift), enough for tests.
type rand struct{ s uint64 }

func newRand(seed uint64) *rand { return &rand{seed*0x9e3779b97f4a7c15 + 1} }

func (r *rand) intn(n int) int {
	r.s ^= r.s << 13
	r.s ^= r.s >> 7
	r.s ^= r.s << 17
	return int(r.s % uint64(n))
}
