#!/usr/bin/env bash
# The docs: the command reference is current, the man pages render without a
# warning, every page (the README included) passes markdownlint, every link
# resolves, and the README's walk-through is what a test runs.
set -euo pipefail
. .ci/lib.sh
nm="$CI_TMP/node_modules"
work="$CI_TMP/docs"
mkdir -p "$work"

# must_fail WHAT CMD...: a control input; the check must refuse it.
must_fail() {
  local what=$1
  shift
  if "$@" >"$work/control.log" 2>&1; then
    echo "control: $what passed, but it must fail: the check does not run"
    cat "$work/control.log"
    exit 1
  fi
}

echo "-- the command reference (docs/cli, docs/man) is what the command tree gives"
go generate ./internal/clidocs
if ! git diff --exit-code --stat -- docs/cli docs/man || [ -n "$(git status --porcelain -- docs/cli docs/man)" ]; then
  git status --short -- docs/cli docs/man
  echo "docs/cli or docs/man is out of date: run go generate ./internal/clidocs and commit the pages"
  exit 1
fi

echo "-- every man page renders without a warning"
apt_install groff-base man-db
for page in docs/man/*.1; do
  out=$(groff -k -man -Tutf8 -ww -z "$page" 2>&1)
  if [ -n "$out" ]; then
    echo "$page: $out"
    exit 1
  fi
done
man -l docs/man/mentor-close-check.1 2>/dev/null | col -b >"$work/check.txt"
for section in NAME SYNOPSIS DESCRIPTION OPTIONS EXAMPLE 'SEE ALSO'; do
  grep -q "^$section\$" "$work/check.txt" || { echo "man mentor-close-check.1 has no $section section"; exit 1; }
done
grep -q 'goals-met  *the plan has a goal' "$work/check.txt" || { echo "man mentor-close-check.1 lost the columns of its signal list"; exit 1; }
printf '.TH X 1\n.SH NAME\n.BOGUS\n' >"$work/bad.1"
must_fail "a man page with an unknown request" bash -c 'test -z "$(groff -k -man -Tutf8 -ww -z "$1" 2>&1)"' _ "$work/bad.1"

echo "-- markdownlint on the README and every page of docs/"
"$nm/.bin/markdownlint-cli2" --config .markdownlint-cli2.jsonc "README.md" "docs/**/*.md"
printf '# Bad\n\n| code | meaning |\n|---|---|\n| 0 | done |\n' >"$work/bad.md"
must_fail "a table whose delimiter row is not in the header's style (MD060)" \
  "$nm/.bin/markdownlint-cli2" --config .markdownlint-cli2.jsonc "$work/bad.md"

echo "-- links and anchors of the README and docs/, the walk-through, the generated tables, help that ends with its page"
go test -count=1 -run 'TestDocsLinks|TestSlug|TestReferenceIsCurrent|TestPagesAreDeterministic' ./internal/clidocs
go test -count=1 -run 'TestWalkthroughIsTheReadmes|TestReferenceTables|TestEveryHelpEndsWithItsDocsPage|TestErrorsPointToTheFormatPage|TestCISnippets|TestCIFormatTables' ./internal/cli
