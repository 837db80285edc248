// The LMDB backend through lmdb-js: a memory-mapped B+tree, keys in our fixed-width big-endian
// encoding (lmdb-js keyEncoding 'binary') and values as raw bytes (encoding 'binary': no msgpack).
// Reads are synchronous. Writes take one of two paths (knob writePath):
//  - sync: putSync; writeBatchOps > 1 groups writes into one transaction (batch-transaction.ts);
//  - async: putAsync/deleteAsync return lmdb-js's put/remove promises, committed in its batches;
//    the runner's async loop bounds the writes in flight (knob maxInFlightWrites).
// The contract's synchronous put/delete stay synchronous on both paths (putSync).
// This file opens and closes the environment, reports and checkpoints it, and hands out a named
// database per Flink state; the data calls on a database are keyspace.ts's.

import { stampOffset } from '../../core/flink/ttl-expiry.js';
import { ttlSampleKey } from '../../core/result/ttl-series.js';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from 'lmdb';
import { KeyCodec } from '../key-codec.js';
import { sameStateDescriptor } from '../../core/flink/keyed-state.js';
import type {
  Backend,
  BackendDescription,
  BackendInstance,
  CheckpointInfo,
  EngineReport,
  EngineSample,
  FinalStatsContext,
  OpenContext,
  ResolvedKnobs,
  StateDescriptor,
  StateHandle,
} from '../types.js';
import { FlinkKeyCodec } from '../flink-layout/key-codec.js';
import { MapValues } from '../flink-layout/map-values.js';
import { BatchTransaction } from './batch-transaction.js';
import { writeLmdbCheckpoint } from './checkpoint.js';
import { describeLmdbError, type LmdbErrorContext } from './errors.js';
import { LMDB_KNOBS } from './knobs.js';
import { MapLimit } from './map-limit.js';
import { lmdbSettings, syncCommitFlags, type LmdbSettings } from './options.js';
import { isLmdbStats, reportFromStats, sampleFromStats, usedBytes, type LmdbStats } from './stats.js';
import { dataFileBytes } from './data-file.js';
import { LMDB_CHECKPOINT_SEMANTICS, lmdbDurabilityClass } from './durability.js';
import { guardCommitFailures } from './commit-failure-guard.js';
import { LMDB_TRAITS } from './traits.js';
import { LmdbKeyspace, LmdbStore, PlainKeys, type Db } from './keyspace.js';
import { LmdbTimerStore } from './timer-store.js';
import { ByteTimerService, flushTimerWrites, timerCallMetrics } from '../flink-layout/byte-timer-service.js';

type LmdbModule = typeof import('lmdb');

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

/** lmdb-js's default maxDbs (named databases in one environment): room for a Flink workload's states. */
const DEFAULT_MAX_DBS = 12;
/** --threads: named databases per slot, its own and its states'. */
const DBS_PER_SLOT = 8;

/** A TTL state's figures (core/result/ttl-series.ts): a pass over its database, outside the timed stretches. */
function sampleLmdbTtl(d: StateDescriptor, store: LmdbStore, now: number, out: EngineSample): void {
  const offset = stampOffset(d.kind);
  if (d.ttl === null || offset === null) return;
  const { stored, expired } = store.ttlCounts(offset, d.ttl, now);
  out[ttlSampleKey(d.name, 'stored')] = stored;
  out[ttlSampleKey(d.name, 'expired')] = expired;
}

class LmdbInstance extends LmdbKeyspace implements BackendInstance {
  readonly writeMode: 'sync' | 'async';
  private readonly releaseGuard: (() => void) | null;
  /** A Flink workload's states by name, each in its own named database. */
  private readonly states = new Map<string, { readonly descriptor: StateDescriptor; readonly keyspace: LmdbStore; readonly handle: StateHandle }>();
  /** The workload's time its TTL states expire by (setStateTime); null: none given. */
  private stateTime: number | null = null;

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

  /** A named database per state (as a RocksDB column family per state), keys in Flink's layout; a timers state's timer service over its database. */
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
    if (d.kind === 'timers') {
      const store = new LmdbTimerStore(db, this.shared);
      const handle = new ByteTimerService(d, store);
      this.states.set(d.name, { descriptor: d, keyspace: store, handle });
      return handle;
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

  /** The workload's time, for the TTL states' figures (lmdb has no TTL cleanup: they show what piles up). */
  setStateTime(tick: number): void {
    this.stateTime = tick;
  }

  sampleStats(): EngineSample {
    if (this.shared.closed) return {};
    const out = sampleFromStats(this.stats(), this.settings.mapSizeLimit);
    if (this.stateTime !== null) for (const s of this.states.values()) sampleLmdbTtl(s.descriptor, s.keyspace, this.stateTime, out);
    return out;
  }

  async finalStats(ctx: FinalStatsContext): Promise<EngineReport> {
    this.check();
    await this.settle();
    const report = reportFromStats(this.stats(), ctx, dataFileBytes(this.errCtx.dir), this.settings.mapSizeLimit);
    report.metrics.pendingBatchWrites = this.batch?.pendingWrites ?? 0;
    // With states, the entries are theirs: the instance's database then holds only their names.
    if (this.states.size > 0) report.metrics.entries = [...this.states.values()].reduce((n, s) => n + s.keyspace.entryCount(), 0);
    Object.assign(report.metrics, timerCallMetrics([...this.states.values()].map((s) => s.handle)));
    if (this.slots) report.raw.slotSharing = `lmdb: the ${this.slots.count} threads share one LMDB environment (one map and data file, a database per thread): reads run concurrently, write transactions take turns (LMDB allows one writer at a time)`;
    return report;
  }

  /** Commits the open sync batch and waits for async commits (not for the disk flush). */
  private async settle(): Promise<void> {
    // The timer queues' writes still in their batches first (Flink flushes its batch before a snapshot).
    this.flushTimers();
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

  private flushTimers(): void {
    flushTimerWrites([...this.states.values()].map((s) => s.handle));
  }

  async close(): Promise<void> {
    if (this.shared.closed) return;
    let timerError: unknown = null;
    try {
      this.flushTimers();
    } catch (err) {
      timerError = err;
    }
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
    if (timerError !== null) throw timerError;
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
