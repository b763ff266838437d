#!/usr/bin/python3
"""torchaudio side of spectrolens's FrontEndBench: log-mel spectrograms of every WAV in a folder.

    /usr/bin/python3 scripts/bench/torchaudio_bench.py --dir /tmp/spectrolens-bench-22050 --threads 2

Per file: torchaudio.load, MelSpectrogram(sample_rate=22050, n_fft=1024, hop_length=256,
n_mels=128) and AmplitudeToDB("power"), on torch.set_num_threads(--threads) threads. One
untimed warm-up round, then the best of --rounds rounds; prints "torchaudio: N files/s".
"""
import argparse
import glob
import os
import time

import torch
import torchaudio


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--rounds", type=int, default=3)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    files = sorted(glob.glob(os.path.join(a.dir, "*.wav")))
    mel = torchaudio.transforms.MelSpectrogram(sample_rate=22050, n_fft=1024, hop_length=256, n_mels=128)
    to_db = torchaudio.transforms.AmplitudeToDB("power")

    def one_round():
        checksum = 0.0
        with torch.inference_mode():
            for f in files:
                wave, sr = torchaudio.load(f)
                s = to_db(mel(wave.mean(dim=0)))
                checksum += float(s[10, 10])
        return checksum

    one_round()
    best = float("inf")
    for r in range(a.rounds):
        t0 = time.perf_counter()
        c = one_round()
        dt = time.perf_counter() - t0
        best = min(best, dt)
        print(f"torchaudio round {r + 1}: {dt:.3f} s (checksum {c:.1f})")
    print(f"torchaudio: {len(files) / best:.1f} files/s")


if __name__ == "__main__":
    main()
