#!/usr/bin/env bash
# Reproduces the "io" figures in the README: ./il bench io, writing runs/bench-io/results.json.
# Extra arguments are passed on (see ./il bench io --help).
set -euo pipefail
cd "$(dirname "$0")/.."
./il bench io "$@"
