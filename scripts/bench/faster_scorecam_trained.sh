#!/usr/bin/env bash
# Faster Score-CAM (10 channels) against full Score-CAM on a resnet18 trained on the built-in
# vowels at 224x224 (the paper's input size): Pearson r of the maps and the speed-up, for two
# test segments per class. Usage: scripts/bench/faster_scorecam_trained.sh [WORKDIR] [EPOCHS]
# Needs /usr/bin/python3 with numpy for the correlation. About 10 minutes on 2 cores.
set -euo pipefail
S="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/spectrolens"
work="${1:-/tmp/spectrolens-fsc}"; epochs="${2:-1}"
mkdir -p "$work" && cd "$work"
[ -d corpus ] || "$S" synth --out corpus --utterances 600 --seed 1 >/dev/null 2>&1
[ -d v224 ] || "$S" dataset --corpus corpus --task vowels --out v224 --group-by speaker --fmax 4000 --size 224x224 --no-progress >/dev/null
[ -d r18 ] || "$S" train --data v224 --model resnet18 --out r18 --epochs "$epochs" --quiet
/usr/bin/python3 - >items.txt <<'P'
import csv
seen = {}
for r in csv.DictReader(open('v224/manifest.csv')):
    if r['split'] == 'test' and len(seen.setdefault(r['label'], [])) < 2:
        seen[r['label']].append(r)
for rows in seen.values():
    for r in rows:
        print(r['source'], r['start'], r['end'], r['id'])
P
rm -rf maps
while read -r src start end id; do
  for m in scorecam faster-scorecam; do
    "$S" explain --model r18 --input "$src" --start "$start" --end "$end" --methods "$m" --out "maps/$id/$m" >/dev/null
  done
done <items.txt
/usr/bin/python3 - <<'P'
import glob, json, numpy as np
rs, ups = [], []
for d in sorted(glob.glob('maps/*')):
    full = glob.glob(d + '/scorecam/*/')[0]; fast = glob.glob(d + '/faster-scorecam/*/')[0]
    r = np.corrcoef(np.load(full + 'scorecam.npy').ravel(), np.load(fast + 'faster-scorecam.npy').ravel())[0, 1]
    up = (json.load(open(full + 'explain.json'))['methods']['scorecam']['seconds']
          / json.load(open(fast + 'explain.json'))['methods']['faster-scorecam']['seconds'])
    rs.append(r); ups.append(up)
    print('%-28s r=%.4f speed-up=%.1fx' % (d[5:], r, up))
print('median r %.4f, min r %.4f, %d of %d >= 0.9; median speed-up %.1fx'
      % (np.median(rs), min(rs), sum(r >= 0.9 for r in rs), len(rs), np.median(ups)))
P
