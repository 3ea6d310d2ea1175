#!/usr/bin/env bash
# Reproduces the offline-RL vs imitation table in the README: ./il bench offline (BC, filtered BC with the top
# 20% of episodes, CQL; every shipped tier of Pendulum, Driving and CartPole; 3 seeds), writing
# runs/offline-vs-il/{summary.md, results.json, runs.csv, normalized-score.png}.
# Budgets (state them next to the figures): 2x64 networks everywhere; CQL 4,000 gradient steps (continuous,
# batch 256, N = 10) or 3,000 (discrete); BC 3,000 steps; 20 evaluation episodes per policy.
set -euo pipefail
cd "$(dirname "$0")/.."
./il bench offline "$@"
