// The data calls on one LMDB database (BackendInstance's, or one Flink state's named database):
// reads, the sync and async write paths the knobs choose (writePath, writeBatchOps), scans in the
// keys' layout (the plain codec, or Flink's for a state) and list appends. The instance
// (backend.ts) owns the environment and hands each keyspace what they share.

import { stampExpired } from '../../core/flink/ttl-expiry.js';
import type { RootDatabase } from 'lmdb';
import type { KeyCodec } from '../key-codec.js';
import { BackendClosedError } from '../types.js';
import type { BatchOp, ScanEntry, StateHandle } from '../types.js';
import type { ScanPlan } from '../flink-layout/key-codec.js';
import { appendedList } from '../list-append.js';
import type { BatchTransaction } from './batch-transaction.js';
import { describeLmdbAsyncError, describeLmdbError, LmdbError, type LmdbErrorContext } from './errors.js';
import type { MapLimit } from './map-limit.js';
import { batchCommitFlags, type LmdbSettings } from './options.js';
import { isLmdbStats } from './stats.js';

export type Db = RootDatabase<Uint8Array, Uint8Array>;

const NO_VALUE = (key: number): TypeError => new TypeError(`lmdb: write batch put of key ${key} has no value`);
const LAST_NAMESPACE = 0xffff_ffff;

/** What the keyspaces of one instance (its own, its states') share: the environment's write path. */
export interface LmdbShared {
  readonly settings: LmdbSettings;
  readonly errCtx: LmdbErrorContext;
  readonly limit: MapLimit | null;
  readonly batch: BatchTransaction | null;
  readonly commitFlags: number;
  /** The object cache hands back the very object put() stored: keep a private copy so a caller
   *  changing its buffer afterwards cannot change the state. */
  readonly copyOnPut: boolean;
  closed: boolean;
}

/**
 * The keys of a keyspace: the plain layout (key-codec.ts) in the instance's database, or a Flink
 * state's layout (flink-layout/key-codec.ts) in the state's named database.
 */
export interface LmdbKeys {
  encode(key: number, ns: number): Uint8Array;
  encodeNew(key: number, ns: number): Uint8Array;
  scanPlan(start: number, ns: number, end: number | undefined): ScanPlan;
  decodeEntry(bytes: Uint8Array): number;
}

/** The plain layout's scan: namespace `ns` is contiguous, up to the first key of the next one. */
export class PlainKeys implements LmdbKeys {
  constructor(private readonly codec: KeyCodec) {}
  encode(key: number, ns: number): Uint8Array {
    return this.codec.encode(key, ns);
  }
  encodeNew(key: number, ns: number): Uint8Array {
    return this.codec.encodeNew(key, ns);
  }
  scanPlan(start: number, ns: number, end: number | undefined): ScanPlan {
    const c = this.codec;
    const upper = end !== undefined ? c.encodeNew(end, ns) : ns < LAST_NAMESPACE ? c.encodeNew(0, ns + 1) : null;
    return { lower: c.encodeNew(start, ns), upper, accept: null };
  }
  decodeEntry(bytes: Uint8Array): number {
    return this.codec.decodeKey(bytes);
  }
}

/**
 * One LMDB database and the environment's write path: a key's write or removal, alone or in the
 * open sync batch, with the map limit and errors described. The keyspaces below and a timers
 * state's store (timer-store.ts) write through it.
 */
export class LmdbStore {
  constructor(
    protected readonly db: Db,
    protected readonly shared: LmdbShared,
  ) {}

  protected check(): void {
    if (this.shared.closed) throw new BackendClosedError('lmdb');
  }

  /** Entries in this keyspace's database. */
  entryCount(): number {
    const st: unknown = this.db.getStats();
    return isLmdbStats(st) ? st.entryCount : 0;
  }

  /** A TTL state's entries and, of those, the expired ones at `now` (its stamps at `offset`): a pass over its database. */
  ttlCounts(offset: number, ttl: number, now: number): { stored: number; expired: number } {
    let stored = 0;
    let expired = 0;
    for (const { value } of this.db.getRange({})) {
      stored++;
      if (value instanceof Uint8Array && stampExpired(value, offset, ttl, now)) expired++;
    }
    return { stored, expired };
  }

  /** Closes this keyspace's database (a state's named database, when the instance closes). */
  closeDatabase(): Promise<void> {
    return this.db.close();
  }

  protected get batch(): BatchTransaction | null {
    return this.shared.batch;
  }

  protected get limit(): MapLimit | null {
    return this.shared.limit;
  }

  protected get copyOnPut(): boolean {
    return this.shared.copyOnPut;
  }

  protected fail(err: unknown, action: LmdbErrorContext['action']): LmdbError {
    return describeLmdbError(err, { ...this.shared.errCtx, action });
  }

  /** After a write outside a batch (its own transaction), or when a batch commits. */
  protected committed(): void {
    this.limit?.afterCommit();
  }

  /** Writes encoded key `k` (value `v` stored as given), alone or in the open sync batch. */
  protected writeKey(k: Uint8Array, v: Uint8Array): void {
    this.check();
    this.limit?.check();
    try {
      if (this.batch === null) {
        this.db.putSync(k, v);
        this.committed();
      } else {
        this.batch.open();
        this.db.putSync(k, v);
        if (this.batch.counted()) this.committed();
      }
    } catch (err) {
      throw this.fail(err, 'write');
    }
  }

  /** Runs `body`'s writes as one all-or-nothing transaction of their own. */
  protected transaction(body: () => void): void {
    this.check();
    this.limit?.check();
    try {
      // Commit the open sync batch first, so an abort cannot take earlier, separately
      // acknowledged writes with it.
      this.batch?.commit();
      this.db.transactionSync(body, batchCommitFlags(this.shared.settings.overlappingSync));
      this.committed();
    } catch (err) {
      throw this.fail(err, 'write');
    }
  }

  /** Removes encoded key `k`, alone or in the open sync batch. */
  protected removeKey(k: Uint8Array): void {
    this.check();
    this.limit?.check();
    try {
      if (this.batch === null) {
        this.db.removeSync(k);
        this.committed();
      } else {
        this.batch.open();
        this.db.removeSync(k);
        if (this.batch.counted()) this.committed();
      }
    } catch (err) {
      throw this.fail(err, 'write');
    }
  }
}

/** The data calls on one LMDB database with its keys' layout. */
export class LmdbKeyspace extends LmdbStore implements StateHandle {
  constructor(
    db: Db,
    private readonly codec: LmdbKeys,
    shared: LmdbShared,
    readonly keyBytes?: number,
  ) {
    super(db, shared);
  }

  /** The value of an encoded key, as a private copy. lmdb-js's own get() copies with
   *  Uint8Array.prototype.slice, which gives every value its own ArrayBuffer: off-heap, several
   *  microseconds each under GC, and slower the longer a run goes. Buffer.allocUnsafe carves
   *  small copies out of Node's shared pool instead. getBinaryFast's buffer is reused by the
   *  next read and has its `length` property set to the value's size over a larger buffer. */
  private read(k: Uint8Array): Uint8Array | undefined {
    const fast = this.db.getBinaryFast(k);
    if (fast === undefined) return undefined;
    const n = fast.length;
    const out = Buffer.allocUnsafe(n);
    // A view bounded by n: Buffer.copy and set() would read the overridden `length`.
    out.set(new Uint8Array(fast.buffer, fast.byteOffset, n));
    return out;
  }

  get(key: number, ns = 0): Uint8Array | undefined {
    this.check();
    try {
      return this.read(this.codec.encode(key, ns));
    } catch (err) {
      throw this.fail(err, 'read');
    }
  }

  put(key: number, value: Uint8Array, ns = 0): void {
    this.writeKey(this.codec.encode(key, ns), this.copyOnPut ? value.slice() : value);
  }

  delete(key: number, ns = 0): void {
    this.removeKey(this.codec.encode(key, ns));
  }

  multiGet(keys: readonly number[], ns = 0): (Uint8Array | undefined)[] {
    this.check();
    const out = new Array<Uint8Array | undefined>(keys.length);
    try {
      for (let i = 0; i < keys.length; i++) out[i] = this.read(this.codec.encode(keys[i] as number, ns));
    } catch (err) {
      throw this.fail(err, 'read');
    }
    return out;
  }

  writeBatch(ops: readonly BatchOp[]): void {
    this.check();
    for (const op of ops) if (op.type === 'put' && !(op.value instanceof Uint8Array)) throw NO_VALUE(op.key);
    this.transaction(() => {
      for (const op of ops) {
        const k = this.codec.encode(op.key, op.ns ?? 0);
        if (op.type === 'put') this.db.putSync(k, this.copyOnPut ? (op.value as Uint8Array).slice() : (op.value as Uint8Array));
        else this.db.removeSync(k);
      }
    });
  }

  scan(start: number, limit: number, ns = 0, end?: number): ScanEntry[] {
    this.check();
    if (limit <= 0) return [];
    const codec = this.codec;
    const plan = codec.scanPlan(start, ns, end);
    const out: ScanEntry[] = [];
    try {
      const range = this.db.getRange({ ...(plan.lower ? { start: plan.lower } : {}), ...(plan.upper ? { end: plan.upper } : {}), ...(plan.accept ? {} : { limit }) });
      for (const e of range) {
        if (plan.accept && !plan.accept(e.key)) continue;
        out.push({ key: codec.decodeEntry(e.key), value: e.value });
        if (out.length >= limit) break;
      }
    } catch (err) {
      throw this.fail(err, 'read');
    }
    return out;
  }

  // LMDB has no merge operator: list-state append is a read, a concatenation and a write, in
  // one write transaction so no other write slips between the read and the write.
  append(key: number, value: Uint8Array, ns = 0): void {
    this.check();
    this.limit?.check();
    const k = this.codec.encodeNew(key, ns);
    const readModifyWrite = (): void => {
      this.db.putSync(k, appendedList(this.read(k), value));
    };
    try {
      if (this.batch === null) {
        this.db.transactionSync(readModifyWrite, this.shared.commitFlags);
        this.committed();
      } else {
        this.batch.open();
        readModifyWrite();
        if (this.batch.counted()) this.committed();
      }
    } catch (err) {
      throw this.fail(err, 'write');
    }
  }

  putAsync(key: number, value: Uint8Array, ns = 0): Promise<void> {
    this.check();
    if (this.limit?.isFull) return Promise.reject(this.fail(this.limitError(), 'write'));
    const p = this.db.put(this.codec.encode(key, ns), this.copyOnPut ? value.slice() : value);
    return p.then(undefined, this.asyncFailure) as unknown as Promise<void>;
  }

  deleteAsync(key: number, ns = 0): Promise<void> {
    this.check();
    if (this.limit?.isFull) return Promise.reject(this.fail(this.limitError(), 'write'));
    const p = this.db.remove(this.codec.encode(key, ns));
    return p.then(undefined, this.asyncFailure) as unknown as Promise<void>;
  }

  private readonly asyncFailure = async (err: unknown): Promise<never> => {
    throw await describeLmdbAsyncError(err, { ...this.shared.errCtx, action: 'write' });
  };

  private limitError(): unknown {
    try {
      this.limit?.check();
    } catch (err) {
      return err;
    }
    return new Error('map full');
  }

}

