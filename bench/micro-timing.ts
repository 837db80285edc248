// How per-call timing (tinybench, one clock pair around every call) compares with a raw loop's
// cost per call (wall clock over many calls, no clock inside), for the same task bodies on the
// same preloaded backend, side by side in one process. Shows where the timer's floor sits.
// Run: npx tsx bench/micro-timing.ts [--backend heap] [--records 100000] [--time 300] [--rounds 5]

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import { loadBackend } from '../backends/registry.js';
import type { BatchOp } from '../backends/types.js';
import { resolveKnobs } from '../backends/resolve-knobs.js';
import { preloadedId } from '../harness/micro/keys.js';
import { Sink } from '../harness/micro/sink.js';
import { buildTasks } from '../harness/micro/tasks.js';
import { DEFAULT_POOL_SIZE, seededValuePool } from '../workloads/values.js';
import { now } from '../harness/recorder/clock.js';
import { createRng } from '../core/rng.js';
import { median } from '../core/stats.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

async function main(): Promise<void> {
  const name = arg('backend', 'heap');
  const records = Number(arg('records', '100000'));
  const timeMs = Number(arg('time', '300'));
  const rounds = Number(arg('rounds', '5'));
  const backend = await loadBackend(name);
  if (!backend || !backend.describe().available) throw new Error(`backend ${name} is not available`);
  const dir = mkdtempSync(join(tmpdir(), 'statebench-micro-timing-'));
  const db = await backend.open(dir, resolveKnobs(backend.describe(), {}), { keySize: 16, seed: 1 });
  try {
    const values = seededValuePool(1, { kind: 'constant', bytes: 100 }, 0.5);
    for (let s = 0; s < records; s += 1000) {
      const batch: BatchOp[] = [];
      for (let r = s; r < Math.min(records, s + 1000); r++) batch.push({ type: 'put', key: preloadedId(r), value: values[r & (DEFAULT_POOL_SIZE - 1)] as Uint8Array });
      db.writeBatch(batch);
    }
    await db.flush();
    const sink = new Sink();
    const tasks = buildTasks({ db, records, values, rng: createRng(2), sink }, ['get-hit', 'get-miss']);
    const rows: string[] = [];
    for (const task of tasks) {
      const raw: number[] = [];
      const perCallMean: number[] = [];
      const perCallP50: number[] = [];
      const calls = 1_000_000;
      for (let r = 0; r < rounds; r++) {
        const t0 = now();
        for (let i = 0; i < calls; i++) task.fn();
        raw.push(((now() - t0) * 1e6) / calls);
        const bench = new Bench({ time: timeMs, warmupTime: 50, retainSamples: false });
        bench.add(task.name, task.fn, { async: false });
        bench.runSync();
        const res = bench.tasks[0]?.result;
        if (res?.state !== 'completed') throw new Error(`${task.name}: ${res?.state}`);
        perCallMean.push(res.latency.mean * 1e6);
        perCallP50.push(res.latency.p50 * 1e6);
      }
      const rawNs = median(raw) ?? Number.NaN;
      const meanNs = median(perCallMean) ?? Number.NaN;
      const p50Ns = median(perCallP50) ?? Number.NaN;
      rows.push(
        `${task.name.padEnd(9)} raw loop ${rawNs.toFixed(1).padStart(8)} ns/call   tinybench mean ${meanNs.toFixed(1).padStart(8)} ns (x${(meanNs / rawNs).toFixed(2)})   p50 ${p50Ns.toFixed(1).padStart(8)} ns (x${(p50Ns / rawNs).toFixed(2)})`,
      );
    }
    sink.observe();
    process.stdout.write(`${name}, ${records.toLocaleString('en-US')} records, medians of ${rounds} alternating rounds\n${rows.join('\n')}\n`);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
