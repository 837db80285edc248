// One Flink state on the heap, held as Flink's heap keyed state backend holds it
// (HeapKeyedStateBackend: a StateTable per state, split into one CopyOnWriteStateMap per key
// group, mapping (key, namespace) to the state's value): per key group a map from the key to
// its value, or, for a state with namespaces (windows, names), to a map from the namespace to its value.
// A map state's value is itself a map, from user key to user value (HeapMapState).
//
// The contract's (key, ns) map onto it as in the byte layout (flink-layout/key-codec.ts): for a
// map state `ns` is the key and `key` the user key; otherwise `key` is the key and `ns` the window.

import type { StateDescriptor } from '../../core/flink/keyed-state.js';
import { keyGroupOfLong } from '../../core/flink/key-group.js';
import type { BatchOp, ScanEntry, StateHandle } from '../types.js';
import { appendedList } from '../list-append.js';
import { HeapTtl, type StateClock } from './ttl-cleanup.js';

type Inner = Map<number, Uint8Array>;

export class FlinkStateTable implements StateHandle {
  /** Per key group: key -> value (no namespace), or key -> (window or user key) -> value. */
  private readonly groups: Map<number, Uint8Array | Inner>[];
  private readonly nested: boolean;
  private readonly isMap: boolean;
  /** The state's TTL and its cleanup; null without a TTL. */
  readonly ttl: HeapTtl | null;
  /** The incremental cleanup run on each access, or null. */
  private readonly incremental: HeapTtl | null;

  constructor(
    readonly descriptor: StateDescriptor,
    private readonly copyValues: boolean,
    private readonly check: () => void,
    clock: StateClock = { now: null },
  ) {
    if (descriptor.kind === 'timers') throw new Error(`heap: state ${descriptor.name}: timer queues are not kept here yet`);
    this.isMap = descriptor.kind === 'map';
    this.nested = this.isMap || descriptor.namespace.kind !== 'void';
    this.groups = Array.from({ length: descriptor.maxParallelism }, () => new Map());
    this.ttl = HeapTtl.of(descriptor, clock);
    this.incremental = this.ttl?.incremental === true ? this.ttl : null;
  }

  /** Flink's TTL state calls its incremental cleanup on every access (TtlStateContext's access callback). */
  private accessed(): void {
    if (this.incremental !== null) this.incremental.step(this.groups, this.nested);
  }

  /** The table of the key's key group. */
  private group(flinkKey: number): Map<number, Uint8Array | Inner> {
    return this.groups[keyGroupOfLong(flinkKey, this.descriptor.maxParallelism)] as Map<number, Uint8Array | Inner>;
  }

  get(key: number, ns = 0): Uint8Array | undefined {
    this.check();
    this.accessed();
    return this.lookup(key, ns);
  }

  private lookup(key: number, ns: number): Uint8Array | undefined {
    if (!this.nested) return this.group(key).get(key) as Uint8Array | undefined;
    const outer = this.isMap ? ns : key;
    return (this.group(outer).get(outer) as Inner | undefined)?.get(this.isMap ? key : ns);
  }

  put(key: number, value: Uint8Array, ns = 0): void {
    this.check();
    this.accessed();
    this.store(key, ns, this.copyValues ? value.slice() : value);
  }

  /** Restore: one snapshot entry, already a private copy. */
  restore(key: number, ns: number, value: Uint8Array): void {
    this.store(key, ns, value);
  }

  private store(key: number, ns: number, value: Uint8Array): void {
    if (!this.nested) {
      this.group(key).set(key, value);
      return;
    }
    const outer = this.isMap ? ns : key;
    const g = this.group(outer);
    let inner = g.get(outer) as Inner | undefined;
    if (inner === undefined) {
      inner = new Map();
      g.set(outer, inner);
    }
    inner.set(this.isMap ? key : ns, value);
  }

  delete(key: number, ns = 0): void {
    this.check();
    this.accessed();
    if (!this.nested) {
      this.group(key).delete(key);
      return;
    }
    const outer = this.isMap ? ns : key;
    const g = this.group(outer);
    const inner = g.get(outer) as Inner | undefined;
    if (inner === undefined) return;
    inner.delete(this.isMap ? key : ns);
    // Flink's heap state drops a key's entry with its last namespace.
    if (inner.size === 0) g.delete(outer);
  }

  multiGet(keys: readonly number[], ns = 0): (Uint8Array | undefined)[] {
    return keys.map((k) => this.get(k, ns));
  }

  writeBatch(ops: readonly BatchOp[]): void {
    this.check();
    for (const op of ops) {
      if (op.type === 'put' && !(op.value instanceof Uint8Array)) throw new TypeError(`heap: write batch put of key ${op.key} has no value`);
    }
    for (const op of ops) {
      if (op.type === 'put') this.put(op.key, op.value as Uint8Array, op.ns ?? 0);
      else this.delete(op.key, op.ns ?? 0);
    }
  }

  append(key: number, value: Uint8Array, ns = 0): void {
    this.check();
    this.accessed();
    this.store(key, ns, appendedList(this.lookup(key, ns), value));
  }

  /**
   * A map state: the entries of map `ns` by user key. Otherwise namespace `ns`'s entries, which
   * only a pass over every key finds (as Flink's StateTable.getKeys(namespace) does), in key
   * group order, keys ascending within a group.
   */
  scan(start: number, limit: number, ns = 0, end?: number): ScanEntry[] {
    this.check();
    const stop = end ?? Infinity;
    const out: ScanEntry[] = [];
    const take = (entries: ScanEntry[]): void => {
      entries.sort((a, b) => a.key - b.key);
      for (const e of entries) {
        if (out.length >= limit) return;
        if (e.key >= start && e.key < stop) out.push(e);
      }
    };
    if (this.isMap) {
      const inner = this.group(ns).get(ns) as Inner | undefined;
      if (inner !== undefined) take(Array.from(inner, ([key, value]) => ({ key, value })));
      return out;
    }
    for (const g of this.groups) {
      if (out.length >= limit) break;
      const found: ScanEntry[] = [];
      for (const [key, v] of g) {
        const value = this.nested ? (v as Inner).get(ns) : ns === 0 ? (v as Uint8Array) : undefined;
        if (value !== undefined) found.push({ key, value });
      }
      take(found);
    }
    return out;
  }

  /** Keys holding state (a map state's: maps), one size per key group: cheap enough for a sample. */
  keyCount(): number {
    let n = 0;
    for (const g of this.groups) n += g.size;
    return n;
  }

  /** What a full snapshot writes: every entry, less the expired ones under cleanupFullSnapshot. */
  *snapshotEntries(): Generator<readonly [number, number, Uint8Array]> {
    const drop = this.ttl?.fullSnapshot === true ? this.ttl : null;
    for (const e of this.entries()) if (drop === null || !drop.expired(e[2])) yield e;
  }

  /** Every entry, as the contract names it: (key, ns, value). */
  *entries(): Generator<readonly [number, number, Uint8Array]> {
    for (const g of this.groups) {
      for (const [key, v] of g) {
        if (!this.nested) yield [key, 0, v as Uint8Array];
        else for (const [inner, value] of v as Inner) yield this.isMap ? [inner, key, value] : [key, inner, value];
      }
    }
  }
}
