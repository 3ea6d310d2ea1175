#!/usr/bin/env bash
# Reproduces the Driving BC figures in the README: Gaussian BC with the default configuration
# (./il train bc, 2x256, beta-NLL 0.5) on the shipped expert demonstrations datasets/driving/expert.csv,
# one policy per training seed, each evaluated on the same 50 episodes of the default Driving env
# (il eval's seeds 1,000,000..1,000,049); the expert is recorded on those same episodes for the ratio.
# Writes runs/bc-driving/. About 20-30 s per seed on 2 cores (training stops early for some seeds).
# Usage: bc-driving.sh [SEED ...] (default 0 1 2 3 4)
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(0 1 2 3 4)
out=runs/bc-driving
mkdir -p "$out"
echo "== expert on the evaluation episodes"
./il generate --env driving --policy expert --episodes 50 --seed 1000000 --out "$out/expert-eval.csv" | grep -E '^(quantity|return|collision|off_road) '
for s in "${seeds[@]}"; do
  echo "== Gaussian BC, training seed $s"
  ./il train bc --data datasets/driving/expert.csv --policy gaussian --seed "$s" --out "$out/gaussian-seed$s.zip" \
    --runs "$out" --name "train-seed$s" > "$out/train-seed$s.log"
  ./il eval --policy "$out/gaussian-seed$s.zip" --env driving --episodes 50 --runs "$out" --name "eval-seed$s" \
    | grep -E '^(quantity|return|collision|off_road|lane_changes) '
done
