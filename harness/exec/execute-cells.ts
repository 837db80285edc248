// The plan -> execute loop of run, micro and tune (and so calibrate and --verify-advice): each
// cell to run gets a fresh data directory and its own child process; each finished cell is handed
// to the caller at once (run appends it to results.jsonl). Ctrl-C stops the running cell at its
// next boundary (a second Ctrl-C kills it) and lists the cells not run as skipped. Data
// directories are removed unless kept (--keep-data), and only the run's own (RunDataDir).

import type { BackendDescription } from '../../backends/types.js';
import type { CellResult } from '../../core/result/schema.js';
import type { RunDataDir } from './data-dir.js';
import { skippedCell, type CellRef } from './cell-stub.js';

/** What to do with one planned cell before anything is spawned. */
export type CellDecision =
  | { readonly kind: 'run' }
  /** Not run, with the reason (unavailable backend, over the memory budget). */
  | { readonly kind: 'skip'; readonly reason: string }
  /** Already measured (--resume): taken as it is. */
  | { readonly kind: 'have'; readonly result: CellResult };

/** A cell's child process as the loop drives it. */
export interface RunningCell {
  readonly result: Promise<CellResult>;
  stop(): void;
  kill(): void;
}

export interface ExecuteCellsOptions<T> {
  readonly data: RunDataDir;
  /** Keep the data directories (--keep-data): neither a cell's nor the run's are removed. */
  readonly keepData?: boolean;
  /** Install SIGINT handling (the CLI does; programmatic callers may not want it). */
  readonly handleSignals?: boolean;
  /** Where the running cell stops on the first Ctrl-C, for the message ('at its next interval'). */
  readonly stopsWhere?: string;
  /** Lines for the user: the interrupt, where kept data is. */
  readonly log?: (line: string) => void;
  /** The plan's backends: a cell to run on an unavailable one is skipped with its reason. */
  readonly descriptions?: ReadonlyMap<string, BackendDescription>;
  /** Names a cell when nothing of it was measured. */
  ref(item: T): CellRef;
  /** Resumed or over-budget cells (run); default: run. */
  decide?(item: T, index: number): CellDecision;
  /** Spawns the cell's child on `dir` (and says so). */
  start(item: T, dir: string, index: number): RunningCell;
  /** Each cell as it is finished, skipped or taken over; `done` holds it and every cell before it. */
  onCell?(cell: CellResult, item: T, index: number, done: readonly CellResult[]): void;
  /** Each cell left out because the run was interrupted (run lists them only in the document). */
  onNotRun?(cell: CellResult, item: T, index: number, done: readonly CellResult[]): void;
}

export interface ExecutedCells {
  /** One per item, in order. */
  readonly cells: readonly CellResult[];
  readonly interrupted: boolean;
}

export async function executeCells<T>(items: readonly T[], o: ExecuteCellsOptions<T>): Promise<ExecutedCells> {
  const log = o.log ?? (() => undefined);
  const cells: CellResult[] = [];
  let interrupted = false;
  let current: RunningCell | null = null;
  let sigints = 0;
  const onSigint = (): void => {
    sigints++;
    interrupted = true;
    if (sigints === 1) {
      log(`interrupt: stopping the running cell ${o.stopsWhere ?? 'at its next boundary'} (Ctrl-C again to kill it)`);
      current?.stop();
    } else current?.kill();
  };
  if (o.handleSignals) process.on('SIGINT', onSigint);

  try {
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as T;
      if (interrupted) {
        const cell = skippedCell(o.ref(item), 'not run: the run was interrupted');
        cells.push(cell);
        o.onNotRun?.(cell, item, i, cells);
        continue;
      }
      const decision = o.decide?.(item, i) ?? { kind: 'run' };
      const desc = o.descriptions?.get(o.ref(item).backend);
      let cell: CellResult;
      if (decision.kind === 'have') cell = decision.result;
      else if (decision.kind === 'skip') cell = skippedCell(o.ref(item), decision.reason);
      else if (desc && !desc.available) cell = skippedCell(o.ref(item), desc.reason ?? `${desc.name} is unavailable`);
      else {
        const dir = o.data.cellDir(i);
        current = o.start(item, dir, i);
        cell = await current.result;
        current = null;
        if (!o.keepData) o.data.removeCell(dir);
      }
      cells.push(cell);
      o.onCell?.(cell, item, i, cells);
    }
  } finally {
    if (o.handleSignals) process.off('SIGINT', onSigint);
    if (!o.keepData) o.data.removeAll();
    else log(`data kept in ${o.data.root}`);
  }
  return { cells, interrupted };
}
