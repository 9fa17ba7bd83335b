#!/usr/bin/env bash
# The server against its own OpenAPI document: `phicode serve --level restricted` on a free
# port of 127.0.0.1, and schemathesis with every check; any failure fails the part. The two
# event streams are left out (server/tests/sessions.rs tests them): to schemathesis a plain
# GET of the WebSocket is "schema-valid" though only a handshake is, and an SSE stream of a
# session it created never ends, so each such request would wait out its timeout. The
# positive_data_acceptance check is off: a schema cannot say which Python round-trips
# through φ or which dialect is valid, and those are refused with 422 as they should be.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build -p phicode
venv=server/out/venv
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp)
state=$(mktemp -d) # Durable sessions schemathesis makes live and die here, not in ~/.local/state.
"${CARGO_TARGET_DIR:-target}/debug/phicode" serve --port "$port" --level restricted --warm-workers 0 --exec-timeout 5 \
  --state-dir "$state" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$log" "$state"' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/info" >/dev/null && break
  sleep 0.1
done
"$venv/bin/schemathesis" run "http://127.0.0.1:$port/openapi.json" \
  --checks all --max-examples "${PHICODE_SCHEMATHESIS_EXAMPLES:-50}" --seed 1 \
  --request-timeout 30 --suppress-health-check all \
  --exclude-path '/sessions/{id}/ws' --exclude-path '/sessions/{id}/events' \
  --exclude-checks positive_data_acceptance
# The server is still up and answers after everything schemathesis sent.
curl -sf "http://127.0.0.1:$port/info" >/dev/null
