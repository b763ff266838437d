"""The comparison table of scripts/channels/compare.sh: OUT/results.csv -> markdown, one row per
task, channel set and regime; accuracy and balanced accuracy as the mean over seeds (each seed's
accuracy in brackets when there are several), training and dataset seconds as means.
    python3 scripts/channels/table.py OUT/results.csv [OUT/table.md]"""
import csv
import sys
from collections import defaultdict

rows = list(csv.DictReader(open(sys.argv[1])))
groups = defaultdict(list)
for r in rows:
    groups[(r["task"], r["regime"], r["channels"])].append(r)
order = {"full": 0, "short": 1, "small": 2}
lines = ["| task | regime (epochs) | channels | test accuracy | balanced accuracy | training s | dataset s |",
         "| --- | --- | --- | --- | --- | --- | --- |"]
sets = ["spectrogram", "spectrogram,freq-position", "spectrogram,cqt", "spectrogram,delta,delta2", "spectrogram,harmonic,percussive"]
for (task, regime, chans), rs in sorted(groups.items(), key=lambda kv: (kv[0][0], order.get(kv[0][1], 9),
                                                                       sets.index(kv[0][2]) if kv[0][2] in sets else 99, kv[0][2])):
    mean = lambda k: sum(float(r[k]) for r in rs) / len(rs)
    acc = f'{mean("accuracy"):.4f}'
    if len(rs) > 1:
        acc += " (" + ", ".join(f'{float(r["accuracy"]):.3f}' for r in sorted(rs, key=lambda r: r["seed"])) + ")"
    lines.append(f'| {task} | {regime} ({rs[0]["epochs"]}) | {chans} | {acc} | {mean("balanced_accuracy"):.4f} | '
                 f'{mean("train_seconds"):.1f} | {float(rs[0]["dataset_seconds"]):.1f} |')
text = "\n".join(lines) + "\n"
if len(sys.argv) > 2:
    open(sys.argv[2], "w").write(text)
print(text, end="")
