package escape

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// The names the escaping corpus is made of: everything a folder name or a
// YAML string can hold that an output could mistake for its own syntax.
var hostile = []string{
	"::error title=x::y", "  ::warning::indented", "::stop-commands::tok", "##[error]old form", "50% done",
	"a,b:c", "line\nbreak", "carriage\rreturn", "\x1b[31mred\x1b[0m", "\u009b2J", "bidi\u202eevil", "tab\there",
	"a|b", "[x](y)", "<b>bold</b>", "*em* _em_ `code`", "# heading", "- item", "1. item", "=1+1", "+1", "-1", "@SUM(A1)",
	"with spaces", "émoji ✓ 日本", "\xff\xfe bad utf-8", "back\\slash", `"quoted"`, "&amp;", "$x$", "~~gone~~",
}

func TestTextAndName(t *testing.T) {
	for _, s := range hostile {
		for name, out := range map[string]string{"Text": Text(s), "Name": Name(s)} {
			for _, r := range out {
				if unsafeRune(r) {
					t.Errorf("%s(%q) = %q keeps %U", name, s, out, r)
				}
			}
			if strings.Contains(out, "##[") {
				t.Errorf("%s(%q) = %q keeps ##[", name, s, out)
			}
		}
		if n := strings.TrimLeft(Name(s), " \t"); strings.HasPrefix(n, "::") {
			t.Errorf("Name(%q) = %q could start a workflow command", s, Name(s))
		}
	}
	for in, want := range map[string]string{
		"pairs/ada--grace/plan.md": "pairs/ada--grace/plan.md",
		"pairs/émoji ✓/plan.md":    "pairs/émoji ✓/plan.md",
		"::error::x":               `"::error::x"`,
		"a\nb":                     `"a\nb"`,
		"\x1b[31m":                 `"\x1b[31m"`,
		" lead":                    `" lead"`,
		"\xffz":                    `"\xffz"`,
	} {
		if got := Name(in); got != want {
			t.Errorf("Name(%q) = %s, want %s", in, got, want)
		}
	}
	if got := Text("a\x1b[2Jb\nc\u202ed ##[x"); got != `a\x1b[2Jb\nc\u202ed #\#[x` {
		t.Errorf("Text: %s", got)
	}
}

func TestMarkdown(t *testing.T) {
	for in, want := range map[string]string{
		"[x](y)":        `\[x\](y)`,
		"<b>":           `\<b\>`,
		"a|b":           `a\|b`,
		"# title":       `\# title`,
		"- item":        `\- item`,
		"12. item":      `12\. item`,
		"*a* _b_ `c`":   "\\*a\\* \\_b\\_ \\`c\\`",
		"two\nlines":    "two lines",
		"esc\x1bhere":   `esc\\x1bhere`,
		"&amp; $x$ ~~s": `\&amp; \$x\$ \~\~s`,
		"see https://x.example, www.x.example, a@b.example": `see https\://x.example, www\.x.example, a\@b.example`,
		"a: b":       "a: b",
		"plain text": "plain text",
	} {
		if got := Markdown(in); got != want {
			t.Errorf("Markdown(%q) = %q, want %q", in, got, want)
		}
	}
	if got := MarkdownCell("  "); got != "-" {
		t.Errorf("empty cell: %q", got)
	}
	if got := MarkdownCell("- 1.5"); got != "- 1.5" {
		t.Errorf("a cell starts no block: %q", got)
	}
	for in, want := range map[string]string{
		"pairs/a b/notes/x(1).md": "pairs/a%20b/notes/x%281%29.md",
		"pairs/50%/plan.md":       "pairs/50%25/plan.md",
		"pairs/a\nb/<c>.md":       "pairs/a%0Ab/%3Cc%3E.md",
		"pairs/[x](y)/plan.md":    "pairs/%5Bx%5D%28y%29/plan.md",
		"c:x/plan.md":             "c%3Ax/plan.md",
	} {
		if got := MarkdownLink(in); got != want {
			t.Errorf("MarkdownLink(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"pairs": "`pairs`", "a`b": "`` a`b ``", "``x": "``` ``x ```"} {
		if got := MarkdownCode(in); got != want {
			t.Errorf("MarkdownCode(%q) = %q, want %q", in, got, want)
		}
	}
}

// A cell a spreadsheet would run as a formula starts with a quote.
func TestCSV(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+1": "'+1", "-1": "'-1", "@SUM(A1)": "'@SUM(A1)", "\tx": `'\tx`, "\rx": `'\rx`,
		"Platform 2026": "Platform 2026", "a\nb": "a\nb", "\x1b[31m": `\x1b[31m`,
	} {
		if got := CSV(in); got != want {
			t.Errorf("CSV(%q) = %q, want %q", in, got, want)
		}
	}
}

// JSON that encoding/json wrote keeps its meaning: the escapes decode to
// the same string, and no C1 control or bidi character is left raw.
func TestJSON(t *testing.T) {
	for _, s := range hostile {
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		out := JSON(b)
		var back string
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("%q: %s: %v", s, out, err)
		}
		var want string
		json.Unmarshal(b, &want)
		if back != want {
			t.Errorf("%q: decodes to %q, want %q", s, back, want)
		}
		for _, r := range string(out) {
			if unsafeRune(r) {
				t.Errorf("%q: %s keeps %U", s, out, r)
			}
		}
	}
}

func TestControls(t *testing.T) {
	if got := Controls("a\x1b[31m\nb\rc ##[x \u202e"); got != "a\\x1b[31m\nb\rc ##[x \\u202e" {
		t.Errorf("Controls: %q", got)
	}
}

func TestLineAndBlock(t *testing.T) {
	if got := Line("Ada\n## Evil\t\x1b[31m"); got != `Ada ## Evil \x1b[31m` {
		t.Errorf("Line: %q", got)
	}
	if got := Block("one\n\ttwo \x1b[31m\r\nthree"); got != "one\n\ttwo \\x1b[31m\nthree" {
		t.Errorf("Block: %q", got)
	}
}

// plainInline says "as it is" only where MarkdownInline's full pass gives
// the text back unchanged.
func FuzzPlainInline(f *testing.F) {
	for _, s := range []string{"", "ada-lovelace--grace-hopper", "Ada Lovelace", " a", "a ", "a  b", "a*b",
		"see https://x", "www.example.com", "WwW.x", "mailto:a", "xmpp:b", "tab\tx", "caf\u00e9", "a~b", "pairs/a--b/plan.md"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if plainInline(s) {
			if out := markdownInline(s); out != s {
				t.Fatalf("%q: MarkdownInline gives %q", s, out)
			}
		}
	})
}

// Clean JSON, the usual case, comes back as it is, without a copy.
func TestJSONCleanNoCopy(t *testing.T) {
	b := []byte(strings.Repeat(`{"title":"Grow as a mentor — été","n":1},`, 100))
	if out := JSON(b); &out[0] != &b[0] || len(out) != len(b) {
		t.Fatalf("clean JSON was copied")
	}
	if n := testing.AllocsPerRun(20, func() { JSON(b) }); n != 0 {
		t.Errorf("JSON of clean text allocates %v times a call, want 0", n)
	}
}

// Line's shortcut gives back only what the full path would give back.
func TestLineAlready(t *testing.T) {
	for s, want := range map[string]bool{
		"": true, "Ship 0": true, "a b c": true, "a*b [x](y)": true,
		" a": false, "a ": false, "a  b": false, "a\tb": false, "a\nb": false, "é": false, "a##[b": false, "\x7f": false,
	} {
		if got := lineAlready(s); got != want {
			t.Errorf("lineAlready(%q) = %v, want %v", s, got, want)
		}
		if got := Line(s); got != lineSlow(s) {
			t.Errorf("Line(%q) = %q, want %q", s, got, lineSlow(s))
		}
	}
}

func FuzzLine(f *testing.F) {
	for _, s := range []string{"", "Ship 0", " a", "a  b", "a\tb", "é", "a##[b", "x\u2028y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Line(s), lineSlow(s); got != want {
			t.Fatalf("Line(%q) = %q, want %q", s, got, want)
		}
	})
}

// asciiPrefix stops at the word that holds the first byte of 0x7f or above,
// whatever the byte and wherever it is, and passes every word without one.
func TestASCIIPrefix(t *testing.T) {
	for v := 0; v < 256; v++ {
		for pos := 0; pos < 27; pos++ {
			b := bytes.Repeat([]byte{'~'}, 27)
			b[pos] = byte(v)
			want := 24 // the last three bytes are left to the byte loop
			if v >= 0x7f {
				want = min(pos/8*8, 24)
			}
			if got := asciiPrefix(b); got != want {
				t.Fatalf("asciiPrefix with %#x at %d = %d, want %d", v, pos, got, want)
			}
		}
	}
	if got := JSON([]byte(`"0123456789` + "\x7f" + `"`)); string(got) != `"0123456789\u007f"` {
		t.Errorf("DEL after a clean word: %s", got)
	}
}
