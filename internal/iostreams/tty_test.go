package iostreams

import (
	"os"
	"path/filepath"
	"testing"
)

// /dev/null is a character device but not a terminal; a pipe and a file are
// neither. The old test (os.ModeCharDevice) took /dev/null for a terminal.
func TestIsTerminalNotForNullPipeOrFile(t *testing.T) {
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	if st, _ := null.Stat(); st.Mode()&os.ModeCharDevice == 0 {
		t.Skip("/dev/null is not a character device here")
	}
	if IsTerminal(null) {
		t.Error("/dev/null counted as a terminal")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if IsTerminal(r) || IsTerminal(w) {
		t.Error("a pipe counted as a terminal")
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "f"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if IsTerminal(f) {
		t.Error("a file counted as a terminal")
	}
	if IsTerminal(nil) {
		t.Error("no file counted as a terminal")
	}
}

func TestSetColor(t *testing.T) {
	env := map[string]string{}
	s := &IOStreams{stdoutTTY: true, getenv: func(k string) string { return env[k] }}
	for _, c := range []struct {
		mode, noColor string
		tty, want     bool
	}{
		{"auto", "", true, true},
		{"auto", "1", true, false},
		{"auto", "", false, false},
		{"", "", true, true},
		{"always", "1", false, true},
		{"never", "", true, false},
	} {
		env["NO_COLOR"] = c.noColor
		s.stdoutTTY = c.tty
		if err := s.SetColor(c.mode); err != nil {
			t.Fatal(err)
		}
		if s.ColorEnabled() != c.want {
			t.Errorf("--color %s, NO_COLOR=%q, tty %v: colour %v, want %v", c.mode, c.noColor, c.tty, s.ColorEnabled(), c.want)
		}
	}
	if err := s.SetColor("sometimes"); err == nil {
		t.Error("--color sometimes accepted")
	}
}

func TestHintAndNotice(t *testing.T) {
	s, _, _, errOut := Test()
	s.Hint("next")
	if errOut.Len() != 0 {
		t.Errorf("a hint with stdout not a terminal: %q", errOut)
	}
	s.SetStdoutTTY(true)
	s.Hint("next %d", 1)
	s.Notice("wrote %s", "x")
	if errOut.String() != "next 1\nwrote x\n" {
		t.Errorf("got %q", errOut)
	}
	errOut.Reset()
	s.SetQuiet(true)
	s.Hint("next")
	s.Notice("wrote")
	if errOut.Len() != 0 {
		t.Errorf("--quiet still printed %q", errOut)
	}
}
