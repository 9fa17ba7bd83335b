#!/usr/bin/env bash
# Checks of the built phicode binary that cargo test does not make: it loads the libpython
# it was built against (rpath), and the example programs run under both interpreters.
set -euo pipefail
cargo build -q -p phicode
bin="${CARGO_TARGET_DIR:-target}/debug/phicode"
want="$(python3 -c 'import sysconfig; print(sysconfig.get_config_var("LIBDIR"))')"
got="$(ldd "$bin" | awk '/libpython/ {print $3}')"
case "$got" in
  "$want"/*) echo "phicode loads $got" ;;
  *) echo "phicode loads '$got', expected a libpython from $want"; exit 1 ;;
esac
expected="$(printf '0: ada\n2: grace')"
for flags in "" "--pypy"; do
  out="$("$bin" $flags examples/hello.φ)"
  [ "$out" = "$expected" ] || { echo "examples/hello.φ ($flags): got '$out'"; exit 1; }
done
echo "native: 3 passed, 0 failed"
