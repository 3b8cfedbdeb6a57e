//go:build !nofastbody && !noclosurefast

package closure

// fastBodyOn says whether records try the line reader before goldmark.
// Build with -tags nofastbody (every line reader off) or noclosurefast
// (this one alone) to measure what it buys (scripts/bench-fastpaths.sh).
const fastBodyOn = true
