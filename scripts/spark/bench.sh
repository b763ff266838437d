#!/usr/bin/env bash
# Items per second of explain --data (Grad-CAM, SmoothGrad) and faithfulness: the single-machine
# path against --engine spark on the same cores, as whole processes (JVM start included): one core
# (single machine --threads 1, spark local[1]), two cores (single machine --threads 2, spark
# local[2], and a standalone cluster of two one-core workers: two executor JVMs, since one JVM has
# one DJL gradient collector); Spark's overhead per job (a one-batch job, Spark minus single
# machine); and a paper estimate of wall time for LJSpeech (100,000 tokens) and 1,000 hours of
# one-second chunks (3,600,000 items) on 8, 64 and 512 cores from the measured one-core rates.
# Usage: scripts/spark/bench.sh [WORKDIR] [GRADCAM=3000] [SMOOTHGRAD=300] [FAITHFULNESS=150]
# Needs `mvn -B -DskipTests package`. With SETUP_ONLY=1 it only makes the corpus, dataset and model
# (run that first, then the timed run on a quiet machine with the same WORKDIR).
# STANDALONE_JOBS (default: all four) names the jobs the standalone cluster runs (the others show "-");
# JOBS (default: gradcam smoothgrad faithfulness overhead) names the jobs run at all (overhead is needed for the estimate);
# BASE=DIR (a built checkout of another revision) adds Spark's overhead per job with that revision's
# launcher (local[1] and local[2]), for a before/after comparison on the same machine.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"; work="$(cd "$work" && pwd)"
n_gradcam="${2:-3000}" n_smooth="${3:-300}" n_faith="${4:-150}"
lens="$here/spectrolens"
items=$(printf '%s\n' "$n_gradcam" "$n_smooth" "$n_faith" | sort -n | tail -1)
if [ ! -d "$work/model" ]; then
  "$lens" synth --out "$work/corpus" --utterances $(( items * 2 / 7 + 20 )) --seed 5 >/dev/null 2>&1
  "$lens" dataset --corpus "$work/corpus" --task vowels --out "$work/ds" --size 32x32 --no-progress >/dev/null
  "$lens" train --data "$work/ds" --out "$work/model" --epochs 1 --quiet >/dev/null
fi
[ "${SETUP_ONLY:-0}" = 1 ] && { echo "ready: $work"; exit 0; }
. "$here/scripts/spark/cluster.sh"
echo "machine: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(date +%s.%N)
spark_cluster "$work" 2 1
echo "standalone cluster: two one-core workers up in $(python3 -c "print(round($(date +%s.%N)-$t0,1))") s ($master)"

# name | engine options | extra JVM options
engines=("single machine, 1 thread|--engine local --threads 1|"
  "spark local[1]|--engine spark --master local[1] --threads 1|"
  "single machine, 2 threads|--engine local --threads 2|"
  "spark local[2]|--engine spark --master local[2] --threads 2|"
  "standalone, 2 executors x 1 core|--engine spark --master $master --threads 1|-Dspark.executor.cores=1")
# one timed process: "<wall s> <the command's own seconds>" (explain: its batches; faithfulness: its study)
timed() {
  local extra="$1" t0 t1 own; shift
  rm -rf "$work/out"
  t0=$(date +%s.%N)
  SPECTROLENS_JAVA_OPTS="-Xmx4g $extra" "$lens" "$@" --out "$work/out" >"$work/last.out" 2>"$work/last.err" \
    || { cat "$work/last.err" >&2; exit 1; }
  t1=$(date +%s.%N)
  # explain: "explained N inputs ... in X s (" on stderr; judging: "X s in all" on stdout (its progress lines
  # on stderr time single metrics, so they are not searched)
  own=$( { grep -ohE '[0-9.]+ s in all' "$work/last.out"; grep -ohE '^explained .* in [0-9.]+ s \(' "$work/last.err"; true; } \
    | grep -oE '[0-9.]+ s' | tail -1 | grep -oE '[0-9.]+' || true)
  [ -n "$own" ] || { echo "no time reported by: $*" >&2; exit 1; }
  python3 -c "print(f'{$t1-$t0:.1f} $own')"
}
: >"$work/bench.tsv"
head="| job | items |"; rule="| --- | --- |"
for e in "${engines[@]}"; do head="$head ${e%%|*} |"; rule="$rule --- |"; done
echo "wall time of the whole process (items/s); the command's own time in brackets"
echo "$head"; echo "$rule"
for job in ${JOBS:-gradcam smoothgrad faithfulness overhead}; do
  case $job in
    gradcam|smoothgrad)
      n=$([ $job = gradcam ] && echo "$n_gradcam" || echo "$n_smooth")
      args=(explain --model "$work/model" --data "$work/ds" --split all --limit "$n" --methods "$job" --quiet --no-png) ;;
    faithfulness) n=$n_faith; args=(faithfulness --model "$work/model" --data "$work/ds" --split all --samples "$n" --methods gradcam --grid 8x8 --metrics deletion_auc_prob,insertion_auc_prob) ;;
    overhead) n=32; args=(explain --model "$work/model" --data "$work/ds" --split all --limit 32 --methods gradcam --quiet --no-png) ;;
  esac
  row="| $job | $n |"
  for e in "${engines[@]}"; do
    name="${e%%|*}"; rest="${e#*|}"; opts="${rest%%|*}"; extra="${rest#*|}"
    if [[ $name = standalone* && " ${STANDALONE_JOBS:-gradcam smoothgrad faithfulness overhead} " != *" $job "* ]]; then
      row="$row - |"; continue
    fi
    # shellcheck disable=SC2086
    timed "$extra" "${args[@]}" $opts >"$work/timed"
    read -r wall own <"$work/timed"
    printf '%s\t%s\t%s\t%s\t%s\n' "$job" "$n" "$name" "$wall" "$own" >>"$work/bench.tsv"
    row="$row $wall s ($(python3 -c "print(f'{$n/$wall:.1f}')")) [$own s] |"
  done
  echo "$row"
done
if [ -n "${BASE:-}" ]; then
  args=(explain --model "$work/model" --data "$work/ds" --split all --limit 32 --methods gradcam --quiet --no-png)
  for m in 1 2; do
    lens="$BASE/spectrolens" timed "" "${args[@]}" --engine spark --master "local[$m]" --threads $m >"$work/timed"
    read -r wall own <"$work/timed"
    printf '%s\t%s\t%s\t%s\t%s\n' overhead-base 32 "spark local[$m]" "$wall" "$own" >>"$work/bench.tsv"
    echo "before ($BASE, $(git -C "$BASE" rev-parse --short HEAD)): overhead job on spark local[$m]: $wall s [$own s]"
  done
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work/bench.tsv" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
t = {(j, e): (int(n), float(w), float(o) if o else None) for j, n, e, w, o in rows}
one, two, l1, l2, sa = ("single machine, 1 thread", "single machine, 2 threads", "spark local[1]", "spark local[2]",
                        "standalone, 2 executors x 1 core")
print("\nSpark's time over the single machine's on the same cores (whole process; goal: two cores within 1.2x)")
print("| job | local[1] / 1 thread | local[2] / 2 threads | standalone 2x1 / 2 threads |\n| --- | --- | --- | --- |")
ratio = lambda j, e, base: f"{t[j, e][1] / t[j, base][1]:.2f}x" if (j, e) in t else "-"
jobs = [j for j in ("gradcam", "smoothgrad", "faithfulness") if (j, one) in t]
for j in jobs:
    print(f"| {j} | {ratio(j, l1, one)} | {ratio(j, l2, two)} | {ratio(j, sa, two)} |")
ov = {e: t["overhead", e][1] - t["overhead", base][1] for e, base in ((l1, one), (l2, two), (sa, two)) if ("overhead", e) in t}
print("\noverhead per job (32-item Grad-CAM job, Spark minus the single machine's wall time): "
      + ", ".join(f"{e} {s:+.1f} s" for e, s in ov.items()))
before = {e: t["overhead-base", e][1] - t["overhead", base][1] for e, base in ((l1, one), (l2, two)) if ("overhead-base", e) in t}
if before:
    print("the same before (BASE's launcher): " + ", ".join(f"{e} {s:+.1f} s" for e, s in before.items()))
# per-core rate: spark local[1]'s own time (one executor core, the process start excluded); a job on C
# cores of executors (one-core executors, or C/k of k cores) takes N / (rate * C) plus the cluster's overhead
print("\npaper estimate: N / (one-core rate x cores) + the standalone overhead per job"
      f" ({t['overhead', sa][1]:.0f} s: driver, executors' start, model and engine load)")
print("| job | one-core rate (items/s) | LJSpeech 100,000 tokens: 8 / 64 / 512 cores | 1,000 h of 1-s chunks (3.6 M): 8 / 64 / 512 cores |")
print("| --- | --- | --- | --- |")
fmt = lambda s: f"{s / 3600:.1f} h" if s >= 3600 else f"{s / 60:.1f} min" if s >= 60 else f"{s:.0f} s"
for j in jobs:
    n, w, o = t[j, l1]
    r = n / o
    cells = [" / ".join(fmt(N / (r * c) + t["overhead", sa][1]) for c in (8, 64, 512)) for N in (100_000, 3_600_000)]
    print(f"| {j} | {r:.1f} | {cells[0]} | {cells[1]} |")
PY
