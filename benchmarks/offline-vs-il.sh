#!/usr/bin/env bash
# Reproduces the offline-RL vs imitation table in the README: ./il bench offline (BC, filtered BC with the top
# 20% of episodes, CQL; every shipped tier of Pendulum, Driving and CartPole), one process per seed (3 seeds,
# niced, in parallel), then merged into runs/offline-vs-il/{summary.md, results.json, normalized-score.png};
# per-seed rows in runs/offline-vs-il/seed-<s>/runs.csv.
# Budgets (stated next to the figures; about 21 min wall on the shared 2-core machine at load 4-10): 2x64
# networks everywhere; continuous CQL 6,000 gradient steps (batch 256, N = 5 sampled actions of each kind, alpha 5,
# no BC warm-up); discrete CQL 2,000 steps (batch 256); BC and filtered BC 2,000 steps; 10 evaluation episodes per
# policy. The library defaults (CqlConfig: 2x256, 50,000 steps, N = 10) are larger.
# Extra arguments go to every per-seed run (e.g. --cql-steps 4000 --tasks cartpole).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=runs/offline-vs-il
SEEDS=${SEEDS:-3}
mkdir -p "$OUT"
./il --version >/dev/null # build once, before the parallel runs
start=$(date +%s)
pids=()
dirs=()
for s in $(seq 0 $((SEEDS - 1))); do
  nice -n 10 ./il bench offline --first-seed "$s" --seeds 1 --cql-steps 6000 --discrete-cql-steps 2000 --sampled-actions 5 --bc-steps 2000 --eval-episodes 10 --out "$OUT/seed-$s" "$@" > "$OUT-seed-$s.log" 2>&1 &
  pids+=($!)
  dirs+=("$OUT/seed-$s")
done
for p in "${pids[@]}"; do wait "$p"; done
./il bench offline --merge "$(IFS=,; echo "${dirs[*]}")" --out "$OUT" "$@"
echo "wall time: $(( $(date +%s) - start )) s"
