//go:build !nofastbody

package plan

// fastBodyOn says whether plans try the line reader before goldmark. Build
// with -tags nofastbody to measure what it buys (scripts/bench.sh, the
// benchmarks in internal/cli).
const fastBodyOn = true
