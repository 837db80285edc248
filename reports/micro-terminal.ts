// The micro run's terminal output: the state each backend was measured against, then one row per
// backend and task (batch tasks also per key). A pure function from the document to text.

import { renderTable } from './terminal.js';
import type { CellResult, MicroTask, ResultDocument } from '../core/result/schema.js';
import { formatBytes } from '../core/units.js';
import { NULL_TASK } from '../core/result/micro-tasks.js';
import { RESOLUTION_FACTOR } from '../core/result/micro-tasks.js';
import type { MicroStateInfo } from '../harness/micro/spec.js';
import { formatMargin, formatWhole } from '../core/numbers.js';

/** Nanoseconds with a unit that keeps three significant figures or so. */
export function formatNs(ns: number | null): string {
  if (ns === null) return '-';
  if (ns < 1000) return `${ns < 10 ? ns.toFixed(1) : Math.round(ns)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(ns < 1e4 ? 2 : 1)} µs`;
  return `${(ns / 1e6).toFixed(ns < 1e7 ? 2 : 1)} ms`;
}

const div = (n: number | null, d: number): number | null => (n === null ? null : n / d);

function taskRows(prefix: string[], name: string, t: MicroTask): string[][] {
  const flag = name === NULL_TASK ? 'baseline' : t.atTimerResolution ? `timer (<${RESOLUTION_FACTOR}x null)` : '';
  const rows = [[...prefix, name, formatNs(t.meanNs), formatNs(t.p50Ns), formatNs(t.p99Ns), formatWhole(t.opsPerSec), formatMargin(t.rme), formatWhole(t.samples), flag]];
  const per = t.opsPerCall ?? 1;
  if (per > 1) {
    // The same samples seen per key: a batch's time spread over the keys it wrote.
    rows.push([...prefix, `  per key (/${per})`, formatNs(div(t.meanNs, per)), formatNs(div(t.p50Ns, per)), formatNs(div(t.p99Ns, per)), formatWhole(t.opsPerSec === null ? null : t.opsPerSec * per), '', '', '']);
  }
  return rows;
}

function stateLine(cell: CellResult, state: MicroStateInfo | undefined): string | null {
  if (!state) return null;
  const disk = state.diskBytesAfterPreload === null ? 'in memory' : `${formatBytes(state.diskBytesAfterPreload)} on disk`;
  return `${cell.id}: ${state.records.toLocaleString('en-US')} records (${formatBytes(state.logicalBytes)} of keys and values; ${disk}), preloaded in ${state.preloadMs.toLocaleString('en-US')} ms`;
}

export function renderMicroTable(doc: ResultDocument, states: ReadonlyMap<string, MicroStateInfo> = new Map()): string {
  const withRepeat = doc.plan.repeat > 1;
  const head = ['backend', ...(withRepeat ? ['rep'] : []), 'op', 'mean', 'p50', 'p99', 'ops/s', 'rme', 'samples', 'flag'];
  const rows: string[][] = [head];
  const lines: string[] = [];
  // Why a cell is skipped or errored: below the table, so long reasons do not widen it.
  const notes: string[] = [];
  for (const cell of doc.cells) {
    const prefix = [cell.backend, ...(withRepeat ? [String(cell.repeat)] : [])];
    if (cell.status === 'skipped') {
      rows.push([...prefix, '-', '', '', '', '', '', '', 'skipped']);
      notes.push(`${cell.id} skipped: ${cell.reason}`);
      continue;
    }
    const line = stateLine(cell, states.get(cell.id));
    if (line) lines.push(line);
    for (const [name, t] of Object.entries(cell.micro ?? {})) rows.push(...taskRows(prefix, name, t));
    if (cell.status === 'errored') {
      rows.push([...prefix, '-', '', '', '', '', '', '', 'errored']);
      notes.push(`${cell.id} errored: ${cell.error}`);
    }
    if (cell.status === 'interrupted') rows.push([...prefix, '-', '', '', '', '', '', '', 'interrupted']);
  }
  const right = new Set(withRepeat ? [3, 4, 5, 6, 7, 8] : [2, 3, 4, 5, 6, 7]);
  const budget = `tinybench, ${doc.plan.durationMs ?? '-'} ms of timed calls per task after ${doc.plan.warmupMs ?? 0} ms of warm-up; keys uniform over the preloaded records`;
  return [...lines, budget, '', renderTable(rows, right), ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
}
