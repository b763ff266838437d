#!/usr/bin/python3
"""Writes a synthetic LJSpeech-layout corpus for timing `spectrolens dataset`.

N utterances of 3 s at 22050 Hz (16-bit WAV) with MFA-style phone TextGrids: vowels are pure
tones (IY 2300, AE 1900, ER 1400, AA 800, UW 400 Hz), consonants quiet noise, 50-200 ms each.
Usage: synth_lj_corpus.py OUT_DIR [N=100]   (needs numpy; seeded, so the corpus is reproducible)
"""
import random
import sys
import wave
from pathlib import Path

import numpy as np

out = Path(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 100
(out / "wavs").mkdir(parents=True, exist_ok=True)
(out / "TextGrid").mkdir(parents=True, exist_ok=True)
random.seed(0)
rng = np.random.default_rng(0)
sr = 22050
tone = {"IY1": 2300, "AE1": 1900, "ER0": 1400, "AA1": 800, "UW1": 400}
phones = list(tone) + ["S", "T", "K", "N", "AH0", ""]
meta = []
for u in range(1, n + 1):
    uid = "LJ050-%04d" % u
    meta.append(f"{uid}|x|x")
    x = np.zeros(int(3 * sr), dtype=np.float32)
    ivs = [(0, 0.1, "")]
    t = 0.1
    while t < 2.8:
        p = random.choice(phones)
        d = round(random.uniform(0.05, 0.2), 2)
        if t + d > 2.9:
            break
        a, b = int(round(t * sr)), int(round((t + d) * sr))
        if p in tone:
            x[a:b] = 0.4 * np.sin(2 * np.pi * tone[p] * np.arange(a, b) / sr)
        elif p:
            x[a:b] = 0.05 * rng.standard_normal(b - a)
        ivs.append((t, t + d, p))
        t = round(t + d, 2)
    ivs.append((t, 3.0, ""))
    with wave.open(str(out / "wavs" / f"{uid}.wav"), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(sr)
        w.writeframes((x * 32767).astype("<i2").tobytes())
    lines = ['File type = "ooTextFile"', 'Object class = "TextGrid"', "", "xmin = 0 ", "xmax = 3 ", "tiers? <exists> ",
             "size = 1 ", "item []: ", "    item [1]:", '        class = "IntervalTier" ', '        name = "phones" ',
             "        xmin = 0 ", "        xmax = 3 ", f"        intervals: size = {len(ivs)} "]
    for k, (a, b, p) in enumerate(ivs, 1):
        lines += [f"        intervals [{k}]:", f"            xmin = {a!r} ", f"            xmax = {b!r} ", f'            text = "{p}" ']
    (out / "TextGrid" / f"{uid}.TextGrid").write_text("\n".join(lines) + "\n")
(out / "metadata.csv").write_text("\n".join(meta) + "\n")
