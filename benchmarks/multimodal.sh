#!/usr/bin/env bash
# Reproduces the "multimodal" figures in the README: ./il bench multimodal, writing runs/bench-multimodal/results.json.
# Extra arguments are passed on (see ./il bench multimodal --help).
set -euo pipefail
cd "$(dirname "$0")/.."
./il bench multimodal "$@"
