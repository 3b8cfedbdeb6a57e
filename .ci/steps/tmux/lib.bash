# A small harness for terminal tests in tmux; sourced by a step, not run.
# Each session has a server of its own (its own socket) under TT_DIR, so
# tests never touch a tmux the person running CI may have.
#
#   tt_start NAME COLS ROWS COMMAND   start COMMAND in a terminal of that size;
#                                     it prints "exit=N" when it ends
#   tt_wait TEXT [SECONDS]            until the screen shows TEXT (default 10 s)
#   tt_type TEXT                      type TEXT literally
#   tt_keys KEY...                    press keys (Enter, Up, C-c, Escape…)
#   tt_answer TEXT                    type TEXT, then Enter
#   tt_screen [FLAGS]                 print the screen (capture-pane FLAGS: -e, -J)
#   tt_save FILE                      save the screen, runs of blank lines squeezed
#   tt_stop                           end the session's server
#
# TT_DIR must be set (a temporary folder); tt_cleanup ends every server.

tt_sock() { echo "$TT_DIR/${TT_NAME:?tt_start first}.sock"; }

# The server starts without CI's variables: a terminal library takes CI=… to
# mean "no terminal here" and drops colour, and these tests are a person at
# a terminal. TERM is tmux's own inside the pane.
tt_start() {
  TT_NAME=$1
  env -u CI -u GITHUB_ACTIONS -u GITLAB_CI -u BUILDKITE -u TF_BUILD tmux -S "$(tt_sock)" new-session -d -s t -x "$2" -y "$3" "$4; echo \"exit=\$?\"; sleep 120"
}

tt_screen() { tmux -S "$(tt_sock)" capture-pane -p -t t "$@"; }

tt_wait() {
  local text=$1 tries=$(( ${2:-10} * 10 ))
  for _ in $(seq "$tries"); do
    tt_screen | grep -qF -- "$text" && return 0
    sleep 0.1
  done
  echo "the terminal ($TT_NAME) never showed: $text"; tt_screen; return 1
}

tt_type() { tmux -S "$(tt_sock)" send-keys -t t -l -- "$1"; }
tt_keys() { tmux -S "$(tt_sock)" send-keys -t t "$@"; }
tt_answer() { tt_type "$1"; sleep 0.05; tt_keys Enter; sleep 0.05; }

tt_save() { tt_screen | cat -s | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' >"$1"; }

tt_stop() { tmux -S "$(tt_sock)" kill-server 2>/dev/null || true; }

tt_cleanup() {
  local s
  for s in "$TT_DIR"/*.sock; do [ -S "$s" ] && { tmux -S "$s" kill-server 2>/dev/null || true; }; done
  return 0
}
