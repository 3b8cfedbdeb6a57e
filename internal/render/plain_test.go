package render

import (
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// plainSamples are strings built from the pieces names and titles are made
// of, and of the ones that need escaping or quoting.
func plainSamples() []string {
	pieces := []string{"Ada", "lovelace", " ", "  ", "1", "12", "2026", ".", ")", ":", "://", "www", "WWW", "Www", ".",
		"@", "-", "+", "=", "#", "*", "_", "[", "]", "<", ">", "|", "~", "&", "$", "\\", "`", "'", "\"", ",", "!",
		"?", "%", "{", "}", "\n", "\r", "\t", "é", "Ø", "\xff", "\xc3", "true", "No", "yes", "null", "on", "Off", "y", "N",
		"~", "0x1F", "1e3", ".inf", "NaN", "2026-01-15", "!!str", "&a", "*a", "? ", "- ", "# "}
	var out []string
	r := uint64(7)
	next := func(n int) int {
		r ^= r << 13
		r ^= r >> 7
		r ^= r << 17
		return int(r % uint64(n))
	}
	for i := 0; i < 50000; i++ {
		var b strings.Builder
		for j, n := 0, 1+next(5); j < n; j++ {
			b.WriteString(pieces[next(len(pieces))])
		}
		out = append(out, b.String())
	}
	return append(out, "", "Ship 1", "Learn 12", "Lead the CI migration", strings.Repeat("word ", 20), "a", "Yes", "NULL")
}

// MarkdownText's shortcut gives what its loop gives.
func TestPlainText(t *testing.T) {
	short := 0
	for _, s := range plainSamples() {
		if plainText(oneLine(s)) {
			short++
		}
		if got, want := MarkdownText(s), markdownTextLoop(oneLine(s)); got != want {
			t.Fatalf("MarkdownText(%q) = %q, the loop gives %q", s, got, want)
		}
	}
	if short < 1000 {
		t.Fatalf("the shortcut took only %d strings", short)
	}
}

// YAMLScalar's shortcut gives what yaml.Marshal gives, and what it gives
// reads back as the string.
func TestPlainYAML(t *testing.T) {
	short := 0
	for _, s := range plainSamples() {
		if !utf8.ValidString(s) {
			continue
		}
		out := YAMLScalar(s)
		if plainYAML(s) {
			short++
			b, err := yaml.Marshal(s)
			if err != nil || strings.TrimSuffix(string(b), "\n") != out {
				t.Fatalf("YAMLScalar(%q) = %q, yaml.Marshal %q %v", s, out, b, err)
			}
			var back struct{ K string }
			if err := yaml.Unmarshal([]byte("k: "+out), &back); err != nil || back.K != s {
				t.Fatalf("YAMLScalar(%q) = %q reads back as %q (%v)", s, out, back.K, err)
			}
		}
	}
	if short < 1000 {
		t.Fatalf("the shortcut took only %d strings", short)
	}
}
