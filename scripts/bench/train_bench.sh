#!/usr/bin/env bash
# One training epoch of smallcnn and resnet18 in spectrolens (DJL) and in plain PyTorch, same
# data sizes and threads. The two run alternately REPS times (timings on a shared machine are
# noisy); the best epoch time and best median step time of each are compared. Prints each run
# and the ratios spectrolens/PyTorch (goal: <= 1.1).
# Usage: scripts/bench/train_bench.sh [threads=2] [items=512] [size=128] [batch=32] [reps=2] [models="smallcnn resnet18"]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
threads="${1:-2}"; items="${2:-512}"; size="${3:-128}"; batch="${4:-32}"; reps="${5:-2}"; models="${6:-smallcnn resnet18}"
# SPECTROLENS_CLASSPATH: run prebuilt jars (e.g. a copy, so that editing sources meanwhile cannot trigger a rebuild)
if [ -z "${SPECTROLENS_CLASSPATH:-}" ]; then
  "$here/spectrolens" --version >/dev/null   # builds the jars once if needed
fi
cp="${SPECTROLENS_CLASSPATH:-$here/cli/target/spectrolens-cli.jar:$here/cli/target/lib/*}"
field() { sed "s/.*$1=\([0-9.]*\).*/\1/"; }
for model in $models; do
  be=1e9; bs=1e9; pe=1e9; ps=1e9
  for ((r = 0; r < reps; r++)); do
    djl=$(java -Xmx4g -Dai.djl.offline=true -cp "$cp" org.spectrolens.bench.TrainBench "$model" "$items" "$size" "$batch" "$threads" 2>/dev/null | grep epoch_seconds)
    pt=$(/usr/bin/python3 -W ignore "$here/scripts/bench/torch_train_bench.py" "$model" "$items" "$size" "$batch" "$threads" | grep epoch_seconds)
    echo "$djl"; echo "$pt"
    be=$(awk -v a="$be" -v b="$(field epoch_seconds <<<"$djl")" 'BEGIN { print (b < a ? b : a) }')
    bs=$(awk -v a="$bs" -v b="$(field median_step_seconds <<<"$djl")" 'BEGIN { print (b < a ? b : a) }')
    pe=$(awk -v a="$pe" -v b="$(field epoch_seconds <<<"$pt")" 'BEGIN { print (b < a ? b : a) }')
    ps=$(awk -v a="$ps" -v b="$(field median_step_seconds <<<"$pt")" 'BEGIN { print (b < a ? b : a) }')
  done
  awk -v a="$be" -v b="$pe" -v c="$bs" -v d="$ps" -v m="$model" \
    'BEGIN { printf "ratio %s spectrolens/pytorch: epoch %.3f (%.2f s / %.2f s), median step %.3f (%.3f s / %.3f s)\n", m, a / b, a, b, c / d, c, d }'
done
