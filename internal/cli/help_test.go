package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/iostreams"
	"github.com/spf13/cobra"
)

// Every command's --help shows at least one example.
func TestEveryCommandHasAnExample(t *testing.T) {
	io, _, _, _ := iostreams.Test()
	root := NewRootCmd(&Factory{IO: io})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden || c.Name() == "help" {
			return
		}
		t.Run(c.CommandPath(), func(t *testing.T) {
			f, _, out, _ := testFactory()
			code := Run(f, append(strings.Fields(c.CommandPath())[1:], "--help"))
			if code != 0 {
				t.Fatalf("exit %d", code)
			}
			if !strings.Contains(out.String(), "Examples:") {
				t.Errorf("%s --help has no example:\n%s", c.CommandPath(), out)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

func testFactory() (*Factory, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	io, in, out, errOut := iostreams.Test()
	return &Factory{IO: io, Getenv: func(string) string { return "" }}, in, out, errOut
}
