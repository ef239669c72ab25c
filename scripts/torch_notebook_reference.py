#!/usr/bin/env python3
"""Runs the notebook's cells with real PyTorch on the embedded MNIST sample and records what the
report must reproduce: Tests/Fixtures/torch-notebook-reference.json.

`--seed S` in nnreport means `torch.manual_seed(S)` at the top of the notebook, and every draw comes
from that one generator in the notebook's order (see README, "The same numbers as PyTorch"):
  1. images, labels = next(iter(trainloader))                       (the data, flattening)
  2. w1 = randn(784, 256); b1 = randn(256); w2 = randn(256, 10); b2 = randn(10); out = h @ w2 + b2
  3. model = Network()                                              (hidden 784→256, output 256→10)
  4. model = ReluNet(); print its second layer; fill_(0) and normal_(std=0.01) on its first layer
  5. images, labels = next(iter(trainloader)); forward images[0] through that ReluNet
  6. model = nn.Sequential(...); next(iter(trainloader)); forward images[0]; print(model[0].weight)
  7. model = nn.Sequential(OrderedDict(...))
The DataLoader reads the sample's training split, transformed as the notebook's
Compose([ToTensor(), Normalize((0.5,), (0.5,))]) does; torchvision's MNIST class would hand the
sampler the same 4,000 items, and the sampler alone draws random numbers.

Run with PyTorch 2.13 (`pip install "torch==2.13.0+cpu"` in a throwaway venv); nnreport's tests
never need torch:
    /opt/torchvenv/bin/python scripts/torch_notebook_reference.py
"""
import gzip
import json
import pathlib
import struct
from collections import OrderedDict

import torch
from torch import nn

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "Sources/Datasets/Resources/mnist-sample"
OUTPUT = ROOT / "Tests/Fixtures/torch-notebook-reference.json"
SEEDS = [0, 7, 123]


def read_idx(name: str) -> torch.Tensor:
    """An IDX file of unsigned bytes (images or labels) as a uint8 tensor of its declared shape."""
    data = gzip.decompress((SAMPLE / name).read_bytes())
    magic = struct.unpack(">I", data[:4])[0]
    assert magic >> 8 == 0x08, f"{name}: not unsigned bytes"
    rank = magic & 0xFF
    shape = struct.unpack(">" + "I" * rank, data[4:4 + 4 * rank])
    return torch.frombuffer(bytearray(data[4 + 4 * rank:]), dtype=torch.uint8).reshape(shape)


class Network(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(784, 256)
        self.output = nn.Linear(256, 10)
        self.sigmoid = nn.Sigmoid()
        self.softmax = nn.Softmax(dim=1)

    def forward(self, x):
        return self.softmax(self.output(self.sigmoid(self.hidden(x))))


class ReluNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.input_to_hidden_one = nn.Linear(784, 128)
        self.hidden_one_to_hidden_two = nn.Linear(128, 64)
        self.hidden_two_to_output = nn.Linear(64, 10)
        self.relu = nn.ReLU()
        self.softmax = nn.Softmax(dim=1)

    def forward(self, x):
        x = self.relu(self.input_to_hidden_one(x))
        x = self.relu(self.hidden_one_to_hidden_two(x))
        return self.softmax(self.hidden_two_to_output(x))


def floats(tensor: torch.Tensor) -> list:
    """Float32 values as Python floats (exact: every float32 is a double)."""
    return [float(v) for v in tensor.detach().reshape(-1).tolist()]


def run(seed: int, trainloader) -> dict:
    torch.manual_seed(seed)
    record = {"seed": seed}
    # 1. The data.
    images, labels = next(iter(trainloader))
    record["batchLabels"] = labels.tolist()
    # 2. The network from bare tensors (the exercise's solution).
    inputs = images.view(images.shape[0], -1)
    w1, b1 = torch.randn(784, 256), torch.randn(256)
    w2, b2 = torch.randn(256, 10), torch.randn(10)
    h = torch.sigmoid(torch.mm(inputs, w1) + b1)
    out = torch.mm(h, w2) + b2
    record["outFirstRow"] = floats(out[0])
    # 3. Network.
    Network()
    # 4. ReluNet, its second layer, then the notebook's re-initialisation of its first layer.
    model = ReluNet()
    record["reluNetSecondWeight"] = str(model.hidden_one_to_hidden_two.weight)
    record["reluNetSecondBias"] = str(model.hidden_one_to_hidden_two.bias)
    model.input_to_hidden_one.bias.data.fill_(0)
    model.input_to_hidden_one.weight.data.normal_(std=0.01)
    record["reluNetFirstWeightAfter"] = str(model.input_to_hidden_one.weight)
    record["reluNetFirstBiasAfter"] = str(model.input_to_hidden_one.bias)
    # 5. A new batch, its first image forward through the re-initialised ReluNet.
    images, labels = next(iter(trainloader))
    images.resize_(len(images), 1, 28 * 28)
    with torch.no_grad():
        probabilities = model.forward(images[0, :])
    record["forwardPassLabel"] = int(labels[0])
    record["forwardPassProbabilities"] = floats(probabilities)
    # 6. The indexed Sequential.
    model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(),
                          nn.Linear(64, 10), nn.Softmax(dim=1))
    images, labels = next(iter(trainloader))
    images.resize_(images.shape[0], 1, 784)
    with torch.no_grad():
        probabilities = model.forward(images[0, :])
    record["sequentialLabel"] = int(labels[0])
    record["sequentialProbabilities"] = floats(probabilities)
    record["sequentialFirstWeight"] = str(model[0].weight)
    # 7. The named Sequential.
    model = nn.Sequential(OrderedDict([
        ("input_to_hidden", nn.Linear(784, 128)), ("relu_1", nn.ReLU()),
        ("hidden_to_hidden", nn.Linear(128, 64)), ("relu_2", nn.ReLU()),
        ("output", nn.Linear(64, 10)), ("softmax", nn.Softmax(dim=1))]))
    record["namedFirstWeight"] = str(model.input_to_hidden.weight)
    return record


def main() -> None:
    images = read_idx("train-images-idx3-ubyte.gz")
    labels = read_idx("train-labels-idx1-ubyte.gz").long()
    # ToTensor (bytes / 255 in float32), then Normalize((0.5,), (0.5,)): (x − 0.5) / 0.5.
    pixels = images.to(torch.float32).div(255).unsqueeze(1).sub(0.5).div(0.5)
    trainset = torch.utils.data.TensorDataset(pixels, labels)
    trainloader = torch.utils.data.DataLoader(trainset, batch_size=64, shuffle=True)
    records = [run(seed, trainloader) for seed in SEEDS]
    lines = ",\n".join(json.dumps(record) for record in records)  # one seed per line
    OUTPUT.write_text(f'{{"torch": {json.dumps(torch.__version__)}, "records": [\n{lines}\n]}}\n')
    print(f"wrote {OUTPUT.relative_to(ROOT)} for seeds {SEEDS} with torch {torch.__version__}")


if __name__ == "__main__":
    main()
