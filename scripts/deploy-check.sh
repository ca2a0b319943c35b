#!/usr/bin/env bash
# The Raspberry Pi deployment checks of issue 6, outside the test suite (tests/Deploy.Tests runs the
# same scripts): the installer against scratch roots, the systemd units, and the arm64 bundle under
# qemu. Needs root (as CI has). Prints "deploy-check: N passed, N failed" and exits non-zero on any
# failure.
#
#   scripts/deploy-check.sh [--no-emulated]
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0; failed=0
run() {
  local name=$1; shift
  local log; log=$(mktemp)
  local t=$SECONDS
  bash "$@" > "$log" 2>&1
  local line; line=$(grep -E "^$name: [0-9]+ passed, [0-9]+ failed$" "$log" | tail -1)
  if [ -n "$line" ]; then
    passed=$((passed + $(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')))
    failed=$((failed + $(echo "$line" | sed -E 's/.* ([0-9]+) failed/\1/')))
  else
    failed=$((failed + 1)); line="$name: did not finish (see below)"
  fi
  echo "== $line ($((SECONDS - t)) s)"
  grep -E '^(not ok|#   )' "$log" | head -40
  if [ -z "$(grep -E "^$name: " "$log")" ]; then tail -20 "$log"; fi
  rm -f "$log"
}
run check-install deploy-pi/check-install.sh
run verify-units deploy-pi/verify-units.sh
[ "${1:-}" = --no-emulated ] || run emulated-check deploy-pi/emulated-check.sh
echo "deploy-check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
