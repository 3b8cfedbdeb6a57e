// Command peakrss runs a command and prints its peak resident memory in
// KiB, from the rusage the kernel keeps for that one child (so, unlike a
// shell's or python's getrusage of all children, the runner's own size is
// not in it):
//
//	go run ./internal/bench/peakrss CMD [ARG]...
//
// The command's output is thrown away; its exit status does not matter
// (verify exits 1 when it finds something). scripts/bench.sh uses it when
// GNU time (/usr/bin/time -v) is not installed.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: peakrss CMD [ARG]...")
		os.Exit(2)
	}
	kib, err := peak(os.Args[1], os.Args[2:]...)
	if err != nil {
		fmt.Fprintln(os.Stderr, "peakrss:", err)
		os.Exit(1)
	}
	fmt.Println(kib)
}

// peak runs name with args and returns its peak resident set in KiB.
func peak(name string, args ...string) (int64, error) {
	cmd := exec.Command(name, args...)
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return 0, err // it did not run
	}
	return maxRSS(cmd.ProcessState)
}
