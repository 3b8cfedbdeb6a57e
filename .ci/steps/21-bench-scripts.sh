#!/usr/bin/env bash
# The measuring scripts still work (tiny sizes; no figure is checked here:
# timings on a shared CI machine are not a test). scripts/bench.sh itself
# runs in .ci/run, on 300 pairs.
set -euo pipefail
echo "scripts/bench-markdown.sh, one run of each size"
LIMIT=1000000 BENCHTIME=1x COUNT=1 scripts/bench-markdown.sh
echo "scripts/bench-fastpaths.sh on 200 pairs, one round"
ROUNDS=1 BENCHTIME=1x scripts/bench-fastpaths.sh 200
