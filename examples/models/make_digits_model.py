#!/usr/bin/env python3
"""Trains the demo model: a small CNN on scikit-learn's handwritten digits.

Run by the genrule in examples/models/BUILD (under Debian's /usr/bin/python3,
which has python3-torch and python3-sklearn):

    make_digits_model.py OUTDIR

writes into OUTDIR
    digits.pt            the TorchScript model (input float32 [N, 1, 8, 8],
                         output logits [N, 10])
    digits_labels.txt    one label per line, "zero" .. "nine" (words, so a
                         label is never mistaken for a class index)
    digits_meta.json     the metadata image_classification needs
                         (docs/torch.md, "Image classification")
    digit_<label>.png    one held-out digit per class, upscaled 4x to 32x32
                         (nearest), grayscale for even labels, RGB for odd
                         ones, so decoding, channel conversion and resizing
                         all run when they are classified
    digit_<label>.jpg    the same 32x32 digit as a baseline JPEG (quality
                         90), so the JPEG decoder runs too
    digit_<label>.f32    the same digit as the model's input tensor: 64
                         little-endian float32, [1, 1, 8, 8], normalised
                         (for examples/torch_inference.c)

Everything is seeded and the ops are deterministic, so a rebuild makes the
same files. Fails (exit 1) when the held-out accuracy is below 95 %.
"""

import json
import os
import struct
import sys
import time
import zlib

import numpy as np
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

SEED = 20240511
LABELS = ["zero", "one", "two", "three", "four",
          "five", "six", "seven", "eight", "nine"]
SCALE = 4  # PNG upscaling factor: 8x8 -> 32x32
MIN_ACCURACY = 0.95


class DigitsNet(torch.nn.Module):
    """Two 3x3 convolutions, a 2x2 max pool, two linear layers."""

    def __init__(self):
        super().__init__()
        self.features = torch.nn.Sequential(
            torch.nn.Conv2d(1, 16, 3, padding=1), torch.nn.ReLU(),
            torch.nn.Conv2d(16, 32, 3, padding=1), torch.nn.ReLU(),
            torch.nn.MaxPool2d(2))
        self.classifier = torch.nn.Sequential(
            torch.nn.Flatten(), torch.nn.Linear(32 * 4 * 4, 64),
            torch.nn.ReLU(), torch.nn.Linear(64, 10))

    def forward(self, x):
        return self.classifier(self.features(x))


def png_bytes(pixels):
    """A PNG of `pixels` (uint8, HxW gray or HxWx3 RGB), written with zlib
    and struct only (no PIL here)."""
    h, w = pixels.shape[:2]
    color = 0 if pixels.ndim == 2 else 2
    rows = pixels.reshape(h, -1)
    raw = b"".join(b"\x00" + rows[y].tobytes() for y in range(h))

    def chunk(kind, data):
        body = kind + data
        return (struct.pack(">I", len(data)) + body +
                struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", w, h, 8, color, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


# The JPEG luminance quantisation table (ITU T.81, Annex K), row by row.
JPEG_LUMA_Q = [
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99]


def jpeg_bytes(pixels, quality=90):
    """A baseline grayscale JPEG of `pixels` (uint8, HxW, both multiples
    of 8). No PIL here, so a minimal encoder: the DCT, the standard
    quantisation table scaled for `quality`, and fixed-length Huffman codes
    (every DC category gets a 4-bit code, every AC symbol an 8-bit one;
    valid canonical tables that leave the all-ones code unused)."""
    h, w = pixels.shape
    scale = 200 - 2 * quality
    q = np.clip((np.array(JPEG_LUMA_Q) * scale + 50) // 100, 1, 255)
    q = q.reshape(8, 8)
    zigzag = sorted(((u, v) for u in range(8) for v in range(8)),
                    key=lambda p: (p[0] + p[1],
                                   p[0] if (p[0] + p[1]) % 2 else p[1]))
    c = np.array([[(np.sqrt(1 / 8) if u == 0 else 0.5) *
                   np.cos((2 * x + 1) * u * np.pi / 16) for x in range(8)]
                  for u in range(8)])
    ac_symbols = [0x00, 0xF0] + [(r << 4) | s for r in range(16)
                                 for s in range(1, 11)]
    ac_code = {sym: i for i, sym in enumerate(ac_symbols)}

    out = bytearray()
    acc, nbits = 0, 0

    def put(value, n):
        nonlocal acc, nbits
        acc = (acc << n) | (value & ((1 << n) - 1))
        nbits += n
        while nbits >= 8:
            byte = (acc >> (nbits - 8)) & 0xFF
            out.append(byte)
            if byte == 0xFF:
                out.append(0)  # byte stuffing
            nbits -= 8

    def category(v):
        return int(abs(v)).bit_length()

    def amplitude(v, s):
        return v if v >= 0 else v + (1 << s) - 1

    prev_dc = 0
    for by in range(0, h, 8):
        for bx in range(0, w, 8):
            block = pixels[by:by + 8, bx:bx + 8].astype(np.float64) - 128
            coef = np.rint((c @ block @ c.T) / q).astype(int)
            zz = [int(coef[u, v]) for u, v in zigzag]
            diff, prev_dc = zz[0] - prev_dc, zz[0]
            s = category(diff)
            put(s, 4)
            if s:
                put(amplitude(diff, s), s)
            run = 0
            for v in zz[1:]:
                if v == 0:
                    run += 1
                    continue
                while run > 15:
                    put(ac_code[0xF0], 8)
                    run -= 16
                s = category(v)
                put(ac_code[(run << 4) | s], 8)
                put(amplitude(v, s), s)
                run = 0
            if run:
                put(ac_code[0x00], 8)
    if nbits:
        put(0x7F, 8 - nbits)  # pad with 1 bits

    def segment(marker, body):
        return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body

    dqt = bytes([0]) + bytes(int(q[u, v]) for u, v in zigzag)
    sof = struct.pack(">BHHB", 8, h, w, 1) + bytes([1, 0x11, 0])
    dc_bits = [0, 0, 0, 12] + [0] * 12
    ac_bits = [0] * 7 + [len(ac_symbols)] + [0] * 8
    dht = (bytes([0x00]) + bytes(dc_bits) + bytes(range(12)) +
           bytes([0x10]) + bytes(ac_bits) + bytes(ac_symbols))
    sos = bytes([1, 1, 0x00, 0, 63, 0])
    return (b"\xff\xd8" + segment(0xDB, dqt) + segment(0xC0, sof) +
            segment(0xC4, dht) + segment(0xDA, sos) + bytes(out) +
            b"\xff\xd9")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_digits_model.py OUTDIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    start = time.monotonic()

    torch.manual_seed(SEED)
    np.random.seed(SEED)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(2)

    digits = load_digits()
    # The PNGs hold 0..255; train on exactly those values (the data set's
    # 0..16 quantised to 8 bits) so the C preprocessing sees what the model
    # was trained on.
    pixels = np.rint(digits.images * (255.0 / 16.0)).astype(np.uint8)
    idx_train, idx_test = train_test_split(
        np.arange(len(pixels)), test_size=0.25, random_state=SEED,
        stratify=digits.target)

    x01 = pixels.astype(np.float32) / 255.0
    mean = float(x01[idx_train].mean())
    std = float(x01[idx_train].std())

    def tensor(ids):
        return torch.from_numpy((x01[ids] - mean) / std).unsqueeze(1)

    x_train, x_test = tensor(idx_train), tensor(idx_test)
    y_train = torch.from_numpy(digits.target[idx_train]).long()
    y_test = torch.from_numpy(digits.target[idx_test]).long()

    model = DigitsNet()
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    gen = torch.Generator().manual_seed(SEED)
    for _ in range(25):
        model.train()
        perm = torch.randperm(len(x_train), generator=gen)
        for i in range(0, len(perm), 64):
            b = perm[i:i + 64]
            opt.zero_grad()
            loss_fn(model(x_train[b]), y_train[b]).backward()
            opt.step()

    model.eval()
    with torch.no_grad():
        predicted = model(x_test).argmax(1)
    accuracy = float((predicted == y_test).float().mean())
    print(f"held-out accuracy: {accuracy * 100:.2f} % "
          f"({int((predicted == y_test).sum())}/{len(y_test)}), "
          f"trained in {time.monotonic() - start:.1f} s")
    if accuracy < MIN_ACCURACY:
        print(f"accuracy below {MIN_ACCURACY * 100:.0f} %", file=sys.stderr)
        return 1

    traced = torch.jit.trace(model, x_test[:1])
    traced.save(os.path.join(out, "digits.pt"))
    with open(os.path.join(out, "digits_labels.txt"), "w") as f:
        f.write("".join(label + "\n" for label in LABELS))
    meta = {
        "input": {"width": 8, "height": 8, "channels": 1,
                  "layout": "NCHW", "dtype": "float32"},
        "normalize": {"scale": 1.0 / 255.0, "mean": [mean], "std": [std]},
        "labels": "digits_labels.txt",
        "output": "logits",
    }
    with open(os.path.join(out, "digits_meta.json"), "w") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")

    # The first held-out digit of each class (not picked by the model's
    # answer: the script fails if the model gets one wrong).
    for label in range(10):
        i = next(i for i in idx_test if digits.target[i] == label)
        gray = np.kron(pixels[i], np.ones((SCALE, SCALE), np.uint8))
        rgb = np.repeat(gray[:, :, None], 3, axis=2)
        with open(os.path.join(out, f"digit_{label}.png"), "wb") as f:
            f.write(png_bytes(rgb if label % 2 else gray))
        with open(os.path.join(out, f"digit_{label}.jpg"), "wb") as f:
            f.write(jpeg_bytes(gray))
        with open(os.path.join(out, f"digit_{label}.f32"), "wb") as f:
            f.write(tensor([i]).numpy().astype("<f4").tobytes())
        with torch.no_grad():
            got = int(traced(tensor([i])).argmax(1))
        if got != label:
            print(f"sample {i} (a {label}) classified as {got}",
                  file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
