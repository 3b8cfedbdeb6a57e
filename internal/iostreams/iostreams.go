// Package iostreams carries a command's input and output, with what it needs
// to know about them: whether they are terminals, whether to use colour, and
// whether to keep quiet about anything but results, warnings and errors.
package iostreams

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"
)

// IOStreams is where a command reads and writes.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdinTTY  bool
	stdoutTTY bool
	stderrTTY bool
	color     bool
	quiet     bool
	getenv    func(string) string
}

// System returns the process's streams. Colour is on when stdout is a
// terminal, NO_COLOR is unset or empty, and TERM is not "dumb"; SetColor
// changes that for --color.
func System() *IOStreams {
	s := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		stdinTTY: IsTerminal(os.Stdin), stdoutTTY: IsTerminal(os.Stdout), stderrTTY: IsTerminal(os.Stderr),
		getenv: os.Getenv}
	s.color = ColorWanted(s.stdoutTTY, os.Getenv)
	return s
}

// IsTerminal reports whether f is a terminal. It asks the terminal driver
// (an ioctl that only a terminal answers), so /dev/null and other character
// devices, pipes and files are not terminals.
func IsTerminal(f *os.File) bool {
	return f != nil && term.IsTerminal(int(f.Fd()))
}

// ColorWanted says whether to colour output: only on a terminal, never when
// NO_COLOR is set to anything (https://no-color.org), never on a dumb terminal.
func ColorWanted(tty bool, getenv func(string) string) bool {
	return tty && getenv("NO_COLOR") == "" && getenv("TERM") != "dumb"
}

// ColorModes are the values of --color.
var ColorModes = []string{"auto", "always", "never"}

// SetColor applies --color: auto (the default: on a terminal, unless
// NO_COLOR is set or TERM is dumb), always (even into a pipe, for less -R;
// the flag wins over NO_COLOR, as no-color.org asks), never.
func (s *IOStreams) SetColor(mode string) error {
	switch mode {
	case "", "auto":
		getenv := s.getenv
		if getenv == nil {
			getenv = func(string) string { return "" }
		}
		s.color = ColorWanted(s.stdoutTTY, getenv)
	case "always":
		s.color = true
	case "never":
		s.color = false
	default:
		return fmt.Errorf("--color %q is not one of auto, always, never", mode)
	}
	return nil
}

// Test returns streams backed by buffers, none of them a terminal.
func Test() (s *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

func (s *IOStreams) IsStdinTTY() bool   { return s.stdinTTY }
func (s *IOStreams) IsStdoutTTY() bool  { return s.stdoutTTY }
func (s *IOStreams) IsStderrTTY() bool  { return s.stderrTTY }
func (s *IOStreams) ColorEnabled() bool { return s.color }

// Quiet reports whether --quiet was given: hints and notices are left out;
// results, warnings and errors are not.
func (s *IOStreams) Quiet() bool { return s.quiet }

// SetStdinTTY, SetStdoutTTY, SetColorEnabled and SetQuiet let tests play a
// terminal, and the root command apply its flags.
func (s *IOStreams) SetStdinTTY(v bool)     { s.stdinTTY = v }
func (s *IOStreams) SetStdoutTTY(v bool)    { s.stdoutTTY = v }
func (s *IOStreams) SetColorEnabled(v bool) { s.color = v }
func (s *IOStreams) SetQuiet(v bool)        { s.quiet = v }

// Hint writes what to do next, for a person at a terminal: only when
// standard output is a terminal (a script reading the output needs none)
// and --quiet was not given.
func (s *IOStreams) Hint(format string, args ...any) {
	if s.quiet || !s.stdoutTTY {
		return
	}
	fmt.Fprintf(s.ErrOut, format+"\n", args...)
}

// Notice writes a note about what the command did ("wrote .mentor.yaml
// with the default settings"), unless --quiet was given.
func (s *IOStreams) Notice(format string, args ...any) {
	if s.quiet {
		return
	}
	fmt.Fprintf(s.ErrOut, format+"\n", args...)
}

// Palette colours text when colour is enabled.
type Palette struct{ on bool }

func (s *IOStreams) Palette() Palette { return Palette{s.color} }

func (p Palette) wrap(code, text string) string {
	if !p.on || text == "" {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

func (p Palette) Bold(s string) string   { return p.wrap("1", s) }
func (p Palette) Dim(s string) string    { return p.wrap("2", s) }
func (p Palette) Red(s string) string    { return p.wrap("31", s) }
func (p Palette) Green(s string) string  { return p.wrap("32", s) }
func (p Palette) Yellow(s string) string { return p.wrap("33", s) }
func (p Palette) Cyan(s string) string   { return p.wrap("36", s) }
