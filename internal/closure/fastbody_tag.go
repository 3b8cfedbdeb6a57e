//go:build !nofastbody

package closure

// fastBodyOn says whether records try the line reader before goldmark.
// Build with -tags nofastbody to measure what it buys
// (scripts/bench-fastpaths.sh).
const fastBodyOn = true
