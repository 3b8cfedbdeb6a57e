#!/usr/bin/env bash
# bench.sh [N]... — how close mentor's programme-wide commands come to the
# I/O floor: the cheapest reading of the same files.
#
# Builds mentor and the floor reader (internal/bench/floor: lists pairs/ and
# reads every .md in it with GOMAXPROCS workers, parsing nothing), and for
# each N (default: 10000 and 100000) generates a synthetic programme of N
# pairs (internal/bench/gen) in a temporary folder. For each command it warms
# the page cache (every file read once) and the binary (one untimed run),
# then takes RUNS rounds (default 5) of the floor followed by the command,
# so that a load that comes and goes on a shared machine falls on both. It
# prints, per command:
#   median        the command's median wall time
#   floor         the floor's median wall time over the same rounds
#   vs floor      the median of the rounds' ratios of wall time, command / floor
#   CPU vs floor  the same for the CPU time (user + system), which a loaded
#                 machine moves less than the wall time
#   peak RSS      the command's peak resident memory
# for
#   floor     the floor itself, over all the rounds
#   cat       find … | xargs cat of the same files, for comparison
#   check     mentor close check --format json
#   verify    mentor close verify --format json
#   report    mentor close report --format md, and --format json
#   list      mentor close list --format json
# and the median time of `mentor --version`; then the same figures as one
# Markdown table for docs/performance.md, with the load average
# (/proc/loadavg) at the start and at the end.
#
# MENTOR=/path/to/mentor measures that binary instead of building one (to
# compare two builds on the same programmes); TAGS=nofastbody builds with
# those build tags (each turns a fast path off); SEED=S changes the
# programme; RUNS=R the number of rounds. A command the binary lacks is
# left out; one that fails (exit 2 or more) is marked.
#
# Each run is timed by internal/bench/rusage (the kernel's rusage of that
# one child: wall and CPU time, peak memory). Peak memory comes from one
# more run under GNU time (/usr/bin/time -v; apt-get install time) when it
# is installed, else from the largest of the timed runs' rusage.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then sizes=(10000 100000); fi
for n in "${sizes[@]}"; do
  case $n in '' | *[!0-9]*) echo "bench.sh: $n is not a number of pairs: give counts such as 10000 100000" >&2; exit 2 ;; esac
done
RUNS=${RUNS:-5}
case $RUNS in '' | *[!0-9]* | 0) echo "bench.sh: RUNS=$RUNS is not a number of rounds: give one such as 5" >&2; exit 2 ;; esac
TODAY=2026-11-21

work=$(mktemp -d "${TMPDIR:-/tmp}/mentor-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

if [ -n "${MENTOR:-}" ]; then
  mentor=$(cd "$(dirname "$MENTOR")" && pwd)/$(basename "$MENTOR")
  build="$mentor"
else
  go build -tags "${TAGS:-}" -o "$work/mentor" ./cmd/mentor
  mentor="$work/mentor"
  build="this tree"
  if rev=$(git rev-parse --short HEAD 2>/dev/null); then
    git diff --quiet HEAD 2>/dev/null || rev="$rev+changes"
    build="commit $rev"
  fi
  if [ -n "${TAGS:-}" ]; then build="$build, -tags $TAGS"; fi
fi
go build -o "$work/gen" ./internal/bench/gen
go build -o "$work/floor" ./internal/bench/floor
go build -o "$work/rusage" ./internal/bench/rusage

if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then
  rss_by="GNU time"
  # peak_kib CMD… prints the peak resident memory of one more run, in KiB.
  peak_kib() { { /usr/bin/time -v "$@" 2>&1 >/dev/null || true; } | awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}'; }
else
  rss_by="rusage (apt-get install time for GNU time)"
  peak_kib() { :; } # the timed runs' figure is used
fi

loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime | sed 's/.*load averages*: //'; }

# usage CMD… runs CMD once and prints "WALL_US CPU_US MAXRSS_KIB".
usage() { "$work/rusage" "$@"; }

# median_ms prints the median of the microsecond counts on stdin, in ms.
median_ms() { sort -n | awk '{a[NR] = $1} END {printf "%.1f", ((NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) / 1000}'; }

# mib KIB prints KiB as MiB, or n/a.
mib() { awk -v k="$1" 'BEGIN {if (k ~ /^[0-9]+$/) printf "%.0f MiB", k / 1024; else print "n/a"}'; }

# has COMMAND: the binary has `mentor close COMMAND`. The help is read whole
# first: with grep -q in a pipe, mentor could be stopped by SIGPIPE once
# grep has its match, and pipefail would then skip a command it has.
has() { local help; help=$("$mentor" close --help 2>/dev/null) || true; grep -qE "^ +$1( |\$)" <<<"$help"; }

# warm reads every file of the programme, so that the timed runs find them
# in the page cache (reclaimed after about a minute idle).
warm() { find "$repo/pairs" -type f -print0 | xargs -0 cat >/dev/null; }

# measure NAME CMD… prints one row, tab-separated: RUNS rounds of the floor
# then CMD.
measure() {
  local name=$1 i code peak
  shift
  warm
  code=0
  "$@" >/dev/null 2>&1 || code=$?
  for ((i = 0; i < RUNS; i++)); do
    echo "$(usage "${floor_cmd[@]}") $(usage "$@")"
  done >"$work/rounds"
  cut -d' ' -f1-3 "$work/rounds" >>"$work/floors"
  peak=$(peak_kib "$@")
  if [ -z "$peak" ]; then peak=$(cut -d' ' -f6 "$work/rounds" | sort -n | tail -1); fi
  awk -v name="$name" -v peak="$(mib "$peak")" -v code="$code" -v n="$N" '
    function median(v, k,    i, j, t) {
      for (i = 2; i <= k; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
      return (k % 2) ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
    }
    function div(a, b) { return a / (b > 0 ? b : 1) }
    { k++; f[k] = $1; c[k] = $4; r[k] = div($4, $1); rc[k] = div($5, $2) }
    END {
      note = (code >= 2) ? sprintf(" (exit %d)", code) : ""
      printf "%s\t%s%s\t%.1f\t%.1f\t%.2f×\t%.2f×\t%s\n", n, name, note, median(c, k) / 1000, median(f, k) / 1000, median(r, k), median(rc, k), peak
    }' "$work/rounds"
}

echo "mentor bench: $build; $(nproc) cores; median of $RUNS rounds; peak memory by $rss_by"
load_start=$(loadavg)
echo "load average at the start: $load_start"
: >"$work/table"
for N in "${sizes[@]}"; do
  repo="$work/programme-$N"
  "$work/gen" -n "$N" -seed "${SEED:-1}" -out "$repo" >/dev/null
  floor_cmd=("$work/floor" "$repo")
  : >"$work/floors"
  warm
  read -r files bytes < <("${floor_cmd[@]}")
  echo
  echo "$N pairs: $files files, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1048576}') MiB (load $(loadavg))"
  {
    # shellcheck disable=SC2016 # $1 is bash -c's own argument
    measure "\`cat\` of every file" bash -c 'find "$1/pairs" -type f -print0 | xargs -0 cat' - "$repo"
    for cmd in "check --format json" "verify --format json" "report --format md" "report --format json" "list --format json"; do
      read -r sub _ <<<"$cmd"
      has "$sub" || continue
      # shellcheck disable=SC2086 # the command's words
      measure "\`$cmd\`" "$mentor" close $cmd --repo "$repo" --today "$TODAY"
    done
  } >"$work/rows"
  {
    peak=$(peak_kib "${floor_cmd[@]}")
    if [ -z "$peak" ]; then peak=$(cut -d' ' -f3 "$work/floors" | sort -n | tail -1); fi
    floor_ms=$(cut -d' ' -f1 "$work/floors" | median_ms)
    printf '%s\tfloor (internal/bench/floor)\t%s\t%s\t1.00×\t1.00×\t%s\n' "$N" "$floor_ms" "$floor_ms" "$(mib "$peak")"
    cat "$work/rows"
  } | tee -a "$work/table" | awk -F'\t' '
    BEGIN { printf "  %-28s %11s %11s %9s %13s %10s\n", "command", "median ms", "floor ms", "vs floor", "CPU vs floor", "peak RSS" }
    { printf "  %-28s %11s %11s %9s %13s %10s\n", $2, $3, $4, $5, $6, $7 }'
  rm -rf "$repo"
done

for ((i = 0; i < RUNS * 4; i++)); do usage "$mentor" --version; done | cut -d' ' -f1 >"$work/version"
version_ms=$(median_ms <"$work/version")
echo
echo "mentor --version: $version_ms ms (median of $((RUNS * 4)) runs)"
load_end=$(loadavg)
echo "load average at the end: $load_end"

echo
echo "Markdown ($build; load average $load_start at the start, $load_end at the end):"
echo
echo "| pairs | command | median | floor | vs floor | CPU vs floor | peak RSS |"
echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"
awk -F'\t' '
  function commas(s) { while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s); return s }
  { printf "| %s | %s | %s ms | %s ms | %s | %s | %s |\n", commas($1), $2, $3, $4, $5, $6, $7 }' "$work/table"
echo "| | \`mentor --version\` | $version_ms ms | | | | |"
