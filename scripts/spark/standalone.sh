#!/usr/bin/env bash
# A Spark standalone cluster on this machine (a master and two workers of one core each, started
# from the Maven jars the spark module uses), `explain --data` on a 2,000-item split with one worker
# killed (kill -9) once the job is under way, and the output compared with the single-machine output.
# Usage: scripts/spark/standalone.sh [WORKDIR] [ITEMS=2000] [METHODS=gradcam,smoothgrad]
# Needs `mvn -B -DskipTests package` first (spark/target/lib). Prints what happened, ends with OK or FAILED.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$(mktemp -d)}"
items="${2:-2000}"
methods="${3:-gradcam,smoothgrad}"
mkdir -p "$work"
lens=("$here/spectrolens")
[ -f "$here/spark/target/spectrolens-spark.jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }
cp="$here/spark/target/spectrolens-spark.jar:$here/spark/target/lib/*:$here/cli/target/spectrolens-cli.jar:$(ls "$here"/cli/target/lib/*.jar | grep -v /slf4j-nop- | tr '\n' :)"
flags=(-XX:+IgnoreUnrecognizedVMOptions -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
    java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  flags+=("--add-opens=java.base/$p=ALL-UNNAMED")
done

# A Spark home the workers launch executors from: Spark's launcher reads the jars of <home>/jars
# when <home>/RELEASE exists (a distribution's layout); here they are links to the Maven jars.
home="$work/spark-home"
rm -rf "$home"; mkdir -p "$home/jars" "$home/conf"
touch "$home/RELEASE"
for j in $(echo "$cp" | tr ':' '\n'); do
  case "$j" in *'*') for k in ${j%\*}*.jar; do ln -sf "$k" "$home/jars/"; done ;; *) ln -sf "$j" "$home/jars/" ;; esac
done
export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOG_DIR="$work/logs" SPARK_WORKER_DIR="$work/worker"
mkdir -p "$SPARK_LOG_DIR"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
port=$((17000 + RANDOM % 2000))
java "${flags[@]}" -cp "$cp" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0 \
  >"$work/logs/master.log" 2>&1 & pids+=($!)
sleep 5
for w in 1 2; do
  java "${flags[@]}" -cp "$cp" org.apache.spark.deploy.worker.Worker --cores 1 --memory 3g --webui-port 0 \
    --work-dir "$work/worker$w" "spark://127.0.0.1:$port" >"$work/logs/worker$w.log" 2>&1 & pids+=($!)
done
worker1=${pids[1]}
sleep 5
echo "cluster: master spark://127.0.0.1:$port (pid ${pids[0]}), workers pids ${pids[1]} ${pids[2]}, one core each"

# the built-in corpus, enough vowels for the split, and a model
if [ ! -d "$work/model" ]; then
  utt=$(( items * 2 / 7 + 20 ))
  "${lens[@]}" synth --out "$work/corpus" --utterances "$utt" --seed 5 >/dev/null 2>&1
  "${lens[@]}" dataset --corpus "$work/corpus" --task vowels --out "$work/ds" --size 32x32 --no-progress >/dev/null
  "${lens[@]}" train --data "$work/ds" --out "$work/model" --epochs 1 --quiet >/dev/null
fi
run=(explain --model "$work/model" --data "$work/ds" --split all --limit "$items" --methods "$methods" --quiet --no-png)

rm -rf "$work/one" "$work/cluster"
t0=$(date +%s.%N)
"${lens[@]}" "${run[@]}" --out "$work/one" >/dev/null
t1=$(date +%s.%N)
echo "single machine: $(python3 -c "print(round($t1-$t0,1))") s"

# the cluster job; kill -9 worker 1 once the first shard is written
( while [ -z "$(ls "$work"/cluster.partial/shards/part-*.bin 2>/dev/null)" ]; do sleep 0.5; done
  kill -9 "$worker1"; echo "killed worker 1 (pid $worker1) after $(ls "$work"/cluster.partial/shards/part-*.bin | wc -l) shard(s)" ) &
killer=$!
t0=$(date +%s.%N)
status=0
"${lens[@]}" "${run[@]}" --out "$work/cluster" --engine spark --master "spark://127.0.0.1:$port" >/dev/null 2>"$work/logs/driver.log" || status=$?
t1=$(date +%s.%N)
kill "$killer" 2>/dev/null || true
echo "cluster: exit $status in $(python3 -c "print(round($t1-$t0,1))") s"
echo "driver's Spark errors (the lost executor and its tasks):"; grep -v "^explained" "$work/logs/driver.log" | cut -c1-200 | head -8 || true

same=1
for f in "$work"/one/*.npy "$work/one/items.csv" "$work/one/profiles.csv"; do
  cmp -s "$f" "$work/cluster/$(basename "$f")" || { echo "differs: $(basename "$f")"; same=0; }
done
[ -d "$work/cluster/items.parquet" ] || { echo "no items.parquet"; same=0; }
if [ $status = 0 ] && [ $same = 1 ]; then echo "OK: the cluster's maps, items.csv and profiles.csv are byte-identical to the single machine's"; else echo FAILED; exit 1; fi
