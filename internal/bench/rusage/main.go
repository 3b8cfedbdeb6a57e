// Command rusage runs a command once and prints what it cost, from the
// kernel's rusage of that one child (so, unlike a shell's or python's
// getrusage of all children, the runner's own size and time are not in
// it):
//
//	go run ./internal/bench/rusage CMD [ARG]...
//	WALL_US CPU_US MAXRSS_KIB
//
// the wall time from its start to its end and its user and system CPU time,
// in microseconds, and its peak resident memory in KiB. The command's output
// is thrown away; its exit status does not matter (verify exits 1 when it
// finds something). scripts/bench.sh times every run with it.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"time"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: rusage CMD [ARG]...")
		os.Exit(2)
	}
	u, err := run(os.Args[1], os.Args[2:]...)
	if err != nil {
		fmt.Fprintln(os.Stderr, "rusage:", err)
		os.Exit(1)
	}
	fmt.Println(u.wall.Microseconds(), u.cpu.Microseconds(), u.maxRSS)
}

// usage is what one run cost.
type usage struct {
	wall, cpu time.Duration
	maxRSS    int64 // KiB
}

// run runs name with args and says what it cost.
func run(name string, args ...string) (usage, error) {
	cmd := exec.Command(name, args...)
	t0 := time.Now()
	err := cmd.Run()
	wall := time.Since(t0)
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return usage{}, err // it did not run
	}
	rss, err := maxRSS(cmd.ProcessState)
	if err != nil {
		return usage{}, err
	}
	return usage{wall: wall, cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), maxRSS: rss}, nil
}
