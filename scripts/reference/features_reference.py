#!/usr/bin/python3
"""Reference values for spectrolens's features (core/.../features, dsp.GriffinLim).

Reads, from DIR: signal.npy ([1, n] float32 samples), sr.txt (the rate), deltas_in.npy (a
[rows, frames] grid), magnitude.npy ([bins, frames] |STFT| of an n_fft = 2 (bins - 1) analysis,
hop in hop.txt) and writes into DIR:

  centroid.npy      torchaudio.functional.spectral_centroid (n_fft 2048, hop 512, Hann; reflect pad)
  deltas_ta.npy     torchaudio.functional.compute_deltas(win_length=5, mode="replicate")
  savgol1.npy       scipy.signal.savgol_filter(width 9, polyorder 1, deriv 1, mode="interp")
                    = librosa.feature.delta(order=1)
  savgol2.npy       the same with polyorder 2, deriv 2 = librosa.feature.delta(order=2)
  median_h.npy      scipy.ndimage.median_filter(magnitude, size=(1, 31), mode="reflect")
  median_p.npy      scipy.ndimage.median_filter(magnitude, size=(31, 1), mode="reflect")
  griffinlim.txt    spectral convergence ||S - |STFT(x)|||_F / ||S||_F of
                    torchaudio.functional.griffinlim(S, n_iter=32, momentum=0.99, rand_init=False)
                    (float64), then the same with momentum 0, one number per line

    /usr/bin/python3 scripts/reference/features_reference.py DIR
"""
import sys

import numpy as np
import scipy.ndimage
import scipy.signal
import torch
import torchaudio.functional as F


def convergence(mag, x, n_fft, hop, window):
    rebuilt = torch.stft(x, n_fft=n_fft, hop_length=hop, win_length=n_fft, window=window, center=True,
                         pad_mode="reflect", normalized=False, onesided=True, return_complex=True).abs()
    return float(torch.linalg.norm(mag - rebuilt) / torch.linalg.norm(mag))


def main(d):
    x = np.load(f"{d}/signal.npy")[0].astype(np.float64)
    sr = int(open(f"{d}/sr.txt").read())
    wave = torch.from_numpy(x)
    c = F.spectral_centroid(wave, sr, pad=0, window=torch.hann_window(2048, dtype=torch.float64), n_fft=2048,
                            hop_length=512, win_length=2048)
    np.save(f"{d}/centroid.npy", c.numpy().astype(np.float32)[None, :])

    g = np.load(f"{d}/deltas_in.npy").astype(np.float64)
    np.save(f"{d}/deltas_ta.npy", F.compute_deltas(torch.from_numpy(g), win_length=5).numpy().astype(np.float32))
    for order in (1, 2):
        s = scipy.signal.savgol_filter(g, 9, polyorder=order, deriv=order, axis=-1, mode="interp")
        np.save(f"{d}/savgol{order}.npy", s.astype(np.float32))

    mag = np.load(f"{d}/magnitude.npy").astype(np.float64)
    np.save(f"{d}/median_h.npy", scipy.ndimage.median_filter(mag, size=(1, 31), mode="reflect").astype(np.float32))
    np.save(f"{d}/median_p.npy", scipy.ndimage.median_filter(mag, size=(31, 1), mode="reflect").astype(np.float32))

    hop = int(open(f"{d}/hop.txt").read())
    n_fft = 2 * (mag.shape[0] - 1)
    window = torch.hann_window(n_fft, dtype=torch.float64)
    m = torch.from_numpy(mag)
    lines = []
    for momentum in (0.99, 0.0):
        y = F.griffinlim(m, window, n_fft, hop, n_fft, 1.0, 32, momentum, len(x), False)
        lines.append(f"{convergence(m, y, n_fft, hop, window):.6f}")
    open(f"{d}/griffinlim.txt", "w").write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
