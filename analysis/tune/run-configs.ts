// Runs a few configurations of one workload against each other: every configuration planned by
// the run's own buildPlan (so knobs are checked and resolved as for `run`, typed values taken as
// they are), the repeats interleaved by the plan's seeded order, and repeat r of every
// configuration on the plan's seed of repeat r (the same operation stream): drift on a busy
// machine then favours no configuration.
// The planning is here; the cells run through the harness's loop (executeCells), each in its own
// child process on a fresh data directory.

import type { CellResult } from '../../core/result/schema.js';
import { describeSpecRef } from '../../harness/exec/spec-ref.js';
import { showCellEnd, spawnShownCell } from '../../harness/exec/cell-progress.js';
import { executeCells } from '../../harness/exec/execute-cells.js';
import { RunDataDir } from '../../harness/exec/data-dir.js';
import type { ResolvedRunOptions } from '../../harness/plan/run-options.js';
import { buildPlan, type PlannedCell } from '../../harness/plan/run-cells.js';
import type { ProgressSink } from '../../harness/exec/progress.js';
import { interleaveRepeats, repeatSeed } from '../../harness/plan/order.js';
import type { KnobValue } from '../../backends/types.js';
import type { TaskManagerRun } from '../../harness/plan/taskmanager.js';

export interface ConfigSpec {
  /** Short name used in cell ids and logs ("base", "suggested", "trial-3"). */
  readonly label: string;
  readonly backend: string;
  /** Knob values, on top of the backend's defaults. */
  readonly knobs: Readonly<Record<string, KnobValue>>;
  /** The TaskManager the configuration runs in (tune's managed fraction); absent: the run's own. */
  readonly taskManager?: TaskManagerRun;
}

export interface RunConfigsOptions {
  /** The run's options: workload, records, ops or duration, warm-up, seed ... */
  readonly base: ResolvedRunOptions;
  readonly workload: string;
  readonly repeats: number;
  /** Overrides of the run length for these cells (successive halving grows it per rung). */
  readonly durationMs?: number | null;
  readonly ops?: number | null;
  readonly progress?: ProgressSink;
  /** Each finished cell (to append to a verification log). */
  readonly onCell?: (cell: CellResult) => void;
  /**
   * Measure in steady state (tune): after the load the engine settles (flushes and compactions
   * done), then this many warm-up operations replace the run's warm-up.
   */
  readonly steady?: { readonly warmupOps: number; readonly intervalMs: number };
}

/** Plans one configuration: a cell per repeat, ids prefixed with the label. */
async function planConfig(c: ConfigSpec, o: RunConfigsOptions): Promise<PlannedCell[]> {
  const lengthOverride =
    o.durationMs !== undefined || o.ops !== undefined ? { durationMs: o.durationMs ?? null, ops: o.ops ?? null } : {};
  // Another TaskManager brings its own base knobs (the bound its managed memory gives).
  const base = c.taskManager ? { ...o.base, taskManagers: [c.taskManager], baseKnobs: c.taskManager.baseKnobs } : o.base;
  const plan = await buildPlan({
    ...base,
    ...lengthOverride,
    backends: [c.backend],
    workloads: [o.workload],
    sets: [],
    axes: new Map(),
    repeat: 1,
    // The configuration on top of the run's own base knobs (--semantics, --flink-conf): a tune or
    // a verification under Flink semantics compares configurations that all run without the WAL.
    baseKnobs: { ...base.baseKnobs, [c.backend]: { ...(base.baseKnobs[c.backend] ?? {}), ...c.knobs } },
    shard: null,
    resume: null,
    memoryBudgetBytes: null,
  });
  const planned = plan.cells[0] as PlannedCell;
  const cell: PlannedCell = o.steady ? { ...planned, settle: true, warmupOps: o.steady.warmupOps, warmupMs: null, intervalMs: o.steady.intervalMs } : planned;
  const out: PlannedCell[] = [];
  for (let r = 0; r < o.repeats; r++) {
    out.push({
      ...cell,
      id: `${c.label}:${cell.backend}/${cell.workload}#${r}`,
      repeat: r,
      seed: repeatSeed(o.base.seed, r),
    });
  }
  return out;
}

/** Results per configuration, in the order given, each list ordered by repeat. */
export async function runConfigs(configs: readonly ConfigSpec[], o: RunConfigsOptions): Promise<CellResult[][]> {
  const planned = await Promise.all(configs.map((c) => planConfig(c, o)));
  // Shuffled even in a round of one repeat (tune's race): drift then favours no configuration.
  const schedule = interleaveRepeats(o.repeats, o.base.seed, (r) => configs.map((_, i) => ({ config: i, cell: (planned[i] as PlannedCell[])[r] as PlannedCell })), true);
  const results: CellResult[][] = configs.map(() => []);
  // Tune's cells show no line per phase, and keep no data (--keep-data is run's).
  await executeCells(schedule, {
    data: new RunDataDir(o.base.dataDir),
    ref: ({ cell }) => describeSpecRef(cell),
    start: ({ cell }, dir, k) => spawnShownCell({ ...cell, dataDir: dir }, k, schedule.length, o.progress, false),
    onCell: (result, { config, cell }) => {
      (results[config] as CellResult[]).push(result);
      showCellEnd(o.progress, cell.id, result);
      o.onCell?.(result);
    },
  });
  for (const list of results) list.sort((a, b) => a.repeat - b.repeat);
  return results;
}

/** Knob values of a resolved cell that differ from the backend's defaults. */
export function knobsChanged(knobs: Readonly<Record<string, KnobValue | null>>, defaults: Readonly<Record<string, KnobValue | null>>): Record<string, KnobValue> {
  const out: Record<string, KnobValue> = {};
  for (const [k, v] of Object.entries(knobs)) {
    if (v === null || v === undefined || v === defaults[k]) continue;
    out[k] = v;
  }
  return out;
}
