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
# The benchmarks run the collector between reads, not during them (see
# BenchmarkPathological). BENCHTIME (default 20x) and COUNT (default 5) trade
# time for steadiness: each round measures x1 and then x10 of a shape, the
# ratio is taken per round, and the median round is shown, so that a load
# that comes and goes on a shared machine falls on both sizes alike.
set -euo pipefail
cd "$(dirname "$0")/.."

LIMIT=${LIMIT:-12}
out=$(go test -run '^$' -bench '^BenchmarkPathological$' -benchtime "${BENCHTIME:-20x}" \
  -count "${COUNT:-5}" ./internal/plan ./internal/closure)

echo "$out" | awk -v limit="$LIMIT" '
  /^pkg: / { pkg = $2; sub(".*/internal/", "", pkg) }
  /^BenchmarkPathological\// {
    name = $1; sub("^BenchmarkPathological/", "", name); sub("-[0-9]+$", "", name)
    split(name, part, "/"); shape = part[1]; size = part[2]
    key = pkg " " shape
    if (!(key in seen)) { seen[key] = 1; order[++count] = key }
    n = ++runs[key, size]
    ns[key, size, n] = $3 + 0
  }
  # median of the values v[1..n]
  function median(v, n,    i, j, t) {
    for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
    return (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  END {
    printf "%-9s %-26s %12s %12s %7s\n", "reader", "shape", "x1", "x10", "x10/x1"
    bad = 0
    for (i = 1; i <= count; i++) {
      key = order[i]; split(key, k, " ")
      n = runs[key, "x1"]
      delete r; delete a; delete b
      for (j = 1; j <= n; j++) { a[j] = ns[key, "x1", j]; b[j] = ns[key, "x10", j]; r[j] = b[j] / a[j] }
      ratio = median(r, n); ta = median(a, n); tb = median(b, n)
      mark = ""
      if (ratio > limit) { mark = "  over " limit; bad = 1 }
      printf "%-9s %-26s %9.3f ms %9.3f ms %7.1f%s\n", k[1], k[2], ta / 1e6, tb / 1e6, ratio, mark
    }
    exit bad
  }'
