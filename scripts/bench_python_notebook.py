#!/usr/bin/env python3
"""The Python baseline of `nnreport generate`: the lesson run with PyTorch + matplotlib + Jinja2.

What a Python user does to get the same static report: load the embedded MNIST sample, run the ten
experiments with PyTorch (first batch, flattening, a tensor network, softmax by hand, the Network
module, activations, ReluNet and its re-initialisation, two forward passes, both Sequentials), draw
the five figures with matplotlib + seaborn whitegrid (`savefig(dpi=200)`), and render one HTML page
with Jinja2. It writes into a temporary folder and prints its own wall time; measure the whole
process (imports included, as a user waits for them) with

    /usr/bin/time -f "%e s %M KiB" python3 scripts/bench_python_notebook.py

beside `/usr/bin/time -f "%e s %M KiB" .build/release/nnreport generate --quiet`.
Needs torch, matplotlib, seaborn and jinja2 (not part of nnreport's set-up). Our own code.
"""

import gzip
import os
import struct
import sys
import tempfile
import time
from collections import OrderedDict

START = time.perf_counter()

import jinja2  # noqa: E402
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import seaborn as sns  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from torch import nn  # noqa: E402
from torch.utils.data import DataLoader, TensorDataset  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "Sources/Datasets/Resources/mnist-sample")

PAGE = jinja2.Template("""<!doctype html><html><head><meta charset="utf-8"><title>{{ title }}</title></head><body>
<h1>{{ title }}</h1>{% for s in sections %}<section id="{{ s.id }}"><h2>{{ s.title }}</h2>
{% for label, text in s.outputs %}<p><code>{{ label }}</code></p><pre>{{ text }}</pre>{% endfor %}
{% for name in s.figures %}<img src="figures/{{ name }}" alt="{{ name }}">{% endfor %}</section>{% endfor %}
</body></html>""", autoescape=True)


def read_idx(path, rank):
    """The array of an unsigned-byte IDX file (gzip)."""
    data = gzip.open(path).read()
    dims = struct.unpack(">" + "I" * rank, data[4:4 + 4 * rank])
    return np.frombuffer(data[4 + 4 * rank:], dtype=np.uint8).reshape(dims)


def loader():
    """The training set normalised to [-1, 1], shuffled in batches of 64."""
    images = read_idx(os.path.join(SAMPLE, "train-images-idx3-ubyte.gz"), 3)
    labels = read_idx(os.path.join(SAMPLE, "train-labels-idx1-ubyte.gz"), 1)
    x = (torch.from_numpy(images.astype(np.float32)) / 255 - 0.5) / 0.5
    dataset = TensorDataset(x.unsqueeze(1), torch.from_numpy(labels.astype(np.int64)))
    return DataLoader(dataset, batch_size=64, shuffle=True)


def save(figure, folder, name):
    """A 2x PNG, as Jupyter's retina figures."""
    figure.savefig(os.path.join(folder, "figures", name), dpi=200)
    plt.close(figure)
    return name


def classify(image, probabilities, folder, name):
    """view_classify: the image beside the class-probability bars."""
    figure, (left, right) = plt.subplots(figsize=(7.6, 3.8), ncols=2)
    left.imshow(image.view(28, 28).numpy())
    left.axis("off")
    right.barh(np.arange(10), probabilities.detach().numpy().squeeze())
    right.set_aspect(0.1)
    right.set_yticks(np.arange(10))
    right.set_title("Class Probability")
    right.set_xlim(0, 1.1)
    figure.tight_layout()
    return save(figure, folder, name)


def run(folder):
    """The ten experiments; returns the page's sections."""
    torch.manual_seed(1)
    os.makedirs(os.path.join(folder, "figures"))
    sns.set(style="whitegrid")
    trainloader = loader()
    images, labels = next(iter(trainloader))
    sections = []

    figure, axes = plt.subplots(figsize=(3.4, 3.6))
    axes.imshow(images[1].numpy().squeeze(), cmap="Greys_r")
    sections.append(dict(id="the-data", title="The data", figures=[save(figure, folder, "digit.png")],
                         outputs=[("shapes", f"{type(images)}\n{images.shape}\n{labels.shape}"), ("label", str(labels[1]))]))

    inputs = images.view(images.shape[0], -1)
    sections.append(dict(id="flattening", title="Flattening", figures=[], outputs=[("shape", str(inputs.shape))]))

    w1, b1, w2, b2 = torch.randn(784, 256), torch.randn(256), torch.randn(256, 10), torch.randn(10)
    out = torch.sigmoid(inputs @ w1 + b1) @ w2 + b2
    sections.append(dict(id="network-from-tensors", title="Tensors", figures=[], outputs=[("out", str(out[0]))]))

    exp = torch.exp(out - out.max(dim=1, keepdim=True).values)
    probabilities = exp / exp.sum(dim=1).view(64, 1)
    sums = probabilities.sum(dim=1)
    figure, axes = plt.subplots(figsize=(7.6, 3.4))
    axes.stem(np.arange(64), sums.numpy(), bottom=1)
    axes.axhline(1, linestyle="--", color="C3")
    sections.append(dict(id="softmax-by-hand", title="Softmax", figures=[save(figure, folder, "softmax-sums.png")],
                         outputs=[("sums", str(sums))]))

    class Network(nn.Module):
        def __init__(self):
            super().__init__()
            self.hidden = nn.Linear(784, 256)
            self.output = nn.Linear(256, 10)
            self.sigmoid = nn.Sigmoid()
            self.softmax = nn.Softmax(dim=1)

        def forward(self, x):
            return self.softmax(self.output(self.sigmoid(self.hidden(x))))

    network = Network()
    same = torch.equal(network(inputs), F.softmax(network.output(torch.sigmoid(network.hidden(inputs))), dim=1))
    sections.append(dict(id="network-module", title="Module", figures=[], outputs=[("model", str(network)), ("equal", str(same))]))

    x = np.linspace(-2, 2, 200)
    figure, axes = plt.subplots(ncols=3, figsize=(7.6, 3.0))
    for axe, (name, y) in zip(axes, [("ReLU", np.maximum(0, x)), ("Sigmoid", 1 / (1 + np.exp(-x))), ("Tanh", np.tanh(x))]):
        axe.plot(x, y)
        axe.set_title(name, weight="bold")
    figure.tight_layout()
    sections.append(dict(id="activation-functions", title="Activations", figures=[save(figure, folder, "activations.png")], outputs=[]))

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

    model = ReluNet()
    layer = model.hidden_one_to_hidden_two
    printed = [("model", str(model)), ("weight", str(layer.weight)), ("bias", str(layer.bias))]
    layer.bias.data.fill_(0)
    layer.weight.data.normal_(std=0.01)
    printed += [("bias", str(layer.bias)), ("weight", str(layer.weight))]
    sections.append(dict(id="relunet", title="ReluNet", figures=[], outputs=printed))

    def forward_pass(net, name):
        batch, _ = next(iter(trainloader))
        image = batch.view(batch.shape[0], 1, 784)[0]
        ps = net(image)
        highest = ps.argmax()
        return [("argmax", str(highest)), ("p", str(ps[:, highest]))], classify(image, ps, folder, name)

    outputs, name = forward_pass(model, "classify-relunet.png")
    sections.append(dict(id="forward-pass", title="Forward pass", figures=[name], outputs=outputs))

    sequential = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10), nn.Softmax(dim=1))
    outputs, name = forward_pass(sequential, "classify-sequential.png")
    sections.append(dict(id="sequential", title="Sequential", figures=[name],
                         outputs=[("model", str(sequential))] + outputs + [("model[0]", str(sequential[0])), ("weight", str(sequential[0].weight))]))

    named = nn.Sequential(OrderedDict([
        ("input_to_hidden", nn.Linear(784, 128)), ("relu_1", nn.ReLU()), ("hidden_to_hidden", nn.Linear(128, 64)),
        ("relu_2", nn.ReLU()), ("output", nn.Linear(64, 10)), ("softmax", nn.Softmax(dim=1))]))
    sections.append(dict(id="sequential-named", title="Named Sequential", figures=[],
                         outputs=[("model", str(named)), ("same", str(named[0] is named.input_to_hidden))]))
    return sections


def main():
    with tempfile.TemporaryDirectory() as folder:
        sections = run(folder)
        with open(os.path.join(folder, "index.html"), "w") as page:
            page.write(PAGE.render(title="Neural networks in PyTorch", sections=sections))
        files = sum(len(names) for _, _, names in os.walk(folder))
    print(f"python notebook report: {len(sections)} sections, {files} files, "
          f"{time.perf_counter() - START:.3f} s from the first import", file=sys.stderr)


if __name__ == "__main__":
    main()
