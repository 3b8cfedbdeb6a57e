package output

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/mentor-cli/mentor/internal/diag"
	"github.com/mentor-cli/mentor/internal/verify"
)

func randomFindings(rng *rand.Rand, n int) []verify.Finding {
	files := []string{"pairs/a-b/plan.md", "pairs/a-b-c/plan.md", "pairs/a-b", "pairs/a-b/closure.md", ".mentor.yaml", "pairs/z\n/x.md"}
	out := make([]verify.Finding, n)
	for i := range out {
		sev := diag.Error
		if rng.IntN(3) == 0 {
			sev = diag.Warning
		}
		out[i] = verify.Finding{File: files[rng.IntN(len(files))], Line: 1 + rng.IntN(4), Rule: "closure-missing",
			Severity: sev, Message: fmt.Sprintf("message %d, with | and \x00 in it", rng.IntN(3))}
	}
	return out
}

func collected(t *testing.T, fs *Findings) []verify.Finding {
	t.Helper()
	var got []verify.Finding
	if err := fs.Each(func(f verify.Finding) error { got = append(got, f); return nil }); err != nil {
		t.Fatal(err)
	}
	return got
}

// Findings handed in out of order come back in verify.Sort's order, with
// the fingerprints the whole sorted list gives; findings held for a format
// as given come back as given.
func TestFindingsOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 200; i++ {
		in := randomFindings(rng, rng.IntN(30))
		var fs Findings
		for _, f := range in {
			if err := fs.Add(f); err != nil {
				t.Fatal(err)
			}
		}
		want := append([]verify.Finding(nil), in...)
		verify.Sort(want)
		got := collected(t, &fs)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("got %v\nwant %v", got, want)
		}
		if e, w := fs.Count(); e+w != len(in) {
			t.Fatalf("count %d+%d of %d", e, w, len(in))
		}
		p := newFingerprinter(fs.grouped())
		for j, fp := range Fingerprints(want) {
			if g := p.next(got[j]); g != fp {
				t.Fatalf("finding %d: fingerprint %s, want %s", j, g, fp)
			}
		}
		if kept := collected(t, NewFindings(in)); fmt.Sprint(kept) != fmt.Sprint(in) {
			t.Fatalf("kept %v\nwant %v", kept, in)
		}
		fs.Close()
	}
}

// A Spool past its memory compresses what it holds, writes no file (not
// even in TMPDIR), and gives back every byte, as often as it is read.
func TestSpoolSpills(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	var s Spool
	var want bytes.Buffer
	for i := 0; want.Len() < 3*spoolMemory; i++ {
		line := strings.Repeat(fmt.Sprint(i), 1+i%700) + "\n"
		want.WriteString(line)
		if _, err := s.WriteString(line); err != nil {
			t.Fatal(err)
		}
	}
	if s.comp == nil || s.comp.held() >= want.Len()/2 {
		t.Fatalf("the spool holds %d bytes for %d written: it did not compress", s.Len(), want.Len())
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Fatalf("the spool wrote %s in TMPDIR", left[0].Name())
	}
	for range 2 {
		r, err := s.Reader()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("read back %d bytes, want %d", len(got), want.Len())
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// What a Spool holds compressed is told to Held as it grows, and given
// back when it is closed: the memory limit counts it.
func TestSpoolTellsWhatItHolds(t *testing.T) {
	total := 0
	Held = func(d int) { total += d }
	defer func() { Held = nil }()
	var s Spool
	for i := 0; s.Size() < 4*spoolMemory; i++ {
		if _, err := fmt.Fprintf(&s, "%d %x\n", i, i*7919); err != nil {
			t.Fatal(err)
		}
	}
	if total == 0 || total != s.Len() {
		t.Fatalf("Held was told %d bytes, the spool holds %d", total, s.Len())
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if total != 0 {
		t.Fatalf("after Close, Held was left with %d bytes", total)
	}
}
