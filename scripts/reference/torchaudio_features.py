#!/usr/bin/python3
"""Reference features from torchaudio for spectrolens parity checks.

Reads a mono WAV (16-bit PCM or 32-bit float), computes torchaudio's Spectrogram,
MelSpectrogram or MFCC (+ AmplitudeToDB with --db) with the given parameters and writes the
result, shape [freq, time], to a .npy file. Flags mirror spectrolens's SpectrogramSpec.

    /usr/bin/python3 scripts/reference/torchaudio_features.py --wav x.wav --out x.npy \
        --kind mel --n-fft 2048 --hop 512 --n-mels 128 --mel-scale slaney --mel-norm slaney \
        --pad-mode constant --db --top-db 80
    /usr/bin/python3 scripts/reference/torchaudio_features.py --batch runs.txt   # one arg list per line

librosa conventions are reproduced through options, as torchaudio's documentation advises:
--mel-scale slaney --mel-norm slaney --pad-mode constant (librosa >= 0.9), --top-db 80.
"""
import argparse
import shlex
import struct
import sys

import numpy as np
import torch
import torchaudio


def read_wav(path):
    """(samples as float32 numpy array, sample rate) of a mono PCM16 / float32 WAV."""
    with open(path, "rb") as f:
        data = f.read()
    if data[0:4] != b"RIFF" or data[8:12] != b"WAVE":
        sys.exit(f"{path}: not a RIFF/WAVE file")
    pos, fmt, samples = 12, None, None
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        body = data[pos + 8:pos + 8 + size]
        if cid == b"fmt ":
            fmt = struct.unpack("<HHIIHH", body[:16])
        elif cid == b"data":
            samples = body
        pos += 8 + size + (size & 1)
    if fmt is None or samples is None:
        sys.exit(f"{path}: no fmt or data chunk")
    tag, channels, rate, _, _, bits = fmt
    if tag == 3 and bits == 32:
        x = np.frombuffer(samples, dtype="<f4").astype(np.float32)
    elif tag == 1 and bits == 16:
        x = np.frombuffer(samples, dtype="<i2").astype(np.float32) / 32768.0
    else:
        sys.exit(f"{path}: only 16-bit PCM and 32-bit float WAV are supported (format {tag}, {bits} bits)")
    if channels > 1:
        x = x.reshape(-1, channels).mean(axis=1)
    return x, rate


WINDOWS = {
    "hann": torch.hann_window,
    "hamming": torch.hamming_window,
    "blackman": torch.blackman_window,
    "rectangular": lambda n, **kw: torch.ones(n, **kw),
}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--batch", help="file with one argument list per line; runs each (saves torch start-up)")
    p.add_argument("--wav")
    p.add_argument("--out")
    p.add_argument("--kind", choices=["stft", "mel", "mfcc"], default="stft")
    p.add_argument("--n-fft", type=int, default=400)
    p.add_argument("--win-length", type=int)
    p.add_argument("--hop", type=int)
    p.add_argument("--window", choices=sorted(WINDOWS), default="hann")
    p.add_argument("--center", choices=["true", "false"], default="true")
    p.add_argument("--pad-mode", choices=["reflect", "constant"], default="reflect")
    p.add_argument("--power", type=float, default=2.0)
    p.add_argument("--n-mels", type=int, default=128)
    p.add_argument("--fmin", type=float, default=0.0)
    p.add_argument("--fmax", type=float)
    p.add_argument("--mel-scale", choices=["htk", "slaney"], default="htk")
    p.add_argument("--mel-norm", choices=["slaney", "none"], default="none")
    p.add_argument("--db", action="store_true")
    p.add_argument("--top-db", type=float)
    p.add_argument("--n-mfcc", type=int, default=40)
    p.add_argument("--dtype", choices=["float32", "float64"], default="float32",
                   help="torch precision (torchaudio's own default is float32)")
    a = p.parse_args(argv)
    if a.batch:
        with open(a.batch) as f:
            for line in f:
                if line.strip():
                    main(shlex.split(line))
        return
    if not a.wav or not a.out:
        p.error("--wav and --out are required")

    dtype = torch.float64 if a.dtype == "float64" else torch.float32
    x, sr = read_wav(a.wav)
    wave = torch.from_numpy(x.astype(np.float64)).to(dtype)
    win = a.win_length or a.n_fft
    hop = a.hop or win // 2
    common = dict(n_fft=a.n_fft, win_length=win, hop_length=hop, window_fn=WINDOWS[a.window],
                  power=a.power, center=a.center == "true", pad_mode=a.pad_mode)
    mel = dict(sample_rate=sr, f_min=a.fmin, f_max=a.fmax, n_mels=a.n_mels,
               norm=None if a.mel_norm == "none" else "slaney", mel_scale=a.mel_scale)
    with torch.no_grad():
        if a.kind == "stft":
            y = torchaudio.transforms.Spectrogram(**common).to(dtype)(wave)
        elif a.kind == "mel":
            y = torchaudio.transforms.MelSpectrogram(**common, **mel).to(dtype)(wave)
        else:
            t = torchaudio.transforms.MFCC(sample_rate=sr, n_mfcc=a.n_mfcc, dct_type=2, norm="ortho",
                                           log_mels=False,
                                           melkwargs={k: v for k, v in {**common, **mel}.items() if k != "sample_rate"})
            if a.top_db is not None:
                t.top_db = a.top_db
                t.amplitude_to_DB.top_db = a.top_db
            y = t.to(dtype)(wave)
        if a.db and a.kind != "mfcc":
            stype = "power" if a.power == 2.0 else "magnitude"
            y = torchaudio.transforms.AmplitudeToDB(stype=stype, top_db=a.top_db)(y)
    np.save(a.out, np.ascontiguousarray(y.numpy(), dtype=np.float64 if a.dtype == "float64" else np.float32))


if __name__ == "__main__":
    main()
