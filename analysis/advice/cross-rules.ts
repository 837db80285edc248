// Rules across backends, from the measured cells of one workload: which backend serves it best
// within the budget, and an engine used for a small read-mostly state the heap would serve
// faster for no gain.

import { CHART_IDS } from '../../core/result/chart-ids.js';
import { canonicalJson } from '../../core/canonical-json.js';
import { formatBytes } from '../../core/units.js';
import { meanValueBytes } from '../../harness/budget/apply.js';
import { parseValueSize } from '../../workloads/values.js';
import type { AdviceContext, ConfigFacts } from './facts.js';
import type { DocumentRule, Finding } from './types.js';
import type { KnobValue } from '../../backends/types.js';

function byWorkload(ctx: AdviceContext): Map<string, ConfigFacts[]> {
  const out = new Map<string, ConfigFacts[]>();
  for (const f of ctx.configs) {
    const key = canonicalJson(f.cells[0]?.workload ?? {});
    out.set(key, [...(out.get(key) ?? []), f]);
  }
  return out;
}

/** Knobs of a configuration set away from the other configurations' values: what to copy. */
function distinctKnobs(f: ConfigFacts): Record<string, KnobValue> {
  const out: Record<string, KnobValue> = {};
  const id = f.cells[0]?.id ?? '';
  // The cell id carries the knobs the user set (backend/workload/k=v,k=v#repeat).
  const m = /^[^/]+\/[^/]+\/(.+)#\d+$/.exec(id);
  if (!m) return out;
  for (const part of (m[1] as string).split(',')) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq);
    const v = f.knobs[name];
    if (eq > 0 && v !== null && v !== undefined) out[name] = v;
  }
  return out;
}

function label(f: ConfigFacts): string {
  const knobs = Object.entries(distinctKnobs(f)).map(([k, v]) => `${k}=${v}`).join(' ');
  return knobs ? `${f.backend} (${knobs})` : f.backend;
}

export const bestBackend: DocumentRule = {
  id: 'best-backend',
  title: 'The backend that serves this workload best within the budget',
  backends: ['heap', 'lmdb', 'lsm'],
  findings: (ctx) => {
    const out: Finding[] = [];
    for (const configs of byWorkload(ctx).values()) {
      const measured = configs.filter((f) => f.opsPerSec !== null && f.backend !== 'delay');
      if (new Set(measured.map((f) => f.backend)).size < 2) continue;
      // Best configuration of each backend, then the backends ranked.
      const best = new Map<string, ConfigFacts>();
      for (const f of measured) {
        const prev = best.get(f.backend);
        if (!prev || (f.opsPerSec as number) > (prev.opsPerSec as number)) best.set(f.backend, f);
      }
      const ranked = [...best.values()].sort((a, b) => (b.opsPerSec as number) - (a.opsPerSec as number));
      const [winner, second] = ranked as [ConfigFacts, ConfigFacts];
      out.push({
        backend: winner.backend,
        cellIds: [...second.cellIds, ...winner.cellIds],
        title: `${label(winner)} serves ${winner.workload} best${ctx.memoryBudgetBytes !== null ? ` within ${formatBytes(ctx.memoryBudgetBytes)}` : ''}`,
        suggestion: {
          knob: null,
          action: 'use backend',
          value: winner.backend,
          backend: winner.backend,
          changes: distinctKnobs(winner),
          rationale: `Measured on ${winner.workload}: ${ranked.map((f) => `${label(f)} ${Math.round(f.opsPerSec as number).toLocaleString('en-US')} ops/s`).join(', ')} (medians of the repeats; cells over the memory budget were skipped and are not ranked). ${label(winner)} is ${((winner.opsPerSec as number) / (second.opsPerSec as number)).toFixed(2)}x ${label(second)}.`,
        },
        evidence: ranked.map((f) => ({ metric: `${label(f)} throughput (ops/s)`, value: f.opsPerSec, chart: CHART_IDS.throughput })),
      });
    }
    return out;
  },
};

/** A state this small (or half the budget) is one the heap holds without trouble. */
export const SMALL_STATE_BYTES = 256 * 1024 * 1024;
export const READ_MOSTLY = 0.8;

export function liveStateBytes(f: ConfigFacts, keySize: number): number | null {
  const w = f.cells[0]?.workload;
  if (!w || typeof w.records !== 'number' || typeof w.valueSize !== 'string') return null;
  try {
    return w.records * (keySize + meanValueBytes(parseValueSize(w.valueSize)));
  } catch {
    return null;
  }
}

export const smallReadMostlyEngine: DocumentRule = {
  id: 'small-read-mostly-engine',
  title: 'A small read-mostly state served by an engine, slower for no gain',
  backends: ['lmdb', 'lsm'],
  findings: (ctx) => {
    const out: Finding[] = [];
    const limit = Math.min(SMALL_STATE_BYTES, ctx.memoryBudgetBytes !== null ? ctx.memoryBudgetBytes / 2 : Infinity);
    for (const configs of byWorkload(ctx).values()) {
      const heap = configs.filter((f) => f.backend === 'heap' && f.opsPerSec !== null).sort((a, b) => (b.opsPerSec as number) - (a.opsPerSec as number))[0];
      for (const f of configs) {
        if ((f.backend !== 'lsm' && f.backend !== 'lmdb') || f.shape.reads < READ_MOSTLY || f.opsPerSec === null) continue;
        const state = liveStateBytes(f, ctx.document.plan.keySize);
        if (state === null || state > limit) continue;
        // Measured heap no faster: the engine costs nothing here.
        if (heap && (heap.opsPerSec as number) < f.opsPerSec * 1.2) continue;
        out.push({
          backend: f.backend,
          cellIds: [...f.cellIds, ...(heap?.cellIds ?? [])],
          title: `${f.backend} on a small read-mostly state (${f.workload})`,
          suggestion: {
            knob: null,
            action: 'switch backend to',
            value: 'heap',
            backend: 'heap',
            changes: {},
            rationale: `The state is about ${formatBytes(state)} and ${(f.shape.reads * 100).toFixed(0)} % of operations read it: it fits in memory, where the heap answers without serialising values or crossing into native code${heap ? ` (measured: heap ${Math.round(heap.opsPerSec as number).toLocaleString('en-US')} ops/s vs ${f.backend} ${Math.round(f.opsPerSec).toLocaleString('en-US')} ops/s)` : ''}. Keep the engine if the state will outgrow memory or needs incremental checkpoints.`,
          },
          evidence: [
            { metric: `${f.backend} throughput (ops/s)`, value: f.opsPerSec, chart: CHART_IDS.throughput },
            { metric: 'heap throughput (ops/s)', value: heap?.opsPerSec ?? null, chart: CHART_IDS.throughput },
            { metric: 'live state (bytes, records x entry size)', value: state, chart: null },
            { metric: 'read share of ops', value: f.shape.reads, chart: null },
          ],
        });
      }
    }
    return out;
  },
};

export const CROSS_RULES: readonly DocumentRule[] = [bestBackend, smallReadMostlyEngine];
