// The terminal summary: one row per cell and operation kind. A pure function from a result
// document to text.

import type { CellResult, ResultDocument } from '../core/result/schema.js';
import { cellList, cellNotes } from './model/cell-notes.js';
import { ttlLine, ttlSeries } from './model/ttl-over-time.js';
import { elementCostRows, elementCostText } from './model/element-costs.js';
import { formatCount } from '../core/units.js';
import { scalingFindingTexts } from './model/scaling-findings.js';
import { memoryLabel } from './model/memory-label.js';
import { formatWhole } from '../core/numbers.js';

const fmtUs = (n: number | null | undefined): string =>
  n === null || n === undefined ? '-' : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n).toLocaleString('en-US');

function knobLabel(cell: CellResult, sets: readonly string[]): string {
  // Show the swept knobs (those named by --set) of this cell's backend.
  const names = sets
    .map((s) => /^([^.]+)\.([^=]+)=/.exec(s))
    .filter((m): m is RegExpExecArray => m !== null && m[1] === cell.backend)
    .map((m) => m[2] as string);
  return names.map((n) => `${n}=${String(cell.knobs[n])}`).join(' ');
}

const NUMERIC_COLUMNS = new Set(['records', 'threads', 'rep', 'ops/s', 'count', 'p50 µs', 'p99 µs', 'p99.9 µs', 'max µs']);

const DURABILITY_LEGEND = 'durability: what an acknowledged write survives: none (lost with the process), process (a process kill), machine (power loss)';
const SEMANTICS_TEXT = {
  flink: '; --semantics flink: no per-write durability, as Flink runs its state backends',
  'per-write': "; --semantics per-write: each engine's own durability",
} as const;

export function renderTable(rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  const line = (r: readonly string[]): string =>
    r.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const [head, ...body] = rows;
  if (!head) return '';
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** The state size of a cell ("400k"), for the size column of a run that swept it. */
function recordsLabel(cell: CellResult): string {
  const records = cell.workload.records;
  return typeof records === 'number' ? formatCount(records) : '-';
}

export function renderTerminalSummary(doc: ResultDocument): string {
  // A records column only when the state size varies (--records 100k,1M).
  const sized = new Set(doc.cells.map((c) => c.workload.records)).size > 1;
  // A threads column only when some cell ran more than one thread (--threads 2, --threads 1,4).
  const threaded = doc.cells.some((c) => (c.threads ?? 1) > 1);
  // A memory column inside an emulated TaskManager (--taskmanager-memory): what bounded each backend.
  const bounded = doc.cells.some((c) => c.memory !== undefined);
  const head = ['backend', 'workload', ...(sized ? ['records'] : []), ...(threaded ? ['threads'] : []), 'knobs', 'durability', ...(bounded ? ['memory'] : []), 'rep', 'status', 'ops/s', 'op', 'count', 'p50 µs', 'p99 µs', 'p99.9 µs', 'max µs'];
  const rows: string[][] = [head];
  for (const cell of doc.cells) {
    const base = [cell.backend, cell.workload.name, ...(sized ? [recordsLabel(cell)] : []), ...(threaded ? [String(cell.threads ?? 1)] : []), knobLabel(cell, doc.plan.sets), cell.durabilityClass ?? '-', ...(bounded ? [cell.memory ? memoryLabel(cell.memory) : '-'] : []), String(cell.repeat)];
    if (cell.status === 'skipped') {
      rows.push([...base, 'skipped', '-', cell.reason, '', '', '', '', '']);
      continue;
    }
    const run = cell.phases.run;
    const status = cell.status === 'errored' ? 'errored' : cell.status;
    const ops = Object.entries(run?.operations ?? {});
    if (ops.length === 0) {
      rows.push([...base, status, formatWhole(run?.throughputOpsPerSec), '-', '', '', '', '', '']);
      continue;
    }
    ops.forEach(([name, op], i) => {
      rows.push([
        ...(i === 0 ? base : base.map(() => '')),
        i === 0 ? status : '',
        i === 0 ? formatWhole(run?.throughputOpsPerSec) : '',
        name,
        formatWhole(op.count),
        fmtUs(op.latencyUs.p50),
        fmtUs(op.latencyUs.p99),
        fmtUs(op.latencyUs.p999),
        fmtUs(op.latencyUs.max),
      ]);
    });
  }
  const out = [renderTable(rows, new Set(head.flatMap((h, i) => (NUMERIC_COLUMNS.has(h) ? [i] : []))))];
  for (const c of doc.cells) if (c.status === 'errored') out.push(`errored ${c.id}: ${c.error}`);
  for (const note of cellNotes(doc)) out.push(`note (${cellList(note.cellIds)}): ${note.text}`);
  // A state-size sweep's findings (docs/scaling.md), the figures those of the rows above.
  for (const f of scalingFindingTexts(doc)) for (const l of f.lines) out.push(`state size, ${f.workload}: ${l.text}`);
  for (const r of elementCostRows(doc)) out.push(`per element: ${elementCostText(r)}`);
  for (const s of ttlSeries(doc)) out.push(`ttl: ${ttlLine(s)}`);
  const tms = doc.plan.taskManagers ?? [];
  if (tms.length > 0) {
    const named = tms.map((tm) => `${tm.processSize} (${tm.slots} slot${tm.slots === 1 ? '' : 's'})`).join(', ');
    out.push(`memory: every cell ran inside an emulated Flink TaskManager, ${tms.length > 1 ? `one of ${named}` : named}; its column is what bounded the backend's state there (the task heap, a slot's managed memory)`);
  }
  if (doc.cells.some((c) => c.durabilityClass !== undefined)) out.push(DURABILITY_LEGEND + (doc.plan.semantics ? SEMANTICS_TEXT[doc.plan.semantics] : ''));
  const sampled = doc.cells.filter((c): c is Exclude<CellResult, { status: 'skipped' }> => c.status !== 'skipped' && c.phases.run?.timing.mode === 'sampled');
  if (sampled.length > 0) {
    const every = [...new Set(sampled.map((c) => c.phases.run?.timing.sampleEvery ?? 1))].sort((a, b) => a - b);
    out.push(`latencies come from one op in ${every.join(', ')} (each cell's timing.sampleEvery); throughput from wall-clock`);
  }
  return out.join('\n');
}
