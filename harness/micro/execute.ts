// Executes a micro run: each cell (backend x knobs x repeat) in its own child process on a fresh
// data directory; each result appended to results.jsonl as it arrives and results.json rewritten,
// so an interrupted run still leaves a valid document. Ctrl-C stops the running cell after its
// current task (twice: kills it); cells not run are listed as skipped.

import { measureClock } from '../recorder/clock.js';
import type { CellResult, Plan as PlanRecord, ResultDocument } from '../../core/result/schema.js';
import { RunDataDir } from '../run/data-dir.js';
import { buildDocument, ResultWriter } from '../run/document.js';
import { collectEnvironment } from '../run/environment.js';
import { prepareOutDir } from '../run/execute.js';
import type { MicroOptions } from './options.js';
import { buildMicroPlan, type MicroPlannedCell } from './plan.js';
import { spawnMicroCell, type SpawnedMicroCell } from './spawn.js';
import { microWorkloadRef, type MicroStateInfo } from './spec.js';

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
  const engines: Record<string, string | null> = {};
  for (const [name, d] of plan.descriptions) engines[name] = d.version ? `${d.engine} ${d.version}` : d.engine;
  for (const d of plan.descriptions.values()) {
    if (!d.available) warnings.push(`${d.name} is unavailable: ${d.reason ?? 'no reason given'}; its cells are skipped`);
  }
  const data = new RunDataDir(o.dataDir);
  const environment = collectEnvironment({ engines, dataDir: data.root, clock: measureClock() });
  if (environment.fsType === 'tmpfs') {
    warnings.push(`data directory ${data.root} is on tmpfs (memory): disk-backed engines will look faster than on a disk; use --data-dir`);
  }
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
  const cells: CellResult[] = [];
  const states = new Map<string, MicroStateInfo>();
  let interrupted = false;
  let current: SpawnedMicroCell | null = null;
  let sigints = 0;
  const onSigint = (): void => {
    sigints++;
    interrupted = true;
    if (sigints === 1) {
      log('interrupt: stopping the running cell after its current task (Ctrl-C again to kill it)');
      current?.stop();
    } else current?.kill();
  };
  if (hooks.handleSignals) process.on('SIGINT', onSigint);

  try {
    for (let i = 0; i < plan.cells.length; i++) {
      const planned = plan.cells[i] as MicroPlannedCell;
      const desc = plan.descriptions.get(planned.backend);
      let cell: CellResult;
      if (interrupted) cell = skipped(planned, o, 'not run: the run was interrupted');
      else if (desc && !desc.available) cell = skipped(planned, o, desc.reason ?? `${desc.name} is unavailable`);
      else {
        log(`[${i + 1}/${plan.cells.length}] ${planned.id}: preloading ${o.records.toLocaleString('en-US')} records`);
        const dir = data.cellDir(i);
        current = spawnMicroCell(
          { ...planned, ops: o.ops, records: o.records, timeMs: o.timeMs, warmupMs: o.warmupMs, valueSize: o.valueSize, keySize: o.keySize, dataDir: dir },
          log,
        );
        const out = await current.result;
        current = null;
        data.removeCell(dir);
        cell = out.cell;
        if (out.state) states.set(cell.id, out.state);
      }
      cells.push(cell);
      writer.appendCell(cell);
      writer.writeDocument(buildDocument(environment, planRecord, cells, warnings));
      log(`[${i + 1}/${plan.cells.length}] ${planned.id}: ${cell.status === 'errored' ? `errored: ${cell.error}` : cell.status}`);
    }
  } finally {
    if (hooks.handleSignals) process.off('SIGINT', onSigint);
    data.removeAll();
  }
  const document = buildDocument(environment, planRecord, cells, warnings);
  writer.writeDocument(document);
  return { document, states, interrupted, failedCells: cells.filter((c) => c.status === 'errored').length, outDir };
}

function skipped(p: MicroPlannedCell, o: MicroOptions, reason: string): CellResult {
  return {
    id: p.id,
    backend: p.backend,
    knobs: { ...p.knobs },
    workload: microWorkloadRef(o),
    repeat: p.repeat,
    seed: p.seed,
    startedAt: null,
    warnings: [],
    status: 'skipped',
    reason,
  };
}
