#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora, Fuzz/corpus/<harness>/, from the repository's own files.

Each corpus holds a few small valid inputs and slightly broken variants of them. Valid inputs come from
Tests/Fixtures/model-files/, the embedded MNIST sample (cut to a few images) and a small golden PNG;
the rest is made here. The output is deterministic: run it again and git sees no change.
"""
import gzip
import os
import shutil
import struct
import zipfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Fuzz", "corpus")
MODEL_FILES = os.path.join(ROOT, "Tests", "Fixtures", "model-files")
SAMPLE = os.path.join(ROOT, "Sources", "Datasets", "Resources", "mnist-sample")
GOLDENS = os.path.join(ROOT, "Tests", "CairoBackendTests", "Goldens")


def write(harness, name, data):
    folder = os.path.join(CORPUS, harness)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as file:
        file.write(data)


def read(path):
    with open(path, "rb") as file:
        return file.read()


# MARK: - IDX


def idx(type_and_dims, dims, data):
    return struct.pack(">I", type_and_dims) + b"".join(struct.pack(">I", d) for d in dims) + data


def gzip_member(data):
    # mtime 0 keeps the bytes identical from run to run.
    return gzip.compress(data, compresslevel=6, mtime=0)


def gzip_stored(data):
    """A gzip member of stored (uncompressed) deflate blocks, as some writers produce."""
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    blocks = b""
    offset = 0
    while True:
        part = data[offset:offset + 65535]
        offset += len(part)
        final = offset >= len(data)
        blocks += bytes([1 if final else 0]) + struct.pack("<HH", len(part), len(part) ^ 0xFFFF) + part
        if final:
            break
    return header + blocks + struct.pack("<II", zlib.crc32(data), len(data) & 0xFFFFFFFF)


def idx_seeds():
    images = gzip.decompress(read(os.path.join(SAMPLE, "t10k-images-idx3-ubyte.gz")))
    labels = gzip.decompress(read(os.path.join(SAMPLE, "t10k-labels-idx1-ubyte.gz")))
    three = idx(0x803, [3, 28, 28], images[16:16 + 3 * 784])
    ten_labels = idx(0x801, [10], labels[8:18])
    tiny = idx(0x803, [2, 4, 5], bytes(range(0, 200, 5)))
    empty_images = idx(0x803, [0, 28, 28], b"")
    bad_label = idx(0x801, [4], bytes([7, 2, 12, 1]))
    valid = {
        "images-3x28x28": three, "labels-10": ten_labels, "images-2x4x5": tiny, "images-0x28x28": empty_images,
    }
    broken = {
        "images-truncated": three[:-100],
        "images-trailing-byte": tiny + b"\x00",
        "images-signed-bytes": b"\x00\x00\x09\x03" + tiny[4:],
        "images-header-cut": tiny[:10],
        "images-absurd-count": idx(0x803, [0x80000000, 28, 28], b""),
        "labels-out-of-range": bad_label,
        "labels-as-images": b"\x00\x00\x08\x01" + tiny[4:],
    }
    for name, data in {**valid, **broken}.items():
        write("idx", name, data)

    # Through gzip: compressed members, stored blocks, several members, and damaged streams.
    gz_three = gzip_member(three)
    gz_labels = gzip_member(ten_labels)
    gzip_valid = {
        "images-3x28x28.gz": gz_three,
        "labels-10.gz": gz_labels,
        "images-2x4x5-stored.gz": gzip_stored(tiny),
        "images-2x4x5-two-members.gz": gzip_member(tiny[:20]) + gzip_member(tiny[20:]),
        "t10k-labels-idx1-ubyte.gz": read(os.path.join(SAMPLE, "t10k-labels-idx1-ubyte.gz")),
        # Not gzip: the harness compresses these itself, so the IDX checks see their bytes.
        "images-2x4x5.raw": tiny,
        "labels-out-of-range.raw": bad_label,
    }
    gzip_broken = {
        "images-cut.gz": gz_three[: len(gz_three) // 2],
        "labels-bad-crc.gz": gz_labels[:-8] + bytes([gz_labels[-8] ^ 1]) + gz_labels[-7:],
        "labels-junk-after.gz": gz_labels + b"\x00\x01\x02",
        "empty.gz": gzip_member(b""),
        "images-bad-block-type.gz": gzip_stored(tiny)[:10] + b"\x07" + gzip_stored(tiny)[11:],
    }
    for name, data in {**gzip_valid, **gzip_broken}.items():
        write("idx-gzip", name, data)


# MARK: - safetensors


def safetensors(header, data=b""):
    text = header.encode()
    return struct.pack("<Q", len(text)) + text + data


def safetensors_seeds():
    for name in ["small.safetensors", "small-float16.safetensors", "small-bfloat16.safetensors",
                 "small-float64.safetensors"]:
        write("safetensors", name, read(os.path.join(MODEL_FILES, name)))
    two = struct.pack("<2f", 1.5, -2.0) + b"\x00\x3c\x00\xc0"
    made = {
        "hand-two-tensors": safetensors(
            '{"b":{"dtype":"F16","shape":[2],"data_offsets":[8,12]},'
            '"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"__metadata__":{"format":"pt"}}', two),
        "empty-header": safetensors("{}"),
        "scalar-and-empty": safetensors(
            '{"s":{"dtype":"F64","shape":[],"data_offsets":[0,8]},"e":{"dtype":"BF16","shape":[0,3],'
            '"data_offsets":[8,8]}}', struct.pack("<d", 0.25)),
        "hole-in-data": safetensors('{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}', bytes(8)),
        "overlap": safetensors('{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},'
                               '"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}', bytes(8)),
        "duplicate-key": safetensors('{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},'
                                     '"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}', bytes(4)),
        "integer-dtype": safetensors('{"a":{"dtype":"I64","shape":[1],"data_offsets":[0,8]}}', bytes(8)),
        "length-past-end": struct.pack("<Q", 1000) + b'{"a":1}',
        "not-json": safetensors('{"a":{"dtype":"F32",', bytes(4)),
    }
    for name, data in made.items():
        write("safetensors", name, data)


# MARK: - Checkpoints and pickles


def repack(data, compression):
    """The same records in a new zip archive with `compression`."""
    source = zipfile.ZipFile(__import__("io").BytesIO(data))
    output = __import__("io").BytesIO()
    with zipfile.ZipFile(output, "w", compression) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(2020, 1, 1, 0, 0, 0))
            entry.compress_type = compression
            target.writestr(entry, source.read(info.filename))
    return output.getvalue()


def data_pkl(path):
    archive = zipfile.ZipFile(path)
    name = next(n for n in archive.namelist() if n.endswith("/data.pkl"))
    return archive.read(name)


def checkpoint_seeds():
    names = ["views-torch1.pth", "views-torch2.pth", "plain-dict-torch2.pth", "small-torch1.pth",
             "small-float16-torch2.pth", "small-protocol4-torch2.pth", "evil-os-system.pth",
             "evil-stack-global.pth", "evil-inside-state-dict.pth"]
    for name in names:
        write("checkpoint", name, read(os.path.join(MODEL_FILES, name)))
    views = read(os.path.join(MODEL_FILES, "views-torch2.pth"))
    write("checkpoint", "views-torch2-deflated.pth", repack(views, zipfile.ZIP_DEFLATED))
    write("checkpoint", "views-torch2-cut.pth", views[: len(views) // 2])
    write("checkpoint", "views-torch2-no-directory.pth", views[: views.rfind(b"PK\x01\x02")])

    # The pickle harness supplies storages data/0 … data/5 with small-torch2's sizes and data/6, data/7
    # with the views checkpoints' (24 and 3 floats): rename the views pickles' keys '0' and '1' to match.
    for name in ["small-torch2.pth", "small-torch1.pth", "parameters-torch2.pth", "plain-dict-torch2.pth",
                 "plain-ordereddict-torch2.pth", "small-protocol4-torch2.pth", "small-float16-torch2.pth",
                 "evil-builtins-eval.pth", "evil-custom-class.pth", "evil-inside-state-dict.pth",
                 "evil-os-system.pth", "evil-posix-system.pth", "evil-stack-global.pth",
                 "evil-subprocess-popen.pth"]:
        write("pickle", name.replace(".pth", ".pkl"), data_pkl(os.path.join(MODEL_FILES, name)))
    for name in ["views-torch1.pth", "views-torch2.pth"]:
        pickle = data_pkl(os.path.join(MODEL_FILES, name))
        renamed = pickle.replace(b"X\x01\x00\x00\x000", b"X\x01\x00\x00\x006").replace(b"X\x01\x00\x00\x001",
                                                                                     b"X\x01\x00\x00\x007")
        write("pickle", name.replace(".pth", ".pkl"), renamed)
    small = data_pkl(os.path.join(MODEL_FILES, "small-torch2.pth"))
    write("pickle", "small-torch2-cut.pkl", small[:300])


# MARK: - PNG

ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def packed_row(samples, depth):
    """Samples of one row at `depth` bits, packed most significant bit first."""
    if depth == 16:
        return b"".join(struct.pack(">H", s) for s in samples)
    if depth == 8:
        return bytes(samples)
    bits = "".join(format(s, "0%db" % depth) for s in samples)
    bits += "0" * (-len(bits) % 8)
    return bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))


def filtered(row, previous, kind, bpp):
    out = bytearray()
    for i, byte in enumerate(row):
        left = row[i - bpp] if i >= bpp else 0
        up = previous[i] if previous else 0
        corner = previous[i - bpp] if previous and i >= bpp else 0
        if kind == 0:
            predicted = 0
        elif kind == 1:
            predicted = left
        elif kind == 2:
            predicted = up
        elif kind == 3:
            predicted = (left + up) // 2
        else:
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            predicted = left if pa <= pb and pa <= pc else up if pb <= pc else corner
        out.append((byte - predicted) & 0xFF)
    return bytes([kind]) + bytes(out)


def png(width, height, color, depth, interlaced=False, extra=b""):
    """A PNG whose samples follow a fixed pattern; rows cycle through the five filter types."""
    channels = CHANNELS[color]
    top = (1 << depth) - 1

    def sample(x, y, c):
        return (x * 7 + y * 13 + c * 29) % (top + 1) if depth < 8 else (x * 37 + y * 91 + c * 53) * 997 % (top + 1)

    bpp = max(1, channels * depth // 8)
    raw = b""
    passes = ADAM7 if interlaced else [(0, 0, 1, 1)]
    for x0, y0, dx, dy in passes:
        xs, ys = list(range(x0, width, dx)), list(range(y0, height, dy))
        if not xs or not ys:
            continue
        previous = None
        for n, y in enumerate(ys):
            row = packed_row([sample(x, y, c) for x in xs for c in range(channels)], depth)
            raw += filtered(row, previous, n % 5 if depth >= 8 else 0, bpp)
            previous = row
    header = struct.pack(">IIBBBBB", width, height, depth, color, 0, 0, 1 if interlaced else 0)
    palette = b""
    if color == 3:
        entries = 1 << depth
        palette = chunk(b"PLTE", bytes((i * 40 + k * 90) % 256 for i in range(entries) for k in range(3)))
        palette += chunk(b"tRNS", bytes((i * 70) % 256 for i in range(min(entries, 4))))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + extra + palette
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def png_seeds():
    write("png", "rects-polygons.png", read(os.path.join(GOLDENS, "rects-polygons.png")))
    made = {
        "gray1-9x5.png": png(9, 5, 0, 1),
        "gray2-7x3.png": png(7, 3, 0, 2),
        "gray4-5x4.png": png(5, 4, 0, 4),
        "gray8-6x6.png": png(6, 6, 0, 8, extra=chunk(b"gAMA", struct.pack(">I", 45455))),
        "gray16-4x3.png": png(4, 3, 0, 16, extra=chunk(b"sBIT", b"\x0c")),
        "rgb8-5x5.png": png(5, 5, 2, 8, extra=chunk(b"sRGB", b"\x00") + chunk(b"tEXt", b"Title\x00fuzz")),
        "rgb16-3x3.png": png(3, 3, 2, 16, extra=chunk(b"cHRM", struct.pack(">8I", 31270, 32900, 64000, 33000,
                                                                             30000, 60000, 15000, 6000))),
        "palette1-8x2.png": png(8, 2, 3, 1),
        "palette4-5x5.png": png(5, 5, 3, 4),
        "palette8-4x4.png": png(4, 4, 3, 8),
        "gray-alpha8-4x4.png": png(4, 4, 4, 8),
        "gray-alpha16-3x2.png": png(3, 2, 4, 16),
        "rgba8-6x5.png": png(6, 5, 6, 8, extra=chunk(b"bKGD", struct.pack(">3H", 1, 2, 3))),
        "rgba16-2x2.png": png(2, 2, 6, 16),
        "rgba8-9x9-interlaced.png": png(9, 9, 6, 8, interlaced=True),
        "gray2-10x7-interlaced.png": png(10, 7, 0, 2, interlaced=True),
    }
    for name, data in made.items():
        write("png", name, data)
    good = made["rgba8-6x5.png"]
    idat = good.index(b"IDAT") - 4
    broken = {
        "cut-in-idat.png": good[: idat + 20],
        "bad-crc.png": good[:29] + bytes([good[29] ^ 0xFF]) + good[30:],
        "no-iend.png": good[:-12],
        "zero-width.png": b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 0, 4, 8, 6, 0, 0, 0))
        + good[good.index(b"IDAT") - 4:],
        "huge-declared.png": b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16000, 16000, 8, 6, 0, 0, 0))
        + good[good.index(b"IDAT") - 4:],
    }
    for name, data in broken.items():
        write("png", name, data)


if __name__ == "__main__":
    for harness in ["idx", "idx-gzip", "safetensors", "checkpoint", "pickle", "png"]:
        shutil.rmtree(os.path.join(CORPUS, harness), ignore_errors=True)
    idx_seeds()
    safetensors_seeds()
    checkpoint_seeds()
    png_seeds()
