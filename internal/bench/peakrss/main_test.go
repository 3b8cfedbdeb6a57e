//go:build unix

package main

import (
	"os"
	"os/exec"
	"testing"
)

// A child that holds 64 MiB shows at least that much, and the runner's own
// size is not counted in a small child's figure.
func TestPeakOfOneChild(t *testing.T) {
	if os.Getenv("PEAKRSS_CHILD") == "big" {
		b := make([]byte, 64<<20)
		for i := range b {
			b[i] = 1
		}
		os.Exit(int(b[len(b)-1])) // exit 1: a failing command is measured too
	}
	if os.Getenv("PEAKRSS_CHILD") == "small" {
		os.Exit(0)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	run := func(kind string) int64 {
		t.Setenv("PEAKRSS_CHILD", kind)
		kib, err := peak(self, "-test.run", "^TestPeakOfOneChild$")
		if err != nil {
			t.Fatal(err)
		}
		return kib
	}
	big, small := run("big"), run("small")
	if big < 64<<10 {
		t.Errorf("big child: %d KiB, want at least 65536", big)
	}
	if small >= big/2 {
		t.Errorf("small child: %d KiB, big %d", small, big)
	}
	if _, err := peak("/no/such/command"); err == nil {
		t.Error("a command that does not run gives no figure")
	}
	if _, err := exec.LookPath("true"); err == nil {
		if kib, err := peak("true"); err != nil || kib <= 0 {
			t.Errorf("true: %d KiB, %v", kib, err)
		}
	}
}
