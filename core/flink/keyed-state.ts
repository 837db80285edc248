// The keyed state a Flink workload declares and a backend keeps apart, one definition shared by
// workloads (which declare states) and backends (which open a handle per state).
//
// A Flink operator registers each state under a name with a StateDescriptor (ValueStateDescriptor,
// ListStateDescriptor, MapStateDescriptor ...); the state backend keeps each one apart (RocksDB: a
// column family per name; the heap: a StateTable per name). Keys are Flink Long keys (the
// workload's key ids); the namespace is VoidNamespace or a TimeWindow. docs/flink-workloads.md
// gives the byte layout and its sources.

/**
 * The kind of state, as Flink's StateDescriptor.Type names them; 'timers' is an event-time timer
 * service's queue (InternalTimerServiceImpl's eventTimeTimersQueue): entries keyed by key group,
 * timestamp, key and namespace, with no value. Its operations are the actions timer-register,
 * timer-delete and timer-fire (arg: the timer's timestamp).
 */
export type FlinkStateKind = 'value' | 'list' | 'map' | 'reducing' | 'aggregating' | 'timers';

/**
 * The namespace a state's entries carry, and how an operation's `ns` number stands for it:
 * - void: VoidNamespace (state outside windows; one byte 0 in RocksDB); ns is 0;
 * - window: a TimeWindow of a tumbling or sliding assigner: window number ns is
 *   [ns x slide, ns x slide + size) (slide absent: slide = size, a tumbling window); two longs;
 * - session: a session window's state window: TimeWindow [ns, ns + gap), ns being its start
 *   (MergingWindowSet keeps a merged session's state in one of its first windows, each of which
 *   spans one gap); two longs;
 * - names: a String namespace, ns indexing `names` (IntervalJoinOperator's timers are in
 *   "CLEANUP_LEFT" and "CLEANUP_RIGHT"); written as StringSerializer writes it.
 */
export type FlinkNamespace =
  | { readonly kind: 'void' }
  | { readonly kind: 'window'; readonly size: number; readonly slide?: number }
  | { readonly kind: 'session'; readonly gap: number }
  | { readonly kind: 'names'; readonly names: readonly string[] };

/** The same namespace kind and parameters. */
export function sameNamespace(a: FlinkNamespace, b: FlinkNamespace): boolean {
  switch (a.kind) {
    case 'void':
      return b.kind === 'void';
    case 'window':
      return b.kind === 'window' && a.size === b.size && (a.slide ?? a.size) === (b.slide ?? b.size);
    case 'session':
      return b.kind === 'session' && a.gap === b.gap;
    case 'names':
      return b.kind === 'names' && a.names.length === b.names.length && a.names.every((n, i) => n === b.names[i]);
  }
}

/** One state a Flink workload uses. */
export interface FlinkStateDeclaration {
  /** The state's name, as the descriptor names it (RocksDB's column family, the heap's StateTable). */
  readonly name: string;
  readonly kind: FlinkStateKind;
  readonly namespace: FlinkNamespace;
  /**
   * The state's time-to-live (StateTtlConfig), in the unit of its timestamps (the workload's
   * clock ticks); null: no TTL. A TTL state's values carry Flink's stamp: the 8-byte big-endian
   * last-access timestamp before the user value (TtlSerializer), after map state's null flag. The
   * runner writes the stamp into the value bytes (as Flink's TTL wrapper does above the backend);
   * the backend stores them as given, and may drop an entry whose stamp + ttl has passed.
   */
  readonly ttl: number | null;
  /**
   * How expired entries of a TTL state are reclaimed (StateTtlConfig's cleanup strategies);
   * absent: 'background', Flink's default. Ignored without a TTL.
   */
  readonly ttlCleanup?: TtlCleanup;
}

/**
 * Flink's TTL cleanup strategies (StateTtlConfig; every strategy also drops an expired entry on
 * the read that finds it):
 * - background: Flink's default (cleanupInBackground, on unless disabled): the backend's own
 *   background strategy with its defaults: the heap's incremental cleanup, RocksDB's compaction
 *   filter, nothing on a backend with neither;
 * - compaction: cleanupInRocksdbCompactFilter: RocksDB's compaction drops expired entries (no
 *   effect on the heap);
 * - incremental: cleanupIncrementally(5, false): each access to the state checks the next 5
 *   entries of the state's table and drops the expired ones (the heap only; no effect on RocksDB);
 * - full-snapshot: cleanupFullSnapshot (background cleanup disabled): a full snapshot leaves
 *   expired entries out; the live state is not cleaned;
 * - none: disableCleanupInBackground: expired entries stay until read or overwritten.
 */
export type TtlCleanup = 'background' | 'compaction' | 'incremental' | 'full-snapshot' | 'none';

export const TTL_CLEANUPS: readonly TtlCleanup[] = ['background', 'compaction', 'incremental', 'full-snapshot', 'none'];

/** Flink's default incremental cleanup size (IncrementalCleanupStrategy's DEFAULT_INCREMENTAL_CLEANUP_STRATEGY: 5 entries per state access). */
export const INCREMENTAL_CLEANUP_SIZE = 5;

/** The strategy a state's TTL runs with on a backend offering `background` (its default); null: no TTL. */
export function ttlCleanupOf(d: FlinkStateDeclaration, background: 'compaction' | 'incremental' | 'none'): Exclude<TtlCleanup, 'background'> | null {
  if (d.ttl === null) return null;
  const c = d.ttlCleanup ?? 'background';
  return c === 'background' ? background : c;
}

/** Flink's default maximum parallelism for a small job: roundUpToPowerOfTwo(1.5 x parallelism) within [128, 32768]. */
export const DEFAULT_MAX_PARALLELISM = 128;
/** Flink's upper bound on the maximum parallelism (KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM). */
export const MAX_MAX_PARALLELISM = 32_768;

/** What a backend is told when it opens a state: the declaration and the job's key groups. */
export interface StateDescriptor extends FlinkStateDeclaration {
  /** The job's maximum parallelism: the number of key groups (1 key-group byte up to 128, else 2). */
  readonly maxParallelism: number;
}

/** The same state: what a backend checks when a name it already opened is asked for again. */
export function sameStateDescriptor(a: StateDescriptor, b: StateDescriptor): boolean {
  return a.name === b.name && a.kind === b.kind && a.ttl === b.ttl && (a.ttlCleanup ?? 'background') === (b.ttlCleanup ?? 'background') && a.maxParallelism === b.maxParallelism && sameNamespace(a.namespace, b.namespace);
}
