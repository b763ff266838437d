#!/usr/bin/env bash
# Live explanation of an uploaded 1 s WAV (serve --model, 4 methods) on a model made the default
# demo's way (smallcnn, vowels at 64x64 below 4000 Hz; one epoch on a small corpus: the time does
# not depend on the weights). Serves on loopback, uploads the WAV REPS times one after another and
# prints each job's own seconds (the server's) and the client's wall time from POST to done
# (polling every 50 ms). Goal (issue 19): within 2 s on 2 cores. Run under /work/wt/quiet to report.
# Usage: scripts/bench/serve_upload.sh [work=/tmp/serve-upload-bench] [reps=6] [port=18765]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-/tmp/serve-upload-bench}"; reps="${2:-6}"; port="${3:-18765}"
# SPECTROLENS_CLASSPATH: run prebuilt jars (e.g. a copy, so that editing sources meanwhile cannot trigger a rebuild)
if [ -z "${SPECTROLENS_CLASSPATH:-}" ]; then
  "$here/spectrolens" --version >/dev/null   # builds the jars once if needed
fi
cp="${SPECTROLENS_CLASSPATH:-$here/cli/target/spectrolens-cli.jar:$here/cli/target/lib/*}"
run() { GOMP_SPINCOUNT=20000 java -Xmx4g -Dai.djl.offline=true -cp "$cp" org.spectrolens.cli.Main "$@"; }
mkdir -p "$work/empty"
if [ ! -f "$work/model/config.json" ]; then
  rm -rf "$work/corpus" "$work/ds" "$work/model"
  run synth --out "$work/corpus" --utterances 12 --seed 1
  run dataset --corpus "$work/corpus" --task vowels --fmax 4000 --size 64x64 --group-by speaker --stress any --out "$work/ds" --no-progress --threads 2
  run train --data "$work/ds" --model smallcnn --out "$work/model" --epochs 1 --quiet --threads 2
fi
wav="$work/one-second.wav"
/usr/bin/python3 "$here/scripts/bench/one_second_wav.py" "$work/corpus" "$wav"
# exec in the subshell: $! is the server's JVM itself, which the trap below stops (not a shell around it)
(GOMP_SPINCOUNT=20000 exec java -Xmx4g -Dai.djl.offline=true -cp "$cp" org.spectrolens.cli.Main serve "$work/empty" --model "$work/model" \
  --port "$port") > "$work/serve.log" 2>&1 &
pid=$!
trap 'kill $pid' EXIT
for i in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$port/api/live" && break; sleep 0.5; done
json() { /usr/bin/python3 -c "import json,sys; j=json.load(sys.stdin); print($1)"; }
for i in $(seq 1 "$reps"); do
  t0=$(date +%s.%N)
  id=$(curl -s -X POST --data-binary @"$wav" "http://127.0.0.1:$port/api/upload?name=one-second.wav" | json 'j["id"]')
  while :; do
    st=$(curl -s "http://127.0.0.1:$port/api/upload?id=$id" | json 'j["state"], j.get("seconds"), j["done"], j["total"]')
    case "$st" in done*|failed*) break;; esac
    sleep 0.05
  done
  t1=$(date +%s.%N)
  echo "upload $i: state, server seconds, methods done, total: $st; client $(echo "$t1 - $t0" | bc) s"
done
