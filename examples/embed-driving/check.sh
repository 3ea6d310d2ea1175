#!/usr/bin/env bash
# CI check of the embedding example: builds it against the il-runtime installed in the local Maven
# repository (run `mvn -B -q install -DskipTests` in the il4j root first), fails if its dependency tree holds
# any ND4J, DL4J or JavaCPP/OpenBLAS artifact, then runs the simulation loop and checks its verdict.
set -euo pipefail
cd "$(dirname "$0")"
tree=$(mvn -B -q dependency:tree -DoutputFile=/dev/stdout)
echo "$tree"
if grep -E 'org\.nd4j|org\.deeplearning4j|org\.bytedeco' <<<"$tree"; then
  echo "embed-driving: the example's dependency tree holds native/ND4J artifacts (above); il-runtime must not pull them" >&2
  exit 1
fi
out=$(mvn -B -q compile exec:java)
echo "$out"
grep -q '^OK: every car kept to the road' <<<"$out"
