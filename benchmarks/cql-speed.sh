#!/usr/bin/env bash
# Continuous CQL training speed, il4j against single-threaded PyTorch (the il-offline issue's speed target: il4j
# at >= 1.0x the steps per second of an equivalent PyTorch CQL step on this machine).
# Runs, back to back and alternating (ROUNDS times, niced): benchmarks/reference/cql_step_torch.py (our own
# PyTorch CQL(H) step: twin 2x256 critics, 2x256 tanh-Gaussian actor, batch 256, N = 10 sampled actions of three
# kinds, Driving's 22-dim observations and 2-dim actions, torch.set_num_threads(1), one OpenBLAS thread, the
# tuned-malloc settings of DESIGN.md) in two forms: "equivalent", drawing a state's N policy actions from one actor
# forward as il4j does, and "repeated", forwarding the N-times repeated states as CORL and d3rlpy do; then
# `il bench cql` (the step on il4j's kernel, one thread). Prints each measurement and the ratios il4j / PyTorch of
# the medians, per CPU-second of the process (robust to a loaded machine) and per wall-clock second; writes
# runs/cql-speed/results.json.
# Needs Python 3 with torch (Debian: python3-torch); PYTHON=... picks another interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=runs/cql-speed
ROUNDS=${ROUNDS:-2}
PY=${PYTHON:-/usr/bin/python3}
WINDOWS=${WINDOWS:-5}
WINDOW_SECONDS=${WINDOW_SECONDS:-3}
if ! "$PY" -c "import torch" 2>/dev/null; then
  echo "cql-speed.sh: $PY has no torch; install python3-torch or set PYTHON to an interpreter with torch" >&2
  exit 1
fi
mkdir -p "$OUT"
./il --version >/dev/null # build once, before timing
start=$(date +%s)
for r in $(seq 1 "$ROUNDS"); do
  echo "round $r: $(uptime)"
  for form in equivalent repeated; do
    flag=""; [ "$form" = equivalent ] && flag="--shared-actor-forward"
    OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=1073741824 \
      MALLOC_TOP_PAD_=67108864 nice -n 10 "$PY" benchmarks/reference/cql_step_torch.py --windows "$WINDOWS" \
      --window-seconds "$WINDOW_SECONDS" $flag > "$OUT/pytorch-$form-$r.json"
    cat "$OUT/pytorch-$form-$r.json"; echo
  done
  nice -n 10 ./il bench cql --windows "$WINDOWS" --window-seconds "$WINDOW_SECONDS" --out "$OUT/il4j-$r" | grep -v "^results:"
done
"$PY" - "$OUT" "$ROUNDS" <<'PYEOF'
import json, os, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
load = lambda f: json.load(open(os.path.join(out, f)))
il_runs = [load("il4j-%d/results.json" % r)["rows"][0] for r in range(1, rounds + 1)]
i_cpu = statistics.median(i["stepsPerCpuSecond"] for i in il_runs)
i_wall = statistics.median(i["stepsPerSecond"] for i in il_runs)
result = {"rounds": rounds, "il4j_steps_per_cpu_second": i_cpu, "il4j_steps_per_second": i_wall, "il4j": il_runs}
print("continuous CQL step, medians of %d rounds:" % rounds)
print("  il4j:                %.2f steps per CPU-s, %.2f steps/s wall" % (i_cpu, i_wall))
for form in ("equivalent", "repeated"):
    runs = [load("pytorch-%s-%d.json" % (form, r)) for r in range(1, rounds + 1)]
    t_cpu = statistics.median(t["steps_per_cpu_second"] for t in runs)
    t_wall = statistics.median(t["steps_per_second"] for t in runs)
    result[form] = {"pytorch_steps_per_cpu_second": t_cpu, "pytorch_steps_per_second": t_wall, "ratio_per_cpu_second": i_cpu / t_cpu,
                    "ratio_wall_clock": i_wall / t_wall, "runs": runs}
    print("  PyTorch, %-11s %.2f steps per CPU-s, %.2f steps/s wall  ->  il4j / PyTorch %.2fx per CPU-second, %.2fx wall-clock"
          % (form + ":", t_cpu, t_wall, i_cpu / t_cpu, i_wall / t_wall))
result["load_average_end"] = os.getloadavg()[0]
json.dump(result, open(os.path.join(out, "results.json"), "w"), indent=2)
PYEOF
echo "wall time: $(( $(date +%s) - start )) s; results: $OUT/results.json"
