// Workloads describe what to do; they never touch the clock and never see a backend.
//
// A workload turns its parameters and a seeded PRNG into a stream of operations, written into
// preallocated typed arrays (an OpBatch) before the runner starts timing them. Each operation has
// a kind (an index into the workload's `operations`), a key id, a namespace and an argument.
// The runner maps each kind to a primitive action on the Backend contract.

import type { Rng } from '../core/rng.js';
import type { FlinkStateDeclaration, StateDescriptor } from '../core/flink/keyed-state.js';

export type { FlinkStateDeclaration };

/** What the runner does for one operation; `arg` means what the comment says. */
export type Action =
  | 'get' // get(key, ns)
  | 'put' // put(key, value, ns): update or insert
  | 'delete' // delete(key, ns)
  | 'scan' // scan(key, arg = length, ns)
  | 'rmw' // get then put (read-modify-write)
  | 'multiget' // multiGet of arg consecutive keys from key
  | 'append' // append(key, value, ns): list-state add
  | 'iterate' // scan of the whole namespace ns (map-state iteration, list get of all entries)
  | 'clear-namespace' // scan ns then delete every key of it in one batch (window fire)
  | 'ttl-dedupe' // get; when absent or older than ttl (arg = now, in logical ticks) put with a timestamp
  | 'timer-register' // add timer (key, ns, arg = timestamp) to a timers state's queue (a set: adding one it holds does nothing)
  | 'timer-delete' // remove timer (key, ns, arg = timestamp) from a timers state's queue
  | 'timer-fire' // poll timer (key, ns, arg = timestamp), the head of the queue, as the timer service does when the watermark passes it
  | 'none'; // no state access: an input element that touches no state (a late element Flink drops)

export const ACTIONS: readonly Action[] = [
  'get',
  'put',
  'delete',
  'scan',
  'rmw',
  'multiget',
  'append',
  'iterate',
  'clear-namespace',
  'ttl-dedupe',
  'timer-register',
  'timer-delete',
  'timer-fire',
  'none',
];

export interface OperationKind {
  /** Name of the histogram in the result: read, update, insert; a Flink workload's names say the Flink call (value.get, list.add, window.fire ...). */
  readonly name: string;
  readonly action: Action;
  /** True when the operation writes (used for user-bytes accounting and async loops). */
  readonly writes: boolean;
  /**
   * The Flink state it touches (a name of the workload's flinkStates); absent: the backend
   * instance's own keyspace. The runner resolves it to the backend's handle once per phase.
   */
  readonly state?: string;
  /**
   * True for the kind that begins one input element's accesses (a Flink operator workload emits,
   * per element, one such op and then the further accesses the operator makes for it). Reports
   * divide the state accesses (every op whose action is not 'none') by the count of these kinds:
   * accesses per input element. Absent on every kind: one op is one element.
   */
  readonly element?: boolean;
}

/** The states of a Flink workload in Flink's key layout (WorkloadDefinition.flinkStates). */
export interface FlinkStates {
  /** The job's maximum parallelism: the number of key groups. */
  readonly maxParallelism: number;
  readonly states: readonly FlinkStateDeclaration[];
}

/** What a backend is told of each state: its declaration and the job's key groups. */
export function stateDescriptors(states: FlinkStates): StateDescriptor[] {
  return states.states.map((d) => ({ ...d, maxParallelism: states.maxParallelism }));
}

/** Preallocated operation buffers, refilled between timed stretches. */
export class OpBatch {
  readonly kind: Uint8Array;
  readonly key: Float64Array;
  readonly ns: Uint32Array;
  readonly arg: Uint32Array;
  constructor(readonly capacity: number) {
    this.kind = new Uint8Array(capacity);
    this.key = new Float64Array(capacity);
    this.ns = new Uint32Array(capacity);
    this.arg = new Uint32Array(capacity);
  }
}

/** A source of operations. fill() writes up to `max` ops from index 0 and returns how many. */
export interface OpSource {
  /** Total ops this source yields, or null when unbounded (a duration-bounded run). */
  readonly total: number | null;
  fill(batch: OpBatch, max: number): number;
  /**
   * Takes back ops of the last fill() that the phase did not run, batch[from, to) (a
   * time-bounded phase stops inside a batch). A source whose ops depend on the ones before them
   * (an operator workload's timers) hands them out again first, to the next phase on the same key
   * space; other sources need not have it.
   */
  unread?(batch: OpBatch, from: number, to: number): void;
  /**
   * A workload with an event clock (its TTL stamps' ticks): the tick of the first op of the batch
   * the last fill() wrote. The harness hands it to the backend between batches, as the time its
   * TTL cleanup compares stamps with (BackendInstance.setStateTime). Absent: no clock.
   */
  readonly clock?: () => number;
}

export type ValueSizeSpec =
  | { readonly kind: 'constant'; readonly bytes: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'zipfian'; readonly min: number; readonly max: number }
  | { readonly kind: 'histogram'; readonly buckets: readonly { readonly bytes: number; readonly weight: number }[] };

/** Parameters as the user gave them; undefined means the workload's own default. */
export interface WorkloadParamsInput {
  records?: number;
  distribution?: string;
  theta?: number;
  valueSize?: ValueSizeSpec;
  compressibility?: number;
  /** Workload-specific settings (scan length, window size, ttl ...). */
  extra?: Record<string, number | string | boolean>;
}

/** Parameters with every default filled in. */
export interface WorkloadParams {
  readonly records: number;
  readonly distribution: string;
  readonly theta: number;
  readonly valueSize: ValueSizeSpec;
  /** Fraction of a value that compresses away (0.5: half compressible, db_bench's default). */
  readonly compressibility: number;
  readonly extra: Readonly<Record<string, number | string | boolean>>;
}

/** Key-space facts shared by the load and run streams of one cell (inserts grow it). */
export interface KeySpace {
  /** Number of keys inserted so far (load inserts 0..records-1). */
  inserted: number;
}

export interface WorkloadDefinition {
  readonly name: string;
  readonly description: string;
  readonly source: 'ycsb' | 'dbbench' | 'flink' | 'file' | 'custom';
  readonly operations: readonly OperationKind[];
  /** The request distribution the workload uses unless --distribution overrides it. */
  readonly defaultDistribution: string;
  /** Defaults for extra settings (documented in `statebench workloads`). */
  readonly extraDefaults: Readonly<Record<string, number | string | boolean>>;
  /** Ticks after which a ttl-dedupe entry counts as expired (only ttl workloads). */
  readonly ttlTicks?: number;
  /** Defaults for the common parameters when the user gives none (else: 100000 records, 100 B, 0.99, 0.5). */
  readonly defaultRecords?: number;
  readonly defaultValueSize?: ValueSizeSpec;
  readonly defaultTheta?: number;
  readonly defaultCompressibility?: number;
  /** Run length the workload file asks for (YCSB operationcount), used when no --ops/--duration is given. */
  readonly defaultOps?: number;
  /** Things a workload file asked for that we do not support (one line each; shown once). */
  readonly warnings?: readonly string[];
  /**
   * The Flink states the workload uses, kept apart by the backend in Flink's key layout; null (or
   * absent) when it runs in the plain layout of backends/key-codec.ts (YCSB, db_bench, and a Flink
   * workload given keyLayout=plain). Every operation kind then names its state.
   */
  flinkStates?(params: WorkloadParams): FlinkStates | null;
  /** The rate (ops/s) of the workload's own timestamps, for --target-rate trace; throws a UsageError when it has none. */
  ownRate?(params: WorkloadParams): number;
  /** What a run phase of `ops` operations did with the workload (a trace cut or repeated), for the cell's warnings. */
  runNote?(ops: number): string;
  /** Checks workload-specific settings after defaults are filled in; throws a UsageError. */
  validate?(params: WorkloadParams): void;
  /** The load phase: inserts the initial records (null when the workload loads nothing). */
  createLoad(params: WorkloadParams, rng: Rng, space: KeySpace): OpSource | null;
  /** The run phase: `ops` operations, or unbounded when null (duration-bounded). */
  createRun(params: WorkloadParams, rng: Rng, space: KeySpace, ops: number | null): OpSource;
}
