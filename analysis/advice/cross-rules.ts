// Rules across backends, from the measured cells of one workload: which backend serves it best
// within the budget, and an engine used for a small read-mostly state the heap would serve
// faster for no gain. The best backend is ranked within each durability class (what an
// acknowledged write survives, docs/durability.md); when the fastest configuration of all is of
// a weaker class than one it beats, the recommendation says what it gives up.

import { CHART_IDS } from '../../core/result/chart-ids.js';
import { canonicalJson } from '../../core/canonical-json.js';
import { formatBytes } from '../../core/units.js';
import { meanValueBytes } from '../../harness/plan/budget.js';
import { parseValueSize } from '../../workloads/values.js';
import type { DurabilityClass } from '../../core/result/schema.js';
import { weaker, whatItLoses, whatItSurvives } from './durability.js';
import type { AdviceContext, ConfigFacts } from './facts.js';
import type { DocumentRule, Finding } from './types.js';
import type { KnobValue } from '../../backends/types.js';
import { formatWhole } from '../../core/numbers.js';

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
  // With a class, as the charts label a configuration: "lsm walEnabled=false (none)".
  if (f.durabilityClass !== null) return `${f.backend}${knobs ? ` ${knobs}` : ''} (${f.durabilityClass})`;
  return knobs ? `${f.backend} (${knobs})` : f.backend;
}

const opsOf = (f: ConfigFacts): number => f.opsPerSec as number;
const opsText = (f: ConfigFacts): string => `${label(f)} ${formatWhole(opsOf(f))} ops/s`;
const times = (a: ConfigFacts, b: ConfigFacts): string => `${label(a)} is ${(opsOf(a) / opsOf(b)).toFixed(2)}x ${label(b)}`;
const fastestFirst = (list: readonly ConfigFacts[]): ConfigFacts[] => [...list].sort((a, b) => opsOf(b) - opsOf(a));

/** The best configuration of each backend, fastest first. */
function bestPerBackend(configs: readonly ConfigFacts[]): ConfigFacts[] {
  const best = new Map<string, ConfigFacts>();
  for (const f of configs) {
    const prev = best.get(f.backend);
    if (!prev || opsOf(f) > opsOf(prev)) best.set(f.backend, f);
  }
  return fastestFirst([...best.values()]);
}

/**
 * The faster configuration of a weaker class against the one it beats, in plain words: what it
 * gives up, why that can still be the comparison, and the fastest configuration that does not give it up.
 */
function acrossClasses(fast: ConfigFacts, rival: ConfigFacts): string {
  const rc = rival.durabilityClass as DurabilityClass;
  return `${times(fast, rival)}: ${whatItLoses(fast.backend, fast.durabilityClass as DurabilityClass)}; with state rebuilt from checkpoints, as Flink does, that is the comparison. Where each acknowledged write must itself survive ${whatItSurvives(rc)}, ${label(rival)} is the fastest measured.`;
}

export const bestBackend: DocumentRule = {
  id: 'best-backend',
  title: 'The backend that serves this workload best within the budget (and within its durability class)',
  backends: ['heap', 'lmdb', 'lsm'],
  findings: (ctx) => {
    const out: Finding[] = [];
    const within = ctx.memoryBudgetBytes !== null ? ` within ${formatBytes(ctx.memoryBudgetBytes)}` : '';
    const skipped = '(medians of the repeats; cells over the memory budget were skipped and are not ranked)';
    const finding = (winner: ConfigFacts, second: ConfigFacts, ranked: readonly ConfigFacts[], title: string, rationale: string, more: readonly ConfigFacts[] = []): Finding => ({
      backend: winner.backend,
      // The current configuration (the first cell) is the one beaten: what --verify-advice runs against.
      cellIds: [...second.cellIds, ...winner.cellIds],
      title,
      suggestion: { knob: null, action: 'use backend', value: winner.backend, backend: winner.backend, changes: distinctKnobs(winner), rationale },
      evidence: [...ranked, ...more].map((f) => ({ metric: `${label(f)} throughput (ops/s)`, value: f.opsPerSec, chart: CHART_IDS.throughput })),
    });
    for (const configs of byWorkload(ctx).values()) {
      const measured = configs.filter((f) => f.opsPerSec !== null && f.backend !== 'delay');
      if (new Set(measured.map((f) => f.backend)).size < 2) continue;
      const workload = (measured[0] as ConfigFacts).workload;
      // Ranked within each class (a document without classes is one group, ranked as before).
      const byClass = new Map<DurabilityClass | null, ConfigFacts[]>();
      for (const f of measured) byClass.set(f.durabilityClass, [...(byClass.get(f.durabilityClass) ?? []), f]);
      const overall = fastestFirst(measured)[0] as ConfigFacts;
      // The fastest configuration of a stronger class that the overall fastest beats.
      const rival = fastestFirst(measured.filter((f) => weaker(overall.durabilityClass, f.durabilityClass) && opsOf(f) < opsOf(overall)))[0];
      let overallSaid = false;
      for (const [cls, group] of byClass) {
        const ranked = bestPerBackend(group);
        if (ranked.length < 2) continue;
        const [winner, second] = ranked as [ConfigFacts, ConfigFacts];
        const title = cls === null ? `${label(winner)} serves ${workload} best${within}` : `${label(winner)} serves ${workload} best in its durability class${within}`;
        const among = cls === null ? '' : ` among the configurations of durability class ${cls}`;
        let rationale = `Measured on ${workload}${among}: ${ranked.map(opsText).join(', ')} ${skipped}. ${times(winner, second)}.`;
        const isOverall = winner === overall;
        if (isOverall && rival !== undefined) rationale += ` Across classes: ${acrossClasses(winner, rival)}`;
        overallSaid ||= isOverall;
        out.push(finding(winner, second, ranked, title, rationale, isOverall && rival !== undefined ? [rival] : []));
      }
      if (overallSaid) continue;
      // The fastest configuration has no other backend in its class: it is compared with the
      // fastest of another backend, the classes named.
      const next = bestPerBackend(measured).find((f) => f.backend !== overall.backend) as ConfigFacts;
      const oc = overall.durabilityClass;
      const nc = next.durabilityClass;
      const relation = weaker(oc, nc) ? `, in a weaker durability class than ${label(next)}` : weaker(nc, oc) ? `, in a stronger durability class than ${label(next)}` : '';
      let rationale = `Measured on ${workload}: ${bestPerBackend(measured).map(opsText).join(', ')} ${skipped}. `;
      if (weaker(oc, nc)) rationale += acrossClasses(overall, next);
      else if (weaker(nc, oc)) rationale += `${times(overall, next)}, and keeps more: an acknowledged write of ${overall.backend} survives ${whatItSurvives(oc as DurabilityClass)}, one of ${next.backend} ${nc === 'none' ? 'nothing across a process exit' : whatItSurvives(nc as DurabilityClass)}.`;
      else rationale += `${times(overall, next)}.`;
      if (rival !== undefined && rival !== next) rationale += ` Across classes: ${acrossClasses(overall, rival)}`;
      const ranked = bestPerBackend(measured);
      out.push(finding(overall, next, ranked, `${label(overall)} serves ${workload} fastest${relation}${within}`, rationale, rival !== undefined && !ranked.includes(rival) ? [rival] : []));
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
            rationale: `The state is about ${formatBytes(state)} and ${(f.shape.reads * 100).toFixed(0)} % of operations read it: it fits in memory, where the heap answers without serialising values or crossing into native code${heap ? ` (measured: heap ${formatWhole(heap.opsPerSec)} ops/s vs ${f.backend} ${formatWhole(f.opsPerSec)} ops/s)` : ''}. Keep the engine if the state will outgrow memory or needs incremental checkpoints.`,
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
