// One tinybench task per micro operation, over a preloaded backend instance.
//
// The timed function does one call and nothing else: keys come from arrays drawn beforehand
// (an index walks them), values from a pool, read results go to a sink. Write tasks keep their
// meaning for as long as tinybench runs them, with untimed hooks (beforeEach/afterAll run outside
// the timed call):
//   put, batch-put-100  write keys that do not exist; when the pool of fresh keys is used up,
//                       a hook deletes them again and the pool starts over;
//   delete              deletes keys that exist; when the pool runs out, a hook writes them back;
//   afterAll            leaves the state as preloaded (records live keys) after warm-up and run.
// Every write goes through the contract's synchronous path (put, delete, writeBatch), awaited by
// nature: an async-write backend (lmdb-js writePath=async) is measured on its sync path here.

import type { BackendInstance, BatchOp } from '../../backends/types.js';
import type { Rng } from '../../core/rng.js';
import { batchId, distinctIds, DRAW_COUNT, drawIds, missId, poolSize, preloadedId, putId, scanStarts } from './keys.js';
import { OPS_PER_CALL, type MicroOp } from './ops.js';
import { NULL_TASK } from '../../core/result/micro-tasks.js';
import type { Sink } from './sink.js';
import { DEFAULT_POOL_SIZE } from '../../workloads/values.js';

export interface MicroTaskDef {
  readonly name: MicroOp | typeof NULL_TASK;
  readonly opsPerCall: number;
  /** The timed call. */
  readonly fn: () => void;
  /** Untimed, before each call: refills or clears a pool when it has run out. */
  readonly beforeEach?: () => void;
  /** Untimed, after warm-up and after the run: back to the preloaded records. */
  readonly afterAll?: () => void;
}

export interface TaskContext {
  readonly db: BackendInstance;
  readonly records: number;
  readonly values: readonly Uint8Array[];
  readonly rng: Rng;
  readonly sink: Sink;
}

const MASK = DRAW_COUNT - 1;
const VMASK = DEFAULT_POOL_SIZE - 1;
/** Keys per write batch when a hook refills or clears a pool (one transaction per chunk). */
const HOOK_CHUNK = 1000;

function chunks(ids: Float64Array, upTo: number, type: 'put' | 'delete', values: readonly Uint8Array[]): BatchOp[][] {
  const out: BatchOp[][] = [];
  for (let start = 0; start < upTo; start += HOOK_CHUNK) {
    const batch: BatchOp[] = [];
    for (let i = start; i < Math.min(upTo, start + HOOK_CHUNK); i++) {
      const key = ids[i] as number;
      batch.push(type === 'put' ? { type, key, value: values[i & VMASK] as Uint8Array } : { type, key });
    }
    out.push(batch);
  }
  return out;
}

/** Applies `type` to ids[0, upTo) in write batches; the full pool's batches are built once. */
function poolWriter(db: BackendInstance, ids: Float64Array, type: 'put' | 'delete', values: readonly Uint8Array[]): (upTo: number) => void {
  const full = chunks(ids, ids.length, type, values);
  return (upTo) => {
    if (upTo === 0) return;
    for (const batch of upTo === ids.length ? full : chunks(ids, upTo, type, values)) db.writeBatch(batch);
  };
}

function nullTask(c: TaskContext): MicroTaskDef {
  const keys = drawIds(c.rng, c.records, DRAW_COUNT, preloadedId);
  const sink = c.sink;
  let i = 0;
  return {
    name: NULL_TASK,
    opsPerCall: 1,
    fn: () => {
      const k = keys[i] as number;
      i = (i + 1) & MASK;
      sink.value += k;
    },
  };
}

function getTask(c: TaskContext, name: 'get-hit' | 'get-miss'): MicroTaskDef {
  const keys = drawIds(c.rng, c.records, DRAW_COUNT, name === 'get-hit' ? preloadedId : missId);
  const { db, sink } = c;
  let i = 0;
  return {
    name,
    opsPerCall: 1,
    fn: () => {
      const v = db.get(keys[i] as number);
      i = (i + 1) & MASK;
      sink.value += v === undefined ? 1 : v.byteLength;
    },
  };
}

function scanTask(c: TaskContext, name: 'scan-10' | 'scan-100', length: number): MicroTaskDef {
  const starts = scanStarts(c.rng, c.records, length);
  const { db, sink } = c;
  let i = 0;
  return {
    name,
    opsPerCall: 1,
    fn: () => {
      const entries = db.scan(starts[i] as number, length);
      i = (i + 1) & MASK;
      sink.value += entries.length + (entries[entries.length - 1]?.value.byteLength ?? 0);
    },
  };
}

function overwriteTask(c: TaskContext): MicroTaskDef {
  const keys = drawIds(c.rng, c.records, DRAW_COUNT, preloadedId);
  const { db, values } = c;
  let i = 0;
  return {
    name: 'overwrite',
    opsPerCall: 1,
    fn: () => {
      db.put(keys[i] as number, values[i & VMASK] as Uint8Array);
      i = (i + 1) & MASK;
    },
  };
}

function putTask(c: TaskContext): MicroTaskDef {
  const ids = distinctIds(c.rng, c.records, poolSize(c.records), putId);
  const { db, values } = c;
  const clear = poolWriter(db, ids, 'delete', values);
  let n = 0;
  return {
    name: 'put',
    opsPerCall: 1,
    fn: () => {
      db.put(ids[n] as number, values[n & VMASK] as Uint8Array);
      n++;
    },
    beforeEach: () => {
      if (n === ids.length) {
        clear(n);
        n = 0;
      }
    },
    afterAll: () => {
      clear(n);
      n = 0;
    },
  };
}

function batchPutTask(c: TaskContext): MicroTaskDef {
  const size = OPS_PER_CALL['batch-put-100'];
  const batchCount = Math.max(1, Math.floor(poolSize(c.records) / size));
  const ids = distinctIds(c.rng, c.records, batchCount * size, batchId);
  const { db, values } = c;
  const batches: BatchOp[][] = [];
  for (let b = 0; b < batchCount; b++) {
    const ops: BatchOp[] = [];
    for (let j = b * size; j < (b + 1) * size; j++) ops.push({ type: 'put', key: ids[j] as number, value: values[j & VMASK] as Uint8Array });
    batches.push(ops);
  }
  const clear = poolWriter(db, ids, 'delete', values);
  let b = 0;
  return {
    name: 'batch-put-100',
    opsPerCall: size,
    fn: () => {
      db.writeBatch(batches[b] as BatchOp[]);
      b++;
    },
    beforeEach: () => {
      if (b === batchCount) {
        clear(b * size);
        b = 0;
      }
    },
    afterAll: () => {
      clear(b * size);
      b = 0;
    },
  };
}

function deleteTask(c: TaskContext): MicroTaskDef {
  const ids = distinctIds(c.rng, c.records, poolSize(c.records), preloadedId);
  const { db, values } = c;
  // Written back with the values the preload gave them (preload uses values[r & VMASK] for id 4r).
  const refillValues: Uint8Array[] = [];
  for (let i = 0; i < ids.length; i++) refillValues.push(values[((ids[i] as number) / 4) & VMASK] as Uint8Array);
  const refill = poolWriter(db, ids, 'put', refillValues);
  let n = 0;
  return {
    name: 'delete',
    opsPerCall: 1,
    fn: () => {
      db.delete(ids[n] as number);
      n++;
    },
    beforeEach: () => {
      if (n === ids.length) {
        refill(n);
        n = 0;
      }
    },
    afterAll: () => {
      refill(n);
      n = 0;
    },
  };
}

/** The null baseline first, then the requested operations in canonical order. */
export function buildTasks(c: TaskContext, ops: readonly MicroOp[]): MicroTaskDef[] {
  const out: MicroTaskDef[] = [nullTask(c)];
  for (const op of ops) {
    switch (op) {
      case 'get-hit':
      case 'get-miss':
        out.push(getTask(c, op));
        break;
      case 'scan-10':
        out.push(scanTask(c, op, 10));
        break;
      case 'scan-100':
        out.push(scanTask(c, op, 100));
        break;
      case 'overwrite':
        out.push(overwriteTask(c));
        break;
      case 'put':
        out.push(putTask(c));
        break;
      case 'batch-put-100':
        out.push(batchPutTask(c));
        break;
      case 'delete':
        out.push(deleteTask(c));
        break;
    }
  }
  return out;
}
