#!/usr/bin/python3
"""The cross-corpus table (scripts/crosscorpus/measure.sh): accuracy per experiment over the report
voices, the tune voices apart, in-domain test accuracy beside, then per class and per voice.

Usage: table.py OUT MODELS EXPERIMENT...
Reads OUT/<corpus>/<experiment>/metrics.by-speaker.json (evaluate --by speaker) for every corpus
folder under OUT, OUT/voices/voices.csv for each voice's set, and MODELS/<experiment>/metrics.json
(the built-in test split) where present. Markdown on stdout.
"""
import csv
import json
import os
import sys


def pooled(groups, names, classes):
    """The confusion matrix summed over the named groups; accuracy and per-class recall from it."""
    k = len(classes)
    m = [[0] * k for _ in range(k)]
    for g in names:
        for i, row in enumerate(groups[g]["confusion_matrix"]):
            for j, v in enumerate(row):
                m[i][j] += v
    n = sum(map(sum, m))
    acc = sum(m[i][i] for i in range(k)) / n if n else float("nan")
    recall = [m[i][i] / sum(m[i]) if sum(m[i]) else float("nan") for i in range(k)]
    return n, acc, recall, m


def pct(x):
    return "-" if x != x else "%.1f%%" % (100 * x)


def main():
    out, models, experiments = sys.argv[1], sys.argv[2], sys.argv[3:]
    sets = {}
    voices_csv = os.path.join(out, "voices", "voices.csv")
    if os.path.exists(voices_csv):
        with open(voices_csv) as f:
            sets = {r["speaker"]: r["set"] for r in csv.DictReader(f)}
    corpora = sorted(d for d in os.listdir(out) if os.path.isdir(os.path.join(out, d)) and d != "builtin"
                     and any(os.path.exists(os.path.join(out, d, e, "metrics.by-speaker.json")) for e in experiments))
    print("| experiment | corpus | voices | items | accuracy | " + "built-in test accuracy |")
    print("| --- | --- | --- | --- | --- | --- |")
    detail = []
    for e in experiments:
        own = os.path.join(models, e, "metrics.json")
        own_acc = json.load(open(own))["accuracy"] if os.path.exists(own) else float("nan")
        for c in corpora:
            path = os.path.join(out, c, e, "metrics.by-speaker.json")
            if not os.path.exists(path):
                continue
            b = json.load(open(path))
            classes, groups = b["overall"]["classes"], b["groups"]
            chosen = {"report": [g for g in groups if sets.get(g, "report") == "report"],
                      "tune": [g for g in groups if sets.get(g) == "tune"]}
            for which, names in chosen.items():
                if not names:
                    continue
                n, acc, recall, m = pooled(groups, names, classes)
                print("| %s | %s | %s (%d) | %d | %s | %s |" % (e, c, which, len(names), n, pct(acc), pct(own_acc)))
            n, acc, recall, m = pooled(groups, chosen["report"], classes)
            detail.append("\n### %s on %s, report voices: recall per class\n" % (e, c))
            detail.append("| " + " | ".join(classes) + " |")
            detail.append("|" + " --- |" * len(classes))
            detail.append("| " + " | ".join(pct(r) for r in recall) + " |")
            detail.append("\nConfusion (rows true, columns predicted, in the order above):\n")
            detail += ["    " + " ".join("%5d" % v for v in row) for row in m]
            detail.append("\n| voice | set | items | accuracy | " + " | ".join(classes) + " |")
            detail.append("| --- | --- | --- | --- |" + " --- |" * len(classes))
            for g in sorted(groups):
                n, acc, recall, _ = pooled(groups, [g], classes)
                detail.append("| %s | %s | %d | %s | %s |" % (g, sets.get(g, "report"), n, pct(acc), " | ".join(pct(r) for r in recall)))
    print("\n".join(detail))
    formants = os.path.join(out, "voices", "formants.csv")
    if os.path.exists(formants):
        print(formant_table(formants))


def formant_table(path):
    """Median F1-F3 (Praat, formants.praat) per synthesiser, sex and vowel: what the voices say."""
    groups = {}
    with open(path) as f:
        for r in csv.DictReader(f):
            try:
                fs = [float(r[k]) for k in ("f1", "f2", "f3")]
            except ValueError:  # --undefined-- where Praat found no formant
                continue
            s = r["speaker"]
            sex = "women" if ("+f" in s or s.endswith(":slt")) else "men"
            groups.setdefault((s.split(":")[0], sex, r["label"]), []).append(fs)
    lines = ["\n### Vowel formants of the voices (Praat Burg, middle half of each token), median Hz\n",
             "| synthesiser | sex | vowel | tokens | F1 | F2 | F3 |", "| --- | --- | --- | --- | --- | --- | --- |"]
    for (synth, sex, vowel), v in sorted(groups.items()):
        med = [sorted(x[i] for x in v)[len(v) // 2] for i in range(3)]
        lines.append("| %s | %s | %s | %d | %.0f | %.0f | %.0f |" % (synth, sex, vowel, len(v), *med))
    return "\n".join(lines)


if __name__ == "__main__":
    main()
