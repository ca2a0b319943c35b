#!/usr/bin/env bash
# Runs every test of MppSignage on a fresh machine: installs what the tests need when missing
# (Debian packages: mosquitto, fonts, ICU, fontconfig, chromium for the panel's browser tests, qemu for
# the arm64 check; npm: opening_hours
# for the parity tests and benchmark), builds the solution, runs each test project and prints a
# final line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

need_pkgs=()
for pair in mosquitto:mosquitto mosquitto_pub:mosquitto-clients fc-list:fontconfig python3:python3 node:nodejs npm:npm; do
  cmd=${pair%%:*}; pkg=${pair#*:}
  command -v "$cmd" >/dev/null 2>&1 || need_pkgs+=("$pkg")
done
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_pkgs+=(fonts-dejavu-core)
# The renderer's default typeface (Display:Font=B612).
[ -f /usr/share/fonts/opentype/b612/B612-Regular.otf ] || need_pkgs+=(fonts-b612)
# The panel's browser tests drive Debian's Chromium through Playwright (no browser download).
[ -x /usr/bin/chromium ] || need_pkgs+=(chromium)
ldconfig -p 2>/dev/null | grep -q 'libfontconfig.so.1' || need_pkgs+=(libfontconfig1)
ldconfig -p 2>/dev/null | grep -q 'libicuuc.so' || need_pkgs+=(libicu72)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  echo "test.sh: installing ${need_pkgs[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
fi

# opening_hours.js, the reference implementation, for the parity tests and the benchmark.
if command -v npm >/dev/null 2>&1 && [ ! -d tests/reference/node_modules/opening_hours ]; then
  (cd tests/reference && npm ci --silent --no-audit --no-fund >/dev/null 2>&1 || npm install --silent --no-audit --no-fund >/dev/null)
fi

dotnet build MppSignage.sln -c Release -nologo -v quiet -clp:ErrorsOnly

results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
status=0
for proj in tests/*/*.Tests.csproj; do
  name=$(basename "$proj" .csproj)
  echo "== $name"
  dotnet test "$proj" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    --logger "console;verbosity=minimal" || status=1
done

# Count from the TRX files: the runners print no "N passed, N failed" line of their own.
python3 - "$results" <<'PY' || true
import sys, glob, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c.get("notExecuted", 0))
open(sys.argv[1] + "/summary.txt", "w").write(f"{passed} passed, {failed} failed, {skipped} skipped\n")
PY
if [ -f "$results/summary.txt" ]; then summary=$(cat "$results/summary.txt"); else summary="0 passed, 1 failed"; status=1; fi
if [ -f "$results/figures.txt" ]; then echo; echo "== figures"; cat "$results/figures.txt"; fi
echo
echo "$summary"
exit $status
