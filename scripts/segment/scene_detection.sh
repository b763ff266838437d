#!/usr/bin/env bash
# Event detection by segmentation on the built-in monitoring scene (docs/segmentation.md):
# writes a scene of CLIPS clips (seed 1), then scores each method (row) against the ideal binary
# masks of its event stems and prints the markdown table. Usage: scripts/segment/scene_detection.sh [CLIPS] [WORKDIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
clips="${1:-200}"
work="${2:-$(mktemp -d)}"
sl="$here/spectrolens"
"$sl" synth-scene --out "$work/scene" --clips "$clips" --seed 1 --force >/dev/null 2>&1
echo "| method | settings | precision | recall | IoU | mean clip IoU | detected share | event precision | event recall | clips | wall |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
row() { "$sl" segment --scene "$work/scene" --out "$work/det" --force "$@" | tail -1; }
row --method threshold
row --method otsu
row --method region-growing
row --method kmeans
row --method kmeans --param clusters=2
row --method felzenszwalb
row --method threshold --above-floor --param relative=false --param level=3
row --method threshold --above-floor --param relative=false --param level=6
row --method otsu --above-floor
row --method otsu --above-floor --morphology opening:3
row --method region-growing --above-floor
row --method kmeans --above-floor
row --method felzenszwalb --above-floor --param min-mean=3
row --method felzenszwalb --above-floor --param min-mean=6
row --method felzenszwalb --above-floor --param min-mean=6 --param scale=100
