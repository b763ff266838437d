#!/usr/bin/env bash
# Items per second of explain --data (Grad-CAM, SmoothGrad) and faithfulness: the single-machine
# path against --engine spark at local[1] and local[2], on the same cores, as whole processes, and
# Spark's overhead per job (a one-batch job, Spark minus single machine).
# Usage: scripts/spark/bench.sh [WORKDIR] [ITEMS=400]   (needs `mvn -B -DskipTests package`; run on a quiet machine)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$(mktemp -d)}"
items="${2:-400}"
lens="$here/spectrolens"
mkdir -p "$work"
echo "machine: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ ! -d "$work/model" ]; then
  "$lens" synth --out "$work/corpus" --utterances $(( items * 2 / 7 + 20 )) --seed 5 >/dev/null 2>&1
  "$lens" dataset --corpus "$work/corpus" --task vowels --out "$work/ds" --size 32x32 --no-progress >/dev/null
  "$lens" train --data "$work/ds" --out "$work/model" --epochs 1 --quiet >/dev/null
fi
# one timed process: prints "<wall s>"
timed() {
  local t0 t1
  t0=$(date +%s.%N)
  "$lens" "$@" >/dev/null 2>"$work/last.err" || { cat "$work/last.err" >&2; exit 1; }
  t1=$(date +%s.%N)
  python3 -c "print(f'{$t1-$t0:.1f}')"
}
# the single-machine path on both cores, Spark on one core (the per-core rate) and on both
engines=("--engine local --threads 2" "--engine spark --master local[1] --threads 1" "--engine spark --master local[2] --threads 2")
printf '| job | items | %s | %s | %s |\n| --- | --- | --- | --- | --- |\n' "single machine, 2 threads" "spark local[1], 1 thread" "spark local[2], 2 threads"
for job in gradcam smoothgrad faithfulness overhead; do
  case $job in
    gradcam|smoothgrad) n=$items; args=(explain --model "$work/model" --data "$work/ds" --split all --limit "$items" --methods "$job" --quiet --no-png) ;;
    faithfulness) n=$(( items / 4 )); args=(faithfulness --model "$work/model" --data "$work/ds" --split all --samples "$n" --methods gradcam --grid 8x8 --metrics deletion_auc_prob,insertion_auc_prob) ;;
    overhead) n=32; args=(explain --model "$work/model" --data "$work/ds" --split all --limit 32 --methods gradcam --quiet --no-png) ;;
  esac
  row="| $job | $n |"
  for e in "${engines[@]}"; do
    rm -rf "$work/out"
    s=$(timed "${args[@]}" $e --out "$work/out")
    row="$row $s s ($(python3 -c "print(f'{$n/$s:.1f}')") items/s) |"
  done
  echo "$row"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
