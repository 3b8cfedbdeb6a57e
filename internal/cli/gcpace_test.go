package cli

import (
	"runtime/debug"
	"testing"

	"github.com/mentor-cli/mentor/internal/output"
)

// The soft limit of a programme-wide command: headroom plus the ids' room,
// what the output holds aside added to it, the ids' room given back by
// idsDone, and the limit and pace from before put back by restore. GOGC
// or GOMEMLIMIT leave everything as it was.
func TestProgrammeMemory(t *testing.T) {
	limit := func() int64 { return debug.SetMemoryLimit(-1) }
	before, pace := limit(), debug.SetGCPercent(100)
	debug.SetGCPercent(pace)
	f, _, _, _ := testFactory()

	g := programmeMemory(f, 1000)
	want := int64(gcHeadroom + gcPerPair*1000)
	if got := limit(); got != want {
		t.Fatalf("limit for 1000 pairs: %d, want %d", got, want)
	}
	output.Held(3 << 20)
	if got := limit(); got != want+3<<20 {
		t.Fatalf("limit with 3 MiB held: %d, want %d", got, want+3<<20)
	}
	g.idsDone()
	g.idsDone() // once only
	if got := limit(); got != gcHeadroom+3<<20 {
		t.Fatalf("limit once the ids are done: %d, want %d", got, gcHeadroom+3<<20)
	}
	g.restore()
	if got := limit(); got != before {
		t.Fatalf("limit after restore: %d, want %d", got, before)
	}
	if got := debug.SetGCPercent(pace); got != pace {
		t.Fatalf("GOGC after restore: %d, want %d", got, pace)
	}
	if output.Held != nil {
		t.Fatal("output.Held is still set after restore")
	}

	f.Getenv = func(k string) string {
		if k == "GOMEMLIMIT" {
			return "100MiB"
		}
		return ""
	}
	g = programmeMemory(f, 1000)
	g.idsDone()
	if got := limit(); got != before {
		t.Fatalf("limit with GOMEMLIMIT set: %d, want it left at %d", got, before)
	}
	g.restore()
}
