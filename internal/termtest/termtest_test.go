package termtest

import (
	"strings"
	"testing"
)

// The harness itself: keys reach the shell, the screen comes back with a
// wrapped line joined and no trailing spaces, Clear empties it.
func TestTerminalHarness(t *testing.T) {
	term := Start(t, Options{Width: 20, Height: 10})
	term.WaitFor("$")
	// The prompt and the greeting are not in the command line: WaitFor
	// must see the program's output, not the echo of what was typed.
	term.Type("printf '%s: ' Name; read n; echo \"hello $n, a line longer\" than twenty\n")
	term.WaitFor("Name: ")
	term.Type("Ada\n")
	screen := term.WaitFor("hello Ada, a line longer than twenty")
	if strings.Contains(screen, " \n") {
		t.Errorf("trailing spaces kept:\n%q", screen)
	}
	term.Clear()
	if s := term.Screen(); strings.Contains(s, "hello") {
		t.Errorf("Clear left:\n%s", s)
	}
	term.Type("echo $TERM $HOME\n")
	term.WaitForRegexp(`^screen /`)
}
