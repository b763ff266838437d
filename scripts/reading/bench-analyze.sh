#!/usr/bin/env bash
# Speed of 'analyze' (issue 10 target: a 2,000-item split, six methods, smallcnn at 64x64, at most
# 3 minutes on 2 cores). Builds the built-in corpus (2000 utterances) and its full-band vowel
# dataset (speaker split: about 2,650 test items), trains smallcnn for one epoch unless MODEL is
# given (the weights do not change the cost), then times analyze on the test split with the
# demo's six methods on 2 threads (taskset to cores 0-1 where available).
#   scripts/reading/bench-analyze.sh OUT [MODEL]
set -euo pipefail
out="$1"; model="${2:-}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
sl="${SPECTROLENS:-$here/spectrolens}"  # SPECTROLENS: another launcher
mkdir -p "$out"
[ -d "$out/corpus" ] || "$sl" synth --out "$out/corpus" --utterances 2000 --seed 1 > /dev/null 2>&1
[ -d "$out/ds" ] || "$sl" dataset --corpus "$out/corpus" --task vowels --group-by speaker --seed 1 --no-progress --out "$out/ds" | head -1
if [ -z "$model" ]; then
  model="$out/model"
  [ -f "$model/config.json" ] || "$sl" train --data "$out/ds" --model smallcnn --epochs 1 --seed 1 --quiet --out "$model"
fi
pin=(); command -v taskset > /dev/null && [ "$(nproc)" -ge 2 ] && pin=(taskset -c 0,1)
start=$(date +%s.%N)
"${pin[@]}" "$sl" analyze --model "$model" --data "$out/ds" --split test --threads 2 \
  --methods gradcam,gradcam++,layercam,faster-scorecam,saliency,smoothgrad --out "$out/analysis"
end=$(date +%s.%N)
python3 - "$out/analysis/analysis.json" "$start" "$end" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
print(f"analyze: {a['items']} items, {len(a['method_seconds'])} methods, {float(sys.argv[3]) - float(sys.argv[2]):.1f} s wall "
      f"(reading {a['seconds']:.1f} s; per method: " + ", ".join(f"{m} {s:.1f} s" for m, s in a['method_seconds'].items()) + ")")
PY
