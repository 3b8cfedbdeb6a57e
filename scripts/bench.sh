#!/usr/bin/env bash
# bench.sh [N] — how mentor's reading commands compare with reading the files.
#
# Builds mentor, generates a synthetic programme of N pairs (default 10000)
# into a temporary folder, warms the page cache, then prints side by side the
# median wall time of RUNS runs (default 5) of:
#   cat      every plan.md, closure.md and note (find … | xargs cat)
#   check    mentor close check --format json
#   verify   mentor close verify --format json   (when the build has verify)
# with each one's ratio against cat and its peak memory, and the time of
# `mentor --version`.
#
# MENTOR=/path/to/mentor uses that binary instead of building one (to
# compare two builds on the same programme); TAGS=nofastbody
# builds it with those build tags (each turns a fast path off);
# SEED=S changes the programme.
#
# Peak memory comes from GNU time (/usr/bin/time -v; apt-get install time),
# else from python3's getrusage (whose figure cannot go below python's own
# size, about 13 MiB, as the child is forked from it), else it is n/a.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-10000}
RUNS=${RUNS:-5}
TODAY=2026-11-21

work=$(mktemp -d "${TMPDIR:-/tmp}/mentor-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

if [ -n "${MENTOR:-}" ]; then
  mentor=$(cd "$(dirname "$MENTOR")" && pwd)/$(basename "$MENTOR")
else
  go build -tags "${TAGS:-}" -o "$work/mentor" ./cmd/mentor
  mentor="$work/mentor"
fi
go build -o "$work/gen" ./internal/bench/gen
"$work/gen" -n "$N" -seed "${SEED:-1}" -out "$work/programme" >"$work/gen.txt"
repo="$work/programme"

# now_ns prints a monotonic-enough clock in nanoseconds.
now_ns() { date +%s%N; }

# median of the numbers on stdin.
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }

# time_ms CMD… runs CMD RUNS times (stdout to /dev/null) and prints the
# median wall time in milliseconds, with three decimals.
time_ms() {
  local i t0 t1
  for ((i = 0; i < RUNS; i++)); do
    t0=$(now_ns)
    "$@" >/dev/null 2>&1 || true
    t1=$(now_ns)
    echo $((t1 - t0))
  done | median | awk '{printf "%.3f", $1/1e6}'
}

# peak_kib CMD… prints the peak resident memory of one run of CMD in KiB.
peak_kib() {
  if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}'
  elif command -v python3 >/dev/null; then
    python3 -c '
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@"
  else
    echo n/a
  fi
}

cat_cmd=(bash -c 'find "$1/pairs" -type f -print0 | xargs -0 cat' - "$repo")
check_cmd=("$mentor" close check --repo "$repo" --today "$TODAY" --format json)
verify_cmd=("$mentor" close verify --repo "$repo" --today "$TODAY" --format json)

has_verify=false
if "$mentor" close --help 2>/dev/null | grep -qE '^ +verify( |$)'; then has_verify=true; fi

# Warm the page cache and the binary.
"${cat_cmd[@]}" >/dev/null; "${cat_cmd[@]}" >/dev/null
"${check_cmd[@]}" >/dev/null 2>&1 || true
if $has_verify; then "${verify_cmd[@]}" >/dev/null 2>&1 || true; fi

files=$(find "$repo/pairs" -type f | wc -l)
bytes=$(find "$repo/pairs" -type f -print0 | xargs -0 cat | wc -c)
echo "mentor bench: $N pairs, $files files, $(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1048576}') MiB; $(nproc) cores; median of $RUNS runs"
echo

cat_ms=$(time_ms "${cat_cmd[@]}")
row() { # name ms peak_kib
  local ratio peak
  ratio=$(awk -v a="$2" -v b="$cat_ms" 'BEGIN{printf "%.2fx", a/b}')
  if [ "$3" = n/a ]; then peak=n/a; else peak=$(awk -v k="$3" 'BEGIN{printf "%.1f MiB", k/1024}'); fi
  printf '%-8s %10s ms %8s %12s\n' "$1" "$2" "$ratio" "$peak"
}
printf '%-8s %13s %8s %12s\n' what "wall time" "vs cat" "peak memory"
row cat "$cat_ms" "$(peak_kib "${cat_cmd[@]}")"
row check "$(time_ms "${check_cmd[@]}")" "$(peak_kib "${check_cmd[@]}")"
if $has_verify; then
  row verify "$(time_ms "${verify_cmd[@]}")" "$(peak_kib "${verify_cmd[@]}")"
else
  printf '%-8s %s\n' verify "(not in this build)"
fi
echo
RUNS=$((RUNS * 4))
printf 'mentor --version: %s ms (median of %d runs)\n' "$(time_ms "$mentor" --version)" "$RUNS"
