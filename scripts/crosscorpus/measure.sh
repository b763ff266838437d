#!/usr/bin/env bash
# Cross-corpus accuracy of the built-in models (issue 23 part 5): how much of what a smallcnn
# learns from the built-in synthesiser carries over to other voices.
#   scripts/crosscorpus/measure.sh OUT [MODELS] [EXTRA.csv ...]
# MODELS: a demo output (demo-out/<experiment>/model for vowels-fullband, vowels-4k, voicing-4k).
#   Without it the three models are trained here exactly as `demo` trains them (600 utterances,
#   seed 1, speaker-independent split, 64x64, every stress, smallcnn, 3 epochs), in OUT/builtin.
# EXTRA.csv: further corpora as CSV manifests (path,label,start,end,speaker; ARPAbet or any
#   label LabelMap reads), e.g. real recordings with forced alignments; each is measured too.
# Writes OUT/voices (scripts/crosscorpus/voices.py: 21 voices of espeak-ng, flite and festival,
# 22 lines each), one dataset and evaluation per experiment and corpus, and OUT/table.md: accuracy
# per experiment over the report voices (the tune voices apart), per class and per voice.
# Needs espeak-ng, flite, festival and praat (Debian packages) and /usr/bin/python3.
# OUT/voices/formants.csv: Praat's F1-F3 of every vowel token (formants.praat), summarised last.
# Environment: THREADS (default 2), SPECTROLENS (another launcher); for before/after runs of a change:
#   EXPERIMENTS (default "vowels-fullband vowels-4k voicing-4k"), SYNTH_ARGS (extra synth options, e.g.
#   "--vowels connected"), TRAIN_ARGS (extra train options, e.g. "--augment").
set -euo pipefail
out="$1"; shift
models="${1:-}"; [ $# -gt 0 ] && shift
here="$(cd "$(dirname "$0")/../.." && pwd)"
sl="${SPECTROLENS:-$here/spectrolens}"
threads="${THREADS:-2}"
mkdir -p "$out"; out="$(cd "$out" && pwd)"
experiments="${EXPERIMENTS:-vowels-fullband vowels-4k voicing-4k}"
read -r -a synth_args <<< "${SYNTH_ARGS:-}"
read -r -a train_args <<< "${TRAIN_ARGS:-}"

if [ -z "$models" ]; then
  models="$out/builtin"
  corpus="$models/corpus"
  [ -f "$corpus/synth.json" ] || "$sl" synth --out "$corpus" --utterances 600 --seed 1 "${synth_args[@]}"
  for e in $experiments; do
    case "$e" in
      vowels-fullband) args=(--task vowels --stress any) ;;
      vowels-4k) args=(--task vowels --stress any --fmax 4000) ;;
      voicing-4k) args=(--task voicing --fmax 4000) ;;
    esac
    ds="$models/$e/dataset"; model="$models/$e/model"
    [ -f "$ds/dataset.json" ] || "$sl" dataset --corpus "$corpus" "${args[@]}" --out "$ds" --group-by speaker --size 64x64 --seed 1 \
      --no-progress --threads "$threads"
    [ -f "$model/config.json" ] || "$sl" train --data "$ds" --model smallcnn --out "$model" --epochs 3 --seed 1 --threads "$threads" --quiet "${train_args[@]}"
    "$sl" evaluate --model "$model" --data "$ds" --out "$models/$e/metrics.json" --threads "$threads" --force > /dev/null
  done
fi
models="$(cd "$models" && pwd)"

[ -f "$out/voices/manifest.csv" ] || /usr/bin/python3 "$here/scripts/crosscorpus/voices.py" "$out/voices"
[ -f "$out/voices/formants.csv" ] || (cd /tmp && praat --run "$here/scripts/crosscorpus/formants.praat" "$out/voices/manifest.csv" \
  "$out/voices/formants.csv")
corpora=("$out/voices/manifest.csv" "$@")

for c in "${corpora[@]}"; do
  name="$(basename "$(dirname "$c")")"
  for e in $experiments; do
    task="${e%%-*}"; stress=(); [ "$task" = vowels ] && stress=(--stress any)
    ds="$out/$name/$e/dataset"
    [ -f "$ds/dataset.json" ] || "$sl" dataset --corpus "$c" --task "$task" "${stress[@]}" --frontend-from "$models/$e/model" \
      --out "$ds" --no-progress --threads "$threads" > /dev/null
    "$sl" evaluate --model "$models/$e/model" --data "$ds" --split all --by speaker --out "$out/$name/$e/metrics.json" \
      --threads "$threads" --force > /dev/null
  done
done
/usr/bin/python3 "$here/scripts/crosscorpus/table.py" "$out" "$models" $experiments | tee "$out/table.md"
