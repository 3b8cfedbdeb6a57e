#!/usr/bin/env bash
# The closure survey: the report with the programme's identity (Mermaid and
# markdownlint on it, no free text in it), the plain survey files as
# Markdown, and the survey asked on a real terminal (tmux).
set -euo pipefail
. .ci/lib.sh
mentor=${MENTOR_BIN:?}
tmp=${CI_TMP:?}
key=internal/cli/testdata/age/programme.key
ex=examples/programme
today=2026-11-21

echo "-- fuzz the survey reader and the signature edit (bounded input counts)"
go test -run '^$' -fuzz '^FuzzParse$' -fuzztime 30000x -fuzzminimizetime 100x ./internal/survey
go test -run '^$' -fuzz '^FuzzSetNested$' -fuzztime 30000x -fuzzminimizetime 100x ./internal/edit

echo "-- report and verify with the identity"
"$mentor" close verify --repo "$ex" --today "$today" --identity "$key"
"$mentor" close report --repo "$ex" --today "$today" --identity "$key" >"$tmp/report-survey.md"
grep -q '^### Programme: Platform mentoring 2026$' "$tmp/report-survey.md"
node "$tmp/mermaid-check.mjs" "$tmp/report-survey.md"
"$tmp/node_modules/.bin/markdownlint-cli2" --config .markdownlint-cli2.jsonc "$tmp/report-survey.md"

echo "-- no free-text answer reaches a report"
plain=()
for f in "$ex"/pairs/*/survey/*.md; do
  if grep -q -- '-----BEGIN AGE ENCRYPTED FILE-----' "$f"; then continue; fi
  plain+=("$f")
  # Every line under the question markers is free text.
  awk '/<!-- question:/{on=1; next} /^## /{on=0} on && NF' "$f" | while IFS= read -r line; do
    for r in "$ex/REPORT.md" "$tmp/report-survey.md"; do
      if grep -qF -- "$line" "$r"; then echo "free text of $f is in $r: $line"; exit 1; fi
    done
  done
done
"$tmp/node_modules/.bin/markdownlint-cli2" --config .markdownlint-cli2.jsonc "${plain[@]}"

echo "-- the survey on a real terminal"
apt_install tmux
work=$(mktemp -d)
sock=""
cleanup() {
  for s in "$work"/*.sock; do [ -S "$s" ] && tmux -S "$s" kill-server 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/repo/pairs/ada--grace"
printf -- '---\nmentor: Ada\nmentee: Grace\nstart: 2026-01-15\n---\n' >"$work/repo/pairs/ada--grace/plan.md"
: >"$work/repo/.mentor.yaml"

wait_for() { # TEXT: until the pane shows it (10 s at most)
  for _ in $(seq 100); do
    tmux -S "$sock" capture-pane -p -t t | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  echo "the terminal never showed: $1"; tmux -S "$sock" capture-pane -p -t t; exit 1
}
run() { # SIDE: start the survey in a session of its own (a server per run)
  sock="$work/$1.sock"
  tmux -S "$sock" new-session -d -s t -x 120 -y 40 \
    "cd '$work/repo' && '$mentor' close survey ada--grace --as $1 --today $today; echo \"exit=\$?\"; sleep 30"
}
answer() { tmux -S "$sock" send-keys -t t -l -- "$1"; tmux -S "$sock" send-keys -t t Enter; }

run mentee
wait_for '[1/5] Overall, how satisfied'
wait_for '1 (low) to 5 (high):'
answer 7
wait_for '"7" does not fit'
answer 4
wait_for '[2/5]'; answer 5
wait_for '0 (not at all) to 10 (certainly):'; answer 9
wait_for 'yes or no:'; answer yes
wait_for 'optional, Enter skips it:'; answer 'More time on the talk.'
wait_for 'exit=0'
file="$work/repo/pairs/ada--grace/survey/$today-mentee.md"
grep -q '^  satisfaction: 4$' "$file"
grep -q '^  recommend: 9$' "$file"
grep -q '^More time on the talk.$' "$file"

# Ctrl-D before the last answer writes nothing, exit 1.
run mentor
wait_for '[1/5]'; answer 3
wait_for '[2/5]'
tmux -S "$sock" send-keys -t t C-d
wait_for 'exit=1'
wait_for 'nothing was written'
[ ! -e "$work/repo/pairs/ada--grace/survey/$today-mentor.md" ]
echo "survey on a terminal: ok"
