#!/usr/bin/env python3
"""Measures what the demo's input grid and CAM layer should be.

For each input grid and each of smallcnn's last two convolutional blocks, on the paper's vowel
experiments (full band and 0-4000 Hz) of the built-in corpus: test accuracy, the layer's cell size
in Hz, how much of the CAM maps' relevance falls on the synthesiser's formant tracks (localisation's
relevance mass, beside the share the truth covers: chance), the formant alignment of analyze (1 =
chance), and the time of training and explaining. Everything runs through ./spectrolens, as a user
would; the table goes to stdout and OUT/grid-choice.json.

Usage: scripts/demo/grid_choice.py [--out DIR] [--sizes 64x64,128x128] [--utterances 600] [--seed 1]
"""
import argparse, json, os, shutil, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXPERIMENTS = [("vowels-fullband", None), ("vowels-4k", 4000)]
LAYERS = ["conv3", "conv4"]
METHODS = "gradcam,layercam"


def run(*args):
    t0 = time.time()
    p = subprocess.run([os.path.join(ROOT, "spectrolens"), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit("failed: ./spectrolens %s\n%s" % (" ".join(args), p.stderr[-2000:]))
    return time.time() - t0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="grid-choice")
    ap.add_argument("--sizes", default="64x64,128x128")
    ap.add_argument("--utterances", type=int, default=600)
    ap.add_argument("--seed", default="1")
    ap.add_argument("--samples", default="100")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    corpus = os.path.join(a.out, "corpus")
    if not os.path.isdir(corpus):
        run("synth", "--out", corpus, "--utterances", str(a.utterances), "--seed", a.seed)
    out_json = os.path.join(a.out, "grid-choice.json")
    rows = json.load(open(out_json))["rows"] if os.path.isfile(out_json) else []  # earlier sizes are kept
    rows = [r for r in rows if r["size"] not in a.sizes.split(",")]
    for size in a.sizes.split(","):
        h = int(size.split("x")[0])  # rows: the frequency axis
        for name, fmax in EXPERIMENTS:
            tag = "%s-%s" % (name, size)
            ds, model = os.path.join(a.out, "ds", tag), os.path.join(a.out, "models", tag)
            cmd = ["dataset", "--corpus", corpus, "--task", "vowels", "--out", ds, "--group-by", "speaker", "--size", size,
                   "--seed", a.seed, "--no-progress", "--force"]
            if fmax:
                cmd += ["--fmax", str(fmax)]
            run(*cmd)
            shutil.rmtree(model, ignore_errors=True)  # this script's own earlier model: train refuses to overwrite one
            train_s = run("train", "--data", ds, "--model", "smallcnn", "--out", model, "--epochs", "3", "--seed", a.seed, "--quiet", "--force")
            metrics = json.load(open(os.path.join(model, "metrics.json")))
            info = json.load(open(os.path.join(ds, "dataset.json")))
            band = info["frequencyStep"] * info["height"]  # the grid's band in Hz
            for layer in LAYERS:
                cells = h // (8 if layer == "conv3" else 16)
                loc = os.path.join(a.out, "localisation", tag, layer)
                loc_s = run("localisation", "--model", model, "--data", ds, "--truth", "synth", "--methods", METHODS, "--layer", layer,
                            "--samples", a.samples, "--seed", a.seed, "--out", loc, "--force")
                lj = json.load(open(os.path.join(loc, "localisation.json")))
                an = os.path.join(a.out, "analyze", tag, layer)
                an_s = run("analyze", "--model", model, "--data", ds, "--truth", "synth", "--methods", METHODS, "--layer", layer,
                           "--per-class", "40", "--by", "none", "--permutations", "200", "--seed", a.seed, "--out", an, "--force")
                aj = json.load(open(os.path.join(an, "analysis.json")))
                for m in METHODS.split(","):
                    al = aj["methods"][m]["alignment"]
                    rows.append({
                        "size": size, "experiment": name, "accuracy": metrics["accuracy"], "layer": layer,
                        "layer_rows": cells, "hz_per_cell": band / cells, "method": m,
                        "relevance_mass": lj["methods"][m]["relevance_mass"], "chance": lj["chance"]["relevance_mass"],
                        "pointing_game": lj["methods"][m]["pointing_game"],
                        "formant_alignment": sum(v["formants"] for v in al.values()) / len(al),
                        "train_seconds": train_s, "localisation_seconds": loc_s, "analyze_seconds": an_s})
                    r = rows[-1]
                    json.dump({"rows": rows, "command": " ".join(sys.argv)}, open(os.path.join(a.out, "grid-choice.json"), "w"), indent=1)
                    print("%-8s %-16s acc %.4f  %s %2d rows %6.0f Hz/cell  %-9s mass %.3f (chance %.3f)  pointing %.2f  formants %.2f  train %.0f s"
                          % (size, name, r["accuracy"], layer, cells, r["hz_per_cell"], m, r["relevance_mass"], r["chance"],
                             r["pointing_game"], r["formant_alignment"], train_s), flush=True)


if __name__ == "__main__":
    main()
