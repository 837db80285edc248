// One series per cell group and metric over ordered documents: each document gives the median of
// its ok repeats of the group (the metrics compare knows, read by cellMetrics). A document without
// the group, without an ok cell of it or without the metric leaves a gap that is named, never filled.

import type { ResultDocument } from '../../core/result/schema.js';
import { median } from '../../core/stats.js';
import { cellMetrics } from '../compare/metrics.js';
import { describeGroupsAcross, groupCells, type IgnoredKnobs } from '../compare/pairing.js';
import type { GroupIdentity, MetricDefinition } from '../compare/types.js';
import type { SeriesPoint } from './types.js';

export interface Gap {
  readonly position: number;
  readonly reason: 'no cell of the group' | 'no ok cell' | 'no value of the metric';
}

export interface RawSeries {
  readonly identity: GroupIdentity;
  readonly def: MetricDefinition;
  readonly points: readonly SeriesPoint[];
  readonly gaps: readonly Gap[];
  /** Latency metrics: the fewest timed operations of any cell in the series (Infinity otherwise). */
  readonly minTimed: number;
}

interface Figures {
  readonly values: Map<string, number[]>;
  readonly timed: Map<string, number>;
  readonly ok: boolean;
}

export function buildSeries(docs: readonly ResultDocument[], ignored: IgnoredKnobs = []): RawSeries[] {
  const identities = describeGroupsAcross(docs, ignored);
  const defs = new Map<string, Map<string, MetricDefinition>>();
  // Per document: per group key, the metric values of its ok cells.
  const perDoc = docs.map((doc) => {
    const out = new Map<string, Figures>();
    for (const [key, group] of groupCells(doc, ignored)) {
      const values = new Map<string, number[]>();
      const timed = new Map<string, number>();
      const okCells = group.cells.filter((c) => c.status === 'ok');
      for (const cell of okCells) {
        for (const m of cellMetrics(cell)) {
          const known = defs.get(key) ?? new Map<string, MetricDefinition>();
          known.set(m.def.id, m.def);
          defs.set(key, known);
          values.set(m.def.id, [...(values.get(m.def.id) ?? []), m.value]);
          if (m.timed !== undefined) timed.set(m.def.id, Math.min(m.timed, timed.get(m.def.id) ?? Infinity));
        }
      }
      out.set(key, { values, timed, ok: okCells.length > 0 });
    }
    return out;
  });

  const series: RawSeries[] = [];
  for (const [key, identity] of identities) {
    for (const def of defs.get(key)?.values() ?? []) {
      const points: SeriesPoint[] = [];
      const gaps: Gap[] = [];
      let minTimed = Infinity;
      perDoc.forEach((groups, position) => {
        const figures = groups.get(key);
        if (!figures) return void gaps.push({ position, reason: 'no cell of the group' });
        if (!figures.ok) return void gaps.push({ position, reason: 'no ok cell' });
        const values = figures.values.get(def.id);
        const value = values ? median(values) : null;
        if (!values || value === null) return void gaps.push({ position, reason: 'no value of the metric' });
        points.push({ position, value, repeats: values.length });
        minTimed = Math.min(minTimed, figures.timed.get(def.id) ?? Infinity);
      });
      series.push({ identity, def, points, gaps, minTimed });
    }
  }
  return series;
}
