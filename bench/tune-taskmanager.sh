#!/bin/sh
# docs/tuning.md's figures inside a TaskManager: `statebench tune` with Flink's stock config.yaml
# (examples/flink/config.yaml: 1728m, one slot, managed memory on) on a read-heavy (ycsb-b) and a
# mixed (ycsb-a) workload, three seeds each, one run at a time; then the verified gain per run,
# the winner's memory against the slot's bound, and the median and range per workload
# (bench/tune-table.mjs). Needs a built CLI (npm run build). About 6 x 8 minutes on 2 cores.
set -e
cd "$(dirname "$0")/.."
OUT=${1:-/tmp/statebench-tune-taskmanager}
for w in ycsb-b ycsb-a; do
  for seed in 1 2 3; do
    mkdir -p "$OUT/$w-$seed"
    start=$(date +%s)
    node bin/statebench.js tune -b lsm -w "$w" --flink-conf examples/flink/config.yaml --seed "$seed" --out "$OUT/$w-$seed" > "$OUT/$w-$seed/tune.txt" 2> "$OUT/$w-$seed/progress.txt"
    echo $(( $(date +%s) - start )) > "$OUT/$w-$seed/seconds"
  done
done
node bench/tune-table.mjs "$OUT"
