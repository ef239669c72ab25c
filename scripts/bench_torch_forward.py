#!/usr/bin/env python3
"""Forward throughput of PyTorch's 784-128-64-10 ReLU network, for comparison with `nnreport-bench nn`.

Prints lines shaped like nnreport-bench's: images/s at batch 1, 64 and 1000, the median of ten
windows of about 0.1 s each after a warm-up, under torch.no_grad() in float32. Needs PyTorch
(not part of nnreport's set-up): `pip install torch` (a CPU build is enough). Run it in the same
session as `nnreport-bench nn`, since the machine's load moves both figures.
"""
import statistics
import time

import torch
from torch import nn


def network() -> nn.Module:
    """The notebook's indexed Sequential: 784 → 128 → ReLU → 64 → ReLU → 10 → softmax."""
    return nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(),
                         nn.Linear(64, 10), nn.Softmax(dim=1))


def images_per_second(model: nn.Module, batch: int, windows: int = 10, window_seconds: float = 0.1) -> float:
    """Median over `windows` timed windows of forward passes on one fixed batch."""
    inputs = torch.rand(batch, 784)
    with torch.no_grad():
        for _ in range(20):
            model(inputs)
        rates = []
        for _ in range(windows):
            count, start = 0, time.perf_counter()
            while (elapsed := time.perf_counter() - start) < window_seconds:
                model(inputs)
                count += 1
            rates.append(count * batch / elapsed)
    return statistics.median(rates)


def main() -> None:
    torch.manual_seed(1)
    model = network().eval()
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    for batch in (1, 64, 1000):
        print(f"torch.forward relu-784-128-64-10 batch={batch}: {images_per_second(model, batch):.0f} images/s")


if __name__ == "__main__":
    main()
