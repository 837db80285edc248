// Generator speed: ns per next() for each key distribution (1M keys, theta 0.99) and the PRNG
// underneath, ns per size for the value-size samplers, and ns per generated operation for each
// built-in workload's OpSource. Each case runs in its own child process, so its call sites stay
// monomorphic as in a benchmark cell (one workload per process); median of 7 rounds after a
// warm-up, by wall clock and by the process's own CPU time (which a busy machine inflates less:
// time spent descheduled is not counted). Compare rows side by side, not across runs.
//
//   npx tsx bench/workloads-generators.ts [--records N] [--calls N] [--group rng|key|size|op]

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { listWorkloads } from '../workloads/catalogue.js';
import { createKeyChooser, DISTRIBUTIONS } from '../workloads/distributions/index.js';
import { resolveParams } from '../workloads/params.js';
import { createRng } from '../core/rng.js';
import { median } from '../core/stats.js';
import { OpBatch, type KeySpace } from '../workloads/types.js';
import { createSizeSampler, parseValueSize } from '../workloads/values.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const RECORDS = Number(arg('records') ?? 1_000_000);
const CALLS = Number(arg('calls') ?? 2_000_000);
const ROUNDS = 7;
const SIZES = ['100', 'uniform:10-1000', 'zipfian:10-1000', 'histogram:100=0.5,1000=0.3,4096=0.2'];

/** One case: returns a function whose every call produces one item. */
function makeCase(id: string): () => number {
  const [group, name] = id.split('/') as [string, string];
  if (group === 'rng') {
    const rng = createRng(1);
    return name === 'u32' ? () => rng.u32() : () => rng.next();
  }
  if (group === 'key') {
    const c = createKeyChooser(name, RECORDS, 0.99, createRng(2));
    return () => c.next();
  }
  if (group === 'size') return createSizeSampler(parseValueSize(name), createRng(3));
  const def = listWorkloads().find((d) => d.name === name);
  if (!def) throw new Error(`no case ${id}`);
  const records = 100_000;
  const params = resolveParams(def, { records });
  const space: KeySpace = { inserted: records };
  const src = def.createRun(params, createRng(4), space, null);
  const batch = new OpBatch(16_384);
  let left = 0;
  let i = 0;
  return () => {
    if (i === left) {
      left = src.fill(batch, batch.capacity);
      i = 0;
    }
    return batch.key[i++] as number;
  };
}

/** Median ns per call over the rounds, by wall clock and by this process's CPU time. */
function runCase(id: string): { wall: number; cpu: number } {
  const fn = makeCase(id);
  let sink = 0;
  for (let i = 0; i < CALLS / 2; i++) sink += fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < CALLS; i++) sink += fn();
    const t1 = process.hrtime.bigint();
    const c1 = process.cpuUsage(c0);
    wall.push(Number(t1 - t0) / CALLS);
    cpu.push(((c1.user + c1.system) * 1000) / CALLS);
  }
  if (sink === -1) console.log('');
  return { wall: median(wall) ?? Number.NaN, cpu: median(cpu) ?? Number.NaN };
}

const only = arg('only');
if (only) {
  process.stdout.write(`${JSON.stringify(runCase(only))}\n`);
} else {
  const self = fileURLToPath(import.meta.url);
  const cases: [string, string[]][] = [
    ['PRNG', ['rng/u32', 'rng/next']],
    ['key choosers, ns per next()', DISTRIBUTIONS.map((d) => `key/${d}`)],
    ['value sizes, ns per size', SIZES.map((s) => `size/${s}`)],
    ['built-in OpSources, ns per generated op (100k keys)', listWorkloads().map((d) => `op/${d.name}`)],
  ];
  console.log(`node ${process.version}, ${RECORDS} keys, ${CALLS} calls x ${ROUNDS} rounds, median; one process per row`);
  const group = arg('group');
  for (const [title, all] of cases) {
    const ids = group ? all.filter((id) => id.startsWith(`${group}/`)) : all;
    if (ids.length === 0) continue;
    console.log(`\n${title}`);
    for (const id of ids) {
      const out = execFileSync(process.execPath, [...process.execArgv, self, '--only', id, '--records', String(RECORDS), '--calls', String(CALLS)], {
        encoding: 'utf8',
      });
      const r = JSON.parse(out) as { wall: number; cpu: number };
      console.log(`  ${id.slice(id.indexOf('/') + 1).padEnd(40)} ${r.wall.toFixed(1).padStart(7)} ns wall ${r.cpu.toFixed(1).padStart(7)} ns cpu`);
    }
  }
}
