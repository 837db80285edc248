// A backend's knobs as the contract describes them (their schema, the facts their consumers
// need, their values resolved for a cell) and how `statebench tune` searches them. Part of the
// Backend contract (backends/types.ts re-exports every name here).

import type { KnobValue } from '../core/result/schema.js';

export type KnobType = 'int' | 'float' | 'size' | 'duration' | 'bool' | 'enum' | 'string';

export interface KnobSpec {
  readonly name: string;
  readonly type: KnobType;
  /** 'bytes' for sizes, 'ms' for durations, 'count', 'bits' ... */
  readonly unit?: string;
  /** The default the engine itself uses; null when the knob is unset by default (engine decides). */
  readonly default: KnobValue | null;
  /** For enums: the accepted values. */
  readonly allowed?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** One line of help. */
  readonly help: string;
}

/** What the tuner (statebench tune) tries for a knob. */
export interface TuneRange {
  /** The axis's place in the tuner's seeded draw: the same --seed keeps giving the same candidates. */
  readonly draw: number;
  /** The values tried. */
  readonly values: readonly KnobValue[];
  /** For a knob that trades durability: the values tried while durability is kept (absent: left alone). */
  readonly keepingDurability?: readonly KnobValue[];
  /**
   * The values tried when the engine's memory is bounded for it (inside a Flink TaskManager, whose
   * managed memory sizes RocksDB's cache and write buffers): [] for a knob the bound sizes or sets
   * in its place; absent: `values`, as without a bound.
   */
  readonly bounded?: readonly KnobValue[];
}

/**
 * A knob with the facts its consumers need besides its schema. Each backend extends it with its
 * engine's mapping (backends/lsm/knob-record.ts, backends/lmdb/knobs.ts); describe() publishes
 * only the KnobSpec part (knobSpecs in resolve-knobs.ts).
 */
export interface KnobRecord extends KnobSpec {
  readonly tune?: TuneRange;
  /** Setting it away from its default can lose acknowledged writes on a crash (WAL off, noSync). */
  readonly tradesDurability?: boolean;
}

/** Knobs as resolved for one cell: every knob of the schema, defaults filled in. */
export type ResolvedKnobs = Readonly<Record<string, KnobValue | null>>;

/** A configuration the tuner tries: knob changes from the defaults. */
export type TuneConfig = Readonly<Record<string, KnobValue>>;

/** A measured bottleneck of the defaults' cells that the tuner moves along (BackendTuning.movesAlong). */
export type BottleneckKind = 'cache misses' | 'write stalls' | 'write amplification' | 'compaction CPU';

/** A configuration the tuner should try, and why. */
export interface TuneMove {
  readonly origin: string;
  readonly knobs: TuneConfig;
}

/** What the tuner offers a backend proposing moves along a bottleneck. */
export interface MoveContext {
  /** CPU cores of the machine. */
  readonly cores: number;
  /** The largest value of a numeric axis that, set on `base`, still fits the memory budget; null when none does. */
  largestFitting(base: TuneConfig, knob: string): KnobValue | null;
  /** A knob's value in `c`, or its default, as a number. */
  numberOf(c: TuneConfig, knob: string): number;
  /** The values an axis tries (empty when the knob is no axis). */
  axis(knob: string): readonly KnobValue[];
  /** True inside a TaskManager whose memory bounds the engine: move ratios of the bound, never sizes it sets. */
  readonly bounded: boolean;
}

/**
 * How `statebench tune` searches a backend: its knob records' `tune` ranges are the axes; the rest
 * refines the search. A backend without it cannot be tuned.
 */
export interface BackendTuning {
  /** The knobs with their tuner ranges (KnobRecord.tune) and durability trades. */
  readonly records: readonly KnobRecord[];
  /** Makes a sampled configuration consistent (derived knobs, e.g. RocksDB's stop trigger above its slowdown trigger). */
  complete?(c: Record<string, KnobValue>): Record<string, KnobValue>;
  /** A configuration's knob-bounded memory, checked against tune's --memory-budget; absent: every configuration fits. */
  memoryBytes?(c: TuneConfig): number | null;
  /**
   * Configurations to try along a bottleneck the defaults' cells measured (from their engine
   * reports: block cache hit ratio, stall share, write amplification, compaction CPU); the tuner
   * drops those that do not fit. Absent: the backend is not tuned along bottlenecks.
   */
  movesAlong?(kind: BottleneckKind, base: TuneConfig, ctx: MoveContext): TuneMove[];
  /** The knobs a bottleneck's moves turn: local steps try them first. */
  readonly bottleneckAxes?: Readonly<Partial<Record<BottleneckKind, readonly string[]>>>;
  /** Named configurations worth trying early (Flink's predefined option sets). */
  readonly presets?: readonly TuneMove[];
  /**
   * The winning changes in the forms a user pastes into the engine's own configuration, as lines.
   * `bounded`: the search ran inside a TaskManager whose managed memory bounds the engine, so the
   * forms keep that bound on; false: the sizes were searched without one, and the forms say what
   * turning it off risks.
   */
  pasteForms(changes: TuneConfig, bounded: boolean): string[];
}
