#!/usr/bin/env bash
# Reproduces the "bc" figures in the README: ./il bench bc, writing runs/bench-bc/results.json.
# Extra arguments are passed on (see ./il bench bc --help).
set -euo pipefail
cd "$(dirname "$0")/.."
./il bench bc "$@"
