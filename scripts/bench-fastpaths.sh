#!/usr/bin/env bash
# bench-fastpaths.sh [N] — what each fast path buys check and verify.
#
# Builds the benchmarks of internal/cli once per set of build tags — none
# (the fast paths on), nofastyaml (front matter through yaml.v3 alone),
# nofastbody (plan and closure record bodies through
# goldmark) and noclosurefast (closure record bodies alone) — then runs
# BenchmarkCheck and BenchmarkVerify on a programme of N pairs (default
# 10000, made by internal/bench) ROUNDS times (default 5), taking turns
# between the builds so that the machine's load falls on all of them alike.
# It prints the fastest run of each (wall time, and the CPU time the
# benchmark reports as cpu-ms/op, which a shared machine's load moves less),
# its allocations, and what turning the fast path off costs:
# (off - on) / off, the share of the command's time the fast path buys.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-10000}
ROUNDS=${ROUNDS:-5}
BENCHTIME=${BENCHTIME:-3x}
builds=(none nofastyaml nofastbody noclosurefast)

work=$(mktemp -d "${TMPDIR:-/tmp}/mentor-fastpaths.XXXXXX")
trap 'rm -rf "$work"' EXIT
for tags in "${builds[@]}"; do
  go test -c -tags "$tags" -o "$work/cli-$tags.test" ./internal/cli
done

for ((round = 1; round <= ROUNDS; round++)); do
  for tags in "${builds[@]}"; do
    (cd internal/cli && MENTOR_BENCH_PAIRS=$N "$work/cli-$tags.test" -test.run '^$' \
      -test.bench '^Benchmark(Check|Verify)$' -test.benchtime "$BENCHTIME" -test.benchmem) |
      awk -v tags="$tags" '/^Benchmark/ {
        name = $1; sub("-[0-9]+$", "", name)
        for (i = 3; i < NF; i += 2) v[$(i + 1)] = $i
        print tags, name, v["ns/op"], v["cpu-ms/op"], v["B/op"], v["allocs/op"]
      }'
  done
done >"$work/runs.txt"

echo "fast paths: $N pairs, $(nproc) cores, fastest of $ROUNDS rounds of -benchtime $BENCHTIME"
echo "(wall: ns/op; cpu: the process's user+system time per op; buys: (off - on) / off)"
echo
awk '
  {
    key = $1 " " $2
    if (!(key in wall) || $3 < wall[key]) wall[key] = $3
    if (!(key in cpu) || $4 < cpu[key]) cpu[key] = $4
    bytes[key] = $5; allocs[key] = $6
  }
  END {
    n = split(builds, b, " ")
    printf "%-22s %-16s %9s %9s %8s %11s %10s %10s\n", "build", "benchmark", "wall ms", "cpu ms", "MB/op", "allocs/op", "buys wall", "buys cpu"
    for (i = 1; i <= n; i++) {
      for (j = 1; j <= 2; j++) {
        bench = (j == 1) ? "BenchmarkCheck" : "BenchmarkVerify"
        key = b[i] " " bench; on = "none " bench
        bw = bc = ""
        if (b[i] != "none") {
          bw = sprintf("%.0f%%", 100 * (wall[key] - wall[on]) / wall[key])
          bc = sprintf("%.0f%%", 100 * (cpu[key] - cpu[on]) / cpu[key])
        }
        printf "%-22s %-16s %9.1f %9.0f %8.1f %11d %10s %10s\n", b[i], bench, wall[key] / 1e6, cpu[key], bytes[key] / 1e6, allocs[key], bw, bc
      }
    }
  }' builds="${builds[*]}" "$work/runs.txt"
