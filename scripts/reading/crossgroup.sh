#!/usr/bin/env bash
# Cross-group check on the built-in corpus (issue 10): train on two speaker groups, test on the
# third, with the model's own front end (dataset --frontend-from), for each held-out group.
#   scripts/reading/crossgroup.sh CORPUS OUT [TASK] [FMAX] [EPOCHS]
# CORPUS is a corpus written by 'spectrolens synth' (speakers.csv has sex male/female/child).
# Per held-out group G: OUT/corpus-train-G and OUT/corpus-test-G (metadata.csv and speakers.csv
# filtered; wavs/, TextGrid/, truth/ linked), a dataset and smallcnn model on the two other
# groups, the G dataset built with that model's front end, evaluate --by group and analyze on it.
# Prints per held-out group the within-groups test accuracy and the held-out accuracy, and per
# method how the named-band shares of the maps move from the one to the other (METHODS=LIST).
set -euo pipefail
corpus="$(cd "$1" && pwd)"; out="$2"; task="${3:-vowels}"; fmax="${4:-4000}"; epochs="${5:-3}"
methods="${METHODS:-gradcam,layercam,saliency}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
sl="${SPECTROLENS:-$here/spectrolens}"  # SPECTROLENS: another launcher
mkdir -p "$out"; out="$(cd "$out" && pwd)"
subset() { # subset NAME SEX...: a corpus view holding only those speakers' utterances
  local dir="$out/$1"; shift
  rm -rf "$dir"; mkdir -p "$dir"
  for d in wavs TextGrid truth; do ln -s "$corpus/$d" "$dir/$d"; done
  local pattern; pattern="$(printf ',%s,|' "$@")"; pattern="${pattern%|}"
  head -1 "$corpus/speakers.csv" > "$dir/speakers.csv"
  grep -E "$pattern" "$corpus/speakers.csv" >> "$dir/speakers.csv"
  cut -d, -f1 "$dir/speakers.csv" | tail -n +2 | sed 's/$/|/' > "$dir/.ids"
  grep -F -f "$dir/.ids" "$corpus/metadata.csv" > "$dir/metadata.csv"
  rm "$dir/.ids"
}
printf '%-10s %-22s %s\n' held-out within-groups-accuracy held-out-accuracy > "$out/summary.txt"
for held in ${HELD:-child female male}; do  # HELD: a subset of the groups
  train_sexes=(); for s in male female child; do [ "$s" != "$held" ] && train_sexes+=("$s"); done
  subset "corpus-train-$held" "${train_sexes[@]}"
  subset "corpus-test-$held" "$held"
  "$sl" dataset --corpus "$out/corpus-train-$held" --task "$task" --fmax "$fmax" --group-by speaker --seed 1 --no-progress \
    --out "$out/ds-train-$held" > /dev/null
  rm -rf "$out/model-$held"
  "$sl" train --data "$out/ds-train-$held" --model smallcnn --epochs "$epochs" --seed 1 --quiet --out "$out/model-$held" > /dev/null
  "$sl" dataset --corpus "$out/corpus-test-$held" --task "$task" --frontend-from "$out/model-$held" --group-by speaker \
    --seed 1 --no-progress --out "$out/ds-test-$held" > /dev/null
  "$sl" evaluate --model "$out/model-$held" --data "$out/ds-test-$held" --split all --by group --out "$out/eval-$held/metrics.json" > /dev/null
  for side in within held-out; do
    ds="$out/ds-test-$held"; split=all; [ "$side" = within ] && { ds="$out/ds-train-$held"; split=test; }
    "$sl" analyze --model "$out/model-$held" --data "$ds" --split "$split" --methods "$methods" --permutations 1000 \
      --out "$out/analysis-$held-$side" > /dev/null
  done
  python3 - "$out" "$held" <<'PY' | tee -a "$out/summary.txt"
import json, sys
out, held = sys.argv[1], sys.argv[2]
w = json.load(open(f"{out}/analysis-{held}-within/analysis.json"))
h = json.load(open(f"{out}/analysis-{held}-held-out/analysis.json"))
names = [b["name"] for b in w["named_bands"]]
line = f"{held:<10} {w['accuracy']:<22.4f} {h['accuracy']:.4f}"
for m in w["methods"]:
    a = w["methods"][m]["named_band_profile"]["all"]; b = h["methods"][m]["named_band_profile"]["all"]
    moves = ", ".join(f"{n} {x:.3f}->{y:.3f}" for n, x, y in zip(names, a, b))
    line += f"\n    {m}: named-band shares within -> held-out: {moves}"
print(line)
PY
done
