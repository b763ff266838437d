#!/usr/bin/env python3
"""A small 1-D convolutional network on the raw waveform (random weights), scripted and exported
for `spectrolens import --waveform`, with the reference maps on the STFT grid that
ImportedWaveformTest compares with spectrolens's.

Usage: /usr/bin/python3 waveform_reference.py OUT_DIR [CLASSES]   (3 classes by default)

The network takes [N, 1, 4000] (0.5 s at 8 kHz) and exposes its last convolution, conv2, as
to_conv2 (activations [N, 16, 250]) and from_conv2. Its maps are read on the STFT n_fft 256, hop
64, periodic Hann, centred with reflect padding: X [N, 129, 63] complex. As spectrolens sees it,
the network's input is X and its first stage torch.istft(X, length=4000). Two recordings: 5000
samples (longer: its first 63 frames are kept, which invert to its first 4000 samples) and 3500
(shorter: zero-padded to 4000 first).

Writes to OUT_DIR:
  model.pt     torch.jit.script of the network (cli's bad-input suite holds a copy, bad-inputs/import/wave.pt)
  model.onnx   torch.onnx.export of its forward (dynamic batch), if the exporter runs here
  x0.npy, x1.npy   the two recordings, float32
  logits.npy   [2, CLASSES] logits of model(istft(X)) (= model(the 4000 samples))
  saliency.npy [2, 129, 63] |dS/dX|: the modulus of autograd's gradient w.r.t. view_as_real(X),
               S the logit of the predicted class
  ig.npy       [2, 129, 63] Integrated Gradients from a zero STFT, 16 midpoint steps, the
               attribution of the real and imaginary parts summed per cell
  occlusion.npy [2, 129, 63] Captum-style occlusion: windows of 16 x 8 cells, strides 8 x 4, both
               parts zeroed, mean logit drop over the windows covering each cell
  gradcam.npy  [2, 250] Grad-CAM at conv2 before its ReLU: sum_k mean_t(dS/dA_k) A_k, a time profile
  targets.npy  [2] the predicted classes
"""
import os
import sys

import numpy as np
import torch

SR, SAMPLES, N_FFT, HOP = 8000, 4000, 256, 64
FRAMES = 1 + SAMPLES // HOP


class WaveNet(torch.nn.Module):
    def __init__(self, classes: int = 3):
        super().__init__()
        self.conv1 = torch.nn.Conv1d(1, 8, 31, stride=4, padding=15)
        self.bn1 = torch.nn.BatchNorm1d(8)
        self.conv2 = torch.nn.Conv1d(8, 16, 15, stride=4, padding=7)
        self.fc = torch.nn.Linear(16 * 25, classes)  # a fixed length: another length is refused

    def forward(self, x):
        return self.from_conv2(self.to_conv2(x))

    @torch.jit.export
    def to_conv2(self, x):
        return torch.relu(self.conv2(torch.relu(self.bn1(self.conv1(x)))))

    @torch.jit.export
    def from_conv2(self, a):
        return self.fc(torch.flatten(torch.nn.functional.avg_pool1d(a, 10), 1))


def network(classes=3):
    torch.manual_seed(18)
    m = WaveNet(classes)
    with torch.no_grad():
        m.bn1.running_mean.uniform_(-0.1, 0.1)
        m.bn1.running_var.uniform_(0.5, 2.0)
        m.fc.weight.mul_(10)
    return m.eval()


WINDOW = torch.hann_window(N_FFT, dtype=torch.float64)


def stft(w):
    """The first FRAMES frames of the centred STFT of w zero-padded to SAMPLES at least, as spectrolens takes them."""
    w = torch.as_tensor(w, dtype=torch.float64)
    if w.shape[-1] < SAMPLES:
        w = torch.nn.functional.pad(w, (0, SAMPLES - w.shape[-1]))
    x = torch.stft(w, N_FFT, HOP, N_FFT, WINDOW, center=True, pad_mode="reflect", return_complex=True)
    return torch.view_as_real(x[..., :FRAMES])  # [F, T, 2]


def model_on(m, xr):
    """Logits of X given as view_as_real [N, F, T, 2]."""
    wave = torch.istft(torch.view_as_complex(xr.contiguous()), N_FFT, HOP, N_FFT, WINDOW, center=True, length=SAMPLES)
    return m(wave.float().unsqueeze(1))


def main(out, classes=3):
    os.makedirs(out, exist_ok=True)
    m = network(classes)
    torch.jit.script(m).save(os.path.join(out, "model.pt"))
    try:
        torch.onnx.export(m, torch.zeros(2, 1, SAMPLES), os.path.join(out, "model.onnx"), input_names=["x"],
                          output_names=["logits"], dynamic_axes={"x": {0: "n"}, "logits": {0: "n"}}, opset_version=13)
    except Exception as e:  # the test skips the ONNX comparison then
        print("onnx export failed:", e)
    rng = np.random.default_rng(18)
    waves = []
    for i, n in enumerate((5000, 3500)):
        t = np.arange(n) / SR
        w = 0.3 * np.sin(2 * np.pi * (300 + 1200 * t) * t) + 0.2 * np.sin(2 * np.pi * 1800 * t) * (t > 0.2) + 0.05 * rng.standard_normal(n)
        w = w.astype(np.float32)
        np.save(os.path.join(out, f"x{i}.npy"), w)
        waves.append(w)
    x = torch.stack([stft(w) for w in waves])  # [2, F, T, 2] float64
    with torch.no_grad():
        z = model_on(m, x)
    targets = z.argmax(1)
    np.save(os.path.join(out, "logits.npy"), z.numpy().astype(np.float32))
    np.save(os.path.join(out, "targets.npy"), targets.numpy().astype(np.float32))

    def grad(xr):
        xr = xr.clone().requires_grad_(True)
        s = model_on(m, xr).gather(1, targets[:, None]).sum()
        (g,) = torch.autograd.grad(s, xr)
        return g

    g = grad(x)
    np.save(os.path.join(out, "saliency.npy"), g.norm(dim=-1).numpy().astype(np.float32))
    steps = 16
    total = torch.zeros_like(x)
    for s in range(steps):
        total += grad(x * ((s + 0.5) / steps))
    np.save(os.path.join(out, "ig.npy"), (x * total / steps).sum(-1).numpy().astype(np.float32))

    f, t = x.shape[1], x.shape[2]
    wh, ww, sy, sx = 16, 8, 8, 4
    ny = -(-max(0, f - wh) // sy) + 1
    nx = -(-max(0, t - ww) // sx) + 1
    occ = np.zeros((2, f, t))
    cover = np.zeros((f, t))
    with torch.no_grad():
        base = z.gather(1, targets[:, None])[:, 0]
        for a in range(ny):
            for b in range(nx):
                y0, x0 = a * sy, b * sx
                xo = x.clone()
                xo[:, y0:y0 + wh, x0:x0 + ww, :] = 0
                d = base - model_on(m, xo).gather(1, targets[:, None])[:, 0]
                occ[:, y0:y0 + wh, x0:x0 + ww] += d.numpy()[:, None, None]
                cover[y0:y0 + wh, x0:x0 + ww] += 1
    np.save(os.path.join(out, "occlusion.npy"), (occ / cover).astype(np.float32))

    wave = torch.istft(torch.view_as_complex(x.contiguous()), N_FFT, HOP, N_FFT, WINDOW, center=True, length=SAMPLES)
    a = m.to_conv2(wave.float().unsqueeze(1)).detach().requires_grad_(True)
    s = m.from_conv2(a).gather(1, targets[:, None]).sum()
    (ga,) = torch.autograd.grad(s, a)
    cam = (ga.mean(-1, keepdim=True) * a).sum(1)
    np.save(os.path.join(out, "gradcam.npy"), cam.detach().numpy().astype(np.float32))
    print("logits", z.numpy().tolist(), "targets", targets.tolist())


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3)
