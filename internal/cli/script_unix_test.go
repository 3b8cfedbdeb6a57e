//go:build unix

package cli

import (
	"fmt"
	"os"
	"sync"
	"syscall"

	"github.com/rogpeppe/go-internal/testscript"
)

// Locks held by holdlock, by script and file.
var (
	heldMu sync.Mutex
	held   = map[string]*os.File{}
)

// holdLock plays another mentor command that holds a file's lock: it takes
// flock(2) on FILE and writes a pid and a start time into it, as mentor
// does. droplock FILE releases it.
func holdLock(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: holdlock FILE")
	}
	path := ts.MkAbs(args[0])
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	ts.Check(err)
	ts.Check(syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB))
	fmt.Fprintf(f, "%d\n2026-11-21T10:00:00Z\n", os.Getpid())
	heldMu.Lock()
	held[path] = f
	heldMu.Unlock()
	ts.Defer(func() { f.Close() })
}

func dropLock(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: droplock FILE")
	}
	path := ts.MkAbs(args[0])
	heldMu.Lock()
	f := held[path]
	delete(held, path)
	heldMu.Unlock()
	if f == nil {
		ts.Fatalf("droplock: %s is not held", args[0])
	}
	f.Close()
}
