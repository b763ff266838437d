#!/usr/bin/env bash
# The thesis's faithfulness setting, timed: 200 test items (SAMPLES to change), the thesis's four
# methods (saliency, smoothgrad, gradcam++, faster-scorecam), a 32x32 grid, 1% steps, deletion and
# insertion curves (probability and accuracy), on 2 engine threads; the random and energy maps are
# judged too (the command always does). Prints wall and CPU time and the command's own speed block
# (forward passes and forward passes per second of metric time).
# usage: scripts/bench/judge-speed.sh MODEL DS [OUT]   (MODEL: a smallcnn, e.g. from 'spectrolens demo')
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
model="$1"; data="$2"; out="${3:-$(mktemp -d)/judge-speed}"
/usr/bin/time -f "judge-speed: %e s wall, %U s user CPU, %S s system CPU" \
  "$here/spectrolens" faithfulness --model "$model" --data "$data" --samples "${SAMPLES:-200}" \
  --methods saliency,smoothgrad,gradcam++,faster-scorecam --grid 32x32 --step 0.01 \
  --metrics deletion_auc_prob,insertion_auc_prob,deletion_auc_acc,insertion_auc_acc --threads 2 --force --out "$out"
python3 -c "import json,sys; print('judge-speed:', json.load(open(sys.argv[1]))['speed'])" "$out/faithfulness.json"
