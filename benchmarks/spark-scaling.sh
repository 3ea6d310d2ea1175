#!/usr/bin/env bash
# Spark's overhead and executor scaling on one machine (issue 14): the reduced DAgger sweep (16 cells) run plain,
# with --spark-master local[1] and with --spark-master local[2], interleaved, ROUNDS times. Prints wall seconds per
# run and the means, and checks that every run wrote the plain run's PNGs byte for byte. Run it on a quiet machine:
# other jobs on the same cores decide the result.
# Usage: benchmarks/spark-scaling.sh [ROUNDS]   (default 3; about 80 s per round on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-3}"
OUT=runs/spark-scaling
mkdir -p "$OUT"
./il --version >/dev/null                        # build first, so that no round times the build
./il bench dagger --help --spark-master local[1] >/dev/null 2>&1 || true   # and il-spark (built on first use)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "mode,round,wall_s" > "$OUT/times.csv"
for r in $(seq 1 "$ROUNDS"); do
  for mode in plain local1 local2; do
    case $mode in plain) flag=();; local1) flag=(--spark-master 'local[1]');; local2) flag=(--spark-master 'local[2]');; esac
    start=$(date +%s.%N)
    ./il bench dagger --quick --tasks driving,pendulum --seeds 2 --fresh --out "$OUT/$mode-$r" "${flag[@]}" > "$OUT/$mode-$r.log" 2>&1
    end=$(date +%s.%N)
    wall=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')
    echo "$mode,$r,$wall" >> "$OUT/times.csv"
    echo "round $r $mode: $wall s (load $(cut -d' ' -f1 /proc/loadavg))"
    if [ "$mode" != plain ]; then
      cmp -s <(cat "$OUT/plain-$r"/*.png) <(cat "$OUT/$mode-$r"/*.png) || { echo "spark-scaling: $mode-$r PNGs differ from plain-$r" >&2; exit 1; }
    fi
  done
done
awk -F, 'NR > 1 { n[$1]++; w[$1] += $2 } END {
  for (m in n) printf "%-7s mean %6.1f s  (%.2f x plain)\n", m, w[m] / n[m], (w[m] / n[m]) / (w["plain"] / n["plain"]) }' "$OUT/times.csv"
echo "times: $OUT/times.csv; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
