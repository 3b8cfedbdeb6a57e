package render

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/mentor-cli/mentor/internal/dates"
)

// withLimits runs the test with smaller limits, so that it is quick.
func withLimits(t *testing.T, l Limits) {
	t.Helper()
	old := limits
	limits = l
	t.Cleanup(func() { limits = old })
}

func limitData() Data {
	d := Defaults()
	d.ID, d.Mentor, d.Mentee = "ada--grace", "Ada", "Grace"
	d.Start = dates.MustParse("2026-11-21") // a Saturday
	return d
}

// pastLimits asserts that a template was stopped at a limit: no output, a
// *TemplateError naming it, saying so.
func pastLimits(t *testing.T, name, src, says string) {
	t.Helper()
	out, err := ExecuteText(".mentor/templates/agenda.md", []byte(src), limitData())
	var te *TemplateError
	var le *LimitError
	if out != nil || !errors.As(err, &te) || te.File != ".mentor/templates/agenda.md" || !errors.As(err, &le) {
		t.Errorf("%s: output %d bytes, error %v; want a limit error naming the template", name, len(out), err)
		return
	}
	if msg := err.Error(); !strings.Contains(msg, ".mentor/templates/agenda.md ran past its limits") ||
		!strings.Contains(msg, says) || !strings.Contains(msg, "nothing was written") {
		t.Errorf("%s: message %q, want it to name the template and say %q", name, msg, says)
	}
}

// A template's output is bounded: ten million copies of a 90-byte line stop
// at 1 MiB instead of filling memory.
func TestTemplateOutputLimit(t *testing.T) {
	line := strings.Repeat("x", 89) + "\n"
	pastLimits(t, "range of a line", "{{range 10000000}}"+line+"{{end}}", "its output passed the 1 MiB limit")
	pastLimits(t, "printed field", "{{range 10000000}}{{$.Mentor}}{{end}}", "its output passed the 1 MiB limit")
	// Exactly at the limit is fine.
	out, err := ExecuteText("t", []byte("{{range 16384}}"+strings.Repeat("y", 63)+"\n{{end}}"), limitData())
	if err != nil || len(out) != 1<<20 {
		t.Errorf("1 MiB of output: %d bytes, %v", len(out), err)
	}
}

// A template's time is bounded, whether it loops, nests loops or recurses.
func TestTemplateTimeLimit(t *testing.T) {
	withLimits(t, Limits{Output: 1 << 20, Time: 50 * time.Millisecond, Memory: 256 << 20})
	for name, src := range map[string]string{
		"empty range":     "{{range 1000000000}}{{end}}",
		"nested ranges":   "{{range 100000}}{{range 100000}}{{end}}{{end}}",
		"work in a range": "{{range 1000000000}}{{$x := printf \"%d\" 1}}{{end}}",
		"branching recursion": `{{define "x"}}{{if .}}{{template "x" .}}{{template "x" .}}{{end}}{{end}}` +
			`{{template "x" 1}}`,
	} {
		done := make(chan struct{})
		go func() {
			defer close(done)
			pastLimits(t, name, src, "it ran for more than 50ms")
		}()
		select {
		case <-done:
		case <-time.After(time.Minute):
			t.Fatalf("%s: still running after a minute", name)
		}
	}
}

// A template cannot build a string past the output limit in memory: every
// function that makes text refuses first, whatever the template does with
// the result.
func TestTemplateStringLimit(t *testing.T) {
	for name, src := range map[string]string{
		"printf doubling":  `{{$x := "ab"}}{{range 100}}{{$x = printf "%s%s" $x $x}}{{end}}`,
		"print doubling":   `{{$x := "ab"}}{{range 100}}{{$x = print $x $x}}{{end}}`,
		"println doubling": `{{$x := "ab"}}{{range 100}}{{$x = println $x $x}}{{end}}`,
		"html growth":      `{{$x := "<<"}}{{range 100}}{{$x = html $x $x}}{{end}}`,
		"js growth":        `{{$x := "''"}}{{range 100}}{{$x = js $x $x}}{{end}}`,
		"urlquery growth":  `{{$x := "//"}}{{range 100}}{{$x = urlquery $x $x}}{{end}}`,
		"yaml growth":      `{{$x := "a\"b"}}{{range 100}}{{$x = yaml (print $x $x)}}{{end}}`,
		"upper":            `{{$x := "ab"}}{{range 100}}{{$x = upper (print $x $x)}}{{end}}`,
		"wide printf":      `{{printf "` + strings.Repeat("%999999d", 20) + `" 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20}}`,
		"wide star":        `{{printf "%*d%*d" 999999 1 999999 2}}`,
		"indexed width":    `{{printf "%[1]999999d%[1]999999d" 1}}`,
		"precision":        `{{printf "%.999999f%.999999f" 1.0 2.0}}`,
		"many arguments":   `{{$x := printf "%0999999d" 1}}{{print $x $x}}`,
		"join":             `{{$x := printf "%0999999d" 1}}{{join .Reasons $x}}`,
	} {
		pastLimits(t, name, src, "it made a text of")
	}
	// Ordinary uses are untouched.
	out, err := ExecuteText("t", []byte(`{{printf "%-6s|%3d|%*d|%.2f" .Mentor 7 4 5 1.5}} {{html "<a>"}} {{upper .Mentee}} {{join .Reasons ","}}`), limitData())
	if err != nil || !strings.HasPrefix(string(out), "Ada   |  7|   5|1.50 &lt;a&gt; GRACE goals-met,") {
		t.Errorf("ordinary functions: %q, %v", out, err)
	}
}

// The heap a run may grow by is bounded too: a string the template keeps
// doubling (under an output limit large enough to let it) is stopped once
// what it holds passes the memory limit. The string is kept, not garbage,
// so the limit is reached whenever the collector runs.
func TestTemplateMemoryLimit(t *testing.T) {
	withLimits(t, Limits{Output: 256 << 20, Time: time.Minute, Memory: 8 << 20})
	src := `{{$x := "` + strings.Repeat("Monday ", 10000) + `"}}` +
		`{{range 10000}}{{$x = print $x $x}}{{end}}`
	pastLimits(t, "doubling string", src, "it used more than 8 MiB of memory")
}

// The built-in templates run well within the limits (TestBuiltinTemplatesRun
// runs them all); a broken template is still a broken template, with its
// line.
func TestTemplateErrorsStillNameTheLine(t *testing.T) {
	_, err := ExecuteText(".mentor/templates/agenda.md", []byte("line one\n{{.Nope}}\n"), limitData())
	var le *LimitError
	if err == nil || errors.As(err, &le) || !strings.Contains(err.Error(), ".mentor/templates/agenda.md:2") {
		t.Errorf("error: %v", err)
	}
}
