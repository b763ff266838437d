#!/usr/bin/python3
"""The pointing game and relevance rank of a `localisation --save-maps` output recomputed by the
Quantus transcription (scripts/reference/quantus_reference.py: `pointing`, `relevance_rank`,
`relevance_rank_expected`) on the same maps and masks, beside spectrolens's per-item scores.

Usage: localisation_parity.py LOCDIR...   (each written by `spectrolens localisation ... --save-maps`)

For each map set prints: spectrolens's pointing_game (expected hit over tied maxima) and the
transcription's, Quantus's any-maximum rule both ways, relevance rank both ways, the mean number of
cells tied at the maximum, and the largest absolute difference. The zone (the truth dilated by the
tolerance in Hz and ms) is what Quantus's PointingGame receives as its mask, as in the outside check.
"""
import csv
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reference"))
from quantus_reference import pointing, relevance_rank_expected  # noqa: E402


def main(dirs):
    worst = 0.0
    print("dir map pg_spectrolens pg_transcription pg_any_spectrolens pg_any_quantus rank_spectrolens rank_transcription tied_cells")
    for d in dirs:
        zone = np.load(os.path.join(d, "zone.npy"))
        truth = np.load(os.path.join(d, "truth.npy"))
        with open(os.path.join(d, "items.csv")) as f:
            rows = list(csv.DictReader(f))
        for name in sorted(os.listdir(os.path.join(d, "maps"))):
            m = name[:-4]
            a = np.load(os.path.join(d, "maps", name))
            mine = [r for r in rows if r["map"] == m]
            keep = np.array([float(r["pointing_game"]) == float(r["pointing_game"]) for r in mine])  # items with a mask
            any_hit, expected, tied = pointing(a, zone > 0)
            rank = relevance_rank_expected(a, truth > 0)
            pg = np.array([float(r["pointing_game"]) for r in mine])[keep]
            pga = np.array([float(r["pointing_game_any"]) for r in mine])[keep]
            rk = np.array([float(r["relevance_rank"]) for r in mine])[keep]
            diff = max(abs(pg.mean() - expected[keep].mean()), abs(pga.mean() - any_hit[keep].mean()), abs(rk.mean() - rank[keep].mean()))
            worst = max(worst, diff)
            print("%s %s %.4f %.4f %.4f %.4f %.4f %.4f %.1f" % (os.path.basename(d.rstrip("/")), m, pg.mean(), expected[keep].mean(),
                                                           pga.mean(), any_hit[keep].mean(), rk.mean(), rank[keep].mean(), tied[keep].mean()))
    print("largest difference of a mean: %.2e" % worst)


if __name__ == "__main__":
    main(sys.argv[1:])
