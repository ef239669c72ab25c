#!/usr/bin/env python3
"""Records PyTorch's CPU random numbers, bit for bit, as a test fixture.

What it generates
-----------------
``Tests/Fixtures/torch-rng-reference.json`` with

* ``torch_version``, ``cpu_capability`` (``torch.backends.cpu.get_cpu_capability()``) and
  ``fresh_generator``: the seed of a new ``torch.Generator()`` and its first ``rand(8)``;
* ``cases``: each starts with ``torch.manual_seed(seed)`` and runs ``ops`` in order on the
  global generator, recording each op's ``result``. Ops:
  ``rand`` (count), ``uniform`` (count, from, to: ``torch.empty(count).uniform_(from, to)``),
  ``randn`` (count), ``normal`` (count, mean, std: ``torch.empty(count).normal_(mean, std)``),
  ``randint`` (low, high, count; int64), ``randperm`` (count; int64), ``random_int64``
  (``torch.empty((), dtype=torch.int64).random_()``), ``manual_seed`` (seed; no result) and
  ``linear`` (in, out: ``nn.Linear(in, out)``; results ``weight`` and ``bias``, plus the bounds
  ``weight_bound_bits`` / ``bias_bound_bits`` as the float64 bit patterns of ``bound``).
  ``threads`` is the ``torch.set_num_threads`` in force (1 or 2); the script checks that both
  give identical results before recording them.
* ``dataloader``: ``DataLoader(TensorDataset(torch.arange(size)), batch_size=64, shuffle=...)``
  after ``torch.manual_seed(seed)``; ``steps`` in order: ``epoch`` (a full ``for`` loop:
  ``result`` is the concatenated index order, ``batch_sizes`` the sizes), ``first_batch``
  (``next(iter(loader))``), ``iter`` (an iterator created and kept, not advanced),
  ``next`` (``next()`` on the kept iterator) and ``rand`` (count; ``torch.rand`` on the global
  generator, to show how many draws the loader took).

A ``result`` is ``{"dtype": "float32" | "int64", "count": n, ...}`` with either ``values``
(every element: float32 bit patterns as unsigned integers, or the int64 values) when
``n <= 128``, or else ``sha256`` (hex, over the elements' little-endian bytes: 4 per float32,
8 per int64), ``head`` and ``tail`` (the first and last 8 elements) and ``strided`` (elements
0, 4096, 8192, ...). Bit patterns, never decimals, so nothing is lost.

The Swift tests (Tests/NNTests/TorchRandomReferenceTests.swift,
Tests/DatasetsTests/TorchDataLoaderReferenceTests.swift) replay every case with our generator
and compare every bit. PyTorch is only needed to regenerate the file, never to run the tests.

How to re-run
-------------
From the repository root, with the throwaway venv that has ``torch==2.13.0+cpu``::

    /opt/torchvenv/bin/python scripts/torch_rng_reference.py

It overwrites the fixture and prints a summary. The numbers were recorded on an AVX2 CPU
(``cpu_capability`` ``AVX2``); on a CPU without AVX2, ``normal_`` of 16 or more values uses
libm instead of the vectorised Cephes functions and would record different numbers.
"""

import hashlib
import json
import math
import os
import struct
import sys

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "Tests", "Fixtures", "torch-rng-reference.json")

SEEDS = [0, 1, 7, 123, 42, 2**32 + 5, -1]
FULL_LIMIT = 128   # results up to this many elements are stored in full
EDGE = 8           # head / tail length of a digested result
STRIDE = 4096      # spacing of the strided sample of a digested result


# MARK: - Encoding results


def encode(tensor):
    """A result record for a float32 or int64 tensor (see the module docstring)."""
    flat = tensor.detach().contiguous().reshape(-1)
    if flat.dtype == torch.float32:
        array = flat.numpy().view(np.uint32).astype("<u4")
        dtype = "float32"
    elif flat.dtype == torch.int64:
        array = flat.numpy().astype("<i8")
        dtype = "int64"
    else:
        raise TypeError(f"unexpected dtype {flat.dtype}")
    values = [int(v) for v in array]
    record = {"dtype": dtype, "count": len(values)}
    if len(values) <= FULL_LIMIT:
        record["values"] = values
    else:
        record["sha256"] = hashlib.sha256(array.tobytes()).hexdigest()
        record["head"] = values[:EDGE]
        record["tail"] = values[-EDGE:]
        record["strided"] = values[::STRIDE]
    return record


def double_bits(value):
    """The IEEE-754 bit pattern of a Python float (float64), as an unsigned integer."""
    return struct.unpack("<Q", struct.pack("<d", float(value)))[0]


# MARK: - Running ops


def run(op):
    """Runs one op on the global generator and returns its record (the op plus its result)."""
    kind = op["op"]
    record = dict(op)
    if kind == "rand":
        record["result"] = encode(torch.rand(op["count"]))
    elif kind == "uniform":
        values = torch.empty(op["count"]).uniform_(op["from"], op["to"])
        # The rule this fixture pins down: uniform_ never returns `to`.
        if bool((values == torch.tensor(op["to"], dtype=torch.float32)).any()):
            sys.exit(f"uniform_({op['from']}, {op['to']}) returned `to`")
        record["result"] = encode(values)
    elif kind == "randn":
        record["result"] = encode(torch.randn(op["count"]))
    elif kind == "normal":
        record["result"] = encode(torch.empty(op["count"]).normal_(op["mean"], op["std"]))
    elif kind == "randint":
        record["result"] = encode(torch.randint(op["low"], op["high"], (op["count"],)))
    elif kind == "randperm":
        record["result"] = encode(torch.randperm(op["count"]))
    elif kind == "random_int64":
        record["result"] = encode(torch.empty((), dtype=torch.int64).random_())
    elif kind == "manual_seed":
        torch.manual_seed(op["seed"])
    elif kind == "linear":
        layer = nn.Linear(op["in"], op["out"])
        fan_in = op["in"]
        # The bounds exactly as torch/nn/init.py and nn.Linear.reset_parameters compute them.
        gain = math.sqrt(2.0 / (1 + math.sqrt(5) ** 2))
        record["weight_bound_bits"] = double_bits(math.sqrt(3.0) * (gain / math.sqrt(fan_in)))
        record["bias_bound_bits"] = double_bits(1 / math.sqrt(fan_in))
        record["weight"] = encode(layer.weight)
        record["bias"] = encode(layer.bias)
    else:
        raise ValueError(f"unknown op {kind!r}")
    return record


def case(name, seed, ops, threads=1):
    """Seeds the global generator, runs `ops` with `threads` threads and returns the case."""
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    return {"name": name, "seed": seed, "threads": threads, "ops": [run(op) for op in ops]}


def results_of(recorded):
    """Everything a case recorded except its name and thread count, for comparing runs."""
    return json.dumps(recorded["ops"], sort_keys=True)


# MARK: - The cases


def generator_cases():
    cases = []
    sizes = [1, 15, 16, 17, 100, 100352]
    for seed in SEEDS:
        label = f"seed{seed}"
        cases.append(case(f"{label}/rand", seed, [{"op": "rand", "count": n} for n in [1, 17, 100]]))
        cases.append(case(f"{label}/rand-100352", seed, [{"op": "rand", "count": 100352}]))
        cases.append(case(f"{label}/uniform-minus-half-to-half", seed,
                          [{"op": "uniform", "count": 100, "from": -0.5, "to": 0.5}]))
        for n in sizes:
            cases.append(case(f"{label}/randn-{n}", seed, [{"op": "randn", "count": n}]))
        cases.append(case(f"{label}/randint-0-10", seed, [{"op": "randint", "low": 0, "high": 10, "count": 100}]))
        cases.append(case(f"{label}/random-int64", seed, [{"op": "random_int64"}, {"op": "random_int64"}]))
        for n in [4000, 60000]:
            cases.append(case(f"{label}/randperm-{n}", seed,
                              [{"op": "randperm", "count": n}, {"op": "rand", "count": 4}]))
        cases.append(case(f"{label}/linear-784-128-64-10", seed,
                          [{"op": "linear", "in": i, "out": o} for i, o in [(784, 128), (128, 64), (64, 10)]]))

    # Sequences on one generator: state carried across calls, the cached normal of the small path.
    cases.append(case("cache/two-consecutive-randn-1", 0, [{"op": "randn", "count": 1}, {"op": "randn", "count": 1}]))
    cases.append(case("cache/odd-small-calls", 42, [{"op": "randn", "count": n} for n in [3, 1, 5, 15, 2]]))
    cases.append(case("cache/survives-a-large-call", 7, [
        {"op": "randn", "count": 1}, {"op": "randn", "count": 16}, {"op": "randn", "count": 1},
        {"op": "rand", "count": 3}, {"op": "randn", "count": 1}]))
    cases.append(case("cache/cleared-by-manual-seed", 123, [
        {"op": "randn", "count": 1}, {"op": "manual_seed", "seed": 123}, {"op": "randn", "count": 2}]))
    cases.append(case("cache/seed-2^32+5-equals-seed-5", 5, [
        {"op": "randn", "count": 3}, {"op": "manual_seed", "seed": 2**32 + 5}, {"op": "randn", "count": 3}]))
    cases.append(case("mixed/uniform-normal-integers", 1, [
        {"op": "rand", "count": 5}, {"op": "randn", "count": 33}, {"op": "randint", "low": -5, "high": 5, "count": 20},
        {"op": "randn", "count": 7}, {"op": "randperm", "count": 10}, {"op": "uniform", "count": 9, "from": -2, "to": 3},
        {"op": "random_int64"}, {"op": "randn", "count": 1}]))

    # normal_(mean, std) on both paths: mean and std are float64 for n < 16 and float32 from 16 on.
    for seed in [0, 42]:
        for n in [1, 3, 15, 16, 17, 100, 100352]:
            cases.append(case(f"seed{seed}/normal-{n}-mean-0.5-std-0.01", seed,
                              [{"op": "normal", "count": n, "mean": 0.5, "std": 0.01}]))
        cases.append(case(f"seed{seed}/normal-1000-mean--2-std-3.7", seed,
                          [{"op": "normal", "count": 1000, "mean": -2.0, "std": 3.7}]))

    # uniform_: values that round to `to` come back as `from` (2^24 + [0, 64) rounds to even).
    for seed in [0, 7]:
        cases.append(case(f"seed{seed}/uniform-rounds-to-to", seed,
                          [{"op": "uniform", "count": 1000, "from": 16777216.0, "to": 16777280.0}]))
        cases.append(case(f"seed{seed}/uniform-wide", seed,
                          [{"op": "uniform", "count": 1000, "from": -0.0357142857142857, "to": 0.0357142857142857}]))

    # Integers beyond 32 bits use random64(); randperm edge sizes.
    cases.append(case("seed0/randint-wide", 0, [
        {"op": "randint", "low": 0, "high": 2**40, "count": 16},
        {"op": "randint", "low": -2**62, "high": 2**62, "count": 8},
        {"op": "randint", "low": 0, "high": 60000, "count": 64},
        {"op": "randint", "low": 0, "high": 2**32, "count": 4},
        {"op": "randint", "low": 0, "high": 2**32 - 1, "count": 4},
        # torch 2.13 switches to random64() from a range of 2^28 (not 2^32).
        {"op": "randint", "low": 0, "high": 2**28 - 1, "count": 4},
        {"op": "randint", "low": 0, "high": 2**28, "count": 4},
        {"op": "randint", "low": -2**27, "high": 2**27, "count": 4},
        {"op": "randint", "low": 5, "high": 6, "count": 3}]))
    cases.append(case("seed0/randperm-small", 0, [
        {"op": "randperm", "count": 0}, {"op": "randperm", "count": 1}, {"op": "randperm", "count": 2},
        {"op": "randperm", "count": 100}, {"op": "rand", "count": 2}]))

    # One thread or two: the same numbers.
    threaded = [
        ("threads/randn-100352", 0, [{"op": "randn", "count": 100352}]),
        ("threads/rand-100352", 42, [{"op": "rand", "count": 100352}]),
        ("threads/randperm-60000", 7, [{"op": "randperm", "count": 60000}]),
        ("threads/normal-250007", 1, [{"op": "normal", "count": 250007, "mean": 0.5, "std": 0.01}]),
        ("threads/linear-784-128", 7, [{"op": "linear", "in": 784, "out": 128}]),
    ]
    for name, seed, ops in threaded:
        one = case(f"{name}/1-thread", seed, ops, threads=1)
        two = case(f"{name}/2-threads", seed, ops, threads=2)
        if results_of(one) != results_of(two):
            sys.exit(f"{name}: 1 and 2 threads give different numbers")
        cases += [one, two]
    torch.set_num_threads(1)
    return cases


def dataloader_cases():
    cases = []
    size = 4000
    dataset = TensorDataset(torch.arange(size))

    def epoch(loader):
        batches = [batch for (batch,) in loader]
        return {"step": "epoch", "batch_sizes": [len(b) for b in batches], "result": encode(torch.cat(batches))}

    def first_batch(loader):
        (batch,) = next(iter(loader))
        return {"step": "first_batch", "result": encode(batch)}

    def rand(count):
        return {"step": "rand", "count": count, "result": encode(torch.rand(count))}

    for seed in [0, 7, 42]:
        torch.manual_seed(seed)
        loader = DataLoader(dataset, batch_size=64, shuffle=True)
        steps = [epoch(loader), epoch(loader), first_batch(loader), first_batch(loader), first_batch(loader), rand(4)]
        cases.append({"name": f"seed{seed}/two-epochs-then-three-first-batches", "seed": seed, "size": size,
                      "batch_size": 64, "shuffle": True, "steps": steps})

    # An iterator draws its base seed when created, the sampler's seed only on its first next().
    torch.manual_seed(1)
    loader = DataLoader(dataset, batch_size=64, shuffle=True)
    kept = iter(loader)
    steps = [{"step": "iter"}, rand(4)]
    (batch,) = next(kept)
    steps.append({"step": "next", "result": encode(batch)})
    steps.append(rand(4))
    cases.append({"name": "seed1/iterator-draws-lazily", "seed": 1, "size": size, "batch_size": 64,
                  "shuffle": True, "steps": steps})

    # Without shuffling, each iterator still draws its base seed.
    torch.manual_seed(0)
    loader = DataLoader(dataset, batch_size=64, shuffle=False)
    steps = [epoch(loader), rand(4), first_batch(loader), rand(4)]
    cases.append({"name": "seed0/no-shuffle", "seed": 0, "size": size, "batch_size": 64, "shuffle": False,
                  "steps": steps})
    return cases


def dumps(fixture):
    """Compact JSON with one case per line, so that a re-recording diffs case by case."""
    def compact(value):
        return json.dumps(value, separators=(",", ":"))
    lines = ["{"]
    for key in ["torch_version", "cpu_capability", "fresh_generator"]:
        lines.append(f"{compact(key)}:{compact(fixture[key])},")
    for key in ["cases", "dataloader"]:
        lines.append(f"{compact(key)}:[")
        lines.append(",\n".join(compact(item) for item in fixture[key]))
        lines.append("]," if key == "cases" else "]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def fresh_generator():
    generator = torch.Generator()
    return {"initial_seed": generator.initial_seed(), "rand": encode(torch.rand(8, generator=generator))}


def main():
    torch.set_num_threads(1)
    fixture = {
        "torch_version": torch.__version__,
        "cpu_capability": torch.backends.cpu.get_cpu_capability(),
        "fresh_generator": fresh_generator(),
        "cases": generator_cases(),
        "dataloader": dataloader_cases(),
    }
    names = [c["name"] for c in fixture["cases"]] + [c["name"] for c in fixture["dataloader"]]
    if len(set(names)) != len(names):
        sys.exit("duplicate case names")
    with open(OUTPUT, "w") as file:
        file.write(dumps(fixture))
    print(f"{len(fixture['cases'])} generator cases, {len(fixture['dataloader'])} DataLoader cases "
          f"({torch.__version__}, {fixture['cpu_capability']}) -> {os.path.relpath(OUTPUT, ROOT)} "
          f"({os.path.getsize(OUTPUT)} bytes)")


if __name__ == "__main__":
    main()
