#!/usr/bin/env python3
"""Writes the state-dict fixtures of the ModelFiles tests with real PyTorch, and checks our files.

What it generates
-----------------
``Tests/Fixtures/model-files/``:

* ``notebook-torch2.pth``, ``notebook-torch1.pth``, ``notebook.safetensors`` -- the notebook's
  ``nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10),
  nn.Softmax(dim=1))`` after ``torch.manual_seed(0)``: ``model.state_dict()`` saved by torch 2.x,
  by torch 1.13 and with ``safetensors.torch.save_file`` (keys ``0.weight`` ... ``4.bias``);
* ``small-*`` -- the same layout with 20 -> 16 -> 8 -> 10 features (``torch.manual_seed(1)``),
  as float32, float16, bfloat16 and float64 checkpoints (torch 2.x) and safetensors files, plus a
  float32 checkpoint by torch 1.13;
* ``views-torch2.pth``, ``views-torch1.pth`` -- tensors that share one storage at offsets and with
  strides (rows, every other column, a transpose, a 0-d element, an empty slice) and an expanded
  tensor (stride 0);
* ``plain-ordereddict-torch2.pth`` -- a fresh ``OrderedDict`` of the small model's tensors (no
  ``_metadata``): our writer must reproduce its ``data.pkl`` byte for byte;
* ``plain-dict-torch2.pth`` -- a plain ``dict``; ``parameters-torch2.pth`` -- ``nn.Parameter``s
  (``torch._utils._rebuild_parameter``); ``small-protocol4-torch2.pth`` -- pickle protocol 4;
* ``evil-*.pth`` -- zip archives laid out like torch.save whose ``data.pkl`` asks for ``os.system``,
  ``builtins.eval``, ``posix.system``, ``subprocess.Popen`` (a ``__reduce__``), an arbitrary class
  (``__main__.Payload``), ``builtins.exec`` inside an otherwise normal state dict, and ``os.system``
  through protocol 4's STACK_GLOBAL. The script only writes these bytes; nothing loads them here.
* ``expected.json`` -- for every state-dict fixture: its keys in order, each tensor's shape, stored
  dtype, SHA-256 of its float32 little-endian bytes (``tensor.float().contiguous()``) and its first
  values' float32 bit patterns; the refused global of each evil file; and ``printed``, what
  ``print(sd['0.weight'])`` shows for the notebook model; ``probabilities``, torch's softmax outputs
  of the three notebook fixtures, each loaded by ``load_state_dict`` into the notebook's Sequential, for
  the first 8 test images of the embedded MNIST sample normalised as the report does
  (``(x/255 - 0.5)/0.5``), by torch 2.x and (for ``notebook-torch1.pth``) torch 1.13; and
  ``printed_parameter``, what ``print(model[0].weight)`` shows after loading ``notebook-torch2.pth``; and
  ``load_errors``, the text of the ``RuntimeError`` that ``load_state_dict(strict=True)`` raises for
  state dicts that do not fit (missing and unexpected keys, size mismatches).

How to re-run
-------------
From the repository root, with the torch 2.x + safetensors venv (torch 1.13 fixtures come from
Debian's ``python3-torch`` under ``/usr/bin/python3``, run by this script when it is installed)::

    /opt/torchvenv/bin/python scripts/torch_model_files_reference.py

Only ``probabilities`` and ``load_errors`` in ``expected.json``, leaving every fixture file as it is::

    /opt/torchvenv/bin/python scripts/torch_model_files_reference.py probabilities

Checking that PyTorch reads the files our Swift writers produce (run by hand; the Swift test
suite never needs torch)::

    MODEL_FILES_EXPORT_DIR=/tmp/ours swift test --filter ModelFilesTests.TorchVerificationExport
    /opt/torchvenv/bin/python scripts/torch_model_files_reference.py verify /tmp/ours
    /usr/bin/python3 scripts/torch_model_files_reference.py verify /tmp/ours   # torch 1.13

``verify`` loads every ``.pth`` with ``torch.load(path, weights_only=True)`` and every
``.safetensors`` with ``safetensors.torch.load_file`` and compares keys, shapes and SHA-256 with
``expected.json`` (the exported files are named after the fixture they re-encode).
"""

import collections
import hashlib
import io
import json
import os
import pickle
import subprocess
import sys
import zipfile

import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_notebook_reference import ReluNet  # noqa: E402  (the notebook's ReluNet: its attribute names are its keys)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "Tests", "Fixtures", "model-files")
SYSTEM_PYTHON = "/usr/bin/python3"
TORCH1_FLAG = "--torch1-part"
TORCH1_PROBABILITIES_FLAG = "--torch1-probabilities"
SAMPLE = os.path.join(ROOT, "Sources", "Datasets", "Resources", "mnist-sample")
PROBABILITY_IMAGES = 8


# MARK: - Models


def notebook_model():
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(),
                         nn.Linear(64, 10), nn.Softmax(dim=1))


def small_model():
    torch.manual_seed(1)
    return nn.Sequential(nn.Linear(20, 16), nn.ReLU(), nn.Linear(16, 8), nn.ReLU(),
                         nn.Linear(8, 10), nn.Softmax(dim=1))


def views_state_dict():
    """Views sharing one storage, plus an expanded tensor, in an OrderedDict."""
    base = (torch.arange(24, dtype=torch.float32) * 0.37 - 4.1).reshape(4, 6)
    return collections.OrderedDict([
        ("base", base),
        ("rows", base[1:3]),                 # offset 6, contiguous
        ("columns", base[:, 1::2]),          # offset 1, stride (6, 2)
        ("transposed", base.t()),            # stride (1, 6)
        ("element", base[2, 3]),             # 0-d, offset 15
        ("empty", base[4:]),                 # shape (0, 6), offset 24
        ("expanded", torch.tensor([1.5, -2.25, 3.0]).expand(2, 3)),  # stride (0, 1)
    ])


# MARK: - Expected values


def describe_tensor(key, tensor):
    as_float = tensor.detach().float().contiguous()
    raw = as_float.numpy().astype("<f4").tobytes()
    bits = as_float.reshape(-1)[:4].numpy().astype("<f4").view("<u4")
    return {
        "key": key,
        "shape": list(tensor.shape),
        "dtype": str(tensor.dtype).replace("torch.", ""),
        "sha256": hashlib.sha256(raw).hexdigest(),
        "first_bits": [int(b) for b in bits],
    }


def describe_file(name, state_dict, source):
    return {
        "file": name,
        "source": source,
        "tensors": [describe_tensor(key, value) for key, value in state_dict.items()],
    }


def save_checkpoint(state_dict, name, source, files):
    torch.save(state_dict, os.path.join(OUTPUT, name))
    files.append(describe_file(name, state_dict, source))


# MARK: - torch 2.x fixtures


def torch2_fixtures(files):
    from safetensors.torch import save_file

    version = f"torch {torch.__version__}"
    notebook = notebook_model().state_dict()
    save_checkpoint(notebook, "notebook-torch2.pth", f"{version} torch.save", files)
    save_file(notebook, os.path.join(OUTPUT, "notebook.safetensors"), metadata={"format": "pt"})
    files.append(describe_file("notebook.safetensors", notebook, "safetensors.torch.save_file"))

    small = small_model().state_dict()
    for dtype, suffix in [(torch.float32, ""), (torch.float16, "-float16"),
                          (torch.bfloat16, "-bfloat16"), (torch.float64, "-float64")]:
        converted = collections.OrderedDict((k, v.to(dtype)) for k, v in small.items())
        save_checkpoint(converted, f"small{suffix}-torch2.pth", f"{version} torch.save", files)
        name = f"small{suffix}.safetensors"
        save_file(converted, os.path.join(OUTPUT, name), metadata={"format": "pt"})
        files.append(describe_file(name, converted, "safetensors.torch.save_file"))

    save_checkpoint(views_state_dict(), "views-torch2.pth", f"{version} torch.save", files)
    plain = collections.OrderedDict((k, v.clone()) for k, v in small.items())
    save_checkpoint(plain, "plain-ordereddict-torch2.pth", f"{version} torch.save", files)
    save_checkpoint({"weight": small["2.weight"].clone(), "bias": small["2.bias"].clone()},
                    "plain-dict-torch2.pth", f"{version} torch.save", files)
    parameters = collections.OrderedDict(small_model().named_parameters())
    save_checkpoint(parameters, "parameters-torch2.pth", f"{version} torch.save", files)
    # Protocol 4: FRAME, SHORT_BINUNICODE, MEMOIZE and STACK_GLOBAL instead of protocol 2's opcodes.
    torch.save(small, os.path.join(OUTPUT, "small-protocol4-torch2.pth"), pickle_protocol=4)
    files.append(describe_file("small-protocol4-torch2.pth", small, f"{version} torch.save, pickle protocol 4"))
    return notebook


# MARK: - torch 1.13 fixtures (run under /usr/bin/python3)


def torch1_part():
    """Writes the torch 1.13 fixtures and prints their descriptions as JSON on stdout."""
    files = []
    version = f"torch {torch.__version__}"
    save_checkpoint(notebook_model().state_dict(), "notebook-torch1.pth", f"{version} torch.save", files)
    save_checkpoint(small_model().state_dict(), "small-torch1.pth", f"{version} torch.save", files)
    save_checkpoint(views_state_dict(), "views-torch1.pth", f"{version} torch.save", files)
    json.dump({"torch_version": torch.__version__, "files": files}, sys.stdout)


def torch1_fixtures(files):
    if not os.path.exists(SYSTEM_PYTHON):
        print("torch 1.13: no /usr/bin/python3; skipped", file=sys.stderr)
        return None
    result = subprocess.run([SYSTEM_PYTHON, os.path.abspath(__file__), TORCH1_FLAG],
                            capture_output=True, text=True)
    if result.returncode != 0:
        print(f"torch 1.13: skipped ({result.stderr.strip().splitlines()[-1:]})", file=sys.stderr)
        return None
    part = json.loads(result.stdout)
    files.extend(part["files"])
    return part["torch_version"]


# MARK: - Hostile fixtures (written, never loaded)


def global_op(module, name):
    return b"c" + module.encode() + b"\n" + name.encode() + b"\n"


def unicode_op(text):
    data = text.encode()
    return b"X" + len(data).to_bytes(4, "little") + data


class PosixSystemReduce:
    """Pickles as a call of os.system (named posix.system on Linux)."""

    def __reduce__(self):
        return (os.system, ("echo pwned",))


class PopenReduce:
    """Pickles as a call of subprocess.Popen."""

    def __reduce__(self):
        return (subprocess.Popen, (["touch", "/tmp/pwned"],))


class Payload:
    """An arbitrary class: its instances pickle as __main__.Payload."""

    def __reduce__(self):
        return (Payload, ())


def dumps(obj):
    # fix_imports=False: protocol 2 would otherwise rename subprocess.Popen to Python 2's commands.Popen.
    return pickle.dumps(obj, protocol=2, fix_imports=False)


def hostile_pickles():
    """(file name, refused global, pickle bytes). pickle.dumps only serialises: nothing is called."""
    proto = b"\x80\x02"
    return [
        ("evil-os-system.pth", "os.system",
         proto + global_op("os", "system") + unicode_op("echo pwned") + b"\x85R."),
        ("evil-builtins-eval.pth", "builtins.eval",
         proto + global_op("builtins", "eval") + unicode_op("__import__('os').system('echo pwned')") + b"\x85R."),
        ("evil-posix-system.pth", f"{os.system.__module__}.system", dumps(PosixSystemReduce())),
        ("evil-subprocess-popen.pth", "subprocess.Popen", dumps(PopenReduce())),
        ("evil-custom-class.pth", "__main__.Payload", dumps(Payload())),
        # A normal-looking OrderedDict whose one value comes from builtins.exec.
        ("evil-inside-state-dict.pth", "builtins.exec",
         proto + global_op("collections", "OrderedDict") + b")R" + unicode_op("0.weight")
         + global_op("builtins", "exec") + unicode_op("import os") + b"\x85Rs."),
        # Protocol 4 names the global through STACK_GLOBAL.
        ("evil-stack-global.pth", "os.system",
         b"\x80\x04" + b"\x8c\x02os" + b"\x8c\x06system" + b"\x93" + b"\x8c\x0aecho pwned" + b"\x85R."),
    ]


def write_torch_like_zip(path, pickle_bytes):
    folder = os.path.splitext(os.path.basename(path))[0]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, contents in [("data.pkl", pickle_bytes), ("byteorder", b"little"), ("version", b"3\n")]:
            # A fixed date keeps regenerated files identical.
            archive.writestr(zipfile.ZipInfo(f"{folder}/{name}", date_time=(2020, 1, 1, 0, 0, 0)), contents)


def hostile_fixtures():
    entries = []
    for name, refused, data in hostile_pickles():
        write_torch_like_zip(os.path.join(OUTPUT, name), data)
        entries.append({"file": name, "refused_global": refused})
    return entries


# MARK: - Probabilities of the notebook fixtures and strict-loading errors


def sample_test_images(count):
    """The first ``count`` test images of the embedded sample as (count, 784) float32, normalised as the report does."""
    import gzip
    with gzip.open(os.path.join(SAMPLE, "t10k-images-idx3-ubyte.gz"), "rb") as file:
        data = file.read()
    magic, total, rows, cols = (int.from_bytes(data[i:i + 4], "big") for i in range(0, 16, 4))
    assert magic == 0x803 and rows == cols == 28 and total >= count
    pixels = torch.tensor(list(data[16:16 + count * 784]), dtype=torch.uint8).reshape(count, 784)
    return (pixels.float().div(255) - 0.5) / 0.5


def load_fixture(name):
    path = os.path.join(OUTPUT, name)
    if name.endswith(".safetensors"):
        from safetensors.torch import load_file
        return load_file(path)
    try:
        return torch.load(path, weights_only=True)
    except TypeError:  # torch 1.13 has no weights_only
        return torch.load(path)


def fixture_probabilities(names):
    images = sample_test_images(PROBABILITY_IMAGES)
    result = {}
    for name in names:
        model = notebook_model()
        model.load_state_dict(load_fixture(name), strict=True)
        with torch.no_grad():
            probabilities = model(images)
        result[name] = [[float(p) for p in row] for row in probabilities]
    return result


def load_error_cases():
    notebook = notebook_model().state_dict()
    small = small_model().state_dict()
    renamed = collections.OrderedDict((k, v) for k, v in notebook.items() if k not in ("0.weight", "4.bias"))
    renamed["fc1.weight"] = notebook["0.weight"]
    wrong_first = collections.OrderedDict(notebook)
    wrong_first["0.weight"] = torch.zeros(64, 784)
    return [
        ("small model into the notebook's Sequential", notebook_model, small),
        ("renamed keys", notebook_model, renamed),
        ("one layer of another size", notebook_model, wrong_first),
        ("Sequential keys into ReluNet", ReluNet, notebook),
    ]


def load_errors():
    errors = []
    for case, make_model, state_dict in load_error_cases():
        try:
            make_model().load_state_dict(state_dict, strict=True)
            raise AssertionError(f"{case}: loaded")
        except RuntimeError as error:
            errors.append({
                "case": case,
                "model": type(make_model()).__name__,
                "state_dict": [[key, list(value.shape)] for key, value in state_dict.items()],
                "message": str(error),
            })
    return errors


def torch1_probabilities():
    json.dump({"torch_version": torch.__version__,
               "probabilities": fixture_probabilities(["notebook-torch1.pth"])}, sys.stdout)


def probability_document():
    printed = notebook_model()
    printed.load_state_dict(load_fixture("notebook-torch2.pth"), strict=True)
    document = {
        # print(model[0].weight) of the notebook's Sequential after load_state_dict of notebook-torch2.pth.
        "printed_parameter": {"file": "notebook-torch2.pth", "code": "print(model[0].weight)", "text": str(printed[0].weight)},
        "images": f"mnist-sample/t10k-images-idx3-ubyte.gz, first {PROBABILITY_IMAGES}, (x/255 - 0.5)/0.5",
        "torch_version": torch.__version__,
        "by_file": fixture_probabilities(["notebook-torch2.pth", "notebook.safetensors", "notebook-torch1.pth"]),
    }
    result = subprocess.run([SYSTEM_PYTHON, os.path.abspath(__file__), TORCH1_PROBABILITIES_FLAG],
                            capture_output=True, text=True) if os.path.exists(SYSTEM_PYTHON) else None
    if result is not None and result.returncode == 0:
        part = json.loads(result.stdout)
        document["torch1_version"] = part["torch_version"]
        document["torch1_by_file"] = part["probabilities"]
    else:
        print("torch 1.13: probabilities skipped", file=sys.stderr)
    return document


def compact_expected_text(document):
    """The document with one tensor description and one probability row per line (reviewable, small diffs)."""
    text = json.dumps(document, indent=1)
    for entry in document["files"]:
        for tensor in entry["tensors"]:
            text = text.replace(json.dumps(tensor, indent=1).replace("\n", "\n    "), json.dumps(tensor), 1)
    for by_file in ("by_file", "torch1_by_file"):
        for rows in document.get("probabilities", {}).get(by_file, {}).values():
            for row in rows:
                text = text.replace(json.dumps(row, indent=1).replace("\n", "\n    "), json.dumps(row), 1)
    for error in document.get("load_errors", []):
        for entry in error["state_dict"]:
            text = text.replace(json.dumps(entry, indent=1).replace("\n", "\n    "), json.dumps(entry), 1)
            text = text.replace(json.dumps(entry[1], indent=1).replace("\n", "\n     "), json.dumps(entry[1]), 1)
    assert json.loads(text) == document
    return text


def update_probabilities():
    path = os.path.join(OUTPUT, "expected.json")
    with open(path, encoding="utf-8") as file:
        document = json.load(file)
    document["probabilities"] = probability_document()
    document["load_errors"] = load_errors()
    with open(path, "w", encoding="utf-8") as file:
        file.write(compact_expected_text(document) + "\n")
    print(f"updated probabilities and load_errors in {os.path.relpath(path, ROOT)}", file=sys.stderr)


# MARK: - Verifying our files


def sha256_of(tensor):
    return hashlib.sha256(tensor.detach().float().contiguous().numpy().astype("<f4").tobytes()).hexdigest()


def verify(directory):
    with open(os.path.join(OUTPUT, "expected.json"), encoding="utf-8") as file:
        expected = {entry["file"]: entry for entry in json.load(file)["files"]}
    try:
        from safetensors.torch import load_file
    except ImportError:
        load_file = None
    checked, failures = 0, []
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        stem, extension = os.path.splitext(name)
        source = expected.get(stem)
        if source is None:
            failures.append(f"{name}: no fixture named {stem!r} in expected.json")
            continue
        if extension == ".pth":
            loaded = torch.load(path, weights_only=True)
            # A checkpoint keeps the order it was given; one made from a safetensors file has its order.
            keys_must_keep_order = stem.endswith(".pth")
        elif extension == ".safetensors":
            if load_file is None:
                print(f"{name}: skipped (no safetensors package here)")
                continue
            loaded = load_file(path)
            keys_must_keep_order = False
        else:
            continue
        wanted = [(t["key"], t["shape"], t["sha256"]) for t in source["tensors"]]
        got = [(k, list(v.shape), sha256_of(v)) for k, v in loaded.items()]
        if not keys_must_keep_order:
            wanted, got = sorted(wanted), sorted(got)
        dtypes = {str(v.dtype) for v in loaded.values()}
        if got != wanted or dtypes - {"torch.float32"}:
            failures.append(f"{name}: differs from {stem} (dtypes {sorted(dtypes)})")
        else:
            checked += 1
            print(f"{name}: {len(got)} tensors identical to {stem}")
    print(f"torch {torch.__version__}: {checked} files read back identically, {len(failures)} failed")
    for failure in failures:
        print("  " + failure)
    return 1 if failures else 0


# MARK: - Main


def generate():
    os.makedirs(OUTPUT, exist_ok=True)
    for name in os.listdir(OUTPUT):
        os.remove(os.path.join(OUTPUT, name))
    files = []
    notebook = torch2_fixtures(files)
    torch1_version = torch1_fixtures(files)
    document = {
        "generator": "scripts/torch_model_files_reference.py",
        "torch_version": torch.__version__,
        "torch1_version": torch1_version,
        "printed": {"file": "notebook-torch2.pth", "key": "0.weight", "text": str(notebook["0.weight"])},
        "pickle_identical": "plain-ordereddict-torch2.pth",
        "hostile": hostile_fixtures(),
        "files": files,
        "probabilities": probability_document(),
        "load_errors": load_errors(),
    }
    # One tensor per line keeps the file reviewable and its diffs small.
    text = compact_expected_text(document)
    with open(os.path.join(OUTPUT, "expected.json"), "w", encoding="utf-8") as file:
        file.write(text + "\n")
    total = sum(os.path.getsize(os.path.join(OUTPUT, n)) for n in os.listdir(OUTPUT))
    print(f"wrote {len(files)} state-dict fixtures and {len(document['hostile'])} hostile ones "
          f"({total / 1024:.0f} KiB; torch {torch.__version__}, torch 1: {torch1_version}) "
          f"to {os.path.relpath(OUTPUT, ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    if sys.argv[1:2] == [TORCH1_FLAG]:
        torch1_part()
    elif sys.argv[1:2] == [TORCH1_PROBABILITIES_FLAG]:
        torch1_probabilities()
    elif sys.argv[1:] == ["probabilities"]:
        update_probabilities()
    elif sys.argv[1:2] == ["verify"] and len(sys.argv) == 3:
        sys.exit(verify(sys.argv[2]))
    elif len(sys.argv) == 1:
        generate()
    else:
        sys.exit(__doc__)
