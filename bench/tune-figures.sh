#!/bin/sh
# The verified-advice figures of docs/tuning.md: the stall rule on a write-heavy mix with a
# deliberately small write buffer and few L0 triggers, verified with repeats. (tune's figures:
# bench/tune-seeds.sh.) Needs a built CLI (npm run build). About 10 minutes on 2 busy cores.
set -e
cd "$(dirname "$0")/.."
OUT=${1:-/tmp/statebench-tune-figures}
node bin/statebench.js run -b lsm -w fillrandom --records 200000 --ops 200000 --value-size 400 \
  --set lsm.writeBufferSize=1MiB --set lsm.level0FileNumCompactionTrigger=2 \
  --set lsm.level0SlowdownWritesTrigger=4 --set lsm.level0StopWritesTrigger=6 \
  --warmup 0 --semantics per-write --verify-advice --verify-repeats 5 --out "$OUT/stall"
node -e '
const d = require(process.argv[1]);
for (const r of d.recommendations) {
  const v = r.verification;
  console.log(`${r.id}: ${JSON.stringify(r.suggestion.changes)} -> ${v ? `${v.status} throughput ${v.changePct}% [${v.ciLowPct}, ${v.ciHighPct}]` : "not verified"}`);
  for (const e of v?.effects ?? []) console.log(`    ${e.metric} ${e.changePct}% [${e.ciLowPct}, ${e.ciHighPct}]`);
}' "$OUT/stall/results.json"
