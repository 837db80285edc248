// Executes a plan: each cell in its own child process on a fresh data directory, each result
// appended to results.jsonl as soon as it arrives. Ctrl-C asks the running cell to stop at its
// next interval (a second Ctrl-C kills it), keeps what was measured, lists the cells not run
// as skipped, and removes only the data directories this run created.

import { accessSync, constants } from 'node:fs';
import { resolve } from 'node:path';
import { makeDirs } from '../../core/make-dirs.js';
import { UsageError } from '../../core/errors.js';
import { spawnCell, type SpawnedCell } from '../cell/spawn.js';
import { measureClock } from '../recorder/clock.js';
import type { CellResult, Plan as PlanRecord, ResultDocument } from '../../core/result/schema.js';
import { RunDataDir } from './data-dir.js';
import { buildDocument, ResultWriter } from './document.js';
import { collectEnvironment } from './environment.js';
import type { ResolvedRunOptions } from './options.js';
import { buildPlan, type PlannedCell } from './plan.js';
import { createProgress, type ProgressSink } from './progress.js';
import { applyMeasuredBudget } from '../budget/measured.js';
import { adviseDocument } from '../../analysis/advice/advise.js';
import { selectCells, type CellAction } from './cell-selection.js';

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

export function prepareOutDir(out: string): string {
  const dir = resolve(out);
  try {
    makeDirs(dir);
    accessSync(dir, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`--out: cannot write to ${dir} (${code}); give a writable directory`);
  }
  return dir;
}

export async function executeRun(o: ResolvedRunOptions, hooks: ExecuteHooks = {}): Promise<RunOutcome> {
  const outDir = prepareOutDir(o.out);
  const plan = await buildPlan(o);
  // Shard, resume and budget decisions; reads --resume before the writer truncates results.jsonl.
  const selection = selectCells(plan, o);
  const progress = hooks.progress ?? createProgress();
  const warnings: string[] = [];

  const engines: Record<string, string | null> = {};
  for (const [name, d] of plan.descriptions) engines[name] = d.version ? `${d.engine} ${d.version}` : d.engine;
  const data = new RunDataDir(o.dataDir);
  const environment = collectEnvironment({ engines, dataDir: data.root, clock: measureClock() });
  if (environment.fsType === 'tmpfs') {
    warnings.push(`data directory ${data.root} is on tmpfs (memory): disk-backed engines will look faster than on a disk; use --data-dir`);
  }
  for (const w of o.flinkConf?.warnings ?? []) warnings.push(`--flink-conf ${o.flinkConf?.path}: ${w}`);
  warnings.push(...plan.warnings);
  for (const w of warnings) progress.line(`warning: ${w}`);
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
    targetRateOpsPerSec: o.targetRate,
    intervalMs: o.intervalMs,
    sets: [...o.sets],
    cellCount: plan.cells.length,
    shard: o.shard ?? null,
    flinkConf: o.flinkConf?.path ?? null,
    memoryBudgetBytes: o.memoryBudgetBytes ?? null,
  };

  const writer = new ResultWriter(outDir);
  const results: CellResult[] = [];
  let interrupted = false;
  let current: SpawnedCell | null = null;
  let sigints = 0;
  const onSigint = (): void => {
    sigints++;
    interrupted = true;
    if (sigints === 1) {
      progress.line('interrupt: stopping the running cell at its next interval (Ctrl-C again to kill it)');
      current?.stop();
    } else {
      current?.kill();
    }
  };
  if (hooks.handleSignals) process.on('SIGINT', onSigint);

  try {
    for (let i = 0; i < selection.actions.length; i++) {
      const action = selection.actions[i] as CellAction;
      const planned: PlannedCell = action.cell;
      if (interrupted) {
        results.push(notRun(planned, 'not run: the run was interrupted'));
        continue;
      }
      const desc = plan.descriptions.get(planned.backend);
      let cell: CellResult;
      if (action.kind === 'resumed') {
        cell = action.result;
      } else if (action.kind === 'over-budget') {
        cell = notRun(planned, action.reason);
      } else if (desc && !desc.available) {
        cell = notRun(planned, desc.reason ?? `${desc.name} is unavailable`);
      } else {
        progress.cellStarted(i, selection.actions.length, planned.id);
        const dir = data.cellDir(i);
        current = spawnCell(
          { ...planned, dataDir: dir },
          (p) => progress.update(p),
          (name, r) => progress.phaseFinished(name, r.ops, r.durationMs, r.throughputOpsPerSec),
        );
        cell = applyMeasuredBudget(await current.result, o.memoryBudgetBytes);
        current = null;
        if (!o.keepData) data.removeCell(dir);
      }
      results.push(cell);
      writer.appendCell(cell);
      writer.writeDocument(buildDocument(environment, planRecord, results, warnings));
      progress.cellFinished(planned.id, cell.status === 'errored' ? `errored: ${cell.error}` : cell.status, runRate(cell));
      hooks.onCell?.(cell);
    }
  } finally {
    if (hooks.handleSignals) process.off('SIGINT', onSigint);
    if (!o.keepData) data.removeAll();
    else progress.line(`data kept in ${data.root}`);
  }

  const measured = buildDocument(environment, planRecord, results, warnings);
  // Recommendations from the measured cells (unverified; --verify-advice measures them after).
  const document = { ...measured, recommendations: adviseDocument(measured, { memoryBudgetBytes: o.memoryBudgetBytes ?? null }) };
  writer.writeDocument(document);
  return {
    document,
    interrupted,
    failedCells: results.filter((c) => c.status === 'errored').length,
    outDir,
  };
}

function notRun(p: PlannedCell, reason: string): CellResult {
  return {
    id: p.id,
    backend: p.backend,
    knobs: { ...p.knobs },
    workload: { name: p.workload },
    repeat: p.repeat,
    seed: p.seed,
    startedAt: null,
    warnings: [],
    status: 'skipped',
    reason,
  };
}

function runRate(cell: CellResult): number | null {
  if (cell.status === 'skipped') return null;
  return cell.phases.run?.throughputOpsPerSec ?? null;
}
