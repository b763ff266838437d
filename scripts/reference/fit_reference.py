#!/usr/bin/env python3
"""A torchvision resnet18 with its 3-channel stem (random weights) behind a front end that crops or
pads the frames instead of resizing, and normalises the grid repeated over the three channels
with one mean and std per channel, for `spectrolens import`'s parity check.

Usage: /usr/bin/python3 fit_reference.py OUT_DIR

The front end: torchaudio MelSpectrogram(16000, n_fft 400, hop 160, 64 HTK mels, power 2, centred
with reflect padding) -> AmplitudeToDB(power, top_db 80) -> the frames brought to 96 by
  crop: torchvision.transforms.functional.center_crop(db, [64, 96]) (zeros added on both sides when shorter)
  pad:  torch.nn.functional.pad(db[..., :96], (0, 96 - T), value=-100) (the first 96 frames, -100 dB after)
-> repeated over 3 channels -> torchvision.transforms.functional.normalize(mean=MEANS, std=STDS).

Writes to OUT_DIR: resnet18.pt (torch.jit.script), long.wav (1.2 s: 121 frames, cropped or cut),
short.wav (0.7 s: 71 frames, filled), expect_<fit>_<probe>.npy (logits, float32, from the
written files), front_<fit>.json (the front end in spectrolens's words).
"""
import json
import math
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F
import torchaudio
import torchvision
import torchvision.transforms.functional as TF

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tiny_scripted import write_wav  # noqa: E402

H, W = 64, 96
MEANS = [-40.0, -35.0, -30.0]
STDS = [20.0, 15.0, 25.0]
FILL = {"crop": 0.0, "pad": -100.0}


def fit(db, mode):
    if mode == "crop":
        return TF.center_crop(db[None], [H, W])[0]
    cut = db[..., :W]
    return F.pad(cut, (0, W - cut.shape[-1]), value=FILL["pad"])


def main(argv):
    out = argv[1]
    torch.set_num_threads(int(os.environ.get("SPECTROLENS_THREADS", "2")))
    torch.manual_seed(4)
    model = torchvision.models.resnet18(num_classes=3).eval()
    torch.jit.script(model).save(os.path.join(out, "resnet18.pt"))
    mel = torchaudio.transforms.MelSpectrogram(sample_rate=16000, n_fft=400, hop_length=160, n_mels=H)
    to_db = torchaudio.transforms.AmplitudeToDB(stype="power", top_db=80)
    rng = np.random.default_rng(4)
    for probe, seconds in (("long", 1.2), ("short", 0.7)):
        n = int(round(seconds * 16000))
        t = np.arange(n) / 16000.0
        x = 0.3 * np.sin(2 * math.pi * 330 * t) * np.exp(-t) + 0.03 * rng.standard_normal(n)
        db = to_db(mel(torch.from_numpy(write_wav(os.path.join(out, probe + ".wav"), x, 16000))))
        for mode in ("crop", "pad"):
            grid = TF.normalize(fit(db, mode)[None].repeat(3, 1, 1), MEANS, STDS)
            with torch.no_grad():
                logits = model(grid[None])[0]
            np.save(os.path.join(out, "expect_%s_%s.npy" % (mode, probe)), logits.numpy().astype(np.float32))
            print(probe, "frames", db.shape[-1], mode, [round(v, 5) for v in logits.tolist()])
    for mode in ("crop", "pad"):
        front = {"preset": "torchaudio",
                 "spec": {"kind": "mel", "sampleRate": 16000, "nFft": 400, "winLength": 400, "hop": 160, "nMels": H,
                          "melScale": "htk", "melNorm": "none", "power": 2.0, "db": True, "topDb": 80.0},
                 "cropMinHz": 0, "cropMaxHz": "NaN", "height": H, "width": W,
                 "fit": {"mode": mode, "value": FILL[mode]},
                 "normalization": {"mean": MEANS[0], "std": STDS[0], "channel_means": MEANS, "channel_stds": STDS}}
        with open(os.path.join(out, "front_%s.json" % mode), "w") as f:
            json.dump(front, f, indent=2)
    print("torch", torch.__version__, "torchaudio", torchaudio.__version__, "torchvision", torchvision.__version__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
