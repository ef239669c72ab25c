#!/usr/bin/env python3
"""Times matplotlib + seaborn on the lesson's figures, for comparison with `nnreport-bench figures`.

Draws the same four figures as nnreport's Plotting builders (same data, sizes in inches, seaborn
whitegrid at font scale 1, tight layout) and, for each, prints one line in the format of
`nnreport-bench figures`: the median time (wall, and CPU time of the thread) to build the figure (artists + tight layout), to save a
2x PNG (`savefig(..., dpi=200)`, which renders and encodes), both together, and the PNG and SVG sizes.
A second time, `savefig(..., dpi=200, bbox_inches="tight")`, is what Jupyter's inline "retina"
figures do (it draws the figure twice).

Usage: python3 scripts/bench_matplotlib.py [--runs N] [--out DIR] [--ours FILE]
  --out DIR   also writes each figure's PNG to DIR, to look at them beside nnreport's.
  --ours FILE the output of `nnreport-bench figures` from the same session: prints, per figure, how many
              times faster nnreport's build+render+encode is than matplotlib's savefig alone and than
              build+savefig (wall and CPU medians).
"""

import argparse
import gzip
import io
import os
import re
import statistics
import struct
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import seaborn as sns  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "Sources/Datasets/Resources/mnist-sample/train-images-idx3-ubyte.gz")
FASHION = "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz"

# The golden tests' inputs (Tests/CairoBackendTests/Support/NotebookFixtures.swift).
DIGIT_PROBABILITIES = [0.01, 0.02, 0.05, 0.08, 0.01, 0.03, 0.01, 0.62, 0.04, 0.13]
FASHION_PROBABILITIES = [0.004, 0.001, 0.003, 0.002, 0.004, 0.07, 0.006, 0.18, 0.02, 0.71]
FASHION_CLASS_NAMES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                       "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
SOFTMAX_ULPS = [
    0, 0, -1, 0, 1, 0, 0, -1, 0, 0, 0, 1, -1, 0, 0, 0,
    0, 1, 0, 0, -2, 0, 0, 0, 1, 0, -1, 0, 0, 0, 0, 1,
    0, 0, -1, 0, 0, 2, 0, 0, 0, -1, 0, 0, 1, 0, 0, 0,
    -1, 0, 0, 0, 0, 1, 0, -1, 0, 0, 0, 0, 1, 0, 0, -1,
]


def idx_image(path, index):
    """Record `index` of a gzipped IDX image file, normalised to [-1, 1] like Normalize((0.5,), (0.5,))."""
    data = gzip.open(path).read()
    count, rows, cols = struct.unpack(">III", data[4:16])
    assert index < count, f"{path} has {count} images"
    start = 16 + index * rows * cols
    pixels = np.frombuffer(data[start:start + rows * cols], dtype=np.uint8).astype(np.float32)
    return (pixels / 255 - 0.5) / 0.5


def softmax_sums():
    one = np.array([1.0], dtype=np.float32).view(np.int32)[0]
    return np.array([one + u for u in SOFTMAX_ULPS], dtype=np.int32).view(np.float32)


# MARK: - The figures (mirroring Sources/Plotting/NotebookFigures)

def digit_figure(pixels):
    fig, ax = plt.subplots(figsize=(3.4, 3.6))
    ax.imshow(pixels.reshape(28, 28), cmap="Greys_r")
    ax.grid(False)
    ax.set_title("7")
    fig.tight_layout()
    return fig


def activation_figure():
    x = np.linspace(-2, 2, 200)
    fig, axes = plt.subplots(1, 3, figsize=(7.6, 3.0), gridspec_kw={"width_ratios": [1.5, 1, 1]})
    series = [("Rectified Linear Unit (ReLU)", np.maximum(0, x)), ("Sigmoid", 1 / (1 + np.exp(-x))),
              ("Tanh", np.tanh(x))]
    for i, (ax, (title, y)) in enumerate(zip(axes, series)):
        ax.plot(x, y, color=f"C{i}", label=title)
        ax.set_title(title, fontweight="bold")
        ax.set_xlabel("x")
    fig.tight_layout()
    return fig


def softmax_sums_figure(sums):
    deviation = np.abs(sums.astype(np.float64) - 1).max()
    half_span = max(1e-6, deviation * 1.2)
    fig, ax = plt.subplots(figsize=(7.6, 3.4))
    ax.axhline(1, color="C3", linestyle="--", label="exactly 1")
    markers, stems, base = ax.stem(np.arange(len(sums)), sums, bottom=1, label="row sum")
    base.set_visible(False)
    ax.set_ylim(1 - half_span, 1 + half_span)
    ax.legend(loc="upper right")
    ax.set_title("Softmax row sums")
    ax.set_xlabel("row of the batch")
    ax.set_ylabel("sum of probabilities")
    fig.tight_layout()
    return fig


def classification_figure(pixels, probabilities, class_names=None):
    # The lesson's view_classify, at nnreport's size.
    fig, (ax1, ax2) = plt.subplots(figsize=(7.6, 3.8), ncols=2)
    ax1.imshow(pixels.reshape(28, 28), cmap="viridis")  # matplotlib's default; seaborn's theme would pick "rocket"
    ax1.axis("off")
    ax2.barh(np.arange(10), probabilities)
    ax2.set_aspect(0.1)
    ax2.set_yticks(np.arange(10))
    ax2.set_yticklabels(class_names if class_names else [str(i) for i in range(10)])
    ax2.set_title("Class Probability")
    ax2.set_xlim(0, 1.1)
    fig.tight_layout()
    return fig


# MARK: - Measurement

class Timing:
    """Median wall and thread CPU milliseconds of one measured step (each median taken separately)."""

    def __init__(self, walls, cpus):
        self.wall = statistics.median(walls)
        self.cpu = statistics.median(cpus)

    def __str__(self):
        return f"{self.wall:.2f} ms (CPU {self.cpu:.2f})"


def median_ms(runs, body):
    body()  # warm-up: font cache, first-use imports
    walls, cpus = [], []
    for _ in range(runs):
        cpu_start = time.thread_time()
        start = time.perf_counter()
        body()
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((time.thread_time() - cpu_start) * 1000)
    return Timing(walls, cpus)


def save(fig, fmt="png", **kwargs):
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=200, **kwargs)
    return buffer.getvalue()


def parse_ours(path):
    """{figure name: (wall ms, CPU ms)} of build+render+encode from `nnreport-bench figures` output."""
    pattern = re.compile(r"^figures\.(\S+) .*build\+render\+encode ([0-9.]+) ms \(CPU ([0-9.]+)\)")
    ours = {}
    with open(path) as f:
        for line in f:
            match = pattern.match(line)
            if match:
                ours[match.group(1)] = (float(match.group(2)), float(match.group(3)))
    return ours


def print_ratios(ours, theirs):
    print("figures: matplotlib time / nnreport build+render+encode time (wall, CPU)")
    for name, (savefig, total) in theirs.items():
        if name not in ours:
            print(f"  {name}: not in the nnreport output")
            continue
        wall, cpu = ours[name]
        print(f"  {name}: savefig {savefig.wall / wall:.1f}x (CPU {savefig.cpu / cpu:.1f}x), "
              f"build+savefig {total.wall / wall:.1f}x (CPU {total.cpu / cpu:.1f}x)")


def measure(name, build, runs, out):
    def build_only():
        plt.close(build())

    fig = build()
    png = save(fig)
    svg = save(fig, "svg")
    width, height = struct.unpack(">II", png[16:24])
    if out:
        with open(os.path.join(out, f"{name}.png"), "wb") as f:
            f.write(png)
    build_ms = median_ms(runs, build_only)
    savefig_ms = median_ms(runs, lambda: save(fig))
    tight_ms = median_ms(runs, lambda: save(fig, bbox_inches="tight"))
    plt.close(fig)

    def total():
        figure = build()
        save(figure)
        plt.close(figure)

    total_ms = median_ms(runs, total)
    print(f"figures.{name} {width}x{height} px: build {build_ms}, savefig(dpi=200) {savefig_ms}, "
          f"build+savefig {total_ms}; PNG {len(png)} bytes; SVG {len(svg)} bytes; "
          f"savefig(dpi=200, bbox_inches=tight) {tight_ms}")
    return savefig_ms, total_ms


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--out", help="also write each figure's PNG here")
    parser.add_argument("--ours", help="output of `nnreport-bench figures`, to print speed ratios")
    args = parser.parse_args()
    if args.out:
        os.makedirs(args.out, exist_ok=True)

    sns.set_theme(style="whitegrid", context="notebook", font_scale=1)
    digit = idx_image(SAMPLE, 11)
    cases = [
        ("digit", lambda: digit_figure(digit)),
        ("activations", activation_figure),
        ("softmax-sums", lambda: softmax_sums_figure(softmax_sums())),
        ("classification", lambda: classification_figure(digit, DIGIT_PROBABILITIES)),
    ]
    if os.path.exists(FASHION):
        boot = idx_image(FASHION, 0)
        cases.append(("classification-fashion",
                      lambda: classification_figure(boot, FASHION_PROBABILITIES, FASHION_CLASS_NAMES)))
    print(f"figures (matplotlib {matplotlib.__version__}, seaborn {sns.__version__}, Agg): "
          f"medians of {args.runs} runs (wall, and this thread's CPU time)")
    theirs = {}
    for name, build in cases:
        theirs[name] = measure(name, build, args.runs, args.out)
    if args.ours:
        print_ratios(parse_ours(args.ours), theirs)


if __name__ == "__main__":
    main()
