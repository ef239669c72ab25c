#!/usr/bin/env python3
"""One training epoch of the notebook's ReLU network in PyTorch, for comparison with `nnreport-bench train`.

The model, loss and optimiser of the lesson's training part: Sequential(Linear(784, 128), ReLU,
Linear(128, 64), ReLU, Linear(64, 10), LogSoftmax(dim=1)), NLLLoss, SGD(lr=0.003, momentum=0.9),
batches of 64, pixels through ToTensor + Normalize((0.5,), (0.5,)) (to [-1, 1]). Two loops:

* pre-loaded: the whole training set as one float32 tensor, one randperm per epoch, each batch
  gathered with images[indices] (what a fast PyTorch loop does);
* dataloader: the tutorial's loop, a map-style Dataset that converts one image per item and
  torch.utils.data.DataLoader(batch_size=64, shuffle=True) (torchvision's FashionMNIST class does
  the same per-item work; its wheels do not match torch 2.13, so IDX files are read directly).

Each loop runs `--runs` epochs, each from a fresh model, and prints images/s per epoch (the
median over runs) and the test accuracy after each epoch, in lines shaped like nnreport-bench's.
Needs PyTorch 2.x (not part of nnreport's set-up), e.g. /opt/torchvenv/bin/python. Run it in the
same session as `nnreport-bench train`, since the machine's load moves both figures.

    /opt/torchvenv/bin/python scripts/bench_torch_train.py [--data DIR] [--runs N] [--threads N] [--only NAME]
"""
import argparse
import gzip
import os
import statistics
import time

import numpy as np
import torch
from torch import nn

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "Sources", "Datasets", "Resources", "mnist-sample")
FASHION = "/usr/share/datasets/fashion-mnist"


def read_idx(path, rank):
    """The array of an unsigned-byte IDX file, gzip-compressed or not."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as file:
        data = file.read()
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(rank)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(shape)


def load_split(directory, prefix):
    images = read_idx(os.path.join(directory, f"{prefix}-images-idx3-ubyte.gz"), 3)
    labels = read_idx(os.path.join(directory, f"{prefix}-labels-idx1-ubyte.gz"), 1)
    return images, labels


def network():
    return nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(),
                         nn.Linear(64, 10), nn.LogSoftmax(dim=1))


def normalized(images):
    """ToTensor then Normalize((0.5,), (0.5,)), flattened to (N, 784)."""
    return (torch.from_numpy(images.astype(np.float32)).div_(255).sub_(0.5).div_(0.5)).reshape(len(images), 784)


class ImageDataset(torch.utils.data.Dataset):
    """A map-style dataset converting one image per item, like torchvision's FashionMNIST."""

    def __init__(self, images, labels):
        self.images, self.labels = images, labels

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, index):
        image = torch.from_numpy(self.images[index].astype(np.float32)).div_(255).sub_(0.5).div_(0.5)
        return image.unsqueeze(0), int(self.labels[index])


def accuracy(model, images, labels):
    with torch.no_grad():
        return (model(images).argmax(dim=1) == labels).float().mean().item()


def train_preloaded(model, images, labels):
    criterion = nn.NLLLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.003, momentum=0.9)
    permutation = torch.randperm(len(labels))
    for start in range(0, len(labels), 64):
        indices = permutation[start:start + 64]
        optimizer.zero_grad()
        loss = criterion(model(images[indices]), labels[indices])
        loss.backward()
        optimizer.step()


def train_dataloader(model, dataset):
    criterion = nn.NLLLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.003, momentum=0.9)
    for images, labels in torch.utils.data.DataLoader(dataset, batch_size=64, shuffle=True):
        images = images.view(images.shape[0], -1)
        optimizer.zero_grad()
        loss = criterion(model(images), labels)
        loss.backward()
        optimizer.step()


def bench(label, directory, runs):
    train_images, train_labels = load_split(directory, "train")
    test_images, test_labels = load_split(directory, "t10k")
    images, labels = normalized(train_images), torch.from_numpy(train_labels.astype(np.int64))
    test_x, test_y = normalized(test_images), torch.from_numpy(test_labels.astype(np.int64))
    dataset = ImageDataset(train_images, train_labels)
    count = len(labels)
    for loop in ("preloaded", "dataloader"):
        rates, accuracies = [], []
        for run in range(runs):
            torch.manual_seed(run)
            model = network()
            start = time.perf_counter()
            if loop == "preloaded":
                train_preloaded(model, images, labels)
            else:
                train_dataloader(model, dataset)
            rates.append(count / (time.perf_counter() - start))
            accuracies.append(accuracy(model, test_x, test_y))
        shown = ", ".join(f"{a:.4f}" for a in accuracies)
        print(f"torch.train relu-784-128-64-10 {label} {loop} ({count} images, batch 64, {runs} epochs from fresh models): "
              f"{statistics.median(rates):.0f} images/s; test accuracy after 1 epoch {shown} "
              f"(mean {statistics.mean(accuracies):.4f})", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="epochs per loop, each from a fresh model")
    parser.add_argument("--data", default=None, help="a directory of Fashion-MNIST IDX files")
    parser.add_argument("--threads", type=int, default=None, help="torch.set_num_threads (default: PyTorch's own)")
    parser.add_argument("--only", choices=["mnist-sample", "fashion-mnist"], default=None, help="one dataset only")
    arguments = parser.parse_args()
    if arguments.threads:
        torch.set_num_threads(arguments.threads)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    if arguments.only != "fashion-mnist":
        bench("mnist-sample", SAMPLE, max(arguments.runs, 5))
    fashion = arguments.data or FASHION
    if arguments.only == "mnist-sample":
        return
    if os.path.isdir(fashion):
        bench("fashion-mnist", fashion, arguments.runs)
    else:
        print(f"torch.train fashion-mnist: absent ({fashion} not found; apt-get install dataset-fashion-mnist)")


if __name__ == "__main__":
    main()
