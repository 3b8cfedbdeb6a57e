#!/usr/bin/env bash
# What the built-in templates write, for every shape of ending: Mermaid's own
# parser accepts every agenda's timeline, and markdownlint passes on the
# agendas and records of the example programme (planned, unplanned, one side
# unreachable), on the golden files, on a pair whose names and titles are
# full of Markdown, and on the example programme's own agenda.
set -euo pipefail
out="$CI_TMP/templates"
mkdir -p "$out"

gen() { # FILE REPO TODAY ARGS...
  local file="$1" repo="$2" today="$3"
  shift 3
  "$MENTOR_BIN" "$@" --repo "$repo" --today "$today" --stdout >"$out/$file.md"
}

for dir in examples/programme/pairs/*/; do
  pair=$(basename "$dir")
  gen "$pair-agenda" examples/programme 2026-11-21 close agenda "$pair"
  gen "$pair-agenda-unplanned" examples/programme 2026-11-21 close agenda "$pair" --unplanned
  gen "$pair-agenda-no-mentee" examples/programme 2026-11-21 close agenda "$pair" --unreachable mentee
  gen "$pair-agenda-no-mentor" examples/programme 2026-11-21 close agenda "$pair" --unreachable mentor
  gen "$pair-closure-no-mentee" examples/programme 2026-11-21 close record "$pair" --unreachable mentee
  gen "$pair-closure-no-mentor" examples/programme 2026-11-21 close record "$pair" --unreachable mentor --transition rematch
done
for side in "" mentor mentee; do
  flag=()
  [ -n "$side" ] && flag=(--unreachable "$side")
  gen "escaping-agenda-$side" internal/cli/testdata/escaping 2026-06-01 close agenda ada--grace "${flag[@]}"
  gen "escaping-closure-$side" internal/cli/testdata/escaping 2026-06-01 close record ada--grace "${flag[@]}"
done
for golden in internal/cli/testdata/*.golden; do
  cp "$golden" "$out/golden-$(basename "$golden" .golden).md"
done

echo "== Mermaid parses every agenda's timeline"
node "$CI_TMP/mermaid-check.mjs" "$out"/*agenda*.md examples/programme/pairs/*/agenda.md >"$out/mermaid.log" || {
  cat "$out/mermaid.log"; exit 1
}
echo "$(grep -c ' timeline ok$' "$out/mermaid.log") timelines parse"

echo "== markdownlint: every agenda and record"
"$CI_TMP/node_modules/.bin/markdownlint-cli2" --config .markdownlint-cli2.jsonc "$out/*.md"
