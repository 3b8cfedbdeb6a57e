package plan

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/mentor-cli/mentor/internal/bench"
	"github.com/mentor-cli/mentor/internal/dates"
	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/frontmatter"
)

// planSeeds are plans in every shape the tests know: the examples, generated
// plans, and hand-written edge cases.
func planSeeds(t testing.TB) [][]byte {
	var seeds [][]byte
	files, _ := filepath.Glob("../../examples/programme/pairs/*/plan.md")
	corpus, _ := filepath.Glob("../cli/testdata/corpus/pairs/*/plan.md")
	for _, f := range append(files, corpus...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, b)
	}
	g := bench.New(7)
	for i := 0; i < 20; i++ {
		seeds = append(seeds, []byte(g.Pair().Files["plan.md"]))
	}
	for _, s := range []string{
		"",
		"---\n",
		"---\nmentor: Ada\n",
		"---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-15\n---\n## Goals\n- [x] A\n  - 2026-02-01: note\n- [ ] ~~B~~ (dropped: why)\n- C\n\n## Meetings\n### 2026-01-20 Kickoff\nnotes\n### 2026-02-03 cancelled by mentee\n### nodate\n### 2027-01-01 future\n",
		"---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-15\n---\n## Goals\n\n<!-- comment\n### 2026-01-01 not a meeting -->\n- [ ] A\nlazy line\n",
		"---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-15\n---\n## Meetings\n```\n### 2026-01-01 in code\n```\n### 2026-01-02 real ###\n",
		"---\r\nmentor: Ada\r\nmentee: Grace\r\nstart: 2026-01-15\r\n---\r\n## Goals\r\n- [x] A\r\n",
		"---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-15\n---\nTitle\n===\n## Goals\n- [x] A\n---\n- [ ] B\n    - deep\n",
		"---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-15\n---\n## Goals\n- [x]: /url\n- [x] A\n  - 1. one\n  - **bold** note\n* star\n",
		"---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-15\n---\n## Goals\n- [x] A\n\n  - 2026-01-02: after a blank\n\nPara\n  - indented\n",
		"\ufeff---\nmentor: Ada\n---\n",
	} {
		seeds = append(seeds, []byte(s))
	}
	return seeds
}

// FuzzParsePlan: Parse never panics, every problem names the file and a line
// ≥ 0, parsing is deterministic, and the line scanner agrees with goldmark.
func FuzzParsePlan(f *testing.F) {
	for _, s := range planSeeds(f) {
		f.Add(s)
	}
	today := dates.MustParse("2026-11-21")
	f.Fuzz(func(t *testing.T, src []byte) {
		const file = "pairs/x/plan.md"
		opt := Options{Today: today}
		p := Parse(file, src, opt)
		for _, pr := range p.Problems {
			if pr.File != file || pr.Line < 0 || pr.Message == "" {
				t.Fatalf("bad problem %+v", pr)
			}
		}
		if again := Parse(file, src, opt); !reflect.DeepEqual(p, again) {
			t.Fatalf("two parses differ:\n%+v\n%+v", p, again)
		}
		opt.noFastBody = true
		if slow := Parse(file, src, opt); !reflect.DeepEqual(p, slow) {
			t.Fatalf("line scanner and goldmark differ on %q:\nfast: %+v\nslow: %+v", src, p, slow)
		}
		Parse(file, src, Options{FrontMatterOnly: true})
	})
}

// TestFastBodyCoversGeneratedPlans makes sure the benchmarks measure the
// line scanner, not a silent fallback.
func TestFastBodyCoversGeneratedPlans(t *testing.T) {
	g := bench.New(bench.DefaultSeed)
	for i := 0; i < 200; i++ {
		src := []byte(g.Pair().Files["plan.md"])
		doc, err := frontmatter.Split(src)
		if err != nil {
			t.Fatal(err)
		}
		if !fastBody(&Plan{}, &diag.List{}, doc, dates.Date{}, newBodyText(doc)) {
			t.Fatalf("line scanner refused generated plan:\n%s", src)
		}
	}
}

// TestFastBodyMatchesGoldmark builds thousands of bodies from the line
// shapes plans are made of — and the shapes that look like them but are not
// — and checks the line scanner and goldmark read each the same way.
func TestFastBodyMatchesGoldmark(t *testing.T) {
	// Shapes the scanner takes, and shapes it must leave to goldmark.
	plain := []string{
		"", "", "  ", "## Goals", "## Meetings", "## Meeting log", "# Title", "## Agreement",
		"### 2026-01-20 Kickoff", "### 2026-02-03 cancelled by mentee", "### not a date", "###",
		"#### 2026-01-01 deep", "#", "- [x] Met goal", "- [ ] Open goal", "- [ ] ~~Dropped~~ (dropped: why)",
		"- no checkbox", "- [x]", "- [X] Upper", "- [ ]  two spaces", "- **bold** item",
		"  - 2026-04-10: dated note", "  - undated note", "  - **bold**", "  - ~~struck~~",
		"Paragraph text.", "2026-01-01 starts with a date", "*emphasis*", "**bold** text",
		"~~struck~~", "<!-- comment -->", "<!-- open", "still html", "-->", "[x] para",
		"Ünïcode line", "(paren)", "\\# escaped", "- 12 items", "  - 3 notes",
	}
	tricky := []string{
		"### 2026-03-03 no-show mentor ###", "#hashtag", "####### seven", "- [x]: /url", "-  two spaces",
		"-", "- ", "- - -", "- # h", "  - 1. ordered", "    - deep", "   - three", "  text", "    code",
		"\ttab", "1. ordered", "1) ordered", "* star", "***", "---", "===", "___", "+ plus", "> quote",
		"```", "~~~", "<!-->", "<div>", "[ref]: /url", "| a | b |", "- ~~~", "-\u00a0nbsp", "#\u00a0nbsp",
		"text\r", "  -", "- 1) x", "2) y", "- > q", "  - ```",
	}
	r := newRand(42)
	today := dates.MustParse("2026-11-21")
	accepted := 0
	const total = 20000
	for i := 0; i < total; i++ {
		n := 1 + r.intn(14)
		body := ""
		for j := 0; j < n; j++ {
			if r.intn(12) == 0 {
				body += tricky[r.intn(len(tricky))]
			} else {
				body += plain[r.intn(len(plain))]
			}
			if j < n-1 || r.intn(2) == 0 {
				body += "\n"
			}
		}
		src := []byte("---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-15\n---\n" + body)
		if doc, _ := frontmatter.Split(src); fastBody(&Plan{}, &diag.List{}, doc, today, newBodyText(doc)) {
			accepted++
		}
		fast := Parse("plan.md", src, Options{Today: today})
		slow := Parse("plan.md", src, Options{Today: today, noFastBody: true})
		if !reflect.DeepEqual(fast, slow) {
			t.Fatalf("line scanner and goldmark differ on body:\n%s\nfast: %+v\nslow: %+v", body, fast, slow)
		}
	}
	// The comparison only means something if the scanner took many of them.
	if accepted < total/10 {
		t.Fatalf("the line scanner took only %d of %d bodies", accepted, total)
	}
	t.Logf("the line scanner took %d of %d bodies", accepted, total)
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
