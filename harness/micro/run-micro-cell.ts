// Runs one micro cell in the current process: open the backend on a fresh directory, preload it,
// settle it (flush, compact), then run each task with tinybench (warm-up, then the timed run),
// one task at a time so each warms up right before it is measured. The child process entry
// (child.ts) calls this; so do tests that need no process isolation.

import { Bench } from 'tinybench';
import { loadBackend } from '../../backends/registry.js';
import type { BackendInstance, BatchOp } from '../../backends/types.js';
import { createRng } from '../../core/rng.js';
import { collectResources, diskUsageBytes, GcMeter, startResources } from '../cell/resources.js';
import { now } from '../recorder/clock.js';
import type { CellResult, MicroTask } from '../../core/result/schema.js';
import { preloadedId } from './keys.js';
import { NULL_TASK } from '../../core/result/micro-tasks.js';
import { Sink } from './sink.js';
import { microWorkloadRef, type MicroCellSpec, type MicroStateInfo } from './spec.js';
import { flagAgainstBaseline, toMicroTask } from './statistics.js';
import { RESOLUTION_FACTOR } from '../../core/result/micro-tasks.js';
import { buildTasks } from './tasks.js';
import { DEFAULT_POOL_SIZE, seededValuePool } from '../../workloads/values.js';
import { DEFAULT_COMPRESSIBILITY } from '../../workloads/params.js';

export interface MicroCellEvents {
  /** A line of progress (preloaded, task finished). */
  onLine?(line: string): void;
  /** Checked between tasks: true stops the cell with what it measured (status interrupted). */
  shouldStop?(): boolean;
}

export interface MicroCellOutcome {
  readonly cell: CellResult;
  readonly state: MicroStateInfo | null;
}

const STREAM = { keys: 2 } as const;
const PRELOAD_CHUNK = 1000;
/** tinybench's minimum calls per task, run and warm-up: enough for its percentiles to mean something. */
const MIN_ITERATIONS = 64;
const MIN_WARMUP_ITERATIONS = 16;

async function preload(db: BackendInstance, records: number, values: readonly Uint8Array[]): Promise<void> {
  for (let start = 0; start < records; start += PRELOAD_CHUNK) {
    const batch: BatchOp[] = [];
    for (let r = start; r < Math.min(records, start + PRELOAD_CHUNK); r++) {
      batch.push({ type: 'put', key: preloadedId(r), value: values[r & (DEFAULT_POOL_SIZE - 1)] as Uint8Array });
    }
    db.writeBatch(batch);
  }
  // Settle the state so every task sees the same shape: memtables flushed, levels compacted.
  await db.flush();
  await db.compact();
}

export async function runMicroCell(spec: MicroCellSpec, events: MicroCellEvents = {}): Promise<MicroCellOutcome> {
  const startedAt = new Date().toISOString();
  const backend = await loadBackend(spec.backend);
  if (!backend) throw new Error(`unknown backend ${spec.backend}`);
  // As a run cell: the class its knobs give, so the micro chart names it beside another backend's.
  const durabilityClass = backend.durabilityClass?.(spec.knobs);
  const common = {
    id: spec.id,
    backend: spec.backend,
    knobs: { ...spec.knobs },
    workload: microWorkloadRef(spec),
    repeat: spec.repeat,
    seed: spec.seed,
    startedAt,
    warnings: [] as string[],
    ...(durabilityClass ? { durabilityClass } : {}),
  };
  const desc = backend.describe();
  if (!desc.available) {
    return { cell: { ...common, status: 'skipped', reason: desc.reason ?? `${desc.name} is unavailable` }, state: null };
  }

  const rng = createRng(spec.seed);
  const values = seededValuePool(spec.seed, { kind: 'constant', bytes: spec.valueSize }, DEFAULT_COMPRESSIBILITY);
  const sink = new Sink();
  const micro: Record<string, MicroTask> = {};
  const res0 = startResources();
  const gc = new GcMeter().start();
  let db: BackendInstance | null = null;
  let state: MicroStateInfo | null = null;
  let error: string | null = null;
  let stopped = false;
  try {
    db = await backend.open(spec.dataDir, spec.knobs, { keySize: spec.keySize, seed: spec.seed });
    const t0 = now();
    await preload(db, spec.records, values);
    state = {
      records: spec.records,
      logicalBytes: spec.records * (spec.keySize + spec.valueSize),
      diskBytesAfterPreload: desc.durable ? diskUsageBytes(spec.dataDir) : null,
      preloadMs: Math.round(now() - t0),
    };
    events.onLine?.(`${spec.id}: preloaded ${spec.records.toLocaleString('en-US')} records in ${state.preloadMs} ms`);

    const tasks = buildTasks({ db, records: spec.records, values, rng: rng.fork(STREAM.keys), sink }, spec.ops);
    const bench = new Bench({
      time: spec.timeMs,
      iterations: MIN_ITERATIONS,
      warmupTime: spec.warmupMs,
      warmupIterations: spec.warmupMs > 0 ? MIN_WARMUP_ITERATIONS : 0,
      // tinybench keeps each task's samples only while it computes the task's statistics.
      retainSamples: false,
      throws: false,
    });
    for (const def of tasks) {
      if (events.shouldStop?.()) {
        stopped = true;
        break;
      }
      bench.add(def.name, def.fn, {
        async: false,
        ...(def.beforeEach ? { beforeEach: def.beforeEach } : {}),
        ...(def.afterAll ? { afterAll: def.afterAll } : {}),
      });
      const task = bench.getTask(def.name);
      if (!task) throw new Error(`tinybench lost task ${def.name}`);
      // The null task saturates the timer by design; a real task that does is worth a warning.
      if (def.name !== NULL_TASK) {
        task.addEventListener('warning', (e) => {
          common.warnings.push(`${def.name}: tinybench reports timer saturation${e.reason ? ` (${e.reason})` : ''}`);
        });
      }
      // Garbage of the previous task (or the preload) is collected now, not inside this one; the
      // event-loop turn lets progress lines go out and GC entries reach the GC meter.
      (globalThis as { gc?: () => void }).gc?.();
      await nextTurn();
      if (spec.warmupMs > 0) task.warmupSync();
      task.runSync();
      const result = task.result;
      if (result.state === 'errored') {
        error = `${def.name}: ${result.error.message}`;
        break;
      }
      if (result.state !== 'completed') {
        error = `${def.name}: tinybench ended the task as ${result.state}`;
        break;
      }
      const t = toMicroTask(result.latency);
      micro[def.name] = def.opsPerCall > 1 ? { ...t, opsPerCall: def.opsPerCall } : t;
      events.onLine?.(`${spec.id}: ${def.name} ${t.meanNs ?? '-'} ns mean, ${t.samples.toLocaleString('en-US')} samples`);
    }
    sink.observe();
    await nextTurn();
    flagAgainstBaseline(micro, NULL_TASK);
    for (const [name, t] of Object.entries(micro)) {
      if (name !== NULL_TASK && t.atTimerResolution) {
        common.warnings.push(`${name}: mean or median within ${RESOLUTION_FACTOR}x of the null baseline's: at the timer's resolution, not a measure of the operation`);
      }
    }
    const diskBytes = desc.durable ? diskUsageBytes(spec.dataDir) : null;
    await db.close();
    db = null;
    const measured = { phases: {}, micro, engine: null, resources: collectResources(res0, gc.stop(), diskBytes), checkpoints: [] };
    if (error !== null) return { cell: { ...common, status: 'errored', error, ...measured }, state };
    return { cell: stopped ? { ...common, status: 'interrupted', ...measured } : { ...common, status: 'ok', ...measured }, state };
  } catch (err) {
    if (db) {
      try {
        await db.close();
      } catch {
        /* the engine already failed; its first error is the one to report */
      }
    }
    const message = err instanceof Error ? err.message : String(err);
    const measured = { phases: {}, micro, engine: null, resources: collectResources(res0, gc.stop(), null), checkpoints: [] };
    return { cell: { ...common, status: 'errored', error: message, ...measured }, state };
  }
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));


