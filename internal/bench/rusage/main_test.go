//go:build unix

package main

import (
	"os"
	"syscall"
	"testing"
	"time"
)

// A child that holds 64 MiB and spins for 200 ms of CPU time shows at least
// that; a child that does nothing shows much less of both, so the
// runner's own size and time are not counted.
func TestOneChildsCost(t *testing.T) {
	switch os.Getenv("RUSAGE_CHILD") {
	case "big":
		b := make([]byte, 64<<20)
		for i := range b {
			b[i] = 1
		}
		for cpu := time.Duration(0); cpu < 200*time.Millisecond; b[0]++ {
			var ru syscall.Rusage
			if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
				os.Exit(3)
			}
			cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		}
		os.Exit(int(b[len(b)-1])) // exit 1: a failing command is measured too
	case "small":
		os.Exit(0)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	measure := func(kind string) usage {
		t.Setenv("RUSAGE_CHILD", kind)
		u, err := run(self, "-test.run", "^TestOneChildsCost$")
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	big, small := measure("big"), measure("small")
	if big.maxRSS < 64<<10 {
		t.Errorf("big child: %d KiB, want at least 65536", big.maxRSS)
	}
	if big.cpu < 200*time.Millisecond || big.wall < 100*time.Millisecond {
		t.Errorf("big child: cpu %v, wall %v; want 200ms of each", big.cpu, big.wall)
	}
	if small.maxRSS >= big.maxRSS/2 || small.cpu >= big.cpu/2 || small.wall >= big.wall {
		t.Errorf("small child: %+v, big %+v", small, big)
	}
	if _, err := run("/no/such/command"); err == nil {
		t.Error("a command that does not run gives no figure")
	}
}
