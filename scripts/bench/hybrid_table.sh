#!/usr/bin/env bash
# The hybrid-model table of docs/hybrid.md: each classic classifier (logistic, svm, random-forest,
# knn) on audio features, on the demo CNN's penultimate-layer embeddings, and on both, trained on
# the train split and scored on the test split of each built-in task's demo dataset (the same
# speaker-independent splits, stratified for the scene, as the CNN), beside the CNN's own figures.
# Writes OUT/<task>/<classifier>/<features>/ (model folders), OUT/hybrid.csv and prints the
# markdown table.
# The CNN's test time is measured here too (org.spectrolens.bench.InferenceBench in the cli module, in-process after a warm-up);
# its training time is the demo's (logs/<task>_train.log).
# Usage: scripts/bench/hybrid_table.sh [demo=/work/scratch/demo-default] [out=/tmp/hybrid-table]
#          [features=mfcc,centroid,bandwidth,rolloff,flatness,contrast,zcr,rms] [tasks="vowels-fullband vowels-4k voicing-4k scene"]
#   demo: a folder written by 'spectrolens demo' (datasets/<task>, models/<task>, logs/<task>_train.log, summary.json)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
demo="${1:-/work/scratch/demo-default}"; out="${2:-/tmp/hybrid-table}"; features="${3:-mfcc,centroid,bandwidth,rolloff,flatness,contrast,zcr,rms}"
tasks="${4:-vowels-fullband vowels-4k voicing-4k scene}"
"$here/spectrolens" --version >/dev/null   # builds the jars once if needed
mkdir -p "$out/jars"
cp "$here/cli/target/spectrolens-cli.jar" "$out/jars/" && cp -r "$here/cli/target/lib" "$out/jars/"   # edits meanwhile cannot rebuild them
cp="$out/jars/spectrolens-cli.jar:$out/jars/lib/*"
run() { java -Xmx6g -Dai.djl.offline=true -cp "$cp" org.spectrolens.cli.Main "$@"; }
csv="$out/hybrid.csv"
echo "task,classifier,features,accuracy,balanced_accuracy,feature_s,train_s,test_s,train_items,test_items" >"$csv"
for task in $tasks; do
  ds="$demo/datasets/$task"; cnn="$demo/models/$task"
  java -Xmx6g -Dai.djl.offline=true -cp "$cp" org.spectrolens.bench.InferenceBench "$cnn" "$ds" 2 | tee "$out/$task.cnn.txt"
  for set in "$features" "embeddings:$cnn" "embeddings:$cnn,$features"; do
    name=$(sed "s#embeddings:$cnn#embeddings#; s#$features#features#" <<<"$set" | sed "s#,#+#g")
    for c in logistic svm random-forest knn; do
      dir="$out/$task/$c/$name"; mkdir -p "$out/$task/$c"
      run train --model "hybrid:$c" --features "$set" --data "$ds" --out "$dir" --threads 2 --force >"$dir.log" 2>&1 \
        || { cat "$dir.log" >&2; exit 1; }
      /usr/bin/python3 - "$dir" "$task" "$c" "$name" >>"$csv" <<'PY'
import json, sys
d, task, c, name = sys.argv[1:]
m = json.load(open(d + "/metrics.json")); t = json.load(open(d + "/timing.json"))
print(f"{task},{c},{name},{m['accuracy']:.4f},{m['balanced_accuracy']:.4f},{t['featureSeconds']:.2f},{t['trainSeconds']:.3f},{t['testSeconds']:.2f},{t['trainItems']},{t['testItems']}")
PY
      tail -n 1 "$csv"
    done
  done
done
/usr/bin/python3 - "$csv" "$demo" <<'PY'
import csv, json, re, sys
rows = list(csv.DictReader(open(sys.argv[1])))
demo = sys.argv[2]
summary = json.load(open(demo + "/summary.json"))
out = sys.argv[1].rsplit("/", 1)[0]
def cnn(task):
    s = summary["monitoring"] if task == "scene" else summary["speech"][task]
    log = open(f"{demo}/logs/{task}_train.log").read()
    secs = float(re.search(r"([0-9.]+) s of training", log).group(1))
    ev = float(re.search(r"test_seconds=([0-9.]+)", open(f"{out}/{task}.cnn.txt").read()).group(1))
    return s["accuracy"], s["balanced_accuracy"], secs, ev
print("| task | model | features | accuracy | balanced acc. | features (s, train split) | fit (s) | test: featurise + predict (ms/item) |")
print("| --- | --- | --- | --- | --- | --- | --- | --- |")
for task in dict.fromkeys(r["task"] for r in rows):
    a, b, secs, ev = cnn(task)
    n = next(r for r in rows if r["task"] == task)["test_items"]
    print(f"| {task} | smallcnn (demo) | spectrogram | {a:.4f} | {b:.4f} | - | {secs:.1f} (demo) | {1000 * ev / int(n):.2f} |")
    for r in rows:
        if r["task"] != task: continue
        ms = 1000 * float(r["test_s"]) / int(r["test_items"])
        print(f"| {task} | hybrid:{r['classifier']} | {r['features']} | {r['accuracy']} | {r['balanced_accuracy']} | {r['feature_s']} | {r['train_s']} | {ms:.2f} |")
PY
