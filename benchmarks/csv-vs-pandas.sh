#!/usr/bin/env bash
# CSV ingest, il4j against pandas, whole process end to end, on the same file, back to back (issue 14).
# Usage: benchmarks/csv-vs-pandas.sh [ROUNDS]   (default 3)
# Needs Python 3 with pandas (Debian: apt-get install python3-pandas; set PYTHON=/path/to/python3 if the default
# python3 has no pandas). The file is 2,000 Driving expert episodes (1,002,000 rows, 29 columns), generated once
# into runs/csv-vs-pandas/. Writes runs/csv-vs-pandas/results.csv: wall seconds, CPU seconds (user + system),
# peak RSS, for each tool and round (round 0: the first run, reported apart).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-3}"
PYTHON="${PYTHON:-/usr/bin/python3}"
OUT=runs/csv-vs-pandas
FILE="$OUT/driving-2000-episodes.csv"
mkdir -p "$OUT"
"$PYTHON" -c "import pandas" 2>/dev/null || { echo "csv-vs-pandas: $PYTHON has no pandas (apt-get install python3-pandas, or set PYTHON)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "csv-vs-pandas: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
[ -f "$FILE" ] || ./il generate --env driving --episodes 2000 --seed 1 --out "$FILE"
./il --version >/dev/null   # build first, so that no round times the build
MB=$(awk -v b="$(stat -c %s "$FILE")" 'BEGIN { printf "%.1f", b / 1e6 }')
echo "file: $FILE ($MB MB); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "tool,round,wall_s,cpu_s,peak_rss_mb" > "$OUT/results.csv"
measure() { # tool round command...
  local tool=$1 round=$2; shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/time.txt" "$@" > /dev/null
  read -r wall user sys rss < "$OUT/time.txt"
  echo "$tool,$round,$wall,$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }'),$((rss / 1024))" >> "$OUT/results.csv"
}
# Round 0, not averaged: each tool once as on a user's first run. il's first run of a command also writes the launcher's
# class-data archive (il-cli/target/cds/inspect.jsa), which the later runs map; pandas' modules are compiled already.
rm -f il-cli/target/cds/inspect.jsa
measure il4j 0 ./il inspect "$FILE"
measure pandas 0 "$PYTHON" benchmarks/reference/read_csv_pandas.py "$FILE"
for r in $(seq 1 "$ROUNDS"); do
  measure il4j "$r" ./il inspect "$FILE"
  measure pandas "$r" "$PYTHON" benchmarks/reference/read_csv_pandas.py "$FILE"
done
grep ',0,' "$OUT/results.csv" | awk -F, '{ printf "first run (round 0, not in the means): %-6s %6.2f s wall %6.2f CPU-s\n", $1, $3, $4 }'
awk -F, -v mb="$MB" 'NR > 1 && $2 > 0 { n[$1]++; w[$1] += $3; c[$1] += $4; if ($5 > m[$1]) m[$1] = $5 }
  END {
    printf "%-7s %8s %8s %10s %12s\n", "tool", "wall_s", "cpu_s", "MB/wall_s", "peak_rss_MB"
    for (t in n) printf "%-7s %8.2f %8.2f %10.1f %12d\n", t, w[t] / n[t], c[t] / n[t], mb / (w[t] / n[t]), m[t]
    printf "il4j / pandas wall time: %.2f (below 1: il4j faster)\n", (w["il4j"] / n["il4j"]) / (w["pandas"] / n["pandas"])
  }' "$OUT/results.csv"
echo "rounds: $OUT/results.csv; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
