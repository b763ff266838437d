#!/usr/bin/env bash
# Times `spectrolens dataset` on a synthetic LJSpeech-layout corpus, with 1 thread and with all
# cores. Usage: scripts/bench/dataset_build.sh [UTTERANCES=100]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-100}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$here/scripts/bench/synth_lj_corpus.py" "$work/lj" "$n"
"$here/spectrolens" --help >/dev/null # build once, outside the timings
for threads in 1 0; do
  /usr/bin/time -f "threads=$threads (0 = all $(nproc) cores): wall %e s, user %U s, max RSS %M KB" \
    "$here/spectrolens" dataset --corpus "$work/lj" --task vowels --out "$work/ds" --fmax 4000 --no-progress --threads "$threads" \
    | head -1
done
