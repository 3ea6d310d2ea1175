#!/usr/bin/env bash
# Reproduces the "envs" figures in the README: ./il bench envs, writing runs/bench-envs/results.json.
# Extra arguments are passed on (see ./il bench envs --help).
set -euo pipefail
cd "$(dirname "$0")/.."
./il bench envs "$@"
