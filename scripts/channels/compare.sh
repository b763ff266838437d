#!/usr/bin/env bash
# Single-channel vs multi-channel inputs (issue 13 part 7; docs/channels.md) on the built-in tasks
# with speaker-independent splits: vowels full band and 0-4000 Hz, voicing 0-4000 Hz (speech
# defaults, 64x64) and the monitoring scene (thesis recipe). For each task and channel set:
# 'dataset --channels SET', then smallcnn trained with the demo's settings ("full": 3 epochs on
# speech, 12 on the scene, the demo's lr) and with fewer epochs ("short": 1 on speech, 3 on the
# scene) and on a small training set ("small": the full epochs on a tenth of the training
# speakers, or items on the scene, the rest held out as validation with --validation 0.9; the test
# split is unchanged), for each seed. Prints and writes OUT/results.csv and OUT/table.md: test
# accuracy, balanced accuracy, training seconds (sum of train_log.csv) and dataset build seconds.
#   scripts/channels/compare.sh OUT [CORPUS] [SCENE]
# CORPUS: a 'spectrolens synth' corpus, SCENE: a 'spectrolens synth-scene' folder (default: the
# demo's, /work/scratch/demo-default/{corpus,scene}). Environment: SETS (channel sets separated by
# spaces), TASKS (subset of vowels-fullband vowels-4k voicing-4k scene), SEEDS (default 1),
# REGIMES (full short small), THREADS (default 2).
set -euo pipefail
out="$1"; corpus="${2:-/work/scratch/demo-default/corpus}"; scene="${3:-/work/scratch/demo-default/scene}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
sl="${SPECTROLENS:-$here/spectrolens}"  # SPECTROLENS: another launcher
sets="${SETS:-spectrogram spectrogram,freq-position spectrogram,cqt spectrogram,delta,delta2 spectrogram,harmonic,percussive}"
tasks="${TASKS:-vowels-fullband vowels-4k voicing-4k scene}"
seeds="${SEEDS:-1}"; regimes="${REGIMES:-full short small}"; threads="${THREADS:-2}"
mkdir -p "$out"; out="$(cd "$out" && pwd)"
csv="$out/results.csv"
[ -f "$csv" ] || echo "task,channels,regime,epochs,seed,accuracy,balanced_accuracy,train_seconds,dataset_seconds,test_items" > "$csv"
for task in $tasks; do
  case "$task" in
    vowels-fullband) args=(--corpus "$corpus" --task vowels --group-by speaker --size 64x64); full=3; short=1; train=() ;;
    vowels-4k) args=(--corpus "$corpus" --task vowels --group-by speaker --size 64x64 --fmax 4000); full=3; short=1; train=() ;;
    voicing-4k) args=(--corpus "$corpus" --task voicing --group-by speaker --size 64x64 --fmax 4000); full=3; short=1; train=() ;;
    scene) args=(--corpus "$scene" --task chunks --recipe thesis); full=12; short=3; train=(--recipe thesis) ;;
    *) echo "unknown task $task" >&2; exit 2 ;;
  esac
  for set in $sets; do
    name="$task-${set//,/+}"; ds="$out/datasets/$name"
    if [ ! -f "$ds/dataset.json" ]; then
      t0=$(date +%s.%N)
      "$sl" dataset "${args[@]}" --channels "$set" --seed 1 --no-progress --threads "$threads" --out "$ds" > /dev/null
      t1=$(date +%s.%N); echo "$t0 $t1" > "$ds.seconds"
    fi
    dsec=$(awk '{printf "%.1f", $2 - $1}' "$ds.seconds")
    for regime in $regimes; do
      epochs=$full; [ "$regime" = short ] && epochs=$short
      fewer=(); [ "$regime" = small ] && fewer=(--validation 0.9)
      for seed in $seeds; do
        grep -qF "$task,\"$set\",$regime,$epochs,$seed," "$csv" && continue
        model="$out/models/$name-$regime-s$seed"; rm -rf "$model"
        "$sl" train --data "$ds" --model smallcnn "${train[@]}" "${fewer[@]}" --epochs "$epochs" --seed "$seed" --threads "$threads" --quiet --out "$model" > /dev/null
        python3 - "$model" "$task" "$set" "$regime" "$epochs" "$seed" "$dsec" >> "$csv" <<'PY'
import csv, json, sys
m, task, chans, regime, epochs, seed, dsec = sys.argv[1:]
met = json.load(open(f"{m}/metrics.json"))
secs = sum(float(r["seconds"]) for r in csv.DictReader(open(f"{m}/train_log.csv")))
print(f'{task},"{chans}",{regime},{epochs},{seed},{met["accuracy"]:.4f},{met["balanced_accuracy"]:.4f},{secs:.1f},{dsec},{met["n"]}')
PY
        tail -1 "$csv"
      done
    done
  done
done
python3 "$here/scripts/channels/table.py" "$csv" "$out/table.md"
