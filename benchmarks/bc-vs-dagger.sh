#!/usr/bin/env bash
# Reproduces the BC-vs-DAgger table in the README: ./il bench dagger (5 seeds, Driving and Pendulum),
# writing runs/bc-vs-dagger/{results.json, *.png, table}. About 5 minutes on 2 cores (9 under load).
set -euo pipefail
cd "$(dirname "$0")/.."
./il bench dagger --fresh "$@"
