#!/usr/bin/env bash
# Figures for docs/durability.md: checkpoint cost and restore per backend, the cost of --verify
# (side by side, same seed), and the durability table of the six reference configurations.
# Usage: bash bench/durability-figures.sh [out-dir]   (needs `npm run build`; ~4 minutes)
set -euo pipefail
OUT=${1:-$(mktemp -d -t sb-durability-XXXX)}
SB="node $(dirname "$0")/../bin/statebench.js"
mkdir -p "$OUT"

summarise_checkpoints() {
  node -e '
const d = JSON.parse(require("fs").readFileSync(process.argv[1]));
const f = (x) => x === null || x === undefined ? "-" : Math.round(x).toLocaleString("en-US");
console.log("cell | ops/s (phase) | ops/s incl. checkpoints | checkpoints | mean ms | max ms | mean MiB | mean incr. MiB | p99 us during / outside | restore open ms | restore ok");
for (const c of d.cells) {
  if (c.status !== "ok") { console.log(c.id, c.status, c.error ?? ""); continue; }
  const cps = c.checkpoints.slice(0, -1); // the final one follows the run phase
  const mean = (g) => cps.length ? cps.reduce((s, x) => s + g(x), 0) / cps.length : null;
  const k = c.checkpointCost;
  console.log([c.id, f(c.phases.run.throughputOpsPerSec), f(k.throughputWithCheckpointsOpsPerSec), cps.length,
    f(mean((x) => x.durationMs)), f(k.maxMs), (mean((x) => x.bytes) / 1048576).toFixed(1), (mean((x) => x.incrementalBytes ?? 0) / 1048576).toFixed(1),
    `${k.p99DuringUs} / ${k.p99OutsideUs}`, c.restore.openMs.toFixed(1), `${c.restore.ok} (${c.restore.restoredKeys}/${c.restore.expectedKeys} keys)`].join(" | "));
}' "$1"
}

echo "== checkpoints every 5s, ycsb-a, 100k records, 20s run phase, closed loop"
$SB run -b heap,lmdb,lsm -w ycsb-a --records 100000 --duration 20s --checkpoint-interval 5s --semantics per-write --out "$OUT/cp" --json > "$OUT/cp.json"
summarise_checkpoints "$OUT/cp.json"

echo "== the same, open loop at 10,000 ops/s (ops queued behind a checkpoint carry its wait)"
$SB run -b heap,lmdb,lsm -w ycsb-a --records 100000 --duration 20s --checkpoint-interval 5s --target-rate 10000 --semantics per-write --out "$OUT/cp-open" --json > "$OUT/cp-open.json"
summarise_checkpoints "$OUT/cp-open.json"

echo "== --verify against no verify (same seed, side by side, value-state, 5s)"
$SB run -b heap,lmdb,lsm -w value-state --records 100000 --duration 5s --out "$OUT/plain" --json > "$OUT/plain.json"
$SB run -b heap,lmdb,lsm -w value-state --records 100000 --duration 5s --verify --out "$OUT/verify" --json > "$OUT/verify.json"
node -e '
const read = (p) => JSON.parse(require("fs").readFileSync(p)).cells;
const a = read(process.argv[1]), b = read(process.argv[2]);
for (const c of a) {
  const v = b.find((x) => x.backend === c.backend);
  const r = (x) => x.phases.run.throughputOpsPerSec;
  console.log(`${c.backend}: ${Math.round(r(c))} ops/s plain, ${Math.round(r(v))} ops/s with --verify (x${(r(v) / r(c)).toFixed(2)}); checked ${v.verify.checked}, mismatches ${v.verify.mismatches}, lost ${v.verify.lost}`);
}' "$OUT/plain.json" "$OUT/verify.json"

echo "== durability: SIGKILL at 5 seeded moments per configuration"
$SB durability -b lsm --set lsm.walEnabled=true,false --json > "$OUT/d1.json"
$SB durability -b lsm --set lsm.syncWrites=true --json > "$OUT/d2.json"
$SB durability -b lmdb --set lmdb.noSync=false,true --json > "$OUT/d3.json"
$SB durability -b lmdb --set lmdb.writePath=sync --set lmdb.writeBatchOps=1000 --json > "$OUT/d4.json"
$SB durability -b heap --json > "$OUT/d5.json"
node -e '
for (const p of process.argv.slice(1)) {
  for (const c of JSON.parse(require("fs").readFileSync(p)).configurations) {
    const k = Object.entries(c.knobs).map(([n, v]) => `${n}=${v}`).join(",") || "(defaults)";
    console.log(`${c.backend} ${k} | ${c.rounds} | ${c.acknowledged} | ${c.lost} | ${c.roundsWithLoss}/${c.rounds} | ${c.perRound.map((r) => r.lost).join(" ")}`);
  }
}' "$OUT"/d*.json
echo "outputs in $OUT"
