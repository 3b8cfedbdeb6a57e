#!/usr/bin/env bash
# Terminal behaviour in a real terminal: tmux runs a shell, the tests type
# into it and read the screen back (internal/termtest). Interactive init,
# note in an editor (a scripted one, and vi when there is one), Tab Tab on a
# PAIR argument in bash with bash-completion. MENTOR_TERMINAL_TESTS=1 makes
# a missing tmux or bash-completion a failure, not a skip.
set -euo pipefail
. .ci/lib.sh
apt_install tmux bash-completion
MENTOR_TERMINAL_TESTS=1 go test -count=1 -v -run '^TestTerminal' ./internal/termtest/ ./internal/cli/
