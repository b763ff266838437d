#!/usr/bin/env python3
"""Loads a spectrolens-exported ResNet into torchvision and compares logits.

Usage: /usr/bin/python3 torchvision_logits.py WEIGHTS.safetensors INPUT.npy [EXPECTED_LOGITS.npy]

WEIGHTS is what `spectrolens export` writes; INPUT is a float32 array [N, C, H, W] (or [C, H, W]).
The architecture comes from the file's metadata (resnet18/34/50/101), the class count from
fc.weight, and conv1 is swapped for a 1-channel conv when conv1.weight has one input channel.
Loads with strict=True, runs in eval mode and prints the logits; with EXPECTED_LOGITS (the
logits spectrolens computed for the same input) it also prints `max_abs_diff <value>`.

torch 1.13 has no safetensors package, so the format is parsed here with json + numpy:
8-byte little-endian header length, JSON header, raw little-endian data.
"""
import json
import struct
import sys

import numpy as np
import torch
import torchvision

DTYPES = {"F32": np.float32, "F16": np.float16, "F64": np.float64, "I64": np.int64}


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n].decode("utf-8"))
    meta = header.pop("__metadata__", {})
    base = 8 + n
    out = {}
    for name, h in header.items():
        b, e = h["data_offsets"]
        arr = np.frombuffer(data[base + b:base + e], dtype=np.dtype(DTYPES[h["dtype"]]).newbyteorder("<"))
        out[name] = torch.from_numpy(arr.reshape(h["shape"]).copy())
    return out, meta


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    state, meta = read_safetensors(argv[1])
    arch = meta.get("architecture", "resnet18")
    classes = state["fc.weight"].shape[0]
    model = getattr(torchvision.models, arch)(num_classes=classes)
    if state["conv1.weight"].shape[1] == 1:
        model.conv1 = torch.nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3, bias=False)
    model.load_state_dict(state, strict=True)
    model.eval()
    x = torch.from_numpy(np.load(argv[2]).astype(np.float32))
    if x.dim() == 3:
        x = x.unsqueeze(0)
    with torch.no_grad():
        logits = model(x).numpy()
    print("torch", torch.__version__, "torchvision", torchvision.__version__, "arch", arch, "input", list(x.shape))
    print("logits", np.array2string(logits, precision=6, separator=","))
    if len(argv) > 3:
        expected = np.load(argv[3]).reshape(logits.shape)
        print("max_abs_diff %.3e" % float(np.max(np.abs(logits - expected))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
