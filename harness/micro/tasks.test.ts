// The write tasks keep their meaning however many times tinybench calls them, and leave the
// state as preloaded; reads read what the key layout says they read.
import { describe, expect, it } from 'vitest';
import { heapBackend } from '../../backends/heap/backend.js';
import type { BackendInstance } from '../../backends/types.js';
import { resolveKnobs } from '../../backends/resolve-knobs.js';
import { createRng } from '../../core/rng.js';
import { poolSize, preloadedId } from './keys.js';
import { MICRO_OPS } from './ops.js';
import { Sink } from './sink.js';
import { buildTasks, type MicroTaskDef } from './tasks.js';
import { DEFAULT_POOL_SIZE, seededValuePool } from '../../workloads/values.js';

const RECORDS = 1000;

async function preloaded(): Promise<{ db: BackendInstance; values: Uint8Array[] }> {
  const db = await heapBackend.open('/nonexistent', resolveKnobs(heapBackend.describe(), {}), { keySize: 16, seed: 1 });
  const values = seededValuePool(1, { kind: 'constant', bytes: 32 }, 0.5);
  for (let r = 0; r < RECORDS; r++) db.put(preloadedId(r), values[r & (DEFAULT_POOL_SIZE - 1)] as Uint8Array);
  return { db, values };
}

/** The live keys, from a scan over the whole id range. */
function liveKeys(db: BackendInstance): number[] {
  return db.scan(0, Number.MAX_SAFE_INTEGER).map((e) => e.key);
}

/** Calls a task as tinybench does: beforeEach (untimed), fn (timed), then afterAll. */
function drive(task: MicroTaskDef, calls: number, onCall?: () => void): void {
  for (let i = 0; i < calls; i++) {
    task.beforeEach?.();
    task.fn();
    onCall?.();
  }
  task.afterAll?.();
}

async function tasksFor(): Promise<{ db: BackendInstance; tasks: Map<string, MicroTaskDef>; sink: Sink }> {
  const { db, values } = await preloaded();
  const sink = new Sink();
  const tasks = buildTasks({ db, records: RECORDS, values, rng: createRng(2), sink }, [...MICRO_OPS]);
  return { db, tasks: new Map(tasks.map((t) => [t.name, t])), sink };
}

describe('micro tasks', () => {
  it('start with the null baseline, then the requested operations', async () => {
    const { tasks } = await tasksFor();
    expect([...tasks.keys()]).toEqual(['null', ...MICRO_OPS]);
    expect(tasks.get('batch-put-100')?.opsPerCall).toBe(100);
  });

  it('put writes only keys that do not exist yet, across pool refills, and leaves the preloaded state', async () => {
    const { db, tasks } = await tasksFor();
    const before = liveKeys(db);
    let size = db.scan(0, Number.MAX_SAFE_INTEGER).length;
    // Three pool lengths and a bit: the pool is cleared and reused in between.
    drive(tasks.get('put')!, poolSize(RECORDS) * 3 + 7, () => {
      const now = db.scan(0, Number.MAX_SAFE_INTEGER).length;
      expect(now === size + 1 || now === 1 + RECORDS).toBe(true);
      size = now;
    });
    expect(liveKeys(db)).toEqual(before);
  });

  it('batch-put-100 adds 100 new keys per call, across pool refills, and leaves the preloaded state', async () => {
    const { db, tasks } = await tasksFor();
    const before = liveKeys(db);
    let size = RECORDS;
    drive(tasks.get('batch-put-100')!, 5, () => {
      const now = liveKeys(db).length;
      expect(now === size + 100 || now === RECORDS + 100).toBe(true);
      size = now;
    });
    expect(liveKeys(db)).toEqual(before);
  });

  it('delete removes a key that exists on every call, refilling when its pool runs out', async () => {
    const { db, tasks } = await tasksFor();
    const before = liveKeys(db);
    let size = RECORDS;
    drive(tasks.get('delete')!, poolSize(RECORDS) * 2 + 3, () => {
      const now = liveKeys(db).length;
      // One fewer each call; after a refill (untimed, before the call) one fewer than all records.
      expect(now === size - 1 || now === RECORDS - 1).toBe(true);
      size = now;
    });
    expect(liveKeys(db)).toEqual(before);
    // Refilled keys hold their preloaded values again.
    expect(db.get(preloadedId(3))).toBeDefined();
  });

  it('get-hit always finds a value and get-miss never does', async () => {
    const { db, tasks, sink } = await tasksFor();
    const valueSize = db.get(preloadedId(0))?.byteLength ?? 0;
    drive(tasks.get('get-hit')!, 500);
    expect(sink.value).toBe(500 * valueSize);
    sink.value = 0;
    drive(tasks.get('get-miss')!, 500);
    expect(sink.value).toBe(500);
  });

  it('scans return their full length and overwrite keeps the key set', async () => {
    const { db, tasks, sink } = await tasksFor();
    const before = liveKeys(db);
    const valueSize = db.get(preloadedId(0))?.byteLength ?? 0;
    drive(tasks.get('scan-100')!, 50);
    expect(sink.value).toBe(50 * (100 + valueSize));
    drive(tasks.get('overwrite')!, 3000);
    expect(liveKeys(db)).toEqual(before);
  });
});
