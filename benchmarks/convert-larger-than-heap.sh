#!/usr/bin/env bash
# A CSV log larger than the Java heap converts into shards (il convert --shard-steps streams it), while loading the
# same file whole fails with a one-line out-of-memory message (issue 14).
# Usage: benchmarks/convert-larger-than-heap.sh [HEAP] [SHARD_STEPS]   (defaults: 96m, 25000)
# The input is 2,000 Driving expert episodes (1,000,000 steps, 206 MB of CSV, 96 MB as float32), generated once into
# runs/convert-larger-than-heap/.
set -euo pipefail
cd "$(dirname "$0")/.."
HEAP="${1:-96m}"
SHARD_STEPS="${2:-25000}"
OUT=runs/convert-larger-than-heap
FILE="$OUT/driving-2000-episodes.csv"
mkdir -p "$OUT"
[ -x /usr/bin/time ] || { echo "convert-larger-than-heap: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
[ -f "$FILE" ] || ./il generate --env driving --episodes 2000 --seed 1 --out "$FILE"
./il --version >/dev/null   # build first
echo "input: $FILE ($(du -h "$FILE" | cut -f1)); heap -Xmx$HEAP; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
set +e
IL_JAVA_OPTS="-Xmx$HEAP" /usr/bin/time -f "%e s wall, %U s user, %M KB peak RSS" -o "$OUT/whole.time" \
  ./il convert "$FILE" "$OUT/whole.npz" > "$OUT/whole.log" 2>&1
whole=$?
IL_JAVA_OPTS="-Xmx$HEAP" /usr/bin/time -f "%e s wall, %U s user, %M KB peak RSS" -o "$OUT/streamed.time" \
  ./il convert "$FILE" "$OUT/shards" --shard-steps "$SHARD_STEPS" > "$OUT/streamed.log" 2>&1
streamed=$?
set -e
echo "load whole, then write NPZ:   exit $whole  ($(cat "$OUT/whole.time"))"
grep -h "out of memory" "$OUT/whole.log" || true
echo "stream into shards of $SHARD_STEPS: exit $streamed  ($(cat "$OUT/streamed.time"))"
grep -h "^wrote" "$OUT/streamed.log" || tail -3 "$OUT/streamed.log"
[ "$streamed" = 0 ] && ./il inspect "$OUT/shards" 2>/dev/null | head -4
