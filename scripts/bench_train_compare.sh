#!/usr/bin/env bash
# Alternates `nnreport-bench train` and PyTorch's training benchmark (scripts/bench_torch_train.py)
# in one run and prints a table of Fashion-MNIST images/s for one epoch (median over rounds), for
# the pre-loaded and the DataLoader loops, with test accuracies and the ratio to PyTorch.
#   scripts/bench_train_compare.sh [--rounds N]
# PyTorch runs twice per round: with its default thread count and with one thread (on a machine
# shared with other work its two spinning OpenMP threads can lose most of their time).
# PYTHON names a Python with torch (default: python3). Needs dataset-fashion-mnist.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=3
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    *) echo "usage: $0 [--rounds N]" >&2; exit 64 ;;
  esac
done
python=${PYTHON:-python3}
"$python" -c "import torch" 2>/dev/null || { echo "$0: $python has no torch; set PYTHON=/path/to/venv/bin/python" >&2; exit 69; }
[ -d /usr/share/datasets/fashion-mnist ] || { echo "$0: apt-get install dataset-fashion-mnist first" >&2; exit 69; }
bench=.build/release/nnreport-bench
[ -x "$bench" ] || swift build -c release --product nnreport-bench >/dev/null

results=$(mktemp)
trap 'rm -f "$results"' EXIT
# "<engine> <loop> <images/s> <mean accuracy>" per line.
pattern='s/^\(train\|torch\.train\) relu-784-128-64-10 fashion-mnist \([a-z]*\) .*: \([0-9]*\) images\/s.*(mean \([0-9.]*\))$/\2 \3 \4/p'
for round in $(seq "$rounds"); do
  "$bench" train | sed -n "$pattern" | sed 's/^/nnreport /' >> "$results"
  "$python" scripts/bench_torch_train.py --only fashion-mnist --runs 1 | sed -n "$pattern" | sed 's/^/torch /' >> "$results"
  "$python" scripts/bench_torch_train.py --only fashion-mnist --runs 1 --threads 1 | sed -n "$pattern" | sed 's/^/torch-1-thread /' >> "$results"
  echo "round $round of $rounds done" >&2
done
"$python" - "$results" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    engine, loop, rate, accuracy = line.split()
    entry = rows.setdefault((engine, loop), ([], []))
    entry[0].append(int(rate))
    entry[1].append(float(accuracy))
print("Fashion-MNIST, one epoch, batch 64, SGD(lr=0.003, momentum=0.9): images/s (median of rounds), mean test accuracy")
print(f"{'engine':<16} {'loop':<11} {'images/s':>9} {'accuracy':>9}")
for (engine, loop), (rates, accuracies) in rows.items():
    print(f"{engine:<16} {loop:<11} {statistics.median(rates):>9.0f} {statistics.mean(accuracies):>9.4f}")
for loop in ("preloaded", "dataloader"):
    ours = rows.get(("nnreport", loop))
    for engine in ("torch", "torch-1-thread"):
        theirs = rows.get((engine, loop))
        if ours and theirs:
            print(f"nnreport / {engine} {loop}: {statistics.median(ours[0]) / statistics.median(theirs[0]):.2f}x, "
                  f"accuracy {100 * (statistics.mean(ours[1]) - statistics.mean(theirs[1])):+.2f} points")
PY
