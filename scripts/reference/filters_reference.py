#!/usr/bin/env python3
"""Reference outputs for spectrolens's filters and template matching (FilterReferenceTest).

Usage: filters_reference.py CASES.json
CASES.json is a list of {"kind": ..., "in": x.npy, "out": y.npy, ...parameters}; each output is
written as float32 .npy. Kinds: gaussian, median (scipy.ndimage), wiener (scipy.signal),
bilateral (skimage.restoration.denoise_bilateral), bilateral-direct (the Tomasi-Manduchi
definition in NumPy, since skimage 0.19 garbles its spatial weights), wavelet
(skimage.restoration.denoise_wavelet, needs PyWavelets; skipped without it), match
(skimage.feature.match_template, with "template": t.npy). Prints one line per case written.
"""
import json
import sys

import numpy as np
import scipy.ndimage as ndi
import scipy.signal


def bilateral_direct(x, win, sigma_color, sigma_spatial, mode):
    e = (win - 1) // 2
    p = np.pad(x, e, mode=mode)
    out = np.zeros_like(x)
    num = np.zeros_like(x)
    den = np.zeros_like(x)
    for dr in range(-e, e + 1):
        for dc in range(-e, e + 1):
            v = p[e + dr:e + dr + x.shape[0], e + dc:e + dc + x.shape[1]]
            w = np.exp(-0.5 * (dr * dr + dc * dc) / sigma_spatial ** 2) * np.exp(-0.5 * (v - x) ** 2 / sigma_color ** 2)
            num += w * v
            den += w
    out[:] = num / den
    return out


def main():
    cases = json.load(open(sys.argv[1]))
    for c in cases:
        x = np.load(c["in"]).astype(np.float64)
        k = c["kind"]
        if k == "gaussian":
            y = ndi.gaussian_filter(x, sigma=(c["sigma_rows"], c["sigma_columns"]), mode=c["mode"], truncate=c["truncate"])
        elif k == "median":
            y = ndi.median_filter(x, size=(c["rows"], c["columns"]), mode=c["mode"])
        elif k == "wiener":
            y = scipy.signal.wiener(x, mysize=(c["rows"], c["columns"]), noise=c.get("noise"))
        elif k == "bilateral":
            from skimage.restoration import denoise_bilateral
            y = denoise_bilateral(x, win_size=c["window"], sigma_color=c["sigma_color"], sigma_spatial=c["sigma_spatial"],
                                  bins=c["bins"], mode=c["mode"])
        elif k == "bilateral-direct":
            y = bilateral_direct(x, c["window"], c["sigma_color"], c["sigma_spatial"], c["mode"])
        elif k == "wavelet":
            try:
                import pywt  # noqa: F401
            except ImportError:
                continue
            from skimage.restoration import denoise_wavelet
            y = denoise_wavelet(x, sigma=c.get("sigma"), wavelet=c["wavelet"], mode=c["mode"], method=c["method"],
                                wavelet_levels=c.get("levels"), rescale_sigma=True)
        elif k == "match":
            from skimage.feature import match_template
            y = match_template(x, np.load(c["template"]).astype(np.float64))
        else:
            raise SystemExit("unknown kind " + k)
        np.save(c["out"], y.astype(np.float32))
        print("wrote", c["out"])


if __name__ == "__main__":
    main()
