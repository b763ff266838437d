#!/usr/bin/env bash
# How faithful the 2-D maps of 'spectrolens embed' are, on the demo's networks and test splits:
# scikit-learn's trustworthiness (5 neighbours) of the t-SNE and PCA maps against the
# penultimate-layer embeddings, and the share of each item's 5 nearest neighbours of its own class
# in the embedding and in each map. Prints one markdown row per task and method; writes OUT/<task>-<method>/.
# Usage: scripts/bench/embed_maps.sh [demo=/work/scratch/demo-default] [out=/tmp/embed-maps] [tasks="vowels-4k scene"]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
demo="${1:-/work/scratch/demo-default}"; out="${2:-/tmp/embed-maps}"; tasks="${3:-vowels-4k scene}"
mkdir -p "$out"
echo "| task | items | d | method | seconds | trustworthiness (5) | same-class 5-NN: embedding | same-class 5-NN: map |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for task in $tasks; do
  for method in tsne pca; do
    dir="$out/$task-$method"
    start=$(date +%s.%N)
    "$here/spectrolens" embed --model "$demo/models/$task" --data "$demo/datasets/$task" --method "$method" --threads 2 --force --out "$dir" >/dev/null
    secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    /usr/bin/python3 - "$dir" "$task" "$method" "$secs" <<'PY'
import csv, sys
import numpy as np
from sklearn.manifold import trustworthiness
from sklearn.neighbors import NearestNeighbors
d, task, method, secs = sys.argv[1:]
E = np.load(d + "/embeddings.npy").astype(np.float64)
rows = list(csv.DictReader(open(d + "/items.csv")))
Y = np.array([[float(r["x"]), float(r["y"])] for r in rows])
lab = np.array([r["label"] for r in rows])
def same(X):
    idx = NearestNeighbors(n_neighbors=6).fit(X).kneighbors(X, return_distance=False)[:, 1:]
    return (lab[idx] == lab[:, None]).mean()
print(f"| {task} | {len(rows)} | {E.shape[1]} | {method} | {secs} (whole command) | {trustworthiness(E, Y, n_neighbors=5):.3f} | {same(E):.3f} | {same(Y):.3f} |")
PY
  done
done
