#!/usr/bin/env python3
"""A small CNN on a 16 x 16 log-mel grid, scripted for `spectrolens import`, with the recording
and logits that check the front end's parity, and a module whose outputs are NaN.

Usage: /usr/bin/python3 tiny_scripted.py OUT_DIR

Writes to OUT_DIR:
  tiny.pt      torch.jit.script of the CNN (random weights), exposing conv2 (to_conv2, from_conv2)
  nan.pt       the same network whose logits are multiplied by NaN
  mismatch.pt  the same network whose from_conv2 pools with max where forward pools with mean, so
               from_conv2(to_conv2(x)) is not forward(x) (import --layer conv2 refuses it)
  probe.wav    0.15 s at 16 kHz (2400 samples: 16 frames at hop 160, centred), 16-bit PCM
  expect.npy   the CNN's logits for probe.wav through torchaudio: MelSpectrogram(16000, n_fft 400,
               hop 160, 16 HTK mels, power 2, centre, reflect) -> AmplitudeToDB(power, top_db 80)
               -> (x + 40) / 20, read back from the written file as spectrolens reads it
  front.json   that front end in spectrolens's words (docs/import.md)
"""
import json
import math
import os
import sys
import wave

import numpy as np
import torch
import torchaudio


class Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(1, 8, 3, padding=1)
        self.conv2 = torch.nn.Conv2d(8, 8, 3, padding=1, stride=2)
        self.fc = torch.nn.Linear(8, 2)

    def forward(self, x):
        return self.from_conv2(self.to_conv2(x))

    @torch.jit.export
    def to_conv2(self, x):
        return torch.relu(self.conv2(torch.relu(self.conv1(x))))

    @torch.jit.export
    def from_conv2(self, a):
        return self.fc(a.mean(dim=(2, 3)))


class Nan(Tiny):
    def forward(self, x):
        return self.from_conv2(self.to_conv2(x)) * float("nan")


class Mismatch(Tiny):
    def forward(self, x):
        return self.fc(self.to_conv2(x).mean(dim=(2, 3)))

    @torch.jit.export
    def from_conv2(self, a):
        return self.fc(a.amax(dim=(2, 3)))


def write_wav(path, x, rate):
    """x in [-1, 1] as 16-bit PCM; returns the samples as a reader gets them back (int16 / 32768)."""
    pcm = np.clip(np.round(x * 32767), -32768, 32767).astype("<i2")
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())
    return pcm.astype(np.float32) / 32768.0


def main(argv):
    out = argv[1]
    torch.manual_seed(5)
    tiny = Tiny().eval()
    torch.jit.script(tiny).save(os.path.join(out, "tiny.pt"))
    nan = Nan().eval()
    nan.load_state_dict(tiny.state_dict())
    torch.jit.script(nan).save(os.path.join(out, "nan.pt"))
    mismatch = Mismatch().eval()
    mismatch.load_state_dict(tiny.state_dict())
    torch.jit.script(mismatch).save(os.path.join(out, "mismatch.pt"))

    n = 2400
    t = np.arange(n) / 16000.0
    rng = np.random.default_rng(3)
    x = 0.3 * np.sin(2 * math.pi * 440 * t) + 0.05 * rng.standard_normal(n)
    audio = torch.from_numpy(write_wav(os.path.join(out, "probe.wav"), x, 16000))
    mel = torchaudio.transforms.MelSpectrogram(sample_rate=16000, n_fft=400, hop_length=160, n_mels=16)(audio)
    db = torchaudio.transforms.AmplitudeToDB(stype="power", top_db=80)(mel)
    grid = (db - (-40.0)) / 20.0
    with torch.no_grad():
        logits = tiny(grid[None, None])[0]
    np.save(os.path.join(out, "expect.npy"), logits.numpy().astype(np.float32))
    front = {"preset": "torchaudio",
             "spec": {"kind": "mel", "sampleRate": 16000, "nFft": 400, "winLength": 400, "hop": 160, "nMels": 16,
                      "melScale": "htk", "melNorm": "none", "power": 2.0, "db": True, "topDb": 80.0},
             "cropMinHz": 0, "cropMaxHz": "NaN", "height": 16, "width": 16,
             "normalization": {"mean": -40.0, "std": 20.0}}
    with open(os.path.join(out, "front.json"), "w") as f:
        json.dump(front, f, indent=2)
    print("torch", torch.__version__, "torchaudio", torchaudio.__version__, "grid", list(grid.shape), "logits", logits.tolist())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
