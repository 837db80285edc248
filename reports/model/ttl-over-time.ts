// A TTL state's figures over a cell's run (core/result/ttl-series.ts): the points the TTL chart
// draws, and the one line per cell and state the terminal and Markdown summaries print.

import type { CellResult, ResultDocument } from '../../core/result/schema.js';
import { parseTtlSampleKey, type TtlFigure } from '../../core/result/ttl-series.js';
import { formatWhole } from '../../core/numbers.js';
import { formatBytes } from '../../core/units.js';
import { mainPhase } from './configurations.js';

export type TtlPoint = { readonly tMs: number } & Partial<Record<TtlFigure, number>>;

export interface TtlSeries {
  readonly cellId: string;
  readonly backend: string;
  readonly workload: string;
  /** The workload's ttlCleanup setting, as the cell ran it ('background': the backend's default). */
  readonly cleanup: string;
  readonly state: string;
  readonly points: readonly TtlPoint[];
}

function cellSeries(cell: CellResult): TtlSeries[] {
  const byState = new Map<string, TtlPoint[]>();
  for (const p of mainPhase(cell)?.timeseries ?? []) {
    const figures = new Map<string, Partial<Record<TtlFigure, number>>>();
    for (const [key, v] of Object.entries(p.engine)) {
      const parsed = parseTtlSampleKey(key);
      if (parsed === null || typeof v !== 'number') continue;
      const f = figures.get(parsed.state) ?? {};
      f[parsed.figure] = v;
      figures.set(parsed.state, f);
    }
    for (const [state, f] of figures) {
      const points = byState.get(state) ?? [];
      points.push({ tMs: p.tMs, ...f });
      byState.set(state, points);
    }
  }
  const cleanup = cell.workload.ttlCleanup;
  return [...byState].map(([state, points]) => ({
    cellId: cell.id,
    backend: cell.backend,
    workload: cell.workload.name,
    cleanup: typeof cleanup === 'string' ? cleanup : 'background',
    state,
    points,
  }));
}

/** Every cell's TTL states with figures over time, in document order. */
export function ttlSeries(doc: ResultDocument): TtlSeries[] {
  return doc.cells.flatMap(cellSeries);
}

/** "cell, state seen (ttlCleanup background): at the end 39,134 stored, 0 of them expired, 20.9 MB on disk, 71,394 dropped by the filter; stored at most 40,534 (7.3 s)". */
export function ttlLine(s: TtlSeries): string {
  const last = s.points[s.points.length - 1];
  if (last === undefined) return '';
  const end = [
    last.stored !== undefined ? `${formatWhole(last.stored)} stored` : null,
    last.expired !== undefined ? `${formatWhole(last.expired)} of them expired` : null,
    last.sstBytes !== undefined ? `${formatBytes(last.sstBytes, ' ')} of SST files` : null,
    last.filterDrops !== undefined ? `${formatWhole(last.filterDrops)} dropped by the compaction filter` : null,
    last.cleaned !== undefined ? `${formatWhole(last.cleaned)} removed by incremental cleanup` : null,
  ].filter((x) => x !== null);
  const peak = s.points.reduce<TtlPoint | null>((best, p) => (p.stored !== undefined && (best?.stored === undefined || p.stored > best.stored) ? p : best), null);
  const peakText = peak?.stored !== undefined ? `; stored at most ${formatWhole(peak.stored)} (at ${(peak.tMs / 1000).toFixed(1)} s)` : '';
  return `${s.cellId}, TTL state ${s.state} (ttlCleanup ${s.cleanup}): at the end ${end.join(', ')}${peakText}`;
}
