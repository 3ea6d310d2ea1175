#!/usr/bin/env bash
# Reproduces the Driving GCBC figures in the README (issue #4): goal-conditioned BC with hindsight relabeling
# (./il train bc --goal-conditioned, Gaussian head, 5,000 steps without a validation split, as DrivingGcbcTest)
# on the shipped demonstrations
# datasets/driving-goal/expert.csv, per relabeling strategy and training seed, each evaluated by success rate
# on the same 100 episodes of driving-goal (il eval's seeds 1,000,000..1,000,099: goals drawn by the env,
# never a training episode's). The goal columns name the observation dims relabeling reads (goal_lane_index,
# goal_speed), and relabeling replaces the stored goals, so no evaluation goal is ever a training label.
# The goal-blind baseline is plain BC on the same file, evaluated on the same episodes (il eval gives it
# the observation alone). Writes runs/gcbc-driving/. About 15 s per policy on 2 cores.
# Usage: gcbc-driving.sh [SEED ...] (default 0 1 2); RELABEL="final future" to choose strategies.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(0 1 2)
read -r -a relabels <<< "${RELABEL:-final future}"
data=datasets/driving-goal/expert.csv
out=runs/gcbc-driving
train=(--policy gaussian --steps 5000 --validation 0)
mkdir -p "$out"
evaluate() { # policy name
  ./il eval --policy "$1" --env driving-goal --episodes 100 --runs "$out" --name "eval-$2" | grep -E '^(quantity|success|collision|off_road) '
}
for s in "${seeds[@]}"; do
  for r in "${relabels[@]}"; do
    echo "== GCBC, relabel $r, training seed $s"
    ./il train bc --data "$data" "${train[@]}" --goal-conditioned --relabel "$r" --seed "$s" \
      --out "$out/gcbc-$r-seed$s.zip" --runs "$out" --name "train-$r-seed$s" > "$out/train-$r-seed$s.log"
    evaluate "$out/gcbc-$r-seed$s.zip" "$r-seed$s"
  done
  echo "== goal-blind baseline: plain BC, training seed $s"
  ./il train bc --data "$data" "${train[@]}" --seed "$s" --out "$out/blind-seed$s.zip" --runs "$out" \
    --name "train-blind-seed$s" > "$out/train-blind-seed$s.log"
  evaluate "$out/blind-seed$s.zip" "blind-seed$s"
done
