#!/usr/bin/env bash
# Sessions: `cargo test --workspace` (20-rust.sh) runs them with MessagePack frames; this runs
# the tests through real workers once more with JSON frames, the protocol's other encoding.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build -p phicode
PHICODE_TEST_FORMAT=json cargo test -p phicode-sessions --test execute --test control --test state --test messages
