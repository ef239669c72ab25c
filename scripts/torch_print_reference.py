#!/usr/bin/env python3
"""Records how real PyTorch prints tensors and the notebook's modules, as a test fixture.

What it generates
-----------------
``Tests/Fixtures/torch-print-reference.json``: a list of cases, each with

* ``name``   -- a short, unique label used in test failure messages;
* ``kind``   -- ``float`` (a plain float32 tensor), ``parameter`` (an ``nn.Parameter``),
  ``gradfn`` (a float32 tensor produced by a differentiable op; ``grad_fn`` names it),
  ``int64`` (an integer tensor) or ``size`` (a ``torch.Size``);
* ``shape``  -- the tensor's shape (``[]`` for a 0-dim tensor);
* ``bits``   -- for float kinds, every element's float32 bit pattern as an unsigned integer,
  row-major, so no value is lost in a decimal round trip; ``integers`` for ``int64``;
* ``printed`` -- ``str(x)``, i.e. exactly what ``print(x)`` shows;
* ``options`` -- only for cases printed under non-default ``torch.set_printoptions``: the full
  set in force (precision, threshold -- null for infinity --, edgeitems, linewidth, sci_mode).

plus ``modules``: ``str(model)`` for the notebook's ``Network``, ``ReluNet``, the indexed and the
``OrderedDict`` ``nn.Sequential``, and ``model[0]``; and ``torch_version``.

The Swift tests (Tests/NNTests/TorchPrintReferenceTests.swift) read the file and require our
``TensorFormatter`` and module printing to reproduce every ``printed`` string exactly. PyTorch
is only needed to regenerate the file, never to run the tests.

Values never come from torch's RNG: they are simple formulas or NumPy draws with a fixed seed,
converted with ``torch.tensor(values, dtype=torch.float32)``, so the file is reproducible.

How to re-run
-------------
From the repository root, with any Python that has ``torch`` (CPU is enough) and ``numpy``::

    /tmp/torchenv/bin/python scripts/torch_print_reference.py

It overwrites the fixture and prints the number of cases.
"""

import collections
import json
import math
import os
import sys

import numpy as np
import torch
from torch import nn

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "Tests", "Fixtures", "torch-print-reference.json")


# MARK: - Recording


class Recorder:
    """Collects cases, checking that names are unique."""

    def __init__(self):
        self.cases = []
        self.names = set()
        # Non-default print options in force (as passed to torch.set_printoptions), or None.
        self.options = None

    def _add(self, case):
        if case["name"] in self.names:
            raise ValueError(f"duplicate case name {case['name']!r}")
        if self.options is not None:
            case["options"] = self.options
        self.names.add(case["name"])
        self.cases.append(case)

    @staticmethod
    def _bits(tensor):
        flat = tensor.detach().contiguous().reshape(-1).numpy().astype(np.float32)
        return [int(b) for b in flat.view(np.uint32)]

    def floats(self, name, values, shape=None, kind="float"):
        """A float32 tensor (or parameter) built from `values`, reshaped to `shape`."""
        array = np.asarray(values, dtype=np.float32)
        if shape is None:
            shape = list(array.shape)
        tensor = torch.tensor(array.reshape(-1), dtype=torch.float32).reshape(shape)
        if kind == "parameter":
            tensor = nn.Parameter(tensor)
        self.record_tensor(name, tensor, kind)

    def record_tensor(self, name, tensor, kind, grad_fn=None):
        """Records an existing float32 tensor as it is."""
        assert tensor.dtype == torch.float32, name
        case = {
            "name": name,
            "kind": kind,
            "shape": list(tensor.shape),
            "bits": self._bits(tensor),
            "printed": str(tensor),
        }
        if kind == "gradfn":
            case["grad_fn"] = grad_fn
            assert f"grad_fn=<{grad_fn}>" in case["printed"], case["printed"]
        self._add(case)

    def integers(self, name, values, shape=None):
        """An int64 tensor."""
        array = np.asarray(values, dtype=np.int64)
        if shape is None:
            shape = list(array.shape)
        tensor = torch.tensor(array.reshape(-1).tolist(), dtype=torch.int64).reshape(shape)
        self._add({
            "name": name,
            "kind": "int64",
            "shape": list(tensor.shape),
            "integers": [int(v) for v in tensor.reshape(-1).tolist()],
            "printed": str(tensor),
        })

    def size(self, name, shape):
        """A torch.Size."""
        self._add({"name": name, "kind": "size", "shape": list(shape),
                   "printed": str(torch.Size(shape))})


def formula(count, scale=1.0, offset=0.0):
    """Deterministic, irregular values in [-scale, scale]: a sine of a non-harmonic index."""
    return [offset + scale * math.sin(1.7 * i + 0.3 * i * i % 7.0) for i in range(count)]


# MARK: - The notebook's printouts


def notebook_cases(rec):
    bound = 1 / math.sqrt(784)  # ±0.0357, nn.Linear(784, ·)'s initialisation bound
    weight_bound = 1 / math.sqrt(128)  # ±0.0884, nn.Linear(128, 64)'s bound
    rec.floats("notebook/linear-weight-128x64-parameter",
               formula(128 * 64, weight_bound), [128, 64], kind="parameter")
    # nn.Linear(128, 64).weight itself is 64 × 128.
    rec.floats("notebook/linear-weight-64x128-parameter", formula(64 * 128, weight_bound), [64, 128],
               kind="parameter")
    rec.floats("notebook/bias-64-parameter", formula(64, weight_bound, 0.0), [64], kind="parameter")
    rec.floats("notebook/bias-784-bound-64-parameter", formula(64, bound), [64], kind="parameter")
    rec.floats("notebook/bias-64-tensor", formula(64, weight_bound), [64])
    rec.record_tensor("notebook/zeros-64", torch.zeros(64), "float")
    rec.record_tensor("notebook/zeros-3x4", torch.zeros(3, 4), "float")
    rec.record_tensor("notebook/ones-64", torch.ones(64), "float")
    rec.record_tensor("notebook/zeros-64-parameter", nn.Parameter(torch.zeros(64)), "parameter")
    rec.floats("notebook/weight-normal-0.01-128x64-parameter",
               formula(128 * 64, 0.01), [128, 64], kind="parameter")

    # Softmax sums: float32 neighbours of 1.
    below, above = np.nextafter(np.float32(1), np.float32(0)), np.nextafter(np.float32(1), np.float32(2))
    pattern = [below, np.float32(1), above, np.float32(1), np.float32(1), below, above, below]
    rec.floats("notebook/softmax-sums-64", [pattern[i % len(pattern)] for i in range(64)], [64])
    rec.floats("notebook/softmax-sums-64-all-one-or-above",
               [above if i % 3 == 0 else np.float32(1) for i in range(64)], [64])
    rec.floats("notebook/softmax-sums-64-all-exactly-one", [1.0] * 64, [64])

    # A (1, 10) probability row from a real softmax, with and without its grad_fn.
    logits = torch.tensor([[0.31, -0.12, 0.05, 0.44, -0.27, 0.18, -0.06, 0.22, -0.35, 0.09]],
                          dtype=torch.float32, requires_grad=True)
    probabilities = torch.softmax(logits, dim=1)
    rec.record_tensor("notebook/probabilities-1x10-gradfn", probabilities, "gradfn",
                      grad_fn="SoftmaxBackward0")
    rec.record_tensor("notebook/probabilities-1x10", probabilities.detach(), "float")
    for k in (0, 3, 9):
        rec.record_tensor(f"notebook/probabilities[:, {k}]-gradfn", probabilities[:, k], "gradfn",
                          grad_fn="SelectBackward0")
    # A batch of 64 × 10 probabilities from a real softmax.
    batch_logits = torch.tensor(formula(640, 0.5), dtype=torch.float32).reshape(64, 10)
    rec.record_tensor("notebook/probabilities-64x10", torch.softmax(batch_logits, dim=1), "float")
    rec.record_tensor("notebook/probabilities-64x10-sum", torch.softmax(batch_logits, dim=1).sum(dim=1),
                      "float")
    # An image row the notebook flattens: 784 pixels in [-1, 1] after Normalize((0.5,), (0.5,)).
    pixels = [(-1.0 if i % 5 else (i % 256) / 127.5 - 1.0) for i in range(784)]
    rec.floats("notebook/image-1x784", pixels, [1, 784])
    rec.floats("notebook/image-2x1x28x28", [((i * 37) % 256) / 127.5 - 1.0 for i in range(2 * 784)],
               [2, 1, 28, 28])

    # 0-dim tensors.
    rec.integers("notebook/tensor(6)-int64", 6, [])
    rec.floats("notebook/tensor(6.)", 6.0, [])
    rec.floats("notebook/tensor(0.5)", 0.5, [])
    rec.floats("notebook/tensor(0.1173)", 0.1173, [])
    rec.floats("notebook/tensor(-2.3026)", -2.302585, [])
    rec.floats("notebook/tensor(1e-05)", 1e-5, [])
    rec.floats("notebook/tensor(123456792.)", 123456789.0, [])
    rec.floats("notebook/tensor(nan)", float("nan"), [])
    rec.floats("notebook/tensor(-0.)", -0.0, [])

    # Labels.
    rec.integers("notebook/labels-64", [(i * 7 + 3) % 10 for i in range(64)], [64])
    rec.integers("notebook/labels-64-with-negative", [(i * 7 + 3) % 10 - (5 if i == 11 else 0) for i in range(64)], [64])
    rec.integers("notebook/labels-1001", [i % 10 for i in range(1001)], [1001])
    rec.integers("notebook/labels-empty", [], [0])
    rec.integers("notebook/argmax-2x3", [2, 0, 11, 5, 1234567890123, -7], [2, 3])

    rec.size("notebook/size-64x1x28x28", [64, 1, 28, 28])
    rec.size("notebook/size-64x784", [64, 784])
    rec.size("notebook/size-64", [64])
    rec.size("notebook/size-scalar", [])
    rec.size("notebook/size-0x3", [0, 3])


# MARK: - Edge cases


def edge_cases(rec):
    # Scientific notation triggers and near misses.
    rec.floats("sci/ratio-above-1000", [1.0, 1000.5, 3.0], [3])
    rec.floats("sci/ratio-exactly-1000", [1.0, 1000.0, 3.0], [3])
    rec.floats("sci/ratio-just-above-1000-fractional", [0.5, 500.25, 3.0], [3])
    rec.floats("sci/max-above-1e8", [1.5e8, 2.25e8, 1.75e8], [3])
    rec.floats("sci/max-exactly-1e8-integral", [1e8, 99999992.0, 1e8], [3])
    rec.floats("sci/min-below-1e-4", [0.00009, 0.00005, 0.00007], [3])
    rec.floats("sci/min-exactly-1e-4", [0.0001, 0.0002, 0.00015], [3])
    rec.floats("sci/integral-with-small", [1.0, 2.0, 0.00001], [3])
    rec.floats("sci/huge-and-tiny", [3.4028235e38, 1.1754944e-38, -1.0], [3])
    rec.floats("sci/negative-mixed", [-1e-5, 2.5e-3, -7.75e1, 1e3], [4])
    rec.floats("sci/with-zeros", [0.0, 1e-6, 0.0, -3e-6], [4])
    rec.floats("sci/2d", [[1e-5, 2e-3], [-3e2, 4e6]], [2, 2])

    # Widths with negatives.
    rec.floats("width/mixed-negative", [-1.5, 22.25, -333.125, 4.0], [4])
    rec.floats("width/all-negative", [-0.5, -0.25, -0.125], [3])
    rec.floats("width/negative-only-wider", [0.5, -10.25, 3.75], [3])
    rec.floats("width/2d-mixed", [[-1.0, 2.5], [30.25, -400.5]], [2, 2])
    rec.floats("width/integral-negative", [-1.0, 20.0, -300.0], [3])

    # NaN and infinities.
    nan, inf = float("nan"), float("inf")
    rec.floats("nonfinite/nan-inf-mix", [nan, inf, -inf, 1.5, -2.25], [5])
    rec.floats("nonfinite/integral-with-nan", [1.0, nan, 3.0, -inf], [4])
    rec.floats("nonfinite/only-nan", [nan, nan], [2])
    rec.floats("nonfinite/only-inf", [inf, -inf, inf], [3])
    rec.floats("nonfinite/nan-and-zero", [0.0, nan, -0.0], [3])
    rec.floats("nonfinite/sci-with-inf", [1e-6, inf, -inf, nan, 5.0], [5])
    rec.floats("nonfinite/2d", [[nan, 1.0], [inf, 0.25]], [2, 2])

    # Integral floats, large magnitudes.
    rec.floats("integral/small", [1.0, 2.0, 3.0], [3])
    rec.floats("integral/large", [1234567.0, -7654321.0, 99999999.0], [3])
    rec.floats("integral/above-1e8", [123456789.0, 1.0, 2.0], [3])
    rec.floats("integral/ratio-above-1000", [1.0, 1001.0, 5.0], [3])
    rec.floats("integral/ratio-1000", [1.0, 1000.0, 5.0], [3])
    rec.floats("integral/16777217", [16777216.0, 16777218.0, -16777216.0], [3])
    rec.floats("integral/max-float", [3.4028235e38, -3.4028235e38], [2])
    rec.floats("integral/2d", [[1.0, -2.0, 3.0], [400.0, 5.0, -60.0]], [2, 3])

    # The summarisation threshold: 1000 elements are printed in full, 1001 are not.
    rec.floats("threshold/1000-elements", formula(1000, 2.0), [1000])
    rec.floats("threshold/1001-elements", formula(1001, 2.0), [1001])
    rec.floats("threshold/1000-elements-2d", formula(1000, 2.0), [10, 100])
    rec.floats("threshold/1001-elements-7x143", formula(1001, 2.0), [7, 143])
    rec.floats("threshold/1001-elements-1001x1", formula(1001, 2.0), [1001, 1])
    rec.floats("threshold/1001-hidden-huge", [1e9 if 3 <= i < 998 else 0.5 + i for i in range(1001)], [1001])
    rec.floats("threshold/1024-6-rows", formula(1026, 3.0), [6, 171])
    rec.floats("threshold/1001-elements-parameter", formula(1001, 0.05), [1001], kind="parameter")

    # Higher ranks.
    rec.floats("rank/3d-2x3x4", formula(24, 5.0), [2, 3, 4])
    rec.floats("rank/4d-2x2x2x3", formula(24, 0.5), [2, 2, 2, 3])
    rec.floats("rank/3d-1x1x1", [0.25], [1, 1, 1])
    rec.floats("rank/3d-summarised-10x11x12", formula(1320, 1.0), [10, 11, 12])
    rec.floats("rank/3d-summarised-2x2x300", formula(1200, 1.0), [2, 2, 300])
    rec.floats("rank/4d-summarised-7x7x7x7", formula(2401, 10.0), [7, 7, 7, 7])
    rec.floats("rank/4d-integral", [float(i % 13 - 6) for i in range(2 * 3 * 2 * 4)], [2, 3, 2, 4])
    rec.floats("rank/5d-2x1x2x1x2", formula(8, 1.0), [2, 1, 2, 1, 2])
    rec.floats("rank/3d-parameter", formula(12, 0.1), [2, 2, 3], kind="parameter")

    # Empty tensors.
    rec.record_tensor("empty/zeros(0)", torch.zeros(0), "float")
    rec.record_tensor("empty/zeros(0,3)", torch.zeros(0, 3), "float")
    rec.record_tensor("empty/zeros(2,0,4)", torch.zeros(2, 0, 4), "float")
    rec.record_tensor("empty/zeros(0)-parameter", nn.Parameter(torch.zeros(0)), "parameter")
    rec.integers("empty/int64-0x2", [], [0, 2])

    # Wrapping of long rows.
    rec.floats("wrap/1d-100", formula(100, 1.0), [100])
    rec.floats("wrap/1d-100-integral", [float(i) for i in range(100)], [100])
    rec.floats("wrap/1d-1000-sci", [10.0 ** (i % 12 - 6) for i in range(1000)], [1000])
    rec.floats("wrap/2d-3x40", formula(120, 100.0), [3, 40])
    rec.floats("wrap/1d-30-wide", [123456.789 * (1 if i % 2 else -1) for i in range(30)], [30])
    leaf = torch.tensor(formula(64, 0.1), dtype=torch.float32, requires_grad=True)
    rec.record_tensor("wrap/1d-64-gradfn-suffix", leaf * 2, "gradfn", grad_fn="MulBackward0")
    rec.record_tensor("wrap/1d-1001-gradfn-suffix",
                      torch.tensor(formula(1001, 3.0), dtype=torch.float32, requires_grad=True) + 1,
                      "gradfn", grad_fn="AddBackward0")
    rec.floats("wrap/1d-7-parameter-fits", formula(7, 0.1), [7], kind="parameter")
    rec.floats("wrap/1d-8-parameter-wraps", formula(8, 0.1), [8], kind="parameter")
    rec.floats("wrap/1d-9-parameter", formula(9, 0.1), [9], kind="parameter")
    rec.floats("wrap/1d-54-parameter", formula(54, 0.1), [54], kind="parameter")

    # Rounding across widths.
    rec.floats("round/9.99995", [9.99995, 1.0], [2])
    rec.floats("round/9.99996", [9.99996, 1.0], [2])
    rec.floats("round/99.99995", [99.99995, -1.0], [2])
    rec.floats("round/0.00005-fixed", [0.00015, 0.00025, 0.00035, 1.0], [4])
    rec.floats("round/half-even", [0.12345, 0.12355, 2.5, 0.00005 + 1.0], [4])
    rec.floats("round/sci-9.99995e-5", [9.99995e-5, 1.0], [2])
    rec.floats("round/sci-to-e+01", [9.99996, 1e-6], [2])
    rec.floats("round/-0.00004-in-fixed", [-0.00004, 1.0, 0.0], [3])

    # Signed zeros and denormals.
    rec.floats("zero/negative-zero-alone", [-0.0], [1])
    rec.floats("zero/negative-zero-with-ones", [-0.0, 1.0, 0.0], [3])
    rec.floats("zero/negative-zero-with-fraction", [-0.0, 0.5, 0.0], [3])
    rec.floats("zero/negative-zero-with-sci", [-0.0, 1e-7, 2.0], [3])
    rec.floats("denormal/smallest", [np.float32(1.4e-45), 1.0], [2])
    rec.floats("denormal/alone", [np.float32(1e-40), np.float32(-3e-42)], [2])
    rec.floats("denormal/with-zero", [0.0, np.float32(1.4e-45)], [2])


# MARK: - Print options


def option_cases(rec):
    """The same kinds of tensors under non-default `torch.set_printoptions`."""
    nan, inf = float("nan"), float("inf")
    samples = {
        "fraction": ([0.5, 2.0], [2]),
        "wide-fixed": ([-100.5, 0.5, 3.25], [3]),
        "auto-sci": ([1e-5, 1.0], [2]),
        "integral": ([1.0, 2.0, -30.0], [3]),
        "integral-huge": ([1e9, 1.0], [2]),
        "integral-wide-ratio": ([1.0, 5000.0], [2]),
        "zeros": ([0.0, -0.0], [2]),
        "nonfinite": ([nan, 1.5, -inf], [3]),
        "nonfinite-integral": ([inf, 2.0, nan], [3]),
        "tiny-and-huge": ([1e-7, -3e7, 12.5], [3]),
        "1001": (formula(1001, 7.0), [1001]),
        "2d-12x13": (formula(156, 0.3), [12, 13]),
        "3d-4x5x60": (formula(1200, 50.0), [4, 5, 60]),
        "scalar": (0.123456, []),
        "long-row": (formula(40, 1.0), [40]),
    }
    settings = [
        ("sci_mode=True", {"sci_mode": True}),
        ("sci_mode=False", {"sci_mode": False}),
        ("precision=2", {"precision": 2}),
        ("precision=0", {"precision": 0}),
        ("precision=8", {"precision": 8}),
        ("precision=2,sci_mode=True", {"precision": 2, "sci_mode": True}),
        ("profile=short", {"profile": "short"}),
        ("profile=full", {"profile": "full"}),
        ("threshold=5", {"threshold": 5}),
        ("edgeitems=1", {"edgeitems": 1}),
        ("edgeitems=0", {"edgeitems": 0}),
        ("linewidth=40", {"linewidth": 40}),
        ("linewidth=10", {"linewidth": 10}),
        ("linewidth=120", {"linewidth": 120}),
    ]
    for label, setting in settings:
        with torch._tensor_str.printoptions(**setting):
            current = torch._tensor_str.get_printoptions()
            # JSON has no infinity: `profile="full"` sets threshold to inf, recorded as null.
            if math.isinf(current["threshold"]):
                current["threshold"] = None
            rec.options = current
            for sample, (values, shape) in samples.items():
                rec.floats(f"options/{label}/{sample}", values, shape)
            rec.floats(f"options/{label}/parameter", formula(20, 0.05), [20], kind="parameter")
            rec.integers(f"options/{label}/int64", [i * 37 % 1000 - 500 for i in range(1001)], [1001])
            rec.integers(f"options/{label}/int64-short", [7, -12, 3], [3])
            leaf = torch.tensor(formula(30, 2.0), dtype=torch.float32, requires_grad=True)
            rec.record_tensor(f"options/{label}/gradfn", leaf * 3, "gradfn", grad_fn="MulBackward0")
            rec.record_tensor(f"options/{label}/empty-0x3", torch.zeros(0, 3), "float")
            rec.options = None


# MARK: - Random cases


def random_shape(rng, max_elements=2000):
    rank = int(rng.integers(0, 5))
    while True:
        shape = [int(rng.integers(1, 13 if rank > 1 else 2200)) for _ in range(rank)]
        if rank >= 2 and rng.random() < 0.3:
            shape[-1] = int(rng.integers(1, 120))
        if int(np.prod(shape)) <= max_elements:
            return shape


def random_values(rng, count):
    style = rng.choice(["uniform", "lognormal", "integral", "zeros", "nonfinite", "narrow", "mixed"])
    exponent = float(rng.uniform(-6, 9))
    scale = 10.0 ** exponent
    signs = np.where(rng.random(count) < 0.5, -1.0, 1.0)
    if style == "uniform":
        values = rng.uniform(-scale, scale, count)
    elif style == "lognormal":
        values = signs * 10.0 ** rng.uniform(exponent - 3, exponent, count)
    elif style == "integral":
        values = np.round(rng.uniform(-scale, scale, count))
    elif style == "zeros":
        values = rng.uniform(-scale, scale, count)
        values[rng.random(count) < 0.6] = 0.0
    elif style == "nonfinite":
        values = rng.uniform(-scale, scale, count)
        mask = rng.random(count)
        values[mask < 0.05] = np.nan
        values[(mask >= 0.05) & (mask < 0.08)] = np.inf
        values[(mask >= 0.08) & (mask < 0.1)] = -np.inf
    elif style == "narrow":
        values = scale * (1.0 + signs * rng.uniform(0, 1e-3, count))
    else:  # mixed magnitudes across the whole range
        values = signs * 10.0 ** rng.uniform(-6, 9, count)
    return np.asarray(values, dtype=np.float32), str(style)


def random_cases(rec, count=100, seed=20261127):
    rng = np.random.default_rng(seed)
    for index in range(count):
        shape = random_shape(rng)
        elements = int(np.prod(shape)) if shape else 1
        values, style = random_values(rng, elements)
        name = f"random/{index:03d}-{style}-" + ("x".join(map(str, shape)) or "scalar")
        kind = "parameter" if index % 10 == 7 else "float"
        rec.floats(name, values, shape, kind=kind)
    for index in range(12):
        shape = random_shape(rng)
        elements = int(np.prod(shape)) if shape else 1
        magnitude = 10 ** int(rng.integers(0, 13))
        values = rng.integers(-magnitude, magnitude + 1, elements)
        rec.integers(f"random-int64/{index:02d}-" + ("x".join(map(str, shape)) or "scalar"), values, shape)


# MARK: - Modules


class Network(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(784, 256)
        self.output = nn.Linear(256, 10)
        self.sigmoid = nn.Sigmoid()
        self.softmax = nn.Softmax(dim=1)


class ReluNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.input_to_hidden_one = nn.Linear(784, 128)
        self.hidden_one_to_hidden_two = nn.Linear(128, 64)
        self.hidden_two_to_output = nn.Linear(64, 10)
        self.relu = nn.ReLU()
        self.softmax = nn.Softmax(dim=1)


def module_printouts():
    indexed = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(),
                            nn.Linear(64, 10), nn.Softmax(dim=1))
    named = nn.Sequential(collections.OrderedDict([
        ("input_to_hidden", nn.Linear(784, 128)),
        ("relu_1", nn.ReLU()),
        ("hidden_to_hidden", nn.Linear(128, 64)),
        ("relu_2", nn.ReLU()),
        ("output", nn.Linear(64, 10)),
        ("softmax", nn.Softmax(dim=1)),
    ]))
    return {
        "Network": str(Network()),
        "ReluNet": str(ReluNet()),
        "SequentialIndexed": str(indexed),
        "SequentialIndexed[0]": str(indexed[0]),
        "SequentialNamed": str(named),
        "SequentialNamed[0]": str(named[0]),
        "SequentialNamed.softmax": str(named.softmax),
        "SequentialNamed.relu_1": str(named.relu_1),
    }


# MARK: - Main


def main():
    torch.set_printoptions(profile="default")
    rec = Recorder()
    notebook_cases(rec)
    edge_cases(rec)
    random_cases(rec)
    option_cases(rec)
    document = {
        "generator": "scripts/torch_print_reference.py",
        "torch_version": torch.__version__,
        "numpy_version": np.__version__,
        "cases": rec.cases,
        "modules": module_printouts(),
    }
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    # One case per line keeps the file reviewable and its diffs small.
    header = {key: value for key, value in document.items() if key != "cases"}
    lines = ",\n".join("  " + json.dumps(case, ensure_ascii=False) for case in rec.cases)
    text = json.dumps(header, indent=1, ensure_ascii=False)
    text = text[:-2] + ',\n "cases": [\n' + lines + "\n ]\n}\n"
    json.loads(text)  # the hand-joined document must still be valid JSON
    with open(OUTPUT, "w", encoding="utf-8") as file:
        file.write(text)
    print(f"wrote {len(rec.cases)} cases and {len(document['modules'])} module printouts "
          f"(torch {torch.__version__}) to {os.path.relpath(OUTPUT, ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
