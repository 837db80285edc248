// The LMDB backend through lmdb-js: a memory-mapped B+tree, keys in our fixed-width big-endian
// encoding (lmdb-js keyEncoding 'binary') and values as raw bytes (encoding 'binary': no msgpack).
// Reads are synchronous. Writes take one of two paths (knob writePath):
//  - sync: putSync; writeBatchOps > 1 groups writes into one transaction (batch-transaction.ts);
//  - async: putAsync/deleteAsync return lmdb-js's put/remove promises, committed in its batches;
//    the runner's async loop bounds the writes in flight (knob maxInFlightWrites).
// The contract's synchronous put/delete stay synchronous on both paths (putSync).

import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database, RootDatabase } from 'lmdb';
import { KeyCodec } from '../key-codec.js';
import { BackendClosedError } from '../types.js';
import { sameStateDescriptor } from '../../core/flink/keyed-state.js';
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
  StateDescriptor,
  StateHandle,
} from '../types.js';
import { FlinkKeyCodec, type ScanPlan } from '../flink-layout/key-codec.js';
import { MapValues } from '../flink-layout/map-values.js';
import { appendedList } from '../list-append.js';
import { BatchTransaction } from './batch-transaction.js';
import { writeLmdbCheckpoint } from './checkpoint.js';
import { describeLmdbAsyncError, describeLmdbError, LmdbError, type LmdbErrorContext } from './errors.js';
import { LMDB_KNOBS } from './knobs.js';
import { MapLimit } from './map-limit.js';
import { batchCommitFlags, lmdbSettings, syncCommitFlags, type LmdbSettings } from './options.js';
import { isLmdbStats, reportFromStats, sampleFromStats, usedBytes, type LmdbStats } from './stats.js';
import { dataFileBytes } from './data-file.js';
import { LMDB_CHECKPOINT_SEMANTICS, lmdbDurabilityClass } from './durability.js';
import { guardCommitFailures } from './commit-failure-guard.js';
import { LMDB_TRAITS } from './traits.js';

type LmdbModule = typeof import('lmdb');
type Db = RootDatabase<Uint8Array, Uint8Array>;

// The native part may be missing on an unusual platform: the backend then says so instead of
// failing the whole registry.
let lmdb: LmdbModule | null = null;
let unavailableReason: string | undefined;
try {
  lmdb = await import('lmdb');
} catch (err) {
  unavailableReason = `lmdb-js could not be loaded: ${err instanceof Error ? err.message : String(err)}`;
}

function lmdbJsVersion(): string {
  // lmdb's package.json is not in its exports map: find it from the resolved entry point.
  try {
    let dir = dirname(createRequire(import.meta.url).resolve('lmdb'));
    for (let i = 0; i < 4; i++, dir = dirname(dir)) {
      const file = join(dir, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'lmdb' && pkg.version) return pkg.version;
    }
  } catch {
    /* fall through */
  }
  return 'unknown';
}

function engineVersion(): string | null {
  if (!lmdb) return null;
  const v = (lmdb as { version?: unknown }).version as { major?: number; minor?: number; patch?: number } | undefined;
  const native = v ? `${v.major}.${v.minor}.${v.patch}` : 'unknown';
  return `lmdb-js ${lmdbJsVersion()}, LMDB ${native}`;
}

const DESCRIPTION: BackendDescription = {
  name: 'lmdb',
  engine: 'LMDB (lmdb-js)',
  version: engineVersion(),
  available: lmdb !== null,
  ...(unavailableReason ? { reason: unavailableReason } : {}),
  durable: true,
  knobs: LMDB_KNOBS,
};

const NO_VALUE = (key: number): TypeError => new TypeError(`lmdb: write batch put of key ${key} has no value`);
const LAST_NAMESPACE = 0xffff_ffff;
/** lmdb-js's default maxDbs (named databases in one environment): room for a Flink workload's states. */
const DEFAULT_MAX_DBS = 12;
/** --threads: named databases per slot, its own and its states'. */
const DBS_PER_SLOT = 8;

/** What the keyspaces of one instance (its own, its states') share: the environment's write path. */
interface LmdbShared {
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
interface LmdbKeys {
  encode(key: number, ns: number): Uint8Array;
  encodeNew(key: number, ns: number): Uint8Array;
  scanPlan(start: number, ns: number, end: number | undefined): ScanPlan;
  decodeEntry(bytes: Uint8Array): number;
}

/** The plain layout's scan: namespace `ns` is contiguous, up to the first key of the next one. */
class PlainKeys implements LmdbKeys {
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

/** The data calls on one LMDB database with its keys' layout. */
class LmdbKeyspace implements StateHandle {
  constructor(
    protected readonly db: Db,
    private readonly codec: LmdbKeys,
    protected readonly shared: LmdbShared,
    readonly keyBytes?: number,
  ) {}

  protected check(): void {
    if (this.shared.closed) throw new BackendClosedError('lmdb');
  }

  /** Entries in this keyspace's database. */
  entryCount(): number {
    const st: unknown = this.db.getStats();
    return isLmdbStats(st) ? st.entryCount : 0;
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
    this.check();
    this.limit?.check();
    const k = this.codec.encode(key, ns);
    const v = this.copyOnPut ? value.slice() : value;
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

  delete(key: number, ns = 0): void {
    this.check();
    this.limit?.check();
    const k = this.codec.encode(key, ns);
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
    this.limit?.check();
    try {
      // A batch is its own all-or-nothing transaction: commit the open sync batch first, so an
      // abort cannot take earlier, separately acknowledged writes with it.
      this.batch?.commit();
      this.db.transactionSync(() => {
        for (const op of ops) {
          const k = this.codec.encode(op.key, op.ns ?? 0);
          if (op.type === 'put') this.db.putSync(k, this.copyOnPut ? (op.value as Uint8Array).slice() : (op.value as Uint8Array));
          else this.db.removeSync(k);
        }
      }, batchCommitFlags(this.shared.settings.overlappingSync));
      this.committed();
    } catch (err) {
      throw this.fail(err, 'write');
    }
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

class LmdbInstance extends LmdbKeyspace implements BackendInstance {
  readonly writeMode: 'sync' | 'async';
  private readonly releaseGuard: (() => void) | null;
  /** A Flink workload's states by name, each in its own named database. */
  private readonly states = new Map<string, { readonly descriptor: StateDescriptor; readonly keyspace: LmdbKeyspace; readonly handle: StateHandle }>();

  constructor(
    db: Db,
    codec: KeyCodec,
    private readonly settings: LmdbSettings,
    private readonly errCtx: LmdbErrorContext,
    limit: MapLimit | null,
    /** The environment's root database, where the states' named databases are opened. */
    private readonly root: Db,
    /** --threads: the shared environment's root, which this slot's instance closes, how many slots share it, and this slot's index. */
    private readonly slots: { readonly count: number; readonly index: number } | null = null,
  ) {
    const commitFlags = syncCommitFlags(settings.overlappingSync);
    super(db, new PlainKeys(codec), {
      settings,
      errCtx,
      limit,
      commitFlags,
      batch: settings.writePath === 'sync' && settings.writeBatchOps > 1 ? new BatchTransaction(db as unknown as Database, settings.writeBatchOps, commitFlags) : null,
      copyOnPut: settings.cache,
      closed: false,
    });
    this.writeMode = settings.writePath;
    if (limit) db.on('aftercommit', () => limit.afterCommit());
    this.releaseGuard = settings.writePath === 'async' ? guardCommitFailures() : null;
  }

  /** A named database per state (as a RocksDB column family per state), keys in Flink's layout. */
  state(d: StateDescriptor): StateHandle {
    this.check();
    const known = this.states.get(d.name);
    if (known !== undefined) {
      if (!sameStateDescriptor(known.descriptor, d)) throw new Error(`lmdb: state ${d.name} is open with another descriptor`);
      return known.handle;
    }
    const name = this.slots ? `slot-${this.slots.index}/${d.name}` : d.name;
    let db: Db;
    try {
      db = this.root.openDB({ ...this.settings.open, name }) as unknown as Db;
    } catch (err) {
      throw describeLmdbError(err, { ...this.errCtx, action: 'open' });
    }
    const codec = new FlinkKeyCodec(d);
    const keyspace = new LmdbKeyspace(db, codec, this.shared, codec.keyBytes);
    const handle = d.kind === 'map' ? new MapValues(keyspace) : keyspace;
    this.states.set(d.name, { descriptor: d, keyspace, handle });
    return handle;
  }

  private stats(): LmdbStats {
    const s: unknown = this.db.getStats();
    if (!isLmdbStats(s)) throw new Error('lmdb: getStats() returned an unexpected shape');
    return s;
  }

  sampleStats(): EngineSample {
    if (this.shared.closed) return {};
    return sampleFromStats(this.stats(), this.settings.mapSizeLimit);
  }

  async finalStats(ctx: FinalStatsContext): Promise<EngineReport> {
    this.check();
    await this.settle();
    const report = reportFromStats(this.stats(), ctx, dataFileBytes(this.errCtx.dir), this.settings.mapSizeLimit);
    report.metrics.pendingBatchWrites = this.batch?.pendingWrites ?? 0;
    // With states, the entries are theirs: the instance's database then holds only their names.
    if (this.states.size > 0) report.metrics.entries = [...this.states.values()].reduce((n, s) => n + s.keyspace.entryCount(), 0);
    if (this.slots) report.raw.slotSharing = `lmdb: the ${this.slots.count} threads share one LMDB environment (one map and data file, a database per thread): reads run concurrently, write transactions take turns (LMDB allows one writer at a time)`;
    return report;
  }

  /** Commits the open sync batch and waits for async commits (not for the disk flush). */
  private async settle(): Promise<void> {
    try {
      this.batch?.commit();
    } catch (err) {
      throw this.fail(err, 'write');
    }
    await this.db.committed;
  }

  async flush(): Promise<void> {
    this.check();
    await this.settle();
    // Durable on disk, as far as the sync knobs allow (noSync: nothing is forced).
    await this.db.flushed;
  }

  async compact(): Promise<void> {
    // LMDB reuses free pages in place and has no online compaction; only a copy compacts
    // (checkpoint). Committing pending writes is all there is to do.
    this.check();
    await this.settle();
  }

  async checkpoint(dir: string): Promise<CheckpointInfo> {
    this.check();
    await this.settle();
    try {
      return await writeLmdbCheckpoint(this.db as unknown as Database, dir);
    } catch (err) {
      throw describeLmdbError(err, { ...this.errCtx, dir, action: 'checkpoint' });
    }
  }

  async close(): Promise<void> {
    if (this.shared.closed) return;
    this.shared.closed = true;
    let commitError: unknown = null;
    try {
      this.batch?.commit();
    } catch (err) {
      commitError = err;
    }
    try {
      for (const s of this.states.values()) await s.keyspace.closeDatabase();
      await this.db.close();
      if (this.slots) await this.root.close();
    } finally {
      this.limit?.close();
      this.releaseGuard?.();
    }
    if (commitError !== null) throw this.fail(commitError, 'write');
  }
}

async function openLmdb(dir: string, knobs: ResolvedKnobs, ctx: OpenContext): Promise<BackendInstance> {
  if (!lmdb) throw new Error(unavailableReason ?? 'lmdb-js is unavailable');
  const settings = lmdbSettings(knobs);
  const slot = ctx.slot && ctx.slot.count > 1 ? ctx.slot : null;
  const envDir = slot ? slot.sharedDir : dir;
  const errCtx: LmdbErrorContext = {
    dir: envDir,
    action: 'open',
    mapSize: settings.mapSizeLimit,
    maxReaders: typeof knobs.maxReaders === 'number' ? knobs.maxReaders : 126,
  };
  const codec = new KeyCodec(ctx.keySize);
  let root: Db;
  let db: Db;
  try {
    // --threads: every slot opens the one environment of the cell (lmdb-js shares an environment
    // among the threads of a process that open its path) and a database of its own in it.
    root = lmdb.open<Uint8Array, Uint8Array>(envDir, slot ? { ...settings.open, maxDbs: Math.max(DEFAULT_MAX_DBS, slot.count * DBS_PER_SLOT) } : settings.open);
    db = slot ? (root.openDB({ ...settings.open, name: `slot-${slot.index}` }) as unknown as Db) : root;
  } catch (err) {
    throw describeLmdbError(err, errCtx);
  }
  let limit: MapLimit | null = null;
  if (settings.mapSizeLimit !== null) {
    limit = new MapLimit(join(envDir, 'data.mdb'), settings.mapSizeLimit, () => {
      const s: unknown = db.getStats();
      return isLmdbStats(s) ? usedBytes(s) : 0;
    });
    // A reopened environment may already be past the limit.
    limit.afterCommit();
  }
  return new LmdbInstance(db, codec, settings, errCtx, limit, root, slot ? { count: slot.count, index: slot.index } : null);
}

export const lmdbBackend: Backend = {
  ...LMDB_TRAITS,
  describe: () => DESCRIPTION,
  open: openLmdb,
  durabilityClass: lmdbDurabilityClass,
  checkpointSemantics: LMDB_CHECKPOINT_SEMANTICS,
};
