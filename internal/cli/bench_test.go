package cli

import (
	"io"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/mentor-cli/mentor/internal/bench"
	"github.com/mentor-cli/mentor/internal/iostreams"
)

// benchPairs is how many pairs the benchmarks' programme has: 2,000, or
// MENTOR_BENCH_PAIRS (the measurements of the fast paths use 10,000).
func benchPairs(tb testing.TB) int {
	if s := os.Getenv("MENTOR_BENCH_PAIRS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			tb.Fatalf("MENTOR_BENCH_PAIRS=%q is not a number of pairs: give a count such as 10000", s)
		}
		return n
	}
	return 2000
}

// benchProgramme generates the benchmarks' programme, once per process.
func benchProgramme(tb testing.TB) string {
	n := benchPairs(tb)
	progMu.Lock()
	defer progMu.Unlock()
	if dir, ok := progDirs[n]; ok {
		return dir
	}
	dir, err := os.MkdirTemp("", "mentor-bench-")
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := bench.Generate(dir, n, bench.DefaultSeed); err != nil {
		tb.Fatal(err)
	}
	progDirs[n] = dir
	return dir
}

var (
	progMu   sync.Mutex
	progDirs = map[int]string{}
)

func removeBenchProgrammes() {
	progMu.Lock()
	defer progMu.Unlock()
	for n, dir := range progDirs {
		os.RemoveAll(dir)
		delete(progDirs, n)
	}
}

func benchRun(b *testing.B, args ...string) { benchRunCode(b, 0, args...) }

// benchRunCode runs mentor with args b.N times; each run must exit with code.
func benchRunCode(b *testing.B, code int, args ...string) {
	dir := benchProgramme(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	defer func() {
		// CPU time, all goroutines: on a shared machine it moves less
		// with the load than the wall time does.
		b.ReportMetric(float64(cpuTime()-cpu0)/1e6/float64(b.N), "cpu-ms/op")
	}()
	for i := 0; i < b.N; i++ {
		if got := benchOnce(dir, discard{}, args...); got != code {
			b.Fatalf("exit %d, want %d", got, code)
		}
	}
}

// benchOnce runs mentor with args on the programme in dir, as of
// bench.Today, its output to out, and returns its exit code.
func benchOnce(dir string, out io.Writer, args ...string) int {
	ios, _, _, _ := iostreams.Test()
	ios.Out, ios.ErrOut = out, discard{}
	f := &Factory{IO: ios, Getenv: func(string) string { return "" },
		Getwd: func() (string, error) { return dir, nil }, Now: time.Now}
	return Run(f, append([]string{"--repo", dir, "--today", bench.Today.String()}, args...))
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

var _ io.Writer = discard{}

// BenchmarkCheck runs `mentor close check --format json` over the
// programme (2,000 pairs, or MENTOR_BENCH_PAIRS).
func BenchmarkCheck(b *testing.B) { benchRun(b, "close", "check", "--format", "json") }

// BenchmarkCheckTable runs `mentor close check` (the table) over the programme.
func BenchmarkCheckTable(b *testing.B) { benchRun(b, "close", "check") }

// BenchmarkVerify runs `mentor close verify --format json` over the programme.
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
