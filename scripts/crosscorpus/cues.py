#!/usr/bin/env python3
"""Which acoustic cue does a built-in model read on other voices? (issue 23)

    /usr/bin/python3 scripts/crosscorpus/cues.py SPECTROLENS MODEL DATASET OUT

Evaluates MODEL on DATASET (a cross-corpus dataset cache, e.g. OUT/voices/vowels-4k/dataset of
measure.sh) as it is and on copies whose input grids are changed in one way each, then prints
accuracy and recall per class for every copy:
  gain-10, gain+10  every cell 10 dB down / up: the recording's level (the grids are dB re 1.0, so
                    a quieter recording is a shifted grid; a model that reads level is hurt)
  hf-15             the rows at and above 2500 Hz 15 dB down: the balance of the band above F3
A change that moves a class's recall far says the model reads that cue for that class. The copies
are made in OUT/<name>/ (manifest, dataset.json and items, float32 .npy as the cache writes them).
"""
import csv, json, os, shutil, subprocess, sys
import numpy as np

def copy(src, dst, change):
    if os.path.exists(dst):
        shutil.rmtree(dst)
    os.makedirs(os.path.join(dst, "items"))
    for f in ("dataset.json", "manifest.csv", "summary.json"):
        shutil.copy(os.path.join(src, f), os.path.join(dst, f))
    info = json.load(open(os.path.join(src, "dataset.json")))
    hz = info["frequencyStart"] + info["frequencyStep"] * np.arange(info["height"])
    for r in csv.DictReader(open(os.path.join(src, "manifest.csv"))):
        a = np.load(os.path.join(src, r["file"]))
        g = a.astype(np.float64).reshape(info["height"], -1)
        change(g, hz)
        np.save(os.path.join(dst, r["file"]), g.reshape(a.shape).astype(a.dtype))

def shift(db):
    def f(g, hz):
        g += db
    return f

def high_band(db, from_hz):
    def f(g, hz):
        g[hz >= from_hz, :] += db
    return f

def main():
    sl, model, ds, out = sys.argv[1:5]
    os.makedirs(out, exist_ok=True)
    copies = {"as is": None, "gain-10": shift(-10), "gain+10": shift(10), "hf-15": high_band(-15, 2500)}
    print("| copy | accuracy | " + " | ".join(json.load(open(os.path.join(ds, "dataset.json")))["classes"]) + " |")
    for name, change in copies.items():
        d = ds
        if change is not None:
            d = os.path.join(out, name)
            copy(ds, d, change)
        res = os.path.join(out, (name.replace(" ", "-")) + ".json")
        subprocess.run([sl, "evaluate", "--model", model, "--data", d, "--split", "all", "--out", res, "--threads", "2",
                        "--force"], check=True, stdout=subprocess.DEVNULL)
        m = json.load(open(res))
        rec = [m["per_class"][c]["recall"] for c in m["classes"]]
        print("| %s | %.1f%% | %s |" % (name, 100 * m["accuracy"], " | ".join("%.0f%%" % (100 * x) for x in rec)))

if __name__ == "__main__":
    main()
