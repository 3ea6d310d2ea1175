#!/usr/bin/env bash
# BC on a 100M-step Driving dataset that does not fit the heap (issue 14): generates (or reuses) a sharded dataset
# of expert Driving episodes, then trains BC for a fixed number of gradient steps twice, each in its own JVM under
# -Xmx2g: in memory on its first 1M steps, and streamed over all shards. Peak RSS per phase comes from
# /usr/bin/time -v (the whole process) and from the JVM's own VmHWM. About 5 min to generate 100M steps on 2 cores
# (10 GB on disk), 1.5 min for the streamed phase's one pass over every shard.
# Usage: sharded-bc.sh [DATA_DIR] [STEPS] (default runs/bench-shards-data 100000000)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-runs/bench-shards-data}
steps=${2:-100000000}
out=runs/bench-shards
mkdir -p "$out"
export IL_JAVA_OPTS="-Xmx2g"
for phase in generate in-memory streamed; do
  echo "== $phase"
  /usr/bin/time -v -o "$out/$phase.time" ./il bench shards --phase "$phase" --dir "$data" --steps "$steps" --runs "$out" \
    | tee "$out/$phase.log" | grep -vE '^\s*$'
  grep -E 'Maximum resident|Elapsed' "$out/$phase.time"
done
