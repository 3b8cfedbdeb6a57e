package cli

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// step is one mentor command of a walk-through, and what it reads on
// standard input ("" for nothing).
type step struct {
	args  []string
	stdin string
}

// TestWalkthroughIsTheReadmes: the README's walk-through of a whole
// relationship and testdata/script/lifecycle_planned.txtar are the same
// commands in the same order, and the here-document is the script's stdin
// file, so the README shows what the tests run.
func TestWalkthroughIsTheReadmes(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	want := readmeSteps(t, string(readme), "<!-- walkthrough: planned -->")
	ar, err := txtar.ParseFile("testdata/script/lifecycle_planned.txtar")
	if err != nil {
		t.Fatal(err)
	}
	got := scriptSteps(t, ar)
	if len(want) < 10 {
		t.Fatalf("the README's walk-through has %d commands", len(want))
	}
	for i := 0; i < max(len(want), len(got)); i++ {
		var w, g step
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if !reflect.DeepEqual(w, g) {
			t.Fatalf("command %d differs:\nREADME: %q stdin %q\nscript: %q stdin %q", i+1, w.args, w.stdin, g.args, g.stdin)
		}
	}
}

// readmeSteps reads the mentor commands of the sh block after marker.
func readmeSteps(t *testing.T, md, marker string) []step {
	t.Helper()
	_, rest, ok := strings.Cut(md, marker+"\n```sh\n")
	if !ok {
		t.Fatalf("README.md has no sh block after %s", marker)
	}
	block, _, _ := strings.Cut(rest, "\n```\n")
	lines := strings.Split(block, "\n")
	var steps []step
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if !strings.HasPrefix(line, "mentor ") {
			continue
		}
		for strings.HasSuffix(line, `\`) && i+1 < len(lines) {
			i++
			line = strings.TrimSuffix(line, `\`) + " " + strings.TrimSpace(lines[i])
		}
		s := step{}
		if cmd, _, ok := strings.Cut(line, " <<'EOF'"); ok {
			line = cmd
			var body []string
			for i++; i < len(lines) && lines[i] != "EOF"; i++ {
				body = append(body, lines[i])
			}
			s.stdin = strings.Join(body, "\n") + "\n"
		}
		s.args = shellWords(t, stripComment(line))[1:]
		steps = append(steps, s)
	}
	return steps
}

// scriptSteps reads the exec mentor lines of a script; a stdin line before
// one names the archive file it reads.
func scriptSteps(t *testing.T, ar *txtar.Archive) []step {
	t.Helper()
	files := map[string]string{}
	for _, f := range ar.Files {
		files[f.Name] = string(f.Data)
	}
	var steps []step
	stdin := ""
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		switch {
		case strings.HasPrefix(line, "stdin "):
			name := strings.TrimSpace(strings.TrimPrefix(line, "stdin "))
			data, ok := files[name]
			if !ok {
				t.Fatalf("stdin %s: no such file in the script", name)
			}
			stdin = data
		case strings.HasPrefix(line, "exec mentor "):
			steps = append(steps, step{args: shellWords(t, strings.TrimPrefix(line, "exec mentor ")), stdin: stdin})
			stdin = ""
		}
	}
	return steps
}

// stripComment drops a "# …" after a command (not one inside quotes).
func stripComment(line string) string {
	quote := byte(0)
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#' && i > 0 && line[i-1] == ' ':
			return strings.TrimSpace(line[:i])
		}
	}
	return strings.TrimSpace(line)
}

// shellWords splits a command line as sh does for the plain words, single
// and double quotes a walk-through uses.
func shellWords(t *testing.T, line string) []string {
	t.Helper()
	var words []string
	var cur strings.Builder
	in, quote := false, byte(0)
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
				continue
			}
			cur.WriteByte(c)
		case c == '"' || c == '\'':
			quote, in = c, true
		case c == ' ' || c == '\t':
			if in {
				words = append(words, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteByte(c)
			in = true
		}
	}
	if quote != 0 {
		t.Fatalf("unclosed quote in %q", line)
	}
	if in {
		words = append(words, cur.String())
	}
	return words
}
