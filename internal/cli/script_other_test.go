//go:build !unix

package cli

import "github.com/rogpeppe/go-internal/testscript"

// holdLock and dropLock need flock(2), which this system does not have.
func holdLock(ts *testscript.TestScript, neg bool, args []string) {
	ts.Fatalf("holdlock needs flock(2), which this system does not have")
}

func dropLock(ts *testscript.TestScript, neg bool, args []string) {}
