#!/usr/bin/env bash
# The CI gate's outputs, checked with tools nobody here wrote, each pinned
# (.ci/node/package-lock.json; actionlint by version; pre-commit from
# Debian), and each shown to fail on a control input made to fail it:
#
#   - every JSON of check, list, verify and report against schemas/ (ajv);
#   - every SARIF against the SARIF 2.1.0 schema (ajv, with the schema the
#     SARIF Multitool package ships) and GitHub's ingestion rules
#     (sarif-multitool validate --rule-kind "Sarif;Gh", 0 errors);
#   - every GitLab report against a schema written from GitLab's documented
#     Code Quality format, with unique fingerprints;
#   - the github format of verify and check, round-tripped through
#     @actions/core's own escaping;
#   - the job summaries with markdownlint;
#   - every workflow and action.yml with actionlint, the scripts with shellcheck;
#   - the Action's script, run as the runner runs it, against the examples;
#   - the pre-commit hook, with the programme in a subfolder.
#
# The programmes: the examples, a deliberately broken one, the escaping
# corpus (folders and names that look like workflow commands, Markdown,
# HTML, formulas, escape sequences) and an empty one.
set -euo pipefail
. .ci/lib.sh
: "${MENTOR_BIN:?set by .ci/run}" "${CI_TMP:?set by .ci/run}"
node_tools "$CI_TMP"
nm="$CI_TMP/node_modules"
cp .ci/node/gate-*.mjs "$CI_TMP/"
validate() { node "$CI_TMP/gate-validate.mjs" "$@"; }
roundtrip() { node "$CI_TMP/gate-github.mjs" "$@"; }
multitool="$nm/@microsoft/sarif-multitool-linux/Sarif.Multitool"
[ -x "$multitool" ] || chmod u+x "$multitool"
export MENTOR_TODAY=2026-11-21

# must_fail WHAT CMD...: a control input; the validator must refuse it.
must_fail() {
  local what=$1
  shift
  if "$@" >"$work/control.log" 2>&1; then
    echo "control: $what passed, but it must fail: the validator does not run"
    cat "$work/control.log"
    exit 1
  fi
  echo "control: $what fails, as it must"
}

work="$CI_TMP/gate"
rm -rf "$work" && mkdir -p "$work/out"
out="$work/out"

echo "-- the programmes"
cp -r examples/programme "$work/examples"
# broken: a TODO left in a finished-looking record, an invalid plan, a pair
# that ended without a record, a record without a plan, plan warnings.
cp -r examples/programme "$work/broken"
b="$work/broken/pairs"
sed -i 's/^  cadence: .*/  cadence: TODO/' "$b/kwame-mensah--lucia-fernandez/closure.md"
printf '\nTODO: one more thing to say.\n' >>"$b/priya-raman--tomasz-nowak/closure.md"
sed -i 's/^start: .*/start: 2026-02-30/' "$b/rosa-delgado--kenji-watanabe/plan.md"
sed -i 's/^status: .*/status: closed/' "$b/chloe-martin--rahul-iyer/plan.md"
sed -i 's/^## Meetings$/## Meeting notes/' "$b/daniel-kim--amara-nwosu/plan.md"
mkdir -p "$b/lost--plan" && cp "$b/kwame-mensah--lucia-fernandez/closure.md" "$b/lost--plan/"
# the escaping corpus
c="$work/corpus/pairs"
mkdir -p "$c"
printf 'closure:\n  required_sections: [Summary, Thanks]\n' >"$work/corpus/.mentor.yaml"
i=0
for name in '::error title=x::y' '::stop-commands::tok' '  ::warning::indented' '##[error]old form' \
  '50%25 done,a:b' $'line\nbreak' $'cr\rhere' $'\e[31mred\e[0m' $'csi\xc2\x9b2J' 'a|b [x](y) <b>bold' \
  'with spaces é ✓ 日本' '=1+1' '@SUM(A1)' $'bidi\xe2\x80\xaeevil'; do
  mkdir -p "$c/$name/notes"
  status=(active closed closing)
  printf -- '---\nmentor: "Ada \\e[2J\\n## Injected\\n- [evil](https://x.example) <b>"\nmentee: "[x](y) | c, d: e %%0A ::error::z"\nprogram: "=HYPERLINK(\\"x\\") # | <i>"\nstart: 2026-01-15\nend: 2026-11-30\nstatus: %s\n---\n\n# Plan\n\n## Goals\n\n- [ ] ::error::goal [x](y) <b>bold</b> | 100%% `code`\n  - 2026-02-01: note [x](y)\n\n## Meeting notes\n\n## Meetings\n\n### 2026-02-01 ::warning::sync %% [x](y) | <b>\n' \
    "${status[$((i % 3))]}" >"$c/$name/plan.md"
  printf 'Reflection.\n' >"$c/$name/notes/2026-02-02-mentee (1) [x].md"
  if [ $((i % 3)) -ne 0 ]; then
    printf -- '---\nmentor: Ada\nmentee: "::error::z"\nstart: 2026-01-15\nclosed: 2026-07-20\nreason: TODO\nfinal_meeting: none\ntransition: informal\ncontact:\n  channel: "::error::mail"\n  cadence: TODO\ngoals: []\n---\n\n## Summary\n\nTODO: why\n\n## Thanks\n\nThanks.\n' >"$c/$name/closure.md"
  fi
  i=$((i + 1))
done
mkdir -p "$work/empty/pairs"

has_list=false
if grep -qE '^ +list( |$)' <<<"$("$MENTOR_BIN" close --help)"; then has_list=true; fi

echo "-- every command in every machine format, on each programme"
for p in examples broken corpus empty; do
  repo="$work/$p"
  set +e
  "$MENTOR_BIN" close check --repo "$repo" --format json >"$out/$p-check.json"
  "$MENTOR_BIN" close verify --repo "$repo" --allow-empty --format json >"$out/$p-verify.json"
  "$MENTOR_BIN" close verify --repo "$repo" --format json >"$out/$p-verify-strict.json"
  "$MENTOR_BIN" close report --repo "$repo" --format json >"$out/$p-report.json" 2>/dev/null
  if $has_list; then "$MENTOR_BIN" close list --repo "$repo" --format json >"$out/$p-list.json"; fi
  "$MENTOR_BIN" close verify --repo "$repo" --allow-empty --all --format sarif >"$out/$p.sarif"
  "$MENTOR_BIN" close verify --repo "$repo" --allow-empty --all --format gitlab >"$out/$p-gitlab.json"
  "$MENTOR_BIN" close verify --repo "$repo" --allow-empty --all --format json >"$out/$p-verify-all.json"
  GITHUB_STEP_SUMMARY="$out/$p-verify-summary.md" "$MENTOR_BIN" close verify --repo "$repo" --allow-empty --all --format github >"$out/$p-verify-github.log"
  GITHUB_STEP_SUMMARY="$out/$p-check-summary.md" "$MENTOR_BIN" close check --repo "$repo" --format github >"$out/$p-check-github.log"
  set -e
done
# The no-pairs finding itself, in every CI format.
set +e
"$MENTOR_BIN" close verify --repo "$work/empty" --format sarif >"$out/nopairs.sarif"
"$MENTOR_BIN" close verify --repo "$work/empty" --format gitlab >"$out/nopairs-gitlab.json"
"$MENTOR_BIN" close verify --repo "$work/empty" --format json >"$out/nopairs-verify-all.json"
"$MENTOR_BIN" close verify --repo "$work/empty" --format github >"$out/nopairs-verify-github.log"
set -e
grep -q '"ruleId": "no-pairs"' "$out/nopairs.sarif"
# verify's exit codes: the examples pass, the broken ones fail, an empty
# programme fails unless it is expected.
"$MENTOR_BIN" close verify --repo "$work/examples" >/dev/null
for p in broken corpus empty; do
  code=0
  "$MENTOR_BIN" close verify --repo "$work/$p" >/dev/null || code=$?
  [ "$code" = 1 ] || { echo "verify on $p exited $code, want 1"; exit 1; }
done
"$MENTOR_BIN" close verify --repo "$work/empty" --allow-empty >/dev/null

echo "-- JSON against schemas/ (ajv)"
validate json schemas/check.schema.json "$out"/*-check.json
validate json schemas/verify.schema.json "$out"/*-verify.json "$out"/*-verify-strict.json "$out"/*-verify-all.json
validate json schemas/report.schema.json "$out"/*-report.json
if $has_list; then validate json schemas/list.schema.json "$out"/*-list.json; fi
printf '{"schema_version": 1, "ok": true, "pairs": 0, "findings": [{"file": "a", "line": 0, "rule": "no-such-rule", "severity": "error", "message": "m"}]}\n' >"$work/bad-verify.json"
must_fail "a verify JSON of another version with an unknown rule" validate json schemas/verify.schema.json "$work/bad-verify.json"
node -e 'const f=process.argv[1]; const d=JSON.parse(require("fs").readFileSync(f)); d.pairs[0].signals.push({id: "no-such-signal", message: "", line: 1}); require("fs").writeFileSync(process.argv[2], JSON.stringify(d))' "$out/examples-check.json" "$work/bad-check.json"
must_fail "a check JSON with an unknown signal" validate json schemas/check.schema.json "$work/bad-check.json"

echo "-- SARIF against the SARIF 2.1.0 schema (ajv)"
validate sarif "$out"/*.sarif
printf '{"version": "2.1.0", "runs": [{"tool": {"driver": {"rules": []}}, "results": []}]}\n' >"$work/bad.sarif"
must_fail "a SARIF log whose tool has no name" validate sarif "$work/bad.sarif"

echo "-- SARIF against GitHub's ingestion rules (sarif-multitool validate --rule-kind Sarif;Gh)"
# multitool_errors FILE: the number of errors the Multitool reports.
multitool_errors() {
  rm -f "$work/mt.sarif"
  "$multitool" validate --rule-kind "Sarif;Gh" --output "$work/mt.sarif" "$1" >"$work/mt.log" 2>&1 || true
  node -e 'const d=JSON.parse(require("fs").readFileSync(process.argv[1])); let n=0; for (const run of d.runs) for (const r of run.results || []) if ((r.level || "warning") === "error") { n++; console.error(r.ruleId + ": " + JSON.stringify(r.message.arguments || r.message.text)); } console.log(n)' "$work/mt.sarif"
}
for f in "$out"/*.sarif; do
  n=$(multitool_errors "$f")
  if [ "$n" != 0 ]; then
    echo "$f: the SARIF Multitool reports $n errors"
    cat "$work/mt.log"
    exit 1
  fi
  echo "$(basename "$f"): 0 errors (Sarif;Gh)"
done
node -e 'const d=JSON.parse(require("fs").readFileSync(process.argv[1])); for (const r of d.runs[0].tool.driver.rules) delete r.fullDescription; delete d.runs[0].results[0].locations[0].physicalLocation.region; require("fs").writeFileSync(process.argv[2], JSON.stringify(d, null, 2))' "$out/broken.sarif" "$work/control.sarif"
n=$(multitool_errors "$work/control.sarif")
if [ "$n" = 0 ]; then echo "control: the Multitool found no error in a SARIF without fullDescription: it does not run"; exit 1; fi
echo "control: a SARIF without fullDescription and region has $n errors, as it must"

echo "-- GitLab Code Quality reports against the documented format, fingerprints unique"
validate gitlab .ci/schemas/gitlab-code-quality.schema.json "$out"/*-gitlab.json
node -e 'const d=JSON.parse(require("fs").readFileSync(process.argv[1])); d.push({...d[0]}); require("fs").writeFileSync(process.argv[2], JSON.stringify(d))' "$out/broken-gitlab.json" "$work/dup-gitlab.json"
must_fail "a GitLab report with a fingerprint twice" validate gitlab .ci/schemas/gitlab-code-quality.schema.json "$work/dup-gitlab.json"
printf '[{"description": "d", "check_name": "c", "fingerprint": "f", "severity": "bad", "location": {"path": "./a.md", "lines": {"begin": 0}}}]\n' >"$work/bad-gitlab.json"
must_fail "a GitLab report with a bad severity, path and line" validate gitlab .ci/schemas/gitlab-code-quality.schema.json "$work/bad-gitlab.json"

echo "-- the github format through @actions/core"
for p in examples broken corpus empty; do
  roundtrip "$out/$p-verify-github.log" "$out/$p-verify-all.json"
  roundtrip "$out/$p-check-github.log" "$out/$p-check.json"
done
roundtrip "$out/nopairs-verify-github.log" "$out/nopairs-verify-all.json"
printf '::error title=x,file=a,b.md,line=1::50%% done\n' >"$work/bad-github.log"
printf '{"findings": [{"file": "a,b.md", "line": 1, "rule": "x", "severity": "error", "message": "50%% done"}]}\n' >"$work/bad-github.json"
must_fail "an annotation escaped otherwise than @actions/core does" roundtrip "$work/bad-github.log" "$work/bad-github.json"
printf 'pairs/x/plan.md:1: error: m\n::stop-commands::x\n' >"$work/bad-github2.log"
must_fail "a log line that starts another workflow command" roundtrip "$work/bad-github2.log" "$work/bad-github.json"

echo "-- job summaries with markdownlint"
# A summary is a section of the job's page, appended after others: it starts
# with a level-3 heading (MD041 does not apply) and ends with a blank line
# that keeps what the next step appends out of its table (trimmed here).
mkdir -p "$work/summaries"
for f in "$out"/*-summary.md; do
  sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$f" >"$work/summaries/$(basename "$f")"
done
printf '{\n  "config": {"MD013": false, "MD024": {"siblings_only": true}, "MD041": false}\n}\n' >"$work/summaries/.markdownlint-cli2.jsonc"
"$nm/.bin/markdownlint-cli2" --config "$work/summaries/.markdownlint-cli2.jsonc" "$work/summaries/*-summary.md"
printf '### Summary\n\n| a | b |\n| --- | --- |\n| one | two | three |\n' >"$work/summaries/bad.md"
must_fail "a summary whose row has an extra cell" "$nm/.bin/markdownlint-cli2" --config "$work/summaries/.markdownlint-cli2.jsonc" "$work/summaries/bad.md"

echo "-- shellcheck on the Action's script and this step"
apt_install shellcheck
shellcheck -x -S warning scripts/action.sh .ci/steps/40-gate.sh
printf '#!/bin/bash\nrm -rf $1/*\n' >"$work/bad.sh"
must_fail "a script that splits and globs its argument" shellcheck -S warning "$work/bad.sh"

echo "-- actionlint on every workflow and on action.yml (with shellcheck on their scripts)"
# action.yml is checked through a workflow that uses it as ./, in a
# project laid out as actionlint expects (.github/workflows at its root).
al="$work/actionlint"
mkdir -p "$al/.github/workflows"
cp action.yml "$al/"
cp examples/workflows/*.yml .ci/workflows/*.yml "$al/.github/workflows/"
git -C "$al" init -q
actionlint() { (cd "$1" && go run github.com/rhysd/actionlint/cmd/actionlint@v1.7.12 -no-color); }
(cd "$al" && ls .github/workflows)
actionlint "$al"
mkdir -p "$work/actionlint-bad/.github/workflows"
cp action.yml "$work/actionlint-bad/"
sed 's/          command: check/          comand: check/' .ci/workflows/local-action.yml >"$work/actionlint-bad/.github/workflows/bad.yml"
git -C "$work/actionlint-bad" init -q
must_fail "a workflow giving the action an input it does not have" actionlint "$work/actionlint-bad"

echo "-- the Action's script, as the runner runs it, from this checkout"
act="$work/action"
mkdir -p "$act/temp"
export GITHUB_ACTION_PATH="$PWD" RUNNER_TEMP="$act/temp" GITHUB_PATH="$act/path" GITHUB_OUTPUT="$act/output"
(cd "$act" && bash "$GITHUB_ACTION_PATH/scripts/action.sh" build)
grep -qx "$act/temp/mentor-action/bin" "$GITHUB_PATH"
cp -r examples/programme "$act/programme"
(cd "$act" && MENTOR_PATH=programme bash "$GITHUB_ACTION_PATH/scripts/action.sh" run) >"$act/verify.log"
grep -Eq '^[0-9]+ pairs checked: 0 errors, 0 warnings$' "$act/verify.log"
(cd "$act" && MENTOR_PATH=programme MENTOR_FORMAT=sarif bash "$GITHUB_ACTION_PATH/scripts/action.sh" run)
validate sarif "$act/mentor.sarif"
grep -qx 'file=mentor.sarif' "$GITHUB_OUTPUT"
(cd "$act" && MENTOR_PATH=programme MENTOR_COMMAND=check MENTOR_FORMAT=github bash "$GITHUB_ACTION_PATH/scripts/action.sh" run) >"$act/check.log"
grep -q '^::notice title=end-near (ingrid-johansson--arjun-patel),file=programme/pairs/' "$act/check.log" || grep -q '^::notice title=end-near (ingrid-johansson--arjun-patel),file=pairs/' "$act/check.log"
cp -r "$work/broken" "$act/broken"
code=0
(cd "$act" && MENTOR_PATH=broken MENTOR_FORMAT=gitlab MENTOR_ARGS="--all" bash "$GITHUB_ACTION_PATH/scripts/action.sh" run) || code=$?
[ "$code" = 1 ] || { echo "the action's verify on a broken programme exited $code, want 1"; exit 1; }
validate gitlab .ci/schemas/gitlab-code-quality.schema.json "$act/gl-code-quality-report.json"
grep -qx 'exit-code=1' "$GITHUB_OUTPUT"
unset GITHUB_ACTION_PATH RUNNER_TEMP GITHUB_PATH GITHUB_OUTPUT

echo "-- the pre-commit hook, with the programme in a subfolder"
apt_install pre-commit
hook_src="$work/hook-src"
git clone -q "$PWD" "$hook_src"
rev=$(git -C "$hook_src" rev-parse HEAD)
site="$work/site"
mkdir -p "$site"
git -C "$site" init -q
cp -r examples/programme "$site/mentoring"
# precommit ARGS: the hook with args, on every file of the site repo.
precommit() {
  printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: mentor-verify\n        args: [%s]\n' "$hook_src" "$rev" "$1" >"$site/.pre-commit-config.yaml"
  (cd "$site" && git add -A && PRE_COMMIT_HOME="$work/pre-commit-home" pre-commit run --all-files --color never)
}
precommit '--repo, mentoring'
must_fail "the hook without --repo, which finds no pairs folder" precommit ''
grep -q 'no pairs folder pairs/ in the repo .* (found by git top-level)' "$work/control.log"
sed -i 's/^  cadence: .*/  cadence: TODO/' "$site/mentoring/pairs/kwame-mensah--lucia-fernandez/closure.md"
must_fail "the hook on a record with a TODO left" precommit '--repo, mentoring'
grep -q 'contact.cadence is still TODO' "$work/control.log"
echo "gate checks passed"
