// Executes a plan through the cell loop (exec/execute-cells.ts): each cell in its own child
// process on a fresh data directory, each result appended to results.jsonl as soon as it arrives
// and results.json rewritten. Ctrl-C asks the running cell to stop at its next interval (a second
// Ctrl-C kills it), keeps what was measured, lists the cells not run as skipped, and removes only
// the data directories this run created. The document holds what was measured; the CLI adds the
// recommendations and writes the reports.

import type { CellResult, Plan as PlanRecord, ResultDocument } from '../../core/result/schema.js';
import { buildDocument, ResultWriter } from '../exec/document.js';
import { setUpRun } from '../exec/run-setup.js';
import { prepareOutDir } from '../exec/out-dir.js';
import type { ResolvedRunOptions } from '../plan/run-options.js';
import { buildPlan } from '../plan/run-cells.js';
import { describeTaskManager, threadsBeyondSlots } from '../plan/taskmanager.js';
import { createProgress, type ProgressSink } from '../exec/progress.js';
import { applyMeasuredBudget } from '../budget/measured.js';
import { selectCells, type CellAction } from '../plan/selection.js';
import { executeCells, type CellDecision } from '../exec/execute-cells.js';
import { showCellEnd, spawnShownCell } from '../exec/cell-progress.js';
import { describeSpecRef } from '../exec/spec-ref.js';

export interface RunOutcome {
  readonly document: ResultDocument;
  readonly interrupted: boolean;
  readonly failedCells: number;
  readonly outDir: string;
}

export interface ExecuteHooks {
  readonly progress?: ProgressSink;
  /** Called with each finished cell (after it is written). */
  readonly onCell?: (cell: CellResult) => void;
  /** Install SIGINT handling (the CLI does; programmatic callers may not want it). */
  readonly handleSignals?: boolean;
}

export async function executeRun(o: ResolvedRunOptions, hooks: ExecuteHooks = {}): Promise<RunOutcome> {
  const outDir = prepareOutDir(o.out);
  const plan = await buildPlan(o);
  // Shard, resume and budget decisions; reads --resume before the writer truncates results.jsonl.
  const selection = selectCells(plan, o);
  const progress = hooks.progress ?? createProgress();
  const warnings: string[] = [];

  const { data, environment, warnings: setupWarnings } = setUpRun(plan.descriptions, o.dataDir);
  warnings.push(...setupWarnings);
  for (const w of o.flinkConf?.warnings ?? []) warnings.push(`--flink-conf ${o.flinkConf?.path}: ${w}`);
  for (const w of new Set((o.taskManagers ?? []).flatMap((tm) => tm.warnings))) warnings.push(`--taskmanager-memory: ${w}`);
  const slotsNote = o.taskManagers?.[0] ? threadsBeyondSlots(o.taskManagers[0], o.threads ?? [1]) : null;
  if (slotsNote !== null) warnings.push(slotsNote);
  warnings.push(...plan.warnings);
  for (const w of warnings) progress.line(`warning: ${w}`);
  for (const tm of o.taskManagers ?? []) for (const line of describeTaskManager(tm, o.backends)) progress.line(line);
  for (const n of selection.notes) progress.line(n);

  const planRecord: PlanRecord = {
    backends: [...o.backends],
    workloads: [...o.workloads],
    records: o.records,
    ops: o.ops,
    durationMs: o.durationMs,
    warmupOps: o.warmupOps,
    warmupMs: o.warmupMs,
    keySize: o.keySize,
    valueSize: o.valueSize,
    distribution: o.distribution,
    seed: o.seed,
    repeat: o.repeat,
    targetRateOpsPerSec: o.targetRate === 'trace' ? null : o.targetRate,
    intervalMs: o.intervalMs,
    sets: [...o.sets],
    cellCount: plan.cells.length,
    shard: o.shard ?? null,
    flinkConf: o.flinkConf?.path ?? null,
    memoryBudgetBytes: o.memoryBudgetBytes ?? null,
    ...(o.semantics ? { semantics: o.semantics } : {}),
    ...(o.threads && o.threads.some((t) => t !== 1) ? { threads: [...o.threads] } : {}),
    ...(o.taskManagers && o.taskManagers.length > 0 ? { taskManagers: o.taskManagers.map((tm) => ({ processSize: tm.processSize, processBytes: tm.processBytes, slots: tm.slots })) } : {}),
  };

  const writer = new ResultWriter(outDir);
  const decide = (action: CellAction): CellDecision =>
    action.kind === 'resumed' ? { kind: 'have', result: action.result } : action.kind === 'over-budget' ? { kind: 'skip', reason: action.reason } : { kind: 'run' };
  const { cells, interrupted } = await executeCells(selection.actions, {
    data,
    keepData: o.keepData,
    handleSignals: hooks.handleSignals,
    stopsWhere: 'at its next interval',
    log: (line) => progress.line(line),
    descriptions: plan.descriptions,
    ref: (action) => describeSpecRef(action.cell),
    decide,
    start: (action, dir, i) => {
      const spawned = spawnShownCell({ ...action.cell, dataDir: dir }, i, selection.actions.length, progress);
      return { ...spawned, result: spawned.result.then((cell) => applyMeasuredBudget(cell, o.memoryBudgetBytes)) };
    },
    onCell: (cell, action, _i, done) => {
      writer.appendCell(cell);
      writer.writeDocument(buildDocument(environment, planRecord, done, warnings));
      showCellEnd(progress, action.cell.id, cell);
      hooks.onCell?.(cell);
    },
  });

  const document = buildDocument(environment, planRecord, cells, warnings);
  writer.writeDocument(document);
  return {
    document,
    interrupted,
    failedCells: cells.filter((c) => c.status === 'errored').length,
    outDir,
  };
}
