#!/usr/bin/env python3
"""A PANNs-style CNN14 (Kong et al. 2020, "PANNs: Large-Scale Pretrained Audio Neural Networks",
the Cnn14 of their code written out) with random weights, scripted for `spectrolens import`, and
the logits of a recording through torchaudio's front end, for the parity check.

Usage: /usr/bin/python3 cnn14_reference.py OUT_DIR CLASSES

The front end is PANNs' at 32 kHz with 64 log-mel bands, in torchaudio: MelSpectrogram(32000,
n_fft 1024, hop 320, f_min 50, f_max 14000, 64 bands, Slaney scale and norm, power 2, centred with
reflect padding) then AmplitudeToDB(power, ref 1, amin 1e-10, no top_db). The network takes
spectrolens's layout [N, 1, mel, time] and transposes to PANNs' [N, 1, time, mel]; it exposes
conv_block6 (to_conv_block6 returns [N, 2048, mel', time'], from_conv_block6 the logits: mean
over mel, max plus mean over time, fc1, fc_audioset; PANNs' final sigmoid is left out, so these
are logits). Batch norms get running statistics from a few training-mode passes over noise.

Writes to OUT_DIR: cnn14.pt, probe.wav (1 s, 16-bit PCM at 32 kHz), expect.npy (its logits,
float32, read back from the written file), front.json (the front end in spectrolens's words), and
for the probe's predicted class t: probe_saliency.npy (|d logit_t / d x|, [64, 101]) and
probe_gradcam_raw.npy (sum_k w_k A_k at conv_block6, w_k the mean gradient of logit_t, [2, 3]).
"""
import json
import math
import os
import sys
from typing import Tuple

import numpy as np
import torch
import torch.nn.functional as F
import torchaudio

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tiny_scripted import write_wav  # noqa: E402


class ConvBlock(torch.nn.Module):
    def __init__(self, cin: int, cout: int):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(cin, cout, 3, 1, 1, bias=False)
        self.conv2 = torch.nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn1 = torch.nn.BatchNorm2d(cout)
        self.bn2 = torch.nn.BatchNorm2d(cout)
        for c in (self.conv1, self.conv2):
            torch.nn.init.xavier_uniform_(c.weight)

    def forward(self, x, pool_size: Tuple[int, int]):
        x = F.relu(self.bn1(self.conv1(x)))
        x = F.relu(self.bn2(self.conv2(x)))
        return F.avg_pool2d(x, kernel_size=pool_size)


class Cnn14(torch.nn.Module):
    def __init__(self, classes: int, mel_bins: int = 64):
        super().__init__()
        self.bn0 = torch.nn.BatchNorm2d(mel_bins)
        self.conv_block1 = ConvBlock(1, 64)
        self.conv_block2 = ConvBlock(64, 128)
        self.conv_block3 = ConvBlock(128, 256)
        self.conv_block4 = ConvBlock(256, 512)
        self.conv_block5 = ConvBlock(512, 1024)
        self.conv_block6 = ConvBlock(1024, 2048)
        self.fc1 = torch.nn.Linear(2048, 2048, bias=True)
        self.fc_audioset = torch.nn.Linear(2048, classes, bias=True)
        for l in (self.fc1, self.fc_audioset):
            torch.nn.init.xavier_uniform_(l.weight)
            l.bias.data.fill_(0.0)

    def forward(self, x):
        return self.from_conv_block6(self.to_conv_block6(x))

    @torch.jit.export
    def to_conv_block6(self, x):
        # [N, 1, time, mel] as PANNs, made contiguous: on the transposed view of a row-major input, bn0's
        # transpose(1, 3) gives [N, mel, time, 1] with the time rows of stride 1, on which eval-mode batch
        # norm's backward is wrong in PyTorch (1.13 and libtorch 2.7.1 alike) while its forward is right
        x = x.transpose(2, 3).contiguous()
        x = self.bn0(x.transpose(1, 3)).transpose(1, 3)
        x = self.conv_block1(x, pool_size=(2, 2))
        x = self.conv_block2(x, pool_size=(2, 2))
        x = self.conv_block3(x, pool_size=(2, 2))
        x = self.conv_block4(x, pool_size=(2, 2))
        x = self.conv_block5(x, pool_size=(2, 2))
        x = self.conv_block6(x, pool_size=(1, 1))
        return x.transpose(2, 3)  # [N, 2048, mel', time']: rows are frequency, as spectrolens reads maps

    @torch.jit.export
    def from_conv_block6(self, a):
        x = torch.mean(a, dim=2)  # over mel
        x = torch.max(x, dim=2)[0] + torch.mean(x, dim=2)  # over time
        x = F.relu(self.fc1(x))
        return self.fc_audioset(x)


def front_end():
    mel = torchaudio.transforms.MelSpectrogram(sample_rate=32000, n_fft=1024, win_length=1024, hop_length=320, f_min=50.0,
                                               f_max=14000.0, n_mels=64, power=2.0, center=True, pad_mode="reflect",
                                               norm="slaney", mel_scale="slaney")
    db = torchaudio.transforms.AmplitudeToDB(stype="power", top_db=None)
    return lambda audio: db(mel(audio))


def main(argv):
    out, classes = argv[1], int(argv[2])
    torch.set_num_threads(int(os.environ.get("SPECTROLENS_THREADS", "2")))
    torch.manual_seed(14)
    model = Cnn14(classes)
    fe = front_end()
    g = torch.Generator().manual_seed(1)
    model.train()
    with torch.no_grad():  # running statistics of log-mels of noise, so eval mode is not the identity
        for _ in range(3):
            model(fe(0.1 * torch.randn(4, 32000, generator=g))[:, None])
    model.eval()
    torch.jit.script(model).save(os.path.join(out, "cnn14.pt"))

    n = 32000
    t = np.arange(n) / 32000.0
    rng = np.random.default_rng(14)
    x = sum(0.2 / k * np.sin(2 * math.pi * 220 * k * t) for k in range(1, 8)) + 0.02 * rng.standard_normal(n)
    grid = fe(torch.from_numpy(write_wav(os.path.join(out, "probe.wav"), x, 32000)))
    with torch.no_grad():
        logits = model(grid[None, None])[0]
    np.save(os.path.join(out, "expect.npy"), logits.numpy().astype(np.float32))
    # the probe's maps for its predicted class, by their definitions with autograd on the eager model
    t = int(logits.argmax())
    x = grid[None, None].clone().requires_grad_(True)
    model(x)[0, t].backward()
    np.save(os.path.join(out, "probe_saliency.npy"), np.ascontiguousarray(x.grad[0, 0].abs().numpy()))  # grid's layout may be [time, mel]
    a = model.to_conv_block6(grid[None, None]).detach().requires_grad_(True)
    model.from_conv_block6(a)[0, t].backward()
    np.save(os.path.join(out, "probe_gradcam_raw.npy"), (a.grad.mean(dim=(2, 3), keepdim=True) * a).sum(1)[0].detach().numpy())
    front = {"preset": "torchaudio",
             "spec": {"kind": "mel", "sampleRate": 32000, "nFft": 1024, "winLength": 1024, "hop": 320, "nMels": 64,
                      "fmin": 50.0, "fmax": 14000.0, "melScale": "slaney", "melNorm": "slaney", "power": 2.0,
                      "center": True, "padMode": "reflect", "db": True, "topDb": "NaN"},
             "cropMinHz": 0, "cropMaxHz": "NaN", "height": 64, "width": int(grid.shape[-1])}
    with open(os.path.join(out, "front.json"), "w") as f:
        json.dump(front, f, indent=2)
    print("torch", torch.__version__, "torchaudio", torchaudio.__version__, "grid", list(grid.shape),
          "parameters", sum(p.numel() for p in model.parameters()), "logits", [round(v, 4) for v in logits.tolist()])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
