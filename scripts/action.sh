#!/usr/bin/env bash
# action.sh build|run — the steps of the mentor GitHub Action (action.yml),
# in a script so that CI runs exactly what the runner runs.
#
#   build  builds mentor from the action's checkout ($GITHUB_ACTION_PATH) into
#          $RUNNER_TEMP and puts it on $GITHUB_PATH; the version is the ref
#          the workflow used (uses: mentor-cli/mentor@REF).
#   run    runs mentor close $MENTOR_COMMAND (verify or check) on $MENTOR_PATH
#          in $MENTOR_FORMAT with $MENTOR_ARGS, writing to $MENTOR_OUTPUT
#          (sarif and gitlab always go to a file), and sets the step's
#          outputs file and exit-code. The exit code is mentor's.
set -euo pipefail

: "${GITHUB_ACTION_PATH:?is the checkout of the action}"
bin_dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/mentor-action/bin"

case "${1:-}" in
build)
  mkdir -p "$bin_dir"
  version="${GITHUB_ACTION_REF:-dev}"
  (cd "$GITHUB_ACTION_PATH" &&
    go build -trimpath -ldflags "-X github.com/mentor-cli/mentor/internal/cli.version=$version" -o "$bin_dir/mentor" ./cmd/mentor)
  "$bin_dir/mentor" --version
  if [ -n "${GITHUB_PATH:-}" ]; then echo "$bin_dir" >>"$GITHUB_PATH"; fi
  ;;
run)
  command="${MENTOR_COMMAND:-verify}"
  format="${MENTOR_FORMAT:-github}"
  output="${MENTOR_OUTPUT:-}"
  case "$command" in
  verify | check) ;;
  *)
    echo "::error title=mentor close::the command input must be verify or check, not a different value"
    exit 2
    ;;
  esac
  if [ -z "$output" ]; then
    case "$format" in
    sarif) output=mentor.sarif ;;
    gitlab) output=gl-code-quality-report.json ;;
    esac
  fi
  # MENTOR_ARGS is split into words on purpose (it holds flags and paths),
  # without glob expansion.
  set -f
  # shellcheck disable=SC2206
  args=(${MENTOR_ARGS:-})
  set +f
  code=0
  if [ -n "$output" ]; then
    "$bin_dir/mentor" close "$command" --repo "${MENTOR_PATH:-.}" --format "$format" "${args[@]}" >"$output" || code=$?
    echo "mentor close $command wrote $output (exit $code)"
    if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "file=$output" >>"$GITHUB_OUTPUT"; fi
  else
    "$bin_dir/mentor" close "$command" --repo "${MENTOR_PATH:-.}" --format "$format" "${args[@]}" || code=$?
  fi
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "exit-code=$code" >>"$GITHUB_OUTPUT"; fi
  exit "$code"
  ;;
*)
  echo "usage: action.sh build|run" >&2
  exit 2
  ;;
esac
