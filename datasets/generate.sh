#!/usr/bin/env bash
# Regenerates every shipped dataset and writes the dataset cards (datasets/README.md). Deterministic:
# the same command reproduces each file byte for byte (ShippedDatasetsTest checks the sample file).
set -euo pipefail
cd "$(dirname "$0")/.."
cards=$(mktemp)
gen() { # out env tier episodes seed [extra il generate options...]
  local out=$1 env=$2 tier=$3 episodes=$4 seed=$5; shift 5
  local cmd="./il generate --env $env --policy $tier --episodes $episodes --seed $seed${*:+ $*} --out $out"
  echo "== $cmd" >&2
  mkdir -p "$(dirname "$out")"
  local table
  table=$(CI=1 $cmd 2>/dev/null)
  {
    echo "### \`$out\`"
    echo
    echo "\`$cmd\` ($(du -k "$out" | cut -f1) KB)"
    echo
    echo '```'
    echo "$table" | grep -v '^wrote '
    echo '```'
    echo
  } >> "$cards"
}
gen datasets/sample/driving-expert.csv driving expert 5 7 -o max_steps=200
gen datasets/driving/expert.csv driving expert 200 1 -o start_offset=1.75 -o start_heading=0.3 -o steer_noise=0.01
# The quickstart's plain-BC baseline: the same perturbed starts, no executed-action noise (first 40 episodes).
gen datasets/driving/expert-clean.csv driving expert 40 1 -o start_offset=1.75 -o start_heading=0.3
gen datasets/driving/medium.csv driving medium 30 1001
gen datasets/driving/random.csv driving random 30 2001
gen datasets/driving/mixed.csv driving mixed 30 3001
gen datasets/driving-goal/expert.csv driving-goal expert 200 1 -o start_offset=1.75 -o start_heading=0.3 -o steer_noise=0.01
gen datasets/cartpole/expert.csv cartpole expert 20 1
gen datasets/cartpole/medium.csv cartpole medium 20 1001
gen datasets/cartpole/random.csv cartpole random 40 2001
gen datasets/pendulum/expert.csv pendulum expert 30 1
gen datasets/pendulum/medium.csv pendulum medium 30 1001
gen datasets/pendulum/random.csv pendulum random 30 2001
gen datasets/pointmass/expert.csv pointmass expert 200 1
gen datasets/pointmass-obstacle/expert.csv pointmass-obstacle expert 200 1
cat datasets/README.head.md "$cards" > datasets/README.md
rm -f "$cards"
