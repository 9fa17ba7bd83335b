#!/usr/bin/env bash
# Interactive sessions (sessions/): the REPL test drives `phicode repl` through tmux.
# Idempotent: nothing to do when tmux is there.
set -euo pipefail
if ! command -v tmux >/dev/null; then
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update -qq && apt-get install -y -qq tmux >/dev/null
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq tmux >/dev/null
  fi
fi
echo "sessions: $(tmux -V)"
