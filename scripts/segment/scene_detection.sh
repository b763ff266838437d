#!/usr/bin/env bash
# Event detection by segmentation on the built-in monitoring scene (docs/segmentation.md).
# Writes two scenes of CLIPS clips: seed 1, on which the settings were explored, and seed 2, held
# out, on which the settings chosen on seed 1 are scored again. Each row is one
# `spectrolens segment --scene ...` run; prints two markdown tables.
# Usage: scripts/segment/scene_detection.sh [CLIPS] [WORKDIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
clips="${1:-400}"
work="${2:-$(mktemp -d)}"
sl="$here/spectrolens"
header() {
  echo "| method | settings | precision | recall | IoU | mean clip IoU | detected share | event precision | event recall | clips | wall |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
}
row() { local scene="$1"; shift; "$sl" segment --scene "$scene" --out "$work/det" --force "$@" | tail -1; }
for seed in 1 2; do
  "$sl" synth-scene --out "$work/scene-$seed" --clips "$clips" --seed "$seed" --force >/dev/null 2>&1
done
echo "Seed 1 (settings explored here):"
echo
header
s="$work/scene-1"
row "$s" --method threshold
row "$s" --method otsu
row "$s" --method region-growing
row "$s" --method kmeans
row "$s" --method felzenszwalb
for q in 0.5 0.1; do
  row "$s" --method threshold --above-floor --floor-quantile $q --param relative=false --param level=6
  row "$s" --method otsu --above-floor --floor-quantile $q
  row "$s" --method region-growing --above-floor --floor-quantile $q
  row "$s" --method kmeans --above-floor --floor-quantile $q
  row "$s" --method felzenszwalb --above-floor --floor-quantile $q --param min-mean=6
done
row "$s" --method threshold --above-floor --floor-quantile 0.1 --param relative=false --param level=9
row "$s" --method otsu --above-floor --floor-quantile 0.1 --morphology opening:3
row "$s" --method felzenszwalb --above-floor --floor-quantile 0.1 --param min-mean=6 --param scale=100
echo
echo "Seed 2 (held out):"
echo
header
s="$work/scene-2"
row "$s" --method felzenszwalb
row "$s" --method threshold
row "$s" --method otsu --above-floor --floor-quantile 0.1
row "$s" --method threshold --above-floor --floor-quantile 0.1 --param relative=false --param level=9
row "$s" --method felzenszwalb --above-floor --floor-quantile 0.1 --param min-mean=6
