// Package render fills the templates mentor writes files from. A template in
// the repo's .mentor/templates/ replaces the built-in one of the same name.
package render

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"text/template"
	"unicode"
	"unicode/utf8"

	"github.com/mentor-cli/mentor/internal/enum"
	"github.com/mentor-cli/mentor/internal/escape"
	"github.com/mentor-cli/mentor/internal/repo"
	"github.com/mentor-cli/mentor/templates"
	"go.yaml.in/yaml/v3"
)

// OverrideDir is where a repo keeps its own templates.
const OverrideDir = ".mentor/templates"

// Templates are the templates mentor knows, with what each writes.
var Templates = enum.Set{
	{Name: "plan.md", Help: "a new pair's plan (mentor close init)"},
	{Name: "agenda.md", Help: "the debrief agenda (mentor close agenda)"},
	{Name: "closure.md", Help: "the closure record (mentor close record)"},
	{Name: "note.md", Help: "a reflection note (mentor close note)"},
}

// Names are the templates' file names.
var Names = Templates.Names()

// TemplateError is a broken template: it names the template file and line.
type TemplateError struct {
	File string
	Err  error
}

func (e *TemplateError) Error() string {
	var le *LimitError
	if errors.As(e.Err, &le) {
		return fmt.Sprintf("template %s ran past its limits: %s; nothing was written (a template may write up to %s and run for %s: fix the template, or delete it to use the built-in one)",
			e.File, le.What, size(limits.Output), limits.Time)
	}
	msg := strings.TrimPrefix(e.Err.Error(), "template: ")
	if !strings.HasPrefix(msg, e.File) {
		msg = e.File + ": " + msg
	}
	return "broken template " + msg + " (fix the template, or delete it to use the built-in one)"
}

func (e *TemplateError) Unwrap() error { return e.Err }

// Source returns a template's text and the name to show for it: the repo's
// override if there is one, else the built-in.
func Source(r *repo.Repo, name string) (text []byte, file string, err error) {
	rel := OverrideDir + "/" + name
	data, prob := r.Read(rel)
	if prob == nil {
		return data, rel, nil
	}
	if !prob.NotExist() {
		return nil, rel, &TemplateError{rel, errors.New(prob.Message)}
	}
	data, err = fs.ReadFile(templates.FS, name)
	if err != nil {
		return nil, "", fmt.Errorf("no built-in template %s", name)
	}
	return data, builtinFile(name), nil
}

// builtinFile is how errors name a built-in template.
func builtinFile(name string) string { return "templates/" + name + " (built-in)" }

// Execute fills the named template with data.
func Execute(r *repo.Repo, name string, data any) ([]byte, error) {
	src, file, err := Source(r, name)
	if err != nil {
		return nil, err
	}
	if file == builtinFile(name) {
		if out, ok, err := executeNative(name, file, data); ok {
			return out, err
		}
	}
	return ExecuteText(file, src, data)
}

// ExecuteText parses and fills a template's text; file names it in errors.
// The run is bounded (see Limits): past a limit, or if the template makes
// mentor fail, it is a *TemplateError and there is no output.
func ExecuteText(file string, src []byte, data any) (out []byte, err error) {
	lim := limits
	run := newRun(lim)
	t, err := template.New(file).Funcs(Funcs).Funcs(run.funcs()).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return nil, &TemplateError{file, err}
	}
	addTicks(t)
	defer func() {
		if e := recover(); e != nil {
			out, err = nil, &TemplateError{file, fmt.Errorf("it made mentor fail (%v)", e)}
		}
	}()
	w := &limitedWriter{max: lim.Output}
	if err := t.Execute(w, data); err != nil {
		var le *LimitError
		switch {
		case errors.Is(err, errOutput):
			return nil, &TemplateError{file, &LimitError{fmt.Sprintf("its output passed the %s limit", size(lim.Output))}}
		case errors.As(err, &le):
			return nil, &TemplateError{file, le}
		}
		return nil, &TemplateError{file, err}
	}
	return w.buf, nil
}

// plainYAML reports whether s is a string YAML reads back as itself
// unquoted, as yaml.Marshal writes it: short, made of letters, digits and
// single spaces between words, starting with a letter, and not a word YAML
// reads as a boolean or null. Titles and names mostly are; the rest goes
// through the encoder.
func plainYAML(s string) bool {
	if s == "" || len(s) > 60 || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == ' ' && s[i-1] != ' ':
		default:
			return false
		}
	}
	if len(s) <= 5 {
		switch strings.ToLower(s) {
		case "true", "false", "yes", "no", "on", "off", "y", "n", "null":
			return false
		}
	}
	return true
}

// Funcs are the functions every template can call.
var Funcs = template.FuncMap{
	"yaml":   YAMLScalar,
	"join":   strings.Join,
	"lower":  strings.ToLower,
	"upper":  strings.ToUpper,
	"title":  upperFirst,
	"plural": plural,
	"add":    func(a, b int) int { return a + b },
	"base":   filepath.Base,

	// Escaping for Markdown, so that what a person's file holds (a name,
	// a title, a file name) reads as text where a template writes it:
	// md for a paragraph or a list item, mdheading for a heading, mdcell
	// for a table cell, mdlink for a link's destination, mdcode for inline
	// code.
	"md":        escape.Markdown,
	"mdheading": escape.Markdown,
	"mdcell":    escape.MarkdownCell,
	"mdlink":    escape.MarkdownLink,
	"mdcode":    escape.MarkdownCode,
}

// upperFirst is the template function title: the first letter upper case.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// YAMLScalar quotes s as YAML needs it to read back as the same string.
func YAMLScalar(v any) string {
	s, ok := v.(string)
	if !ok {
		s = fmt.Sprint(v)
	}
	if plainYAML(s) {
		return s // what yaml.Marshal writes for it too (TestPlainYAML)
	}
	out, err := yaml.Marshal(s)
	if err != nil {
		return fmt.Sprintf("%q", s)
	}
	return strings.TrimSuffix(string(out), "\n")
}
