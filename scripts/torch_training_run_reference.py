#!/usr/bin/env python3
"""Runs `nnreport generate`'s defaults with real PyTorch — the notebook, the demonstrations, then 5 epochs of
training — and records what the report's training must follow: Tests/Fixtures/torch-training-run-reference.json.

One generator, seeded once with `torch.manual_seed(1)`, in the report's order:
  1. the notebook's draws, replayed by scripts/torch_notebook_reference.py's `run` (imported, not copied);
  2. the demonstrations: the training network nn.Sequential(784→128, ReLU, 128→64, ReLU, 64→10, LogSoftmax(dim=1)),
     its NLLLoss on the first 64 training images in file order, then x = torch.randn(2, 2); the one-step demo
     runs on a deep copy and draws nothing;
  3. training: DataLoader(trainset, batch_size=64, shuffle=True) (each epoch's iterator draws its shuffle),
     SGD(lr=0.003, momentum=0.9), NLLLoss; accuracy on both splits after each epoch, without gradients.

Recorded: the untrained loss, x, every step's loss, each epoch's first batch's labels, mean loss and correct
counts, and after each epoch every parameter's summary (first values, every 257th value, sum, sum of absolute
values, L2 norm, largest absolute value) plus the whole last layer. One thread, so PyTorch's own sums are reproducible.

Run with PyTorch 2.13 (nnreport's tests never need torch):
    /opt/torchvenv/bin/python scripts/torch_training_run_reference.py
"""
import json
import pathlib
import sys

import torch
from torch import nn

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
sys.dont_write_bytecode = True  # no scripts/__pycache__ from the import below
import torch_notebook_reference as notebook  # noqa: E402  (the notebook's cells and the sample reader)

ROOT = notebook.ROOT
OUTPUT = ROOT / "Tests/Fixtures/torch-training-run-reference.json"
SEED, EPOCHS, BATCH, LR, MOMENTUM = 1, 5, 64, 0.003, 0.9
FIRST_VALUES = 8
SAMPLE_STRIDE = 257  # every 257th value of a parameter: prime to 784, 128, 64 and 10, so rows and columns vary


def split(prefix: str) -> tuple:
    """A split of the sample as (normalised images (N, 1, 28, 28), labels (N,))."""
    images = notebook.read_idx(f"{prefix}-images-idx3-ubyte.gz")
    labels = notebook.read_idx(f"{prefix}-labels-idx1-ubyte.gz").long()
    # ToTensor (bytes / 255 in float32), then Normalize((0.5,), (0.5,)): (x − 0.5) / 0.5.
    return images.to(torch.float32).div(255).unsqueeze(1).sub(0.5).div(0.5), labels


def summary(tensor: torch.Tensor) -> dict:
    """A parameter in a few numbers: its first values, every SAMPLE_STRIDE-th value, sums and norms in float64."""
    flat = tensor.detach().reshape(-1)
    values = flat.double()
    return {"first": notebook.floats(flat[:FIRST_VALUES]), "strided": notebook.floats(flat[::SAMPLE_STRIDE]),
            "sum": float(values.sum()), "absSum": float(values.abs().sum()),
            "norm": float(values.norm()), "maxAbs": float(values.abs().max())}


def correct(model: nn.Module, images: torch.Tensor, labels: torch.Tensor) -> int:
    """How many of `images` the model classifies right (argmax), without gradients."""
    with torch.no_grad():
        return int((model(images.view(images.shape[0], -1)).argmax(dim=1) == labels).sum())


def main() -> None:
    torch.set_num_threads(1)
    train_images, train_labels = split("train")
    test_images, test_labels = split("t10k")
    trainset = torch.utils.data.TensorDataset(train_images, train_labels)
    trainloader = torch.utils.data.DataLoader(trainset, batch_size=BATCH, shuffle=True)
    record = {"torch": torch.__version__, "seed": SEED, "epochs": EPOCHS, "batchSize": BATCH, "lr": LR,
              "momentum": MOMENTUM, "trainCount": len(train_labels), "testCount": len(test_labels)}

    # 1. The notebook (seeds the generator itself).
    notebook.run(SEED, trainloader)
    # 2. The demonstrations.
    model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(),
                          nn.Linear(64, 10), nn.LogSoftmax(dim=1))
    criterion = nn.NLLLoss()
    with torch.no_grad():
        record["untrainedLoss"] = float(criterion(model(train_images[:BATCH].view(BATCH, -1)), train_labels[:BATCH]))
    record["x"] = notebook.floats(torch.randn(2, 2))
    record["untrainedParameters"] = [summary(p) for p in model.parameters()]
    # 3. Training.
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)
    record["stepLosses"], record["epochResults"] = [], []
    for epoch in range(1, EPOCHS + 1):
        running_loss, first_labels = 0.0, None
        for images, labels in trainloader:
            first_labels = labels.tolist() if first_labels is None else first_labels
            optimizer.zero_grad()
            loss = criterion(model(images.view(images.shape[0], -1)), labels)
            loss.backward()
            optimizer.step()
            record["stepLosses"].append(loss.item())
            running_loss += loss.item()
        record["epochResults"].append({
            "epoch": epoch, "firstBatchLabels": first_labels, "trainLoss": running_loss / len(trainloader),
            "trainCorrect": correct(model, train_images, train_labels),
            "testCorrect": correct(model, test_images, test_labels),
            "parameters": [summary(p) for p in model.parameters()],
            "lastWeight": notebook.floats(model[4].weight), "lastBias": notebook.floats(model[4].bias)})
    # One key per line; the per-epoch records one per line.
    lines = [f"{json.dumps(key)}: {json.dumps(value)}" for key, value in record.items() if key != "epochResults"]
    epochs = ",\n".join(json.dumps(result) for result in record["epochResults"])
    OUTPUT.write_text("{\n" + ",\n".join(lines) + f',\n"epochResults": [\n{epochs}\n]\n}}\n')
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(record['stepLosses'])} steps, "
          f"test accuracy {[r['testCorrect'] for r in record['epochResults']]} of {len(test_labels)} "
          f"with torch {torch.__version__}")


if __name__ == "__main__":
    main()
