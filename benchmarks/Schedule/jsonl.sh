#!/usr/bin/env bash
# Throughput of `mpp-controller hours eval --jsonl` (the mode used to check many expressions):
# N lines over the issue's table expressions and random instants, file in, /dev/null out.
# Usage: benchmarks/Schedule/jsonl.sh [N]   (builds Controller in Release first)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-200000}
dotnet build Controller -c Release -nologo -v quiet -clp:ErrorsOnly
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 - "$n" > "$tmp/lines.jsonl" <<'PY'
import json, random, sys
exprs = ["10:00-14:00; 12:00-14:00 off", "22:00-02:00; Tu 12:00-14:00", "Mo-Fr 10:00-16:00, We 12:00-18:00",
         "We[4,5] 10:00-12:00", "We-Fr 10:00-24:00 open \"it is open\" || \"please call\"", "week 01,03 00:00-24:00",
         "Jan 23-Feb 12 00:00-24:00", "17:00+", "Su-Tu 11:00-01:00, We-Th 11:00-03:00, Fr 11:00-06:00, Sa 11:00-07:00",
         "Mo-Sa 08:00-21:00; 2025 Jul 27-2025 Sep 24 off \"renovacija\"", "Mo-Th 08:00-14:00; Fr 08:00-11:00",
         "Mo-Fr 08:00-12:00,13:00-16:00; Fr[-1] off \"bersih-bersih\""]
random.seed(1)
for _ in range(int(sys.argv[1])):
    y, mo, d, h, mi = random.randint(2012, 2027), random.randint(1, 12), random.randint(1, 28), random.randint(0, 23), random.randint(0, 59)
    print(json.dumps({"expr": random.choice(exprs), "at": f"{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:00+07:00"}))
PY
start=$(date +%s.%N)
dotnet Controller/bin/Release/net10.0/mpp-controller.dll hours eval --jsonl "$tmp/lines.jsonl" > "$tmp/out.jsonl"
end=$(date +%s.%N)
lines=$(wc -l < "$tmp/out.jsonl"); errors=$(grep -c '"error"' "$tmp/out.jsonl" || true)
python3 -c "import sys; s=$end-$start; print(f'hours eval --jsonl: {$lines} lines ({$errors} errors) in {s:.2f} s = {$lines/s:,.0f} lines/s (process start included)')"
