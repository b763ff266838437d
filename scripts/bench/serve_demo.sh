#!/usr/bin/env bash
# The explorer's speed on a demo's output (issue 19's done-means), timed by the page itself
# (Performance API) in headless chromium through its chromedriver: item views from the click on
# each run (items with maps, made ahead at start, and items without, made on the click), a 1 s WAV
# of the demo's corpus uploaded and explained with 4 methods on its vowels-4k model, and the items
# table filtered and sorted at 10,000 rows (a run made from the demo's vowels-4k rows repeated under
# WORK/big: the demo has no run that large). The driver is cli's test class ServeTimings (with the
# browser test's ExplorerPage). The first run also makes the large run and its gradcam maps (explain
# on 10,000 items, a minute or two: SERVE_DEMO_PREPARE_ONLY=1 stops there, to run it under heavy).
# Run the timings under /work/wt/quiet to report.
# Usage: scripts/bench/serve_demo.sh DEMO_DIR [work=/tmp/serve-demo-bench] [clicks per kind=6]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
demo="$(cd "${1:?usage: serve_demo.sh DEMO_DIR [WORK] [CLICKS]}" && pwd)"; work="${2:-/tmp/serve-demo-bench}"; clicks="${3:-6}"
[ -f "$demo/vowels-4k/model/config.json" ] || { echo "serve_demo.sh: $demo: not a demo output (no vowels-4k/model/config.json)" >&2; exit 1; }
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || { echo "serve_demo.sh: needs chromium and chromium-driver (apt-get install)" >&2; exit 1; }
mkdir -p "$work"; work="$(cd "$work" && pwd)"
# SPECTROLENS_TEST_CLASSPATH: run prebuilt jars (so that editing sources meanwhile cannot change what is timed)
cp="${SPECTROLENS_TEST_CLASSPATH:-}"
if [ -z "$cp" ]; then
  (cd "$here" && mvn -B -o -q -pl cli -am package -DskipTests dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/classpath.txt")
  cp="$here/cli/target/spectrolens-cli-tests.jar:$here/cli/target/spectrolens-cli.jar:$(cat "$work/classpath.txt")"
fi
run() { GOMP_SPINCOUNT=20000 java -Xmx4g -Dai.djl.offline=true -cp "$cp" "$@"; }
if [ ! -f "$work/big/explain/explain.json" ]; then
  # the large run, and its gradcam maps (as the demo makes them) for /api/means at 10,000 items
  run org.spectrolens.serve.ServeTimings prepare "$demo" "$work"
  run org.spectrolens.cli.Main explain --model "$demo/vowels-4k/model" --data "$work/big/dataset" --split all --methods gradcam --layer conv3 \
    --no-png --quiet --out "$work/big/explain"
fi
[ -n "${SERVE_DEMO_PREPARE_ONLY:-}" ] && exit 0
wav="$work/one-second.wav"
/usr/bin/python3 "$here/scripts/bench/one_second_wav.py" "$demo/corpus" "$wav"
run org.spectrolens.serve.ServeTimings "$demo" "$work" "$wav" "$clicks"
