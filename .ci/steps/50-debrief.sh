#!/usr/bin/env bash
# The guided debrief on a real terminal (tmux): the full-screen form typed
# through with the answers the accessible test pipes in, the screen
# checked at three steps, and the record compared with the same golden
# file; NO_COLOR and a 60-column terminal; Ctrl-C, Esc and the end of input
# write nothing. The screens saved here are the ones docs/debrief.md shows:
# UPDATE=1 bash .ci/steps/50-debrief.sh rewrites them there.
set -euo pipefail
. .ci/lib.sh
. .ci/steps/tmux/lib.bash
mentor=${MENTOR_BIN:?}
today=2026-11-21
data=internal/cli/testdata/debrief

apt_install tmux
TT_DIR=$(mktemp -d)
trap 'tt_cleanup; rm -rf "$TT_DIR"' EXIT
repo="$TT_DIR/repo"
record="$repo/pairs/ada--grace/closure.md"
fresh() { rm -rf "$repo"; mkdir -p "$repo/pairs/ada--grace"; : >"$repo/.mentor.yaml"; cp "$data/plan.md" "$repo/pairs/ada--grace/"; }
debrief() { echo "cd '$repo' && MENTOR_TODAY=$today $* '$mentor' close debrief ada--grace"; }
next() { tt_keys Enter; sleep 0.2; }         # on to the next field
say() { tt_type "$1"; sleep 0.05; next; }    # a free answer
pick() { local n=$1; while [ "$n" -gt 0 ]; do tt_keys Up; n=$((n - 1)); done; next; } # a choice, N up from the default
screens="$TT_DIR/screens"
mkdir -p "$screens"

echo "-- the whole debrief, typed"
fresh
tt_start form 80 40 "$(debrief NO_COLOR=1)"
tt_wait 'Step 1 of 16 · Ground rules'
tt_wait 'On each question Grace Hopper answers first, then Ada Lovelace.'
next
tt_wait 'Step 2 of 16 · Celebrate'
tt_wait 'Met: Give an internal tech talk'
tt_save "$screens/celebrate.txt"
say 'The talk at the all-hands.'
say 'A last coffee, and a note to our managers.'
tt_wait 'Step 3 of 16 · Reflect on the goals: 1 of 3'
say 'From an outline to a talk in three months.'
say 'Finding a date on the all-hands agenda.'
say 'Two dry runs with the team.'
next                                          # met, as the plan says
tt_wait 'Step 4 of 16 · Reflect on the goals: 2 of 3, Lead a design review'
say 'Shadowed one review and drafted a checklist.'
say 'No design review came up in the team for months.'
say 'Reading past reviews together.'
tt_wait '> Decide later (leave it TODO)'
tt_save "$screens/goal.txt"
pick 3                                        # from "Decide later" up to "Partly met"
tt_wait 'Step 5 of 16'
say 'It was the right call: no project needs Rust.'
say 'A weekend of the book.'
say 'No project to try it on.'
say 'None yet.'
next                                          # dropped, as the plan says
tt_wait 'Step 6 of 16 · Reflect on the relationship'
for a in 'The steady monthly meetings.' 'The dry runs before the talk.' 'Both of us were busy in August.' \
  'Moving the meeting instead of skipping it.' 'We had set a second goal sooner.' \
  'Say no to work that does not fit the goals.' 'Write the goals down in the first week.'; do say "$a"; done
tt_wait 'Step 7 of 16 · How we feel about ending'
for a in 'Glad, and a little sad.' 'Yes: we said it out loud today.' 'Yes.' 'In September, from the plan'"'"'s end date; early enough.'; do say "$a"; done
tt_wait 'Step 8 of 16'
say "Ada's questions helped; less advice would help more."
say 'Let the mentee find the answer before giving one.'
tt_wait 'Step 9 of 16'
say 'Grace went at each goal in small steps; she could ask for help sooner.'
say 'Pick one goal at a time.'
tt_wait 'Step 10 of 16'
say 'A fresh look at how new leads think.'
say 'Asking before telling.'
say 'The design review practice helps my own reviews.'
tt_wait 'Step 11 of 16 · After the mentoring'
tt_type 'Lead a design review'; tt_keys C-j; tt_type 'Mentor a new hire'; next
for a in 'Design reviews, and speaking up in them.' 'The architecture guild, and the reviews archive.' \
  'Two reviews led by March.' 'A break until the spring cohort.'; do say "$a"; done
tt_wait 'Step 12 of 16 · Staying in touch'
pick 3                                        # from "Decide later" up to "Stay in touch informally"
say 'Yes, both of us, now and then.'
say 'A message a quarter; no calls.'
tt_wait 'Step 13 of 16 · Staying in touch: the contact'
say 'Slack: #mentoring'
pick 1                                        # up to "Catch-ups"
say 'quarterly'
say '2027-06-30'
tt_wait 'Step 14 of 16 · Why and when it ended'
next                                          # the proposed reason, first
pick 2                                        # up to "The pair decided together"
next                                          # the final meeting: today
tt_wait 'Step 15 of 16 · Thanks'
say 'Ada thanks Grace for her openness; Grace thanks Ada for the dry runs.'
tt_wait 'Step 16 of 16 · Sign-off'
next                                          # both of us
tt_wait 'Review · every answer, before anything is written'
tt_keys End; sleep 0.2                       # the verdict ends the review
tt_wait 'mentor close verify would pass the record.'
tt_keys Home; sleep 0.2
tt_save "$screens/review.txt"
next                                          # past the review, to "What now?"
tt_wait 'Writing it signs it off for Ada Lovelace and Grace Hopper.'
next                                          # write the record
tt_wait 'exit=0'
tt_wait 'it passes mentor close verify'
diff -u "$data/closure.md" "$record"
"$mentor" close verify --repo "$repo" --today "$today" ada--grace
tt_stop
grep -qF 'Step 2 of 16 · Celebrate' "$screens/celebrate.txt"
grep -qF 'Lead a design review' "$screens/goal.txt"
grep -qF '1. What are we proudest of?' "$screens/review.txt"

echo "-- NO_COLOR and 60 columns; Ctrl-C half-way writes nothing"
fresh
tt_start narrow 60 30 "$(debrief NO_COLOR=1)"
tt_wait 'Step 1 of 16'
if tt_screen -e | grep -qP '\e\[(3[0-9]|38;|9[0-7])'; then echo "NO_COLOR=1, and the form has colours"; tt_screen -e | cat -v; exit 1; fi
next
tt_wait 'Step 2 of 16 · Celebrate'
# -J joins the lines the terminal wrapped: a line the form wrote wider than
# the terminal comes back whole.
wide=$(tt_screen -J | python3 -c 'import sys; print(sum(len(l.rstrip()) > 60 for l in sys.stdin.read().split("\n")))')
if [ "$wide" != 0 ]; then echo "$wide lines are wider than the 60 columns:"; tt_screen -J; exit 1; fi
tt_type 'Half an answer'
tt_keys C-c
tt_wait 'exit=1'
tt_wait 'the debrief was stopped: nothing was written'
[ ! -e "$record" ]
tt_stop

echo "-- in colour without NO_COLOR; Esc writes nothing"
tt_start colour 80 30 "$(debrief)"
tt_wait 'Step 1 of 16'
tt_screen -e | grep -qP '\e\[(3[0-9]|38;|9[0-7])' || { echo "no colour on a colour terminal"; exit 1; }
tt_keys Escape
tt_wait 'exit=1'
[ ! -e "$record" ]
tt_stop

echo "-- --accessible on a terminal: Ctrl-C, and the end of input, write nothing"
tt_start acc 80 30 "$(debrief) --accessible"
tt_wait '1. What are we proudest of?'
tt_answer 'The talk.'
tt_wait '2. How do we want to mark the end'
tt_keys C-c
tt_wait 'exit=1'
tt_wait 'mentor: the debrief was stopped: nothing was written'
[ ! -e "$record" ]
tt_stop
tt_start eof 80 30 "$(debrief) --accessible"
tt_wait '1. What are we proudest of?'
tt_answer 'The talk.'
tt_wait '2. How do we want to mark the end'
tt_keys C-d
tt_wait 'exit=1'
tt_wait 'the input ended before the last answer (question 2'
[ ! -e "$record" ]
tt_stop

echo "-- docs/debrief.md shows the screens of this test"
python3 - "$screens" <<'PY'
import os, re, sys
screens, doc = sys.argv[1], "docs/debrief.md"
text = open(doc).read()
update, stale = os.environ.get("UPDATE") == "1", []
for name in ("celebrate", "goal", "review"):
    shot = open(os.path.join(screens, name + ".txt")).read().rstrip("\n") + "\n"
    pat = re.compile(r"(<!-- screen: %s -->\n```text\n)(.*?)(```\n)" % name, re.S)
    m = pat.search(text)
    if not m:
        sys.exit("%s has no <!-- screen: %s --> block" % (doc, name))
    if m.group(2) != shot:
        stale.append(name)
        text = text[:m.start(2)] + shot + text[m.end(2):]
if stale and update:
    open(doc, "w").write(text)
    print("rewrote the screens", ", ".join(stale), "in", doc)
elif stale:
    sys.exit("%s shows other screens than the terminal test saw (%s): run UPDATE=1 bash .ci/steps/50-debrief.sh and commit it" % (doc, ", ".join(stale)))
PY
echo "debrief on a terminal: ok"
