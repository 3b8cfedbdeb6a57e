// Command gen writes a synthetic mentoring programme for benchmarks:
//
//	go run ./internal/bench/gen -n 10000 -out /tmp/programme
//
// The same -seed always writes the same files. Judge it as of 2026-11-21.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/mentor-cli/mentor/internal/bench"
)

func main() {
	n := flag.Int("n", 10000, "number of pairs")
	out := flag.String("out", "", "folder to write the programme into (required)")
	seed := flag.Uint64("seed", bench.DefaultSeed, "random seed")
	flag.Parse()
	if *out == "" || *n < 0 {
		fmt.Fprintln(os.Stderr, "usage: gen -n N -out DIR [-seed S]")
		os.Exit(2)
	}
	st, err := bench.Generate(*out, *n, *seed)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Printf("%d pairs, %d files, %.1f MB in %s\n", st.Pairs, st.Files, float64(st.Bytes)/1e6, *out)
}
