// Executes a micro run through the cell loop (exec/execute-cells.ts): each cell (backend x knobs
// x repeat) in its own child process on a fresh data directory; each result appended to
// results.jsonl as it arrives and results.json rewritten, so an interrupted run still leaves a
// valid document. Ctrl-C stops the running cell after its current task (twice: kills it); cells
// not run are listed as skipped.

import type { CellResult, Plan as PlanRecord, ResultDocument } from '../../core/result/schema.js';
import { buildDocument, ResultWriter } from '../exec/document.js';
import { setUpRun } from '../exec/run-setup.js';
import { prepareOutDir } from '../exec/out-dir.js';
import { executeCells } from '../exec/execute-cells.js';
import type { MicroOptions } from './options.js';
import { buildMicroPlan, type MicroPlannedCell } from '../plan/micro-cells.js';
import { spawnMicroCell } from '../exec/spawn-micro.js';
import { microWorkloadRef, type MicroStateInfo } from '../micro/spec.js';

export interface MicroOutcome {
  readonly document: ResultDocument;
  /** Per cell id: the state the cell measured against (records, sizes), when it got that far. */
  readonly states: ReadonlyMap<string, MicroStateInfo>;
  readonly interrupted: boolean;
  readonly failedCells: number;
  readonly outDir: string;
}

export interface MicroHooks {
  /** Progress lines (stderr in the CLI). */
  readonly log?: (line: string) => void;
  readonly handleSignals?: boolean;
}

export async function executeMicro(o: MicroOptions, hooks: MicroHooks = {}): Promise<MicroOutcome> {
  const log = hooks.log ?? (() => undefined);
  const outDir = prepareOutDir(o.out);
  const plan = await buildMicroPlan(o);
  const warnings: string[] = [];
  for (const d of plan.descriptions.values()) {
    if (!d.available) warnings.push(`${d.name} is unavailable: ${d.reason ?? 'no reason given'}; its cells are skipped`);
  }
  const { data, environment, warnings: setupWarnings } = setUpRun(plan.descriptions, o.dataDir);
  warnings.push(...setupWarnings);
  for (const w of warnings) log(`warning: ${w}`);

  const planRecord: PlanRecord = {
    backends: [...plan.backends],
    workloads: ['micro'],
    records: o.records,
    ops: null,
    // tinybench's budget per task: the sum of the timed calls, not wall time.
    durationMs: o.timeMs,
    warmupOps: null,
    warmupMs: o.warmupMs,
    keySize: o.keySize,
    valueSize: `${o.valueSize}`,
    distribution: 'uniform',
    seed: o.seed,
    repeat: o.repeat,
    targetRateOpsPerSec: null,
    intervalMs: 0,
    sets: [...o.sets],
    cellCount: plan.cells.length,
    shard: null,
  };

  const writer = new ResultWriter(outDir);
  const states = new Map<string, MicroStateInfo>();
  const total = plan.cells.length;
  const record = (cell: CellResult, planned: MicroPlannedCell, i: number, done: readonly CellResult[]): void => {
    writer.appendCell(cell);
    writer.writeDocument(buildDocument(environment, planRecord, done, warnings));
    log(`[${i + 1}/${total}] ${planned.id}: ${cell.status === 'errored' ? `errored: ${cell.error}` : cell.status}`);
  };
  const { cells, interrupted } = await executeCells(plan.cells, {
    data,
    handleSignals: hooks.handleSignals,
    stopsWhere: 'after its current task',
    log,
    descriptions: plan.descriptions,
    ref: (planned) => ({ ...planned, workload: microWorkloadRef(o) }),
    start: (planned, dir, i) => {
      log(`[${i + 1}/${total}] ${planned.id}: preloading ${o.records.toLocaleString('en-US')} records`);
      const spawned = spawnMicroCell(
        { ...planned, ops: o.ops, records: o.records, timeMs: o.timeMs, warmupMs: o.warmupMs, valueSize: o.valueSize, keySize: o.keySize, dataDir: dir },
        log,
      );
      const result = spawned.result.then((out) => {
        if (out.state) states.set(out.cell.id, out.state);
        return out.cell;
      });
      return { result, stop: spawned.stop, kill: spawned.kill };
    },
    onCell: record,
    // Micro lists the cells an interrupt left out as it goes, in results.jsonl too.
    onNotRun: record,
  });
  const document = buildDocument(environment, planRecord, cells, warnings);
  writer.writeDocument(document);
  return { document, states, interrupted, failedCells: cells.filter((c) => c.status === 'errored').length, outDir };
}
