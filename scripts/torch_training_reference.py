#!/usr/bin/env python3
"""Records what real PyTorch computes while training, as a test fixture for nnreport's autograd.

What it generates
-----------------
``Tests/Fixtures/torch-training-reference.json`` with

* ``losses``: fixed logits and targets (some rows with scores near ±1000, to test log-sum-exp),
  ``CrossEntropyLoss`` and ``LogSoftmax(dim=1)`` + ``NLLLoss`` values, and the gradient of the
  cross-entropy with respect to the logits;
* ``mlp``: a 20-8-10 network (Linear, ReLU, Linear, LogSoftmax) with fixed weights, a batch of 16
  fixed inputs and targets, its NLL loss and every parameter's gradient;
* ``optimizers``: the same network after 1 and 3 steps (each step: zero_grad, forward, backward,
  step on the same batch) of ``SGD(lr=0.1, momentum=0.9)`` and ``Adam(lr=0.01)``, with the loss
  before each step;
* ``autograd``: x = [[1, 2], [3, 4]] with requires_grad; y = x ** 2; z = y.mean(); z.backward():
  the grad_fn names of y and z, x.grad, and ``str()`` of x, y, z and x.grad;
* ``grad_fn_names``: the grad_fn class name of the result of each listed operation;
* ``printed``: ``str()`` of a few results that carry a grad_fn (a model's output, a column of it).

Every float32 value is stored as its bit pattern (an unsigned integer), so nothing is lost in a
decimal round trip. Values never come from torch's RNG: NumPy draws with a fixed seed, converted
with ``torch.tensor(..., dtype=torch.float32)``. Optimisers run with ``foreach=False``, the
single-tensor code PyTorch uses on the CPU by default, so the order of float operations is known.

How to re-run
-------------
From the repository root, with a Python that has ``torch`` 2.x (CPU is enough) and ``numpy``::

    /opt/torchvenv/bin/python scripts/torch_training_reference.py

PyTorch is only needed to regenerate the file, never to run the tests.
"""

import json
import os

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "Tests", "Fixtures", "torch-training-reference.json")


def bits(tensor):
    """Every element's float32 bit pattern, row-major."""
    flat = tensor.detach().contiguous().reshape(-1).numpy().astype(np.float32)
    return [int(b) for b in flat.view(np.uint32)]


def tensor_record(tensor):
    return {"shape": list(tensor.shape), "bits": bits(tensor)}


def grad_fn_name(tensor):
    return type(tensor.grad_fn).__name__ if tensor.grad_fn is not None else None


def float32(values):
    return torch.tensor(np.asarray(values, dtype=np.float32))


# MARK: - Losses


def losses(rng):
    logits = rng.normal(0.0, 3.0, size=(6, 5)).astype(np.float32)
    logits[4] = [1000.0, -1000.0, 999.5, 0.0, 998.0]     # log-sum-exp must not overflow
    logits[5] = [-1000.0, -999.0, -1001.0, -998.5, -1000.0]
    targets = [0, 3, 4, 1, 2, 3]
    x = float32(logits).requires_grad_()
    cross_entropy = nn.CrossEntropyLoss()(x, torch.tensor(targets))
    cross_entropy.backward()
    log_probabilities = nn.LogSoftmax(dim=1)(float32(logits))
    nll = nn.NLLLoss()(log_probabilities, torch.tensor(targets))
    return {
        "logits": tensor_record(float32(logits)),
        "targets": targets,
        "cross_entropy": bits(cross_entropy)[0],
        "cross_entropy_grad": tensor_record(x.grad),
        "log_softmax": tensor_record(log_probabilities),
        "nll": bits(nll)[0],
        "printed_cross_entropy": str(cross_entropy),
    }


# MARK: - A small network


def mlp(weights):
    model = nn.Sequential(nn.Linear(20, 8), nn.ReLU(), nn.Linear(8, 10), nn.LogSoftmax(dim=1))
    with torch.no_grad():
        for parameter, values in zip(model.parameters(), weights):
            parameter.copy_(float32(values))
    return model


def mlp_case(rng):
    weights = [rng.uniform(-0.3, 0.3, size=shape).astype(np.float32) for shape in [(8, 20), (8,), (10, 8), (10,)]]
    inputs = rng.normal(0.0, 1.0, size=(16, 20)).astype(np.float32)
    targets = [int(t) for t in rng.integers(0, 10, size=16)]
    model = mlp(weights)
    loss = nn.NLLLoss()(model(float32(inputs)), torch.tensor(targets))
    loss.backward()
    return weights, inputs, targets, {
        "weights": [tensor_record(float32(w)) for w in weights],
        "inputs": tensor_record(float32(inputs)),
        "targets": targets,
        "loss": bits(loss)[0],
        "loss_grad_fn": grad_fn_name(loss),
        "grads": [tensor_record(p.grad) for p in model.parameters()],
    }


def optimizer_case(name, make, weights, inputs, targets):
    model = mlp(weights)
    optimizer = make(model.parameters())
    losses, after = [], {}
    for step in range(1, 4):
        optimizer.zero_grad()
        loss = nn.NLLLoss()(model(float32(inputs)), torch.tensor(targets))
        loss.backward()
        optimizer.step()
        losses.append(bits(loss)[0])
        if step in (1, 3):
            after[str(step)] = [tensor_record(p) for p in model.parameters()]
    return {"name": name, "losses": losses, "after": after}


# MARK: - Autograd basics


def autograd_case():
    x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    y = x ** 2
    z = y.mean()
    z.backward()
    return {
        "x": tensor_record(x),
        "y_grad_fn": grad_fn_name(y),
        "z_grad_fn": grad_fn_name(z),
        "x_grad": tensor_record(x.grad),
        "printed_x": str(x),
        "printed_y": str(y),
        "printed_z": str(z),
        "printed_x_grad": str(x.grad),
    }


def grad_fn_names():
    x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    w = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], requires_grad=True)
    b = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    v = torch.tensor([1.0, 2.0], requires_grad=True)
    t = torch.tensor([0, 1])
    cases = {
        "linear": F.linear(x, w, b), "linear-no-bias": F.linear(x, w),
        "linear-3d": F.linear(x.view(1, 2, 2), w, b), "linear-3d-no-bias": F.linear(x.view(1, 2, 2), w),
        "linear-1d": F.linear(v, w, b), "linear-1d-no-bias": F.linear(v, w),
        "mm": x @ x, "mm-transposed": x.t() @ x, "vm": v @ x, "mv": x @ v, "dot": v @ v,
        "add": x + x, "add-scalar": x + 1, "scalar-add": 1 + x, "sub": x - x, "sub-scalar": x - 1,
        "scalar-sub": 1 - x, "mul": x * x, "mul-scalar": x * 2, "scalar-mul": 2 * x, "div": x / x,
        "div-scalar": x / 2, "scalar-div": 2 / x, "neg": -x, "pow": x ** 2,
        "mean": x.mean(), "mean-dim": x.mean(dim=1), "sum": x.sum(), "sum-dim": x.sum(dim=1),
        "max-dim": x.max(dim=1).values,
        "relu": x.relu(), "sigmoid": x.sigmoid(), "tanh": x.tanh(), "exp": x.exp(), "log": x.log(),
        "relu_": (x * 1).relu_(), "sigmoid_": (x * 1).sigmoid_(), "tanh_": (x * 1).tanh_(),
        "softmax": x.softmax(dim=1), "log-softmax": x.log_softmax(dim=1),
        "nll-loss": F.nll_loss(x.log_softmax(dim=1), t), "cross-entropy": F.cross_entropy(x, t),
        "view": x.view(4), "reshape": x.reshape(4), "flatten": x.flatten(),
        "squeeze": x.view(1, 4).squeeze(), "squeeze-dim": x.view(1, 4).squeeze(0), "unsqueeze": x.unsqueeze(0),
        "select": x[:, 1], "index": x[0], "t": x.t(),
        "narrow": x.narrow(0, 0, 1), "index-select": x.index_select(0, torch.tensor([1, 0])),
    }
    y = x * 1
    y += x
    cases["add-assign"] = y
    return {name: grad_fn_name(result) for name, result in cases.items()}


def printed_cases():
    weights = [np.linspace(-0.5, 0.5, 12, dtype=np.float32).reshape(3, 4), np.array([0.1, -0.2, 0.3], dtype=np.float32)]
    model = nn.Sequential(nn.Linear(4, 3), nn.Softmax(dim=1))
    with torch.no_grad():
        for parameter, values in zip(model.parameters(), weights):
            parameter.copy_(float32(values))
    inputs = float32([[1.0, -2.0, 0.5, 3.0]])
    probabilities = model(inputs)
    highest = int(probabilities.argmax())
    loss = nn.NLLLoss()(probabilities.log(), torch.tensor([0]))
    loss.backward()
    return {
        "weights": [tensor_record(float32(w)) for w in weights],
        "inputs": tensor_record(inputs),
        "probabilities": str(probabilities),
        "column": str(probabilities[:, highest]),
        "highest": highest,
        "weight_grad": str(model[0].weight.grad),
        "bias_grad": str(model[0].bias.grad),
        "weight": str(model[0].weight),
        "frozen": str(nn.Parameter(float32([1.0, 2.0]), requires_grad=False)),
    }


def main():
    rng = np.random.default_rng(20240613)
    torch.set_num_threads(1)
    weights, inputs, targets, mlp_record = mlp_case(rng)
    reference = {
        "torch_version": torch.__version__,
        "losses": losses(rng),
        "mlp": mlp_record,
        "optimizers": [
            optimizer_case("sgd", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, foreach=False),
                           weights, inputs, targets),
            optimizer_case("sgd-plain", lambda p: torch.optim.SGD(p, lr=0.1, foreach=False),
                           weights, inputs, targets),
            optimizer_case("adam", lambda p: torch.optim.Adam(p, lr=0.01, foreach=False),
                           weights, inputs, targets),
        ],
        "autograd": autograd_case(),
        "grad_fn_names": grad_fn_names(),
        "printed": printed_cases(),
    }
    with open(OUTPUT, "w") as file:
        json.dump(reference, file, indent=1)
        file.write("\n")
    print(f"wrote {OUTPUT}: {len(reference['grad_fn_names'])} grad_fn names, torch {torch.__version__}")


if __name__ == "__main__":
    main()
