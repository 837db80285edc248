// What a candidate's cell measured of memory, for tune inside a TaskManager: a faster candidate
// that holds more than its slot's bound is rejected, as a real TaskManager would in time lose the
// container to it. Two figures, both measured: what the engine itself reports holding at its
// peak (BackendTraits.engineMemory, else measuredMemory: RocksDB's cache usage with the write
// buffers charged to it, and its table readers), and the cell process's peak resident memory less
// what it held before the engine opened. That growth also holds what the harness allocates after
// the engine opened (its V8 heap, the values in flight) and the allocator's own overhead: the
// harness's share of it is measured side by side, as what the control's process (the defaults, or
// the best so far, in the same round) grew beyond what its engine reported, and taken off a
// candidate's growth. What is left must stay within the bound plus PROCESS_SLACK, a margin for
// what varies between cells of one configuration (allocator arenas, the V8 heap's growth steps),
// chosen rather than measured; the engine's own figure is held to the bound exactly.

import { backendTraits } from '../../backends/registry.js';
import type { CellResult } from '../../core/result/schema.js';
import { formatBytes } from '../../core/units.js';
import { median } from '../../core/stats.js';

export interface MemoryFigures {
  /** What the engine reports holding at its peak; null when it reports nothing. */
  readonly engineBytes: number | null;
  /** What the engine's figure counts. */
  readonly engineWhat: string | null;
  /** Peak resident memory less the harness's share before the engine opened; null when not recorded. */
  readonly rssBytes: number | null;
}

export function memoryOf(cell: CellResult): MemoryFigures {
  if (cell.status !== 'ok') return { engineBytes: null, engineWhat: null, rssBytes: null };
  const traits = backendTraits(cell.backend);
  const metrics = cell.engine?.metrics ?? {};
  const engine = traits?.engineMemory?.(metrics) ?? traits?.measuredMemory?.(metrics) ?? null;
  const r = cell.resources;
  const rss = r?.rssPeakBytes !== null && r?.rssPeakBytes !== undefined && typeof r.rssAtStartBytes === 'number' ? Math.max(0, r.rssPeakBytes - r.rssAtStartBytes) : null;
  return { engineBytes: engine?.bytes ?? null, engineWhat: engine?.what ?? null, rssBytes: rss };
}

/** The medians of several cells' figures (a verification's repeats). */
export function medianMemory(cells: readonly CellResult[]): MemoryFigures {
  const all = cells.map(memoryOf);
  return {
    engineBytes: median(all.map((m) => m.engineBytes)),
    engineWhat: all.find((m) => m.engineWhat !== null)?.engineWhat ?? null,
    rssBytes: median(all.map((m) => m.rssBytes)),
  };
}

/** Room the process figure has over the bound, for what varies between cells of one configuration (a chosen margin). */
export const PROCESS_SLACK = 0.1;

/** The harness's share of a process's growth: the median over the control's cells of what the process grew beyond what its engine reported. */
export function harnessShare(controls: readonly MemoryFigures[]): number | null {
  return median(controls.map((m) => (m.rssBytes !== null && m.engineBytes !== null ? Math.max(0, m.rssBytes - m.engineBytes) : null)));
}

/**
 * Why the figures exceed the bound, with the figures; null when they fit. `harness`: the harness's
 * share of the process's growth (harnessShare), taken off before the process figure is judged.
 */
export function overBound(m: MemoryFigures, boundBytes: number, boundName: string, harness: number | null): string | null {
  const over: string[] = [];
  if (m.engineBytes !== null && m.engineBytes > boundBytes) over.push(`the engine reported ${formatBytes(m.engineBytes)} (${m.engineWhat})`);
  if (m.rssBytes !== null) {
    const own = m.rssBytes - (harness ?? 0);
    if (own > boundBytes * (1 + PROCESS_SLACK)) {
      over.push(`the process grew by ${formatBytes(m.rssBytes)} of resident memory after the engine opened${harness ? `, ${formatBytes(own)} less the harness's share of ${formatBytes(harness)}` : ''}, more than ${PROCESS_SLACK * 100} % past the bound`);
    }
  }
  return over.length === 0 ? null : `${over.join(' and ')}, over ${boundName} of ${formatBytes(boundBytes)}`;
}

/** "engine 231MiB (block cache usage ...), process +250MiB resident" */
export function memoryText(m: MemoryFigures): string {
  const parts = [
    m.engineBytes !== null ? `engine ${formatBytes(m.engineBytes)}${m.engineWhat ? ` (${m.engineWhat})` : ''}` : null,
    m.rssBytes !== null ? `process +${formatBytes(m.rssBytes)} resident after the engine opened` : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(', ') : 'not measured';
}
