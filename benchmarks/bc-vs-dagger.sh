#!/usr/bin/env bash
# Reproduces the BC-vs-DAgger table in the README: ./il bench dagger (5 seeds, Driving and Pendulum),
# writing runs/bc-vs-dagger/{results.json, *.png, table}. About 12 minutes on 2 cores (Driving 11, Pendulum 1.3).
# Arguments pass through to il bench dagger, e.g. --spark-master local[2] (or spark://host:7077) runs the cells on Spark.
set -euo pipefail
cd "$(dirname "$0")/.."
./il bench dagger --fresh "$@"
