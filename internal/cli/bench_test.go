package cli

import (
	"io"
	"testing"
	"time"

	"github.com/mentor-cli/mentor/internal/bench"
	"github.com/mentor-cli/mentor/internal/iostreams"
)

// benchProgramme generates a programme of 2,000 pairs.
func benchProgramme(b *testing.B) string {
	dir := b.TempDir()
	if _, err := bench.Generate(dir, 2000, bench.DefaultSeed); err != nil {
		b.Fatal(err)
	}
	return dir
}

func benchRun(b *testing.B, args ...string) { benchRunCode(b, 0, args...) }

// benchRunCode runs mentor with args b.N times; each run must exit with code.
func benchRunCode(b *testing.B, code int, args ...string) {
	dir := benchProgramme(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		io, _, _, _ := iostreams.Test()
		io.Out, io.ErrOut = discard{}, discard{}
		f := &Factory{IO: io, Getenv: func(string) string { return "" },
			Getwd: func() (string, error) { return dir, nil }, Now: time.Now}
		if got := Run(f, append([]string{"--repo", dir, "--today", bench.Today.String()}, args...)); got != code {
			b.Fatalf("exit %d, want %d", got, code)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

var _ io.Writer = discard{}

// BenchmarkCheck runs `mentor close check --format json` over 2,000 pairs.
func BenchmarkCheck(b *testing.B) { benchRun(b, "close", "check", "--format", "json") }

// BenchmarkCheckTable runs `mentor close check` (the table) over 2,000 pairs.
func BenchmarkCheckTable(b *testing.B) { benchRun(b, "close", "check") }

// BenchmarkVerify runs `mentor close verify --format json` over 2,000 pairs.
func BenchmarkVerify(b *testing.B) { benchRunCode(b, 1, "close", "verify", "--format", "json") }

// BenchmarkVersion runs `mentor --version` in process: what the command
// tree costs before any work.
func BenchmarkVersion(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		io, _, _, _ := iostreams.Test()
		f := &Factory{IO: io, Getenv: func(string) string { return "" },
			Getwd: func() (string, error) { return "/", nil }, Now: time.Now}
		if code := Run(f, []string{"--version"}); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}
