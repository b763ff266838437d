#!/usr/bin/env bash
# A Spark standalone cluster on this machine (a master and two workers of one core each, started
# from the Maven jars the spark module uses), `explain --data` on a 2,000-item split with worker 1
# and its executor killed (kill -9) as soon as the job's first shard is written, and the output
# compared with the single-machine output: maps within 1e-6 (the cluster's read from their shards and
# index), items.csv and profiles.csv byte for byte.
# Usage: scripts/spark/standalone.sh [WORKDIR] [ITEMS=2000] [METHODS=gradcam,smoothgrad] [EXPLAIN OPTIONS...]
#   (e.g. `... 2000 gradcam,smoothgrad --param smoothgrad.samples=4`; the single-machine output of the
#   same command line is kept in WORKDIR/one and reused)
# Needs `mvn -B -DskipTests package` first (spark/target/lib) and /usr/bin/python3 with numpy.
# Prints what happened (when the kill came, the tasks lost and run again), ends with OK or FAILED.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"; work="$(cd "$work" && pwd)"
items="${2:-2000}"
methods="${3:-gradcam,smoothgrad}"
shift $(( $# < 3 ? $# : 3 ))
lens=("$here/spectrolens")
. "$here/scripts/spark/cluster.sh"
spark_cluster "$work" 2 1
worker1=${pids[1]}
echo "cluster: $master (master pid ${pids[0]}), workers pids ${pids[1]} ${pids[2]}, one core each"

# the built-in corpus, enough vowels for the split, and a model
if [ ! -d "$work/model" ]; then
  utt=$(( items * 2 / 7 + 20 ))
  "${lens[@]}" synth --out "$work/corpus" --utterances "$utt" --seed 5 >/dev/null 2>&1
  "${lens[@]}" dataset --corpus "$work/corpus" --task vowels --out "$work/ds" --size 32x32 --no-progress >/dev/null
  "${lens[@]}" train --data "$work/ds" --out "$work/model" --epochs 1 --quiet >/dev/null
fi
run=(explain --model "$work/model" --data "$work/ds" --split all --limit "$items" --methods "$methods" --quiet --no-png "$@")

rm -rf "$work/cluster" "$work/killed"
if [ ! -f "$work/one.txt" ] || [ "$(head -1 "$work/one.txt")" != "${run[*]}" ]; then
  rm -rf "$work/one"
  t0=$(date +%s.%N)
  "${lens[@]}" "${run[@]}" --out "$work/one" >/dev/null 2>"$work/logs/one.log"
  t1=$(date +%s.%N)
  printf '%s\n%s\n' "${run[*]}" "single machine: $(python3 -c "print(round($t1-$t0,1))") s for $(($(wc -l <"$work/one/items.csv") - 1)) items: $(cat "$work/logs/one.log")" >"$work/one.txt"
fi
echo "$(sed -n 2p "$work/one.txt")"

# the cluster job; once its first shard is written, kill -9 worker 1 and its executor (a machine lost)
( while [ -z "$(ls "$work"/cluster.partial/shards/part-*.bin 2>/dev/null)" ]; do sleep 0.2; done
  victims="$worker1 $(pgrep -P "$worker1" | tr '\n' ' ')"
  kill -9 $victims
  echo "$(date +%s.%N) $(ls "$work"/cluster.partial/shards/part-*.bin | wc -l) $victims" >"$work/killed" ) &
killer=$!
t0=$(date +%s.%N)
status=0
# executors of one core (their engines one thread each); the driver logs its scheduler's events
SPECTROLENS_JAVA_OPTS="-Xmx4g -Dspark.executor.cores=1 -Dlog4j2.configurationFile=$work/log4j2.properties" \
  "${lens[@]}" "${run[@]}" --out "$work/cluster" --engine spark --master "$master" >/dev/null 2>"$work/logs/driver.log" || status=$?
t1=$(date +%s.%N)
kill "$killer" 2>/dev/null || true
log="$work/logs/driver.log"
echo "cluster: exit $status in $(python3 -c "print(round($t1-$t0,1))") s: $(grep -E '^explained' "$log" || true)"
if [ -f "$work/killed" ]; then
  read -r tk shards victims <"$work/killed"
  echo "killed worker 1 and its executor (pids $victims) at $(date -d @"$tk" +%T.%3N), $(python3 -c "print(round($tk-$t0,1))") s into the run," \
    "$shards of $(grep -o 'Submitting [0-9]* missing tasks' "$log" | head -1 | cut -d' ' -f2) shards written"
else
  echo "worker 1 was never killed (no shard appeared)"; status=1
fi
echo "tasks: $(grep -c 'Starting task' "$log") attempts started, $(grep -cE 'Lost task|its executor exited' "$log") failed with the executor," \
  "$(grep -cE 'Starting task [0-9]+\.[1-9]' "$log") run again, $(grep -c 'Finished task' "$log") finished"
grep -E 'Lost task|its executor exited|Starting task [0-9]+\.[1-9]|Executor .* removed|finished:' "$log" | cut -c1-200 || true
# every executor opened the model from the copy Spark shipped to it (its own folder), not from the driver's path
shipped=$(ls -d "$work"/worker*/app-*/*/model-*/ 2>/dev/null || true)
echo "model shipped to the executors: $(echo "$shipped" | grep -c . || true) unpacked copies: $(echo $shipped | sed "s|$work/||g")"
for d in $shipped; do diff -r -q "$work/model" "$d" >/dev/null || { echo "shipped copy differs: $d"; status=1; }; done
[ -n "$shipped" ] || status=1

# maps within 1e-6 (the largest difference printed; the cluster's are in shards, assembled by their index), tables byte for byte
same=1
/usr/bin/python3 - "$work/one" "$work/cluster" <<'PY' || same=0
import glob, json, os, sys
import numpy as np
a, b = sys.argv[1:]

def stack(d, name):
    """name from a folder: the file, or its shards in row order as maps/index.json lists them."""
    if os.path.exists(os.path.join(d, name)):
        return np.load(os.path.join(d, name))
    index = json.load(open(os.path.join(d, "maps", "index.json")))
    raw = name.endswith(".raw.npy")
    stem = name[: -len(".raw.npy" if raw else ".npy")]
    parts = sorted((s for s in index["shards"] if s["method"].replace(":", "+") == stem and s["raw"] == raw), key=lambda s: s["from"])
    return np.concatenate([np.load(os.path.join(d, "maps", s["file"])) for s in parts])

worst, n, identical = 0.0, 0, True
for f in sorted(glob.glob(os.path.join(a, "*.npy"))):
    x, y = np.load(f), stack(b, os.path.basename(f))
    assert x.shape == y.shape and y.dtype == np.float32, (f, x.shape, y.shape, y.dtype)
    worst, n = max(worst, float(np.max(np.abs(x.astype(np.float64) - y)))), n + x.shape[0]
    if x.tobytes() != y.tobytes():
        identical = False
        print(f"not bit-identical (within 1e-6): {os.path.basename(f)}")
print(f"maps: {n} maps compared, largest difference {worst:g}" + (", bit-identical" if identical else ""))
sys.exit(0 if worst <= 1e-6 else 1)
PY
for f in items.csv profiles.csv; do cmp -s "$work/one/$f" "$work/cluster/$f" || { echo "differs: $f"; same=0; }; done
[ -d "$work/cluster/items.parquet" ] || { echo "no items.parquet"; same=0; }
if [ $status = 0 ] && [ $same = 1 ]; then echo "OK: maps within 1e-6, items.csv and profiles.csv byte for byte"; else echo FAILED; exit 1; fi
