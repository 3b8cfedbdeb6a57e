//go:build !nofastyaml

package frontmatter

// fastOn says whether front matter tries the line reader before yaml.v3.
// Build with -tags nofastyaml to measure what it buys (scripts/bench.sh,
// the benchmarks in internal/cli).
const fastOn = true
