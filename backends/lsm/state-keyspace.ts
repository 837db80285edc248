// One Flink state of the lsm backend: a column family of its own, named after the state, with
// the Database's column family options (Flink's RocksDB backend gives every state the same),
// keys in Flink's layout (flink-layout/key-codec.ts). A family has its own key scratch buffer
// and value slab, so a state's get and put take the addon's hot path as the instance's do.
//
// A TTL state whose cleanup is the compaction filter (Flink's default on RocksDB) gets the
// addon's TTL filter on its family: its stamps are the workload's ticks, and the filter compares
// them with the time the harness hands the instance between batches (setStateTime -> setTtlTime).

import { ttlCleanupOf, type StateDescriptor } from '../../core/flink/keyed-state.js';
import { FlinkKeyCodec } from '../flink-layout/key-codec.js';
import { MapValues } from '../flink-layout/map-values.js';
import { ByteTimerService } from '../flink-layout/byte-timer-service.js';
import { LsmTimerStore } from './timer-store.js';
import type { BatchOp, ScanEntry, StateHandle } from '../types.js';
import type { AsyncReader } from './async-reads.js';
import type { NativeColumnFamily, NativeDatabase, NativeFamilyOptions } from './native.js';
import { ValueSlab } from './value-slab.js';
import { writeBatchWith } from './write-batch.js';

/**
 * How state `d`'s family opens: with Flink's TTL compaction filter when it has a TTL and its
 * cleanup is the compaction filter (RocksDB's background strategy). A ListState's elements are
 * of any length here, which only Flink's Java element filter reads: no filter on lists.
 */
export function familyOptions(d: StateDescriptor): NativeFamilyOptions {
  if (d.ttl === null || ttlCleanupOf(d, 'compaction') !== 'compaction') return {};
  if (d.kind === 'value' || d.kind === 'reducing' || d.kind === 'aggregating') return { ttl: { ms: d.ttl, state: 'value' } };
  if (d.kind === 'map') return { ttl: { ms: d.ttl, state: 'map' } };
  return {};
}

/** The keyspace of state `d`: its column family (a timers state's: its timer service over it), and the family itself (for its figures). */
export function openStateKeyspace(db: NativeDatabase, d: StateDescriptor, reader: AsyncReader): { keyspace: StateHandle; family: NativeColumnFamily } {
  // RocksDB's default family is the instance's own keyspace (the plain layout).
  if (d.name === 'default') throw new Error("lsm: a state named 'default' would share RocksDB's default column family; name it otherwise");
  const family = db.columnFamily(d.name, familyOptions(d));
  if (d.kind === 'timers') return { keyspace: new ByteTimerService(d, new LsmTimerStore(db, family)), family };
  const codec = new FlinkKeyCodec(d);
  const keyspace = codec.fixedLength ? new LsmStateKeyspace(db, family, codec, reader) : new VariableKeyspace(db, family, codec, reader);
  return { keyspace: d.kind === 'map' ? new MapValues(keyspace) : keyspace, family };
}

class LsmStateKeyspace implements StateHandle {
  readonly keyBytes: number;
  private packed: Uint8Array;
  private readonly values: ValueSlab;
  private readonly putS: (value: Uint8Array) => void;
  /** getAsyncS bound once: the key is in the codec's scratch buffer. */
  private readonly submitGet = (id: number): void => this.family.getAsyncS(id);

  constructor(
    private readonly db: NativeDatabase,
    protected readonly family: NativeColumnFamily,
    protected readonly codec: FlinkKeyCodec,
    protected readonly reader: AsyncReader,
  ) {
    this.keyBytes = codec.keyBytes;
    this.packed = new Uint8Array(codec.keyBytes * 64);
    family.setScratch(codec.scratch);
    this.values = new ValueSlab(family);
    this.putS = family.hotPath().putS;
  }

  get(key: number, ns = 0): Uint8Array | undefined {
    this.codec.encode(key, ns);
    return this.values.read();
  }

  getAsync(key: number, ns = 0): Promise<Uint8Array | undefined> {
    this.codec.encode(key, ns);
    return this.reader.get(this.submitGet);
  }

  put(key: number, value: Uint8Array, ns = 0): void {
    this.codec.encode(key, ns);
    this.putS(value);
  }

  delete(key: number, ns = 0): void {
    this.codec.encode(key, ns);
    this.family.delS();
  }

  multiGet(keys: readonly number[], ns = 0): (Uint8Array | undefined)[] {
    const size = this.keyBytes;
    if (this.packed.byteLength < keys.length * size) this.packed = new Uint8Array(keys.length * size * 2);
    for (let i = 0; i < keys.length; i++) this.codec.encodeAt(this.packed, i * size, keys[i] as number, ns);
    return this.family.multiGet(this.packed.subarray(0, keys.length * size), size);
  }

  writeBatch(ops: readonly BatchOp[]): void {
    writeBatchWith(this.db, this.family, ops, (op) => this.codec.encode(op.key, op.ns ?? 0));
  }

  /** Flink's list state: a merge with the string-append operator, as RocksDBListState.add merges. */
  append(key: number, value: Uint8Array, ns = 0): void {
    this.codec.encode(key, ns);
    this.family.mergeS(value);
  }

  scan(start: number, limit: number, ns = 0, end?: number): ScanEntry[] {
    const plan = this.codec.scanPlan(start, ns, end);
    const out: ScanEntry[] = [];
    if (limit <= 0) return out;
    if (plan.accept === null) {
      const flat = this.family.scan(plan.lower as Uint8Array, plan.upper as Uint8Array, limit);
      for (let i = 0; i < flat.length; i += 2) out.push({ key: this.codec.decodeEntry(flat[i] as Uint8Array), value: flat[i + 1] as Uint8Array });
      return out;
    }
    // A namespace of keyed state: a pass over the whole family, keeping that namespace's keys.
    const it = this.family.iterator(plan.lower, plan.upper);
    try {
      for (let ok = plan.lower ? it.seek(plan.lower) : it.seekToFirst(); ok && out.length < limit; ok = it.next()) {
        const k = it.key() as Uint8Array;
        if (plan.accept(k)) out.push({ key: this.codec.decodeEntry(k), value: it.value() as Uint8Array });
      }
    } finally {
      it.close();
    }
    return out;
  }
}

/**
 * A state whose keys differ in length (String namespaces of unequal lengths): the addon's calls
 * that take the key as an argument, since the scratch buffer's calls read a fixed length.
 */
class VariableKeyspace extends LsmStateKeyspace {
  override get(key: number, ns = 0): Uint8Array | undefined {
    return this.family.get(this.codec.encode(key, ns));
  }

  override getAsync(key: number, ns = 0): Promise<Uint8Array | undefined> {
    const bytes = this.codec.encode(key, ns);
    return this.reader.get((id) => this.family.getAsync(bytes, id));
  }

  override put(key: number, value: Uint8Array, ns = 0): void {
    this.family.put(this.codec.encode(key, ns), value);
  }

  override delete(key: number, ns = 0): void {
    this.family.del(this.codec.encode(key, ns));
  }

  override multiGet(keys: readonly number[], ns = 0): (Uint8Array | undefined)[] {
    return keys.map((k) => this.get(k, ns));
  }

  override append(key: number, value: Uint8Array, ns = 0): void {
    this.family.merge(this.codec.encode(key, ns), value);
  }
}
