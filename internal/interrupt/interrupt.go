// Package interrupt makes Ctrl-C and SIGTERM safe: whatever a command holds
// at that moment — a lock, a temporary file — is given back before the
// process exits, and a step that must not be cut in half (the rename that
// puts a new file in place) finishes first.
package interrupt

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
)

var (
	mu       sync.Mutex // held by Critical sections and by the handler
	next     int
	cleanups = map[int]func(){}
	started  bool
	// What an interrupt says and exits with while a command has said
	// otherwise (Outcome); "" and 0: "interrupted", 128 + the signal.
	outcomeMsg  string
	outcomeCode int
)

// Outcome makes an interrupt, until restore is called, end the process
// with code after printing msg (after the clean-ups): a command that is
// asking questions and has written nothing says so, with the exit code
// of an aborted edit.
func Outcome(msg string, code int) (restore func()) {
	mu.Lock()
	outcomeMsg, outcomeCode = msg, code
	mu.Unlock()
	return func() {
		mu.Lock()
		outcomeMsg, outcomeCode = "", 0
		mu.Unlock()
	}
}

// Register adds a clean-up to run if the process is interrupted; the
// returned function removes it again (call it once the thing is released
// the normal way).
func Register(f func()) (unregister func()) {
	mu.Lock()
	id := next
	next++
	cleanups[id] = f
	mu.Unlock()
	return func() {
		mu.Lock()
		delete(cleanups, id)
		mu.Unlock()
	}
}

var ignoring atomic.Bool

// IgnoreInterrupts makes Ctrl-C (SIGINT) do nothing until restore is
// called, as git does while an editor runs in the foreground: the editor
// gets the key (vim leaves insert mode on it), and mentor, which would
// otherwise end under it, waits for the editor to exit. SIGTERM still ends
// mentor, with its clean-ups.
func IgnoreInterrupts() (restore func()) {
	ignoring.Store(true)
	return func() { ignoring.Store(false) }
}

// Critical runs f so that an interrupt waits for it: the file system is
// never left between two steps f makes together.
func Critical(f func() error) error {
	mu.Lock()
	defer mu.Unlock()
	return f()
}

// Start installs the handler: on SIGINT, SIGTERM or SIGHUP it runs every registered
// clean-up, says so on w, and exits with 128 + the signal's number, as a
// shell reports a process a signal ended. Only the real process calls it;
// tests drive commands in-process without it.
func Start(w io.Writer) {
	mu.Lock()
	defer mu.Unlock()
	if started {
		return
	}
	started = true
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		sig := <-ch
		for sig == os.Interrupt && ignoring.Load() {
			sig = <-ch // an editor in the foreground has Ctrl-C to itself
		}
		mu.Lock() // waits for a Critical section to end; never released
		held := len(cleanups)
		for _, f := range cleanups {
			f()
		}
		code := 130
		switch sig {
		case syscall.SIGTERM:
			code = 143
		case syscall.SIGHUP: // the terminal went away
			code = 129
		}
		if outcomeMsg != "" {
			fmt.Fprintf(w, "\n%s\n", outcomeMsg)
			os.Exit(outcomeCode)
		}
		if held > 0 {
			fmt.Fprintf(w, "\nmentor: interrupted; its lock and temporary files were removed\n")
		} else {
			fmt.Fprintf(w, "\nmentor: interrupted\n")
		}
		os.Exit(code)
	}()
}
