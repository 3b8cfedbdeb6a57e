// Command gen writes mentor's command reference (docs/cli and docs/man) into
// the docs folder it is given: go generate ./internal/clidocs runs it.
package main

import (
	"fmt"
	"os"

	"github.com/mentor-cli/mentor/internal/cli"
	"github.com/mentor-cli/mentor/internal/clidocs"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./internal/clidocs/gen DOCS-FOLDER")
		os.Exit(2)
	}
	if err := clidocs.Write(cli.NewRootCmd(cli.NewFactory()), os.Args[1]); err != nil {
		fmt.Fprintf(os.Stderr, "gen: %v\n", err)
		os.Exit(1)
	}
}
