// The harness's own cost: the same get and put loops run raw (a bare for-loop over the
// backend) and through the runner (runPhase, with the timing the runner would use for that
// backend), alternating in one process, on the same keys and values. The ratio
// harness / raw is the share of raw throughput the measurement keeps.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../core/errors.js';
import type { Backend, BackendInstance } from '../../backends/types.js';
import { resolveKnobs } from '../../backends/resolve-knobs.js';
import { now } from '../recorder/clock.js';
import { runPhase } from '../runner/phase.js';
import { chooseSampleEvery, measureTimingCostNs } from '../recorder/sampling.js';
import { createRng } from '../../core/rng.js';
import { median } from '../../core/stats.js';
import { round3 } from '../../core/numbers.js';
import { seededValuePool } from '../../workloads/values.js';
import { DEFAULT_COMPRESSIBILITY } from '../../workloads/params.js';
import type { OpBatch, OpSource, OperationKind } from '../../workloads/types.js';

export type OverheadOp = 'get' | 'put';

export interface OverheadOptions {
  readonly records: number;
  readonly ops: number;
  readonly rounds: number;
  /** Rounds run first and left out, as JMH's warm-up iterations: the first raw rounds after
   *  the load ran 35-40 % slower than the later ones (JIT, and the load's garbage collected). */
  readonly warmupRounds: number;
  readonly valueSize: number;
  readonly keySize: number;
  readonly knobs: Readonly<Record<string, string>>;
  readonly dataDir?: string;
  /**
   * Also run the backend's native loop (BackendInstance.nativeLoop), the three loops rotating
   * round by round. Off by default: a third loop of puts moves where memtable flushes fall, and
   * with it the raw and runner put figures (lsm's harness/raw put ratio read 1.08 to 1.12 with
   * it against 0.97 to 1.01 without).
   */
  readonly native?: boolean;
  /**
   * Also run the runner with timing off (one op in UNTIMED_EVERY timed), rotating with the
   * others: splits the runner's cost into its loop (untimed / raw) and its timing (harness / untimed).
   */
  readonly untimed?: boolean;
  /** The seed of the values and keys (default 7). */
  readonly seed?: number;
  /** Flush the load before the measured loops (default true); false leaves it in the memtable (an LSM's). */
  readonly flush?: boolean;
}

const DEFAULT_SEED = 7;

/** The untimed runner times one op in this many: the phase's first, then none in a loop of any size used here. */
const UNTIMED_EVERY = 1 << 30;

export interface OverheadResult {
  readonly op: OverheadOp;
  readonly rawOpsPerSec: number;
  readonly harnessOpsPerSec: number;
  readonly ratio: number;
  readonly rawRoundsOpsPerSec: readonly number[];
  readonly harnessRoundsOpsPerSec: readonly number[];
  /**
   * The same loop inside the engine's binding (BackendInstance.nativeLoop), null when the backend
   * has none; rawToNative = raw / native, the share the JS call into the binding keeps.
   */
  readonly nativeOpsPerSec: number | null;
  readonly rawToNative: number | null;
  readonly nativeRoundsOpsPerSec: readonly number[];
  /** The runner with timing off (OverheadOptions.untimed), null without; untimedToRaw = untimed / raw. */
  readonly untimedOpsPerSec: number | null;
  readonly untimedToRaw: number | null;
  readonly untimedRoundsOpsPerSec: readonly number[];
  /** The runner timed one op in this many (its rule for cheap operations). */
  readonly sampleEvery: number;
}

/** The namespace of every op, raw and through the runner (one namespace, as a value workload's). */
const NAMESPACES = new Uint32Array(1024);

/** Replays a fixed key array: kind 0 for every op. */
class KeyArraySource implements OpSource {
  private pos = 0;
  constructor(private readonly keys: Float64Array) {}
  get total(): number {
    return this.keys.length;
  }
  fill(batch: OpBatch, max: number): number {
    const n = Math.min(max, this.keys.length - this.pos);
    batch.key.set(this.keys.subarray(this.pos, this.pos + n));
    batch.kind.fill(0, 0, n);
    batch.ns.fill(0, 0, n);
    this.pos += n;
    return n;
  }
}

// The raw loops call the backend exactly as the runner does: key and namespace from typed
// arrays (the namespace is data in every workload, and handling it is the backend's cost, not
// the runner's), the value from the same pool. What differs is only the runner: batches, the
// kind counts, timing. Like the runner's loops they are closures made once over the backend and
// the arrays, so V8 compiles both against the same constants: the raw side is the best loop
// that can be written, not a weaker one (a loop taking them as arguments ran 5-10 % slower).
type RawLoop = (op: OverheadOp) => Promise<number>;

function makeRawLoop(db: BackendInstance, keys: Float64Array, values: Uint8Array[], nss: Uint32Array): RawLoop {
  const mask = values.length - 1;
  const nsMask = nss.length - 1;
  const n = keys.length;
  const gets = (): number => {
    let sink = 0;
    for (let i = 0; i < n; i++) {
      const v = db.get(keys[i] as number, nss[i & nsMask] as number);
      sink += v === undefined ? 1 : v.length;
    }
    return sink;
  };
  const puts = (): void => {
    for (let i = 0; i < n; i++) db.put(keys[i] as number, values[i & mask] as Uint8Array, nss[i & nsMask] as number);
  };
  // Backends with async writes are written as the runner writes them, through putAsync.
  const putAsync = db.writeMode === 'async' && db.putAsync ? db.putAsync.bind(db) : null;
  const asyncPuts = async (putAsync: NonNullable<BackendInstance['putAsync']>): Promise<void> => {
    const window = 64;
    for (let i = 0; i < n; i += window) {
      const batch: Promise<void>[] = [];
      for (let j = i; j < Math.min(n, i + window); j++) batch.push(putAsync(keys[j] as number, values[j & mask] as Uint8Array, nss[j & nsMask] as number));
      await Promise.all(batch);
    }
  };
  return async (op) => {
    const t0 = now();
    if (op === 'get') {
      if (gets() === -1) process.stderr.write(''); // keeps the sink observable
    } else if (putAsync !== null) {
      await asyncPuts(putAsync);
    } else {
      puts();
    }
    return (n * 1000) / (now() - t0);
  };
}

type NativeLoop = (op: OverheadOp) => number;

/** The backend's native loop over the same keys, namespaces and values (the pool flattened for it). */
function makeNativeLoop(loop: NonNullable<BackendInstance['nativeLoop']>, keys: Float64Array, values: Uint8Array[], nss: Uint32Array): NativeLoop {
  const size = (values[0] as Uint8Array).length;
  const flat = new Uint8Array(values.length * size);
  values.forEach((v, i) => flat.set(v, i * size));
  return (op) => {
    const t0 = now();
    if (loop(op, keys, nss, flat, size) === -1) process.stderr.write(''); // keeps the sink observable
    return (keys.length * 1000) / (now() - t0);
  };
}

export async function measureOverhead(backend: Backend, o: OverheadOptions): Promise<OverheadResult[]> {
  const desc = backend.describe();
  if (!desc.available) throw new Error(`${desc.name} is unavailable: ${desc.reason ?? ''}`);
  const dir = mkdtempSync(join(o.dataDir ?? tmpdir(), 'statebench-overhead-'));
  const db = await backend.open(dir, resolveKnobs(desc, o.knobs), { keySize: o.keySize, seed: 1 });
  try {
    const nativeCall = o.native === true ? db.nativeLoop?.bind(db) : undefined;
    if (o.native === true && nativeCall === undefined) throw new UsageError(`--native: ${desc.name} has no native loop (BackendInstance.nativeLoop); lsm has one`);
    const seed = o.seed ?? DEFAULT_SEED;
    // The values a run cell of this seed and size writes at the default compressibility.
    const values = seededValuePool(seed, { kind: 'constant', bytes: o.valueSize }, DEFAULT_COMPRESSIBILITY);
    const rng = createRng(seed);
    const phaseOf = (op: OverheadOp) => {
      const operations: OperationKind[] = [{ name: op, action: op, writes: op === 'put' }];
      return { name: 'overhead', backend: db, operations, values, keySize: o.keySize, ttlTicks: 0, durationMs: null, intervalMs: 1000, targetRate: null, maxInFlight: 64 };
    };
    // The load (not measured) goes through the runner, as a cell's does; the raw loop is made
    // once only, over the measured keys (a second closure from its site would lose V8's
    // specialisation for both).
    const loadKeys = Float64Array.from({ length: o.records }, (_, k) => k);
    await runPhase({ ...phaseOf('put'), name: 'load', source: new KeyArraySource(loadKeys), timing: { mode: 'sampled', sampleEvery: 1024 } });
    if (o.flush !== false) await db.flush();
    const keys = new Float64Array(o.ops);
    for (let i = 0; i < keys.length; i++) keys[i] = rng.int(o.records);
    const rawLoop = makeRawLoop(db, keys, values, NAMESPACES);
    const nativeLoop = nativeCall ? makeNativeLoop(nativeCall, keys, values, NAMESPACES) : null;
    const timingCostNs = measureTimingCostNs();
    const results: OverheadResult[] = [];
    for (const op of ['get', 'put'] as const) {
      const raw: number[] = [];
      const harness: number[] = [];
      const native: number[] = [];
      // The runner's own rule: time one op in N when timing would cost more than TIMING_BUDGET of
      // an op; the op's cost from the raw rounds up to the first measured one (as a cell takes it
      // from its load and warm-up).
      let sampleEvery = 1;
      // Which loop goes first alternates from round to round: the second of a pair runs the same
      // keys in the same order right after the first, on warmer caches (lsm puts: 1.11 to 1.15
      // with the raw loop always first, 0.85 to 0.91 with the runner always first).
      const throughRunner = (every: number) =>
        runPhase({ ...phaseOf(op), source: new KeyArraySource(keys), timing: { mode: every > 1 ? 'sampled' : 'every', sampleEvery: every } });
      const untimed: number[] = [];
      // With a native or untimed loop they all rotate, so that each runs first, second ... equally often.
      const loops: ('raw' | 'runner' | 'native' | 'untimed')[] = ['raw', 'runner', ...(nativeLoop ? ['native' as const] : []), ...(o.untimed ? ['untimed' as const] : [])];
      for (let r = 0; r < o.warmupRounds + o.rounds; r++) {
        // (The first measured round has the raw loop first: it sets the sampling rate.)
        const shift = r > o.warmupRounds ? (r - o.warmupRounds) % loops.length : 0;
        let rawOps = 0;
        let runnerOps = 0;
        let nativeOps = 0;
        let untimedOps = 0;
        for (let i = 0; i < loops.length; i++) {
          const which = loops[(i + shift) % loops.length];
          if (which === 'raw') {
            rawOps = await rawLoop(op);
            if (r <= o.warmupRounds) sampleEvery = chooseSampleEvery(1e9 / rawOps, timingCostNs);
          } else if (which === 'runner') {
            runnerOps = (await throughRunner(sampleEvery)).result.throughputOpsPerSec ?? 0;
          } else if (which === 'untimed') {
            untimedOps = (await throughRunner(UNTIMED_EVERY)).result.throughputOpsPerSec ?? 0;
          } else if (nativeLoop) {
            nativeOps = nativeLoop(op);
          }
        }
        if (r < o.warmupRounds) continue;
        raw.push(rawOps);
        harness.push(runnerOps);
        if (nativeLoop) native.push(nativeOps);
        if (o.untimed) untimed.push(untimedOps);
      }
      const rawMedian = median(raw) ?? Number.NaN;
      const harnessMedian = median(harness) ?? Number.NaN;
      results.push({
        op,
        rawOpsPerSec: Math.round(rawMedian),
        harnessOpsPerSec: Math.round(harnessMedian),
        ratio: round3(harnessMedian / rawMedian),
        rawRoundsOpsPerSec: raw.map(Math.round),
        harnessRoundsOpsPerSec: harness.map(Math.round),
        ...nativeFigures(rawMedian, native),
        ...untimedFigures(rawMedian, untimed),
        sampleEvery,
      });
    }
    return results;
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function untimedFigures(rawMedian: number, untimed: readonly number[]): Pick<OverheadResult, 'untimedOpsPerSec' | 'untimedToRaw' | 'untimedRoundsOpsPerSec'> {
  const m = median(untimed);
  if (m === null) return { untimedOpsPerSec: null, untimedToRaw: null, untimedRoundsOpsPerSec: [] };
  return { untimedOpsPerSec: Math.round(m), untimedToRaw: round3(m / rawMedian), untimedRoundsOpsPerSec: untimed.map(Math.round) };
}

function nativeFigures(rawMedian: number, native: readonly number[]): Pick<OverheadResult, 'nativeOpsPerSec' | 'rawToNative' | 'nativeRoundsOpsPerSec'> {
  const m = median(native);
  if (m === null) return { nativeOpsPerSec: null, rawToNative: null, nativeRoundsOpsPerSec: [] };
  return { nativeOpsPerSec: Math.round(m), rawToNative: round3(rawMedian / m), nativeRoundsOpsPerSec: native.map(Math.round) };
}
