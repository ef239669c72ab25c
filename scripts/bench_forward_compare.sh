#!/usr/bin/env bash
# Alternates `nnreport-bench nn` and PyTorch's forward benchmark in one run and prints a table of
# images/s (median over rounds) for batch 1, 64 and 1000.
#   scripts/bench_forward_compare.sh [--rounds N] [--load]
# --load runs both under two busy processes (one per core of this project's machines), as on a
# machine shared with other work. PYTHON names a Python with torch (default: python3).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=3 load=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --load) load=1; shift ;;
    *) echo "usage: $0 [--rounds N] [--load]" >&2; exit 64 ;;
  esac
done
python=${PYTHON:-python3}
"$python" -c "import torch" 2>/dev/null || { echo "$0: $python has no torch; set PYTHON=/path/to/venv/bin/python" >&2; exit 69; }
bench=.build/release/nnreport-bench
[ -x "$bench" ] || swift build -c release --product nnreport-bench >/dev/null

busy=()
stop_load() { for pid in "${busy[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop_load EXIT
if [ "$load" = 1 ]; then
  for _ in 1 2; do (while :; do :; done) & busy+=($!); done
fi

results=$(mktemp)
for round in $(seq "$rounds"); do
  "$bench" nn | sed -n 's/^nn\.forward relu-784-128-64-10 batch=\([0-9]*\)\( [A-Za-z0-9=-]*\)\{0,1\}: \([0-9]*\) images\/s$/nnreport\2 \1 \3/p' >> "$results"
  "$python" scripts/bench_torch_forward.py | sed -n 's/^torch\.forward relu-784-128-64-10 batch=\([0-9]*\): \([0-9]*\) images\/s$/torch \1 \2/p' >> "$results"
  echo "round $round of $rounds done" >&2
done
"$python" - "$results" "$load" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    parts = line.split()
    name, batch, rate = " ".join(parts[:-2]), int(parts[-2]), int(parts[-1])
    rows.setdefault(name, {}).setdefault(batch, []).append(rate)
print(f"forward images/s, median of rounds ({'under load' if sys.argv[2] == '1' else 'quiet'})")
print(f"{'engine':<32} {'batch 1':>10} {'batch 64':>10} {'batch 1000':>11}")
for name, batches in rows.items():
    cells = [f"{statistics.median(batches[b]):>10.0f}" if b in batches else f"{'-':>10}" for b in (1, 64, 1000)]
    print(f"{name:<32} {cells[0]} {cells[1]} {cells[2]:>11}")
torch = rows.get("torch", {})
ours = rows.get("nnreport", {})
if torch and ours:
    print("nnreport / torch: " + ", ".join(
        f"batch {b}: {statistics.median(ours[b]) / statistics.median(torch[b]):.2f}x" for b in (1, 64, 1000) if b in ours and b in torch))
PY
