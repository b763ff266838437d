#!/usr/bin/env bash
# Explanation speed as a user waits for it: whole processes (JVM start and Python import included),
# the same resnet weights, the same inputs, the same thread count, side by side in one run.
#
# Usage: scripts/bench/explain_vs_pytorch.sh [SIZE=64] [N=512] [METHODS=gradcam,gradcam++,layercam] [ROUNDS=3] [THREADS=2] [MODEL=resnet18]
#   e.g. scripts/bench/explain_vs_pytorch.sh 64 16 scorecam
# Each side: load the model, read N .npy inputs [1,SIZE,SIZE] from a folder, explain them (targets:
# the predicted classes; pytorch-grad-cam's conventions: --compat pytorch-grad-cam), save every map
# as .npy. spectrolens: `./spectrolens explain --input DIR --no-png`; PyTorch:
# scripts/bench/pytorch_grad_cam_explain.py (pytorch-grad-cam 1.5.5's code path). Both use batches
# of 32 inputs. Prints per method the median wall time of ROUNDS alternating runs, the ratio
# spectrolens / PyTorch, and the maps' agreement (Pearson r, minimum over inputs).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
size=${1:-64}; n=${2:-512}; methods=${3:-gradcam,gradcam++,layercam}; rounds=${4:-3}; threads=${5:-2}; arch=${6:-resnet18}
py=/usr/bin/python3
$py -c 'import torch, torchvision, numpy' 2>/dev/null || { echo "needs python3-torch, python3-torchvision, python3-numpy" >&2; exit 1; }
cd "$here"
./spectrolens --version >/dev/null   # builds once, outside the timings
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
java -Dai.djl.offline=true -cp "cli/target/spectrolens-cli.jar:cli/target/lib/*" org.spectrolens.bench.BenchModel \
  "$arch" "$size" "$size" 5 "$n" "$work" 2>/dev/null
export OMP_NUM_THREADS=$threads
wall() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%-10s %6s %5s %14s %14s %8s %10s\n' method size n spectrolens_s pytorch_s ratio pearson_min
for m in ${methods//,/ }; do
  : >"$work/j"; : >"$work/p"
  for r in $(seq "$rounds"); do
    wall ./spectrolens explain --model "$work/model" --input "$work/inputs" --methods "$m" --compat pytorch-grad-cam \
      --no-png --quiet --threads "$threads" --batch 32 --out "$work/out-$m" >>"$work/j"
    wall "$py" scripts/bench/pytorch_grad_cam_explain.py "$work/model/weights.safetensors" "$work/inputs" "$m" "$work/$m.npy" 32 "$threads" >>"$work/p"
  done
  j=$(median <"$work/j"); p=$(median <"$work/p")
  r=$($py - "$work/out-$m/$(echo "$m" | tr ':' '+').npy" "$work/$m.npy" <<'PY'
import sys, numpy as np
a, b = np.load(sys.argv[1]), np.load(sys.argv[2])
rs = [np.corrcoef(x.ravel(), y.ravel())[0, 1] if x.std() > 0 and y.std() > 0 else (1.0 if np.allclose(x, y) else 0.0) for x, y in zip(a, b)]
print("%.4f" % min(rs))
PY
)
  printf '%-10s %6s %5s %14.2f %14.2f %8.2f %10s\n' "$m" "$size" "$n" "$j" "$p" "$(echo "$j / $p" | bc -l)" "$r"
done
