#!/bin/sh
# docs/tuning.md's tune figures without a TaskManager: `statebench tune --unbounded-memory` within
# 256 MiB on a read-heavy (ycsb-b), a mixed (ycsb-a) and a write-heavy (overwrite) workload, three
# seeds each, one run at a time;
# then the verified gain per run and its median and range per workload (bench/tune-table.mjs).
# Needs a built CLI (npm run build). About 9 x 10 minutes on 2 cores.
set -e
cd "$(dirname "$0")/.."
OUT=${1:-/tmp/statebench-tune-seeds}
for w in ycsb-b ycsb-a overwrite; do
  for seed in 1 2 3; do
    mkdir -p "$OUT/$w-$seed"
    start=$(date +%s)
    node bin/statebench.js tune -b lsm -w "$w" --unbounded-memory --memory-budget 256MiB --seed "$seed" --out "$OUT/$w-$seed" > "$OUT/$w-$seed/tune.txt" 2> "$OUT/$w-$seed/progress.txt"
    echo $(( $(date +%s) - start )) > "$OUT/$w-$seed/seconds"
  done
done
node bench/tune-table.mjs "$OUT"
