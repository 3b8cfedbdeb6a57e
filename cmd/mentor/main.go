// Command mentor tells when a mentoring relationship should end, and helps
// close it well. See https://github.com/mentor-cli/mentor.
package main

import (
	"os"

	"github.com/mentor-cli/mentor/internal/cli"
)

func main() { os.Exit(cli.Main()) }
