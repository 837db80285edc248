// What the rules look at, per configuration (backend + knobs + workload): the median over its ok
// repeats of each measured figure, the workload's shape (share of reads, writes, scans) from the
// operations the document counted, and the run's context (cores, memory budget). Everything comes
// from the result document: the same document gives the same advice whatever the catalogue says
// today, and a workload from a file reads like a built-in.

import type { KnobValue } from '../../backends/types.js';
import { groupCells } from '../compare/pairing.js';
import type { CellMemory, CellOk, DurabilityClass, ResultDocument } from '../../core/result/schema.js';
import { median } from '../../core/stats.js';
import { classifyOperation, type OperationClass } from './operations.js';
import { parseStallCounts, type StallCounts } from './stalls.js';

export interface WorkloadShape {
  readonly totalOps: number;
  /** Shares of run-phase operations (0..1). A read-modify-write counts as a read and a write. */
  readonly reads: number;
  readonly pointReads: number;
  readonly scans: number;
  readonly writes: number;
}

export interface ConfigFacts {
  readonly backend: string;
  readonly workload: string;
  readonly knobs: Readonly<Record<string, KnobValue | null>>;
  readonly cellIds: readonly string[];
  readonly cells: readonly CellOk[];
  /** What an acknowledged write of this configuration survives (docs/durability.md); null in documents without classes. */
  readonly durabilityClass: DurabilityClass | null;
  /** The memory its backend had in the emulated TaskManager (--taskmanager-memory); null: none. */
  readonly memory: CellMemory | null;
  readonly shape: WorkloadShape;
  /** Medians over the repeats; null when not reported. */
  readonly opsPerSec: number | null;
  readonly writeAmp: number | null;
  readonly blockCacheHitRatio: number | null;
  readonly stallMicros: number | null;
  /** stallMicros over the wall time of the measured phases (load and run). */
  readonly stallShare: number | null;
  readonly stalls: StallCounts | null;
  readonly gcPauseShare: number | null;
  readonly rssPeakBytes: number | null;
  /** How an operation of these cells reads and writes (their recorded kinds, else its name: operations.ts). */
  classify(name: string): OperationClass;
  /** A median engine metric by name (engine.metrics), or null. */
  metric(name: string): number | null;
  /** The effective RocksDB option (OPTIONS file read back, e.g. 'CFOptions.default.write_buffer_size'), or null. */
  option(key: string): string | null;
  /** Median over repeats and operations named like `op` of a latency field (µs), or null. */
  latency(op: (name: string) => boolean, field: 'p50' | 'p99' | 'mean'): number | null;
  /** Time spent in operations matching `op` over all timed time (count x mean latency). */
  timeShare(op: (name: string) => boolean): number | null;
}

export interface AdviceContext {
  readonly document: ResultDocument;
  readonly configs: readonly ConfigFacts[];
  readonly cpuCount: number;
  readonly memoryBudgetBytes: number | null;
  /** The LRU miss-ratio curve of each trace workload the document replays, by workload name (statebench trace). */
  readonly missRatioCurves: ReadonlyMap<string, readonly CurvePoint[]>;
}

/** A point of a trace's LRU miss-ratio curve: a cache of `keys` keys (`bytes` of keys and values, null when the trace gives no value sizes). */
export interface CurvePoint {
  readonly keys: number;
  readonly bytes: number | null;
  readonly missRatio: number;
}

export function workloadShape(cells: readonly CellOk[]): WorkloadShape {
  let total = 0;
  let reads = 0;
  let point = 0;
  let scans = 0;
  let writes = 0;
  for (const cell of cells) {
    for (const [name, r] of Object.entries(cell.phases.run?.operations ?? {})) {
      const op = classifyOperation(name, cell.operationKinds);
      total += r.count;
      if (op.read) reads += r.count;
      if (op.read && !op.scan) point += r.count;
      if (op.scan) scans += r.count;
      if (op.write) writes += r.count;
    }
  }
  const share = (n: number): number => (total > 0 ? n / total : 0);
  return { totalOps: total, reads: share(reads), pointReads: share(point), scans: share(scans), writes: share(writes) };
}

function phaseMs(cell: CellOk): number {
  return (cell.phases.load?.durationMs ?? 0) + (cell.phases.run?.durationMs ?? 0);
}

export function configFacts(cells: readonly CellOk[]): ConfigFacts {
  const first = cells[0] as CellOk;
  const med = (f: (c: CellOk) => number | null | undefined): number | null => median(cells.map(f));
  const stallsList = cells.map((c) => parseStallCounts(c.engine?.raw.stats)).filter((s): s is StallCounts => s !== null);
  const stalls =
    stallsList.length === 0
      ? null
      : {
          l0: median(stallsList.map((s) => s.l0)) ?? 0,
          memtable: median(stallsList.map((s) => s.memtable)) ?? 0,
          pendingCompaction: median(stallsList.map((s) => s.pendingCompaction)) ?? 0,
        };
  const matching = (c: CellOk, op: (name: string) => boolean) =>
    Object.entries(c.phases.run?.operations ?? {}).filter(([name, r]) => op(name) && r.count > 0);
  return {
    backend: first.backend,
    workload: first.workload.name,
    knobs: first.knobs,
    cellIds: cells.map((c) => c.id),
    cells,
    // One backend and one set of knobs: every cell has the same class.
    durabilityClass: cells.find((c) => c.durabilityClass !== undefined)?.durabilityClass ?? null,
    memory: first.memory ?? null,
    shape: workloadShape(cells),
    opsPerSec: med((c) => c.phases.run?.throughputOpsPerSec),
    writeAmp: med((c) => c.engine?.writeAmp),
    blockCacheHitRatio: med((c) => c.engine?.blockCacheHitRatio),
    stallMicros: med((c) => c.engine?.stallMicros),
    stallShare: med((c) => (c.engine?.stallMicros != null && phaseMs(c) > 0 ? Math.min(1, c.engine.stallMicros / (phaseMs(c) * 1000)) : null)),
    stalls,
    gcPauseShare: med((c) => (c.resources?.gcPauseMs != null && phaseMs(c) > 0 ? c.resources.gcPauseMs / phaseMs(c) : null)),
    rssPeakBytes: med((c) => c.resources?.rssPeakBytes),
    classify: (name) => classifyOperation(name, first.operationKinds),
    metric: (name) => med((c) => c.engine?.metrics[name]),
    option: (key) => {
      const v = first.engine?.options?.[key];
      return v === undefined ? null : v;
    },
    latency: (op, field) => med((c) => median(matching(c, op).map(([, r]) => r.latencyUs[field]))),
    timeShare: (op) =>
      med((c) => {
        let all = 0;
        let hit = 0;
        for (const [name, r] of Object.entries(c.phases.run?.operations ?? {})) {
          const t = r.count * (r.latencyUs.mean ?? 0);
          all += t;
          if (op(name)) hit += t;
        }
        return all > 0 ? hit / all : null;
      }),
  };
}

export function buildAdviceContext(doc: ResultDocument, memoryBudgetBytes: number | null, missRatioCurves: ReadonlyMap<string, readonly CurvePoint[]> = new Map()): AdviceContext {
  const configs: ConfigFacts[] = [];
  for (const group of groupCells(doc).values()) {
    const ok = group.cells.filter((c): c is CellOk => c.status === 'ok');
    if (ok.length > 0) configs.push(configFacts(ok));
  }
  return { document: doc, configs, cpuCount: doc.environment.cpuCount, memoryBudgetBytes, missRatioCurves };
}

/** A knob's value as a number (sizes and counts are numbers once resolved), or null. */
export function knobNumber(f: ConfigFacts, knob: string): number | null {
  const v = f.knobs[knob];
  return typeof v === 'number' ? v : null;
}
