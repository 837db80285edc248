// The delay backend (test only): an in-memory map whose every call takes a seeded, settable
// latency, spent busy-waiting so the harness measures it as real elapsed time. A slowdown factor
// per operation kind injects a known regression, which is how the CI gate proves it catches one.

import { BackendClosedError } from '../types.js';
import type {
  Backend,
  BackendDescription,
  BackendInstance,
  BatchOp,
  CheckpointInfo,
  EngineReport,
  EngineSample,
  FinalStatsContext,
  OpenContext,
  ResolvedKnobs,
  ScanEntry,
} from '../types.js';
import { DELAY_KNOBS, type DelayOperationKind } from './knobs.js';
import { LatencyModel } from './latency-model.js';
import { NamespaceStore } from './store.js';
import { waitMicroseconds } from './wait.js';
import { DELAY_TRAITS } from './traits.js';

const DESCRIPTION: BackendDescription = {
  name: 'delay',
  engine: 'JS Map with injected latency (test backend)',
  version: '1',
  available: true,
  durable: false,
  testOnly: true,
  knobs: DELAY_KNOBS,
};

class DelayInstance implements BackendInstance {
  readonly writeMode = 'sync' as const;
  private readonly stores = new Map<number, NamespaceStore>();
  private readonly latency: LatencyModel;
  private readonly keySize: number;
  private calls = 0;
  private closed = false;

  constructor(knobs: ResolvedKnobs, ctx: OpenContext) {
    this.latency = new LatencyModel(knobs, ctx.seed);
    this.keySize = ctx.keySize;
  }

  /** Checks the instance is open, then spends this call's latency. */
  private enter(kind: DelayOperationKind): void {
    if (this.closed) throw new BackendClosedError('delay');
    this.calls++;
    waitMicroseconds(this.latency.next(kind));
  }

  private store(ns: number): NamespaceStore {
    let s = this.stores.get(ns);
    if (s === undefined) {
      s = new NamespaceStore();
      this.stores.set(ns, s);
    }
    return s;
  }

  get(key: number, ns = 0): Uint8Array | undefined {
    this.enter('get');
    return this.stores.get(ns)?.map.get(key);
  }

  put(key: number, value: Uint8Array, ns = 0): void {
    this.enter('put');
    this.store(ns).set(key, value.slice());
  }

  delete(key: number, ns = 0): void {
    this.enter('delete');
    this.stores.get(ns)?.delete(key);
  }

  multiGet(keys: readonly number[], ns = 0): (Uint8Array | undefined)[] {
    this.enter('multiget');
    const map = this.stores.get(ns)?.map;
    return keys.map((k) => map?.get(k));
  }

  writeBatch(ops: readonly BatchOp[]): void {
    this.enter('batch');
    // Validate the whole batch first: it applies all or nothing.
    for (const op of ops) {
      if (op.type === 'put' && !(op.value instanceof Uint8Array)) {
        throw new TypeError(`delay: write batch put of key ${op.key} has no value`);
      }
    }
    for (const op of ops) {
      if (op.type === 'put') this.store(op.ns ?? 0).set(op.key, (op.value as Uint8Array).slice());
      else this.stores.get(op.ns ?? 0)?.delete(op.key);
    }
  }

  scan(start: number, limit: number, ns = 0, end?: number): ScanEntry[] {
    this.enter('scan');
    return this.stores.get(ns)?.scan(start, limit, end) ?? [];
  }

  append(key: number, value: Uint8Array, ns = 0): void {
    this.enter('append');
    const store = this.store(ns);
    const prev = store.map.get(key);
    if (prev === undefined) {
      store.set(key, value.slice());
      return;
    }
    const next = new Uint8Array(prev.byteLength + value.byteLength);
    next.set(prev, 0);
    next.set(value, prev.byteLength);
    store.set(key, next);
  }

  private counts(): { entries: number; storedBytes: number } {
    let entries = 0;
    let storedBytes = 0;
    for (const s of this.stores.values()) {
      entries += s.map.size;
      for (const v of s.map.values()) storedBytes += v.byteLength + this.keySize;
    }
    return { entries, storedBytes };
  }

  sampleStats(): EngineSample {
    let entries = 0;
    for (const s of this.stores.values()) entries += s.map.size;
    return { entries, calls: this.calls };
  }

  finalStats(ctx: FinalStatsContext): EngineReport {
    const { entries, storedBytes } = this.counts();
    return {
      writeAmp: null,
      // Bytes held (values plus encoded key width) over the workload's live logical bytes.
      spaceAmp: ctx.liveLogicalBytes > 0 ? storedBytes / ctx.liveLogicalBytes : null,
      blockCacheHitRatio: null,
      stallMicros: null,
      metrics: { entries, storedBytes, calls: this.calls },
      raw: { meanLatencyUs: { ...this.latency.meanUs }, jitter: this.latency.jitter },
    };
  }

  flush(): void {
    if (this.closed) throw new BackendClosedError('delay');
  }

  compact(): void {
    if (this.closed) throw new BackendClosedError('delay');
  }

  checkpoint(dir: string): CheckpointInfo {
    if (this.closed) throw new BackendClosedError('delay');
    // Nothing is written: the delay backend keeps no files; the size is what a snapshot would hold.
    const { storedBytes } = this.counts();
    return { dir, bytes: storedBytes, files: 0, incrementalBytes: storedBytes };
  }

  close(): void {
    this.closed = true;
    this.stores.clear();
  }
}

export const delayBackend: Backend = {
  ...DELAY_TRAITS,
  describe: () => DESCRIPTION,
  open: async (_dir, knobs, ctx) => new DelayInstance(knobs, ctx),
  durabilityClass: () => 'none',
};
