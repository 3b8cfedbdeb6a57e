#!/usr/bin/env bash
# bench-markdown.sh — how reading a pathological plan or closure record grows
# with its size.
#
# Runs BenchmarkPathological in internal/plan and internal/closure: each
# shape of valid-but-unusual or too-deeply-nested Markdown (internal/bench's
# Shapes) is read at a size n (x1) and at ten times that (x10). It prints,
# per shape, the time of each and the ratio x10/x1, which must be about 10
# for a reader whose time is linear in the input, and near 100 for one whose
# time grows as the square. Shapes whose ratio is over LIMIT (default 12)
# are marked; the exit status is 1 when there is one.
#
# BENCHTIME (default 200ms) and COUNT (default 3; the fastest run of each is
# kept) trade time for steadiness; a loaded machine moves the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."

LIMIT=${LIMIT:-12}
out=$(go test -run '^$' -bench '^BenchmarkPathological$' -benchtime "${BENCHTIME:-200ms}" \
  -count "${COUNT:-3}" ./internal/plan ./internal/closure)

echo "$out" | awk -v limit="$LIMIT" '
  /^pkg: / { pkg = $2; sub(".*/internal/", "", pkg) }
  /^BenchmarkPathological\// {
    name = $1; sub("^BenchmarkPathological/", "", name); sub("-[0-9]+$", "", name)
    n = split(name, part, "/"); shape = part[1]; size = part[2]
    key = pkg " " shape
    if (!(key in seen)) { seen[key] = 1; order[++count] = key }
    ns = $3 + 0
    if (!((key, size) in best) || ns < best[key, size]) best[key, size] = ns
  }
  END {
    printf "%-9s %-24s %12s %12s %7s\n", "reader", "shape", "x1", "x10", "x10/x1"
    bad = 0
    for (i = 1; i <= count; i++) {
      key = order[i]; split(key, k, " ")
      a = best[key, "x1"]; b = best[key, "x10"]
      ratio = b / a
      mark = ""
      if (ratio > limit) { mark = "  over " limit; bad = 1 }
      printf "%-9s %-24s %9.3f ms %9.3f ms %7.1f%s\n", k[1], k[2], a / 1e6, b / 1e6, ratio, mark
    }
    exit bad
  }'
