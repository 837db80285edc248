// A small measuring loop of our own for the gate's self-test: runs the delay backend's get and
// put in a seeded 50/50 mix, times each call, and returns a schema-valid cell. It stands in for
// the harness runner so the self-test stays in one process and within CI's time.

import { performance } from 'node:perf_hooks';
import type { Histogram } from 'hdr-histogram-js';
import { delayBackend } from '../backends/delay/backend.js';
import { resolveKnobs } from '../harness/knobs/resolve.js';
import { createHistogram, encodeHistogram, summarise } from '../harness/recorder/histogram.js';
import type { CellOk, OperationResult } from '../harness/result/schema.js';
import { createRng } from '../workloads/rng.js';

export interface DelayCellOptions {
  readonly knobs: Record<string, string>;
  readonly seed: number;
  readonly repeat: number;
  readonly ops: number;
  readonly records: number;
}

function operation(h: Histogram, count: number): OperationResult {
  return { count, errors: 0, timed: count, latencyUs: summarise(h), hdr: encodeHistogram(h) };
}

export async function runDelayCell(o: DelayCellOptions): Promise<CellOk> {
  // The workload's own knobs are part of the pairing identity; the slowdown under test is not
  // written into the cell's knobs, so that A/B documents pair as the same configuration.
  const knobs = resolveKnobs(delayBackend.describe(), o.knobs);
  const db = await delayBackend.open('', knobs, { keySize: 16, seed: o.seed });
  const value = new Uint8Array(100);
  for (let k = 0; k < o.records; k++) db.put(k, value);

  const rng = createRng(o.seed ^ 0x5eed);
  const kinds = new Uint8Array(o.ops);
  const keys = new Float64Array(o.ops);
  for (let i = 0; i < o.ops; i++) {
    kinds[i] = rng.next() < 0.5 ? 0 : 1;
    keys[i] = rng.int(o.records);
  }
  const read = createHistogram();
  const update = createHistogram();
  let reads = 0;
  let sink = 0;
  const start = performance.now();
  for (let i = 0; i < o.ops; i++) {
    const key = keys[i] as number;
    const t0 = performance.now();
    if (kinds[i] === 0) {
      sink += db.get(key)?.length ?? 0;
      read.recordValue(Math.max(1, Math.round((performance.now() - t0) * 1e6)));
      reads++;
    } else {
      db.put(key, value);
      update.recordValue(Math.max(1, Math.round((performance.now() - t0) * 1e6)));
    }
  }
  const durationMs = performance.now() - start;
  if (sink < 0) throw new Error('unreachable: keeps the reads alive');
  const engine = await db.finalStats({ userBytesWritten: 0, liveLogicalBytes: o.records * 116, processWriteBytes: null });
  await db.close();
  return {
    id: `delay/ycsb-a#${o.repeat}`,
    backend: 'delay',
    knobs: resolveKnobs(delayBackend.describe(), { latencyUs: o.knobs.latencyUs ?? '20', jitter: o.knobs.jitter ?? '0.1' }),
    workload: { name: 'ycsb-a', records: o.records, ops: o.ops },
    repeat: o.repeat,
    seed: o.seed,
    startedAt: null,
    warnings: [],
    status: 'ok',
    phases: {
      run: {
        ops: o.ops,
        durationMs,
        throughputOpsPerSec: (o.ops / durationMs) * 1000,
        timing: { mode: 'every', sampleEvery: 1 },
        targetRateOpsPerSec: null,
        operations: { read: operation(read, reads), update: operation(update, o.ops - reads) },
        timeseries: [],
      },
    },
    engine: { ...engine, metrics: { ...engine.metrics } },
    resources: null,
    checkpoints: [],
  };
}
