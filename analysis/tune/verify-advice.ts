// --verify-advice: each recommendation's suggestion is run against the configuration it was
// made for, with repeats, interleaved; the recommendation then carries the measured change of
// throughput with its 95 % interval (confirmed when the whole interval is a gain), or is
// withdrawn when it does not measurably help. Further effects (stall time, write
// amplification) ride along.

import { appendFileSync } from 'node:fs';
import { loadBackend } from '../../backends/registry.js';
import type { KnobValue } from '../../backends/types.js';
import type { CellResult, Recommendation, ResultDocument } from '../../core/result/schema.js';
import type { ResolvedRunOptions } from '../../harness/plan/run-options.js';
import type { ProgressSink } from '../../harness/exec/progress.js';
import { measureEffect, type Effect } from './effect.js';
import { knobsChanged, runConfigs, type ConfigSpec } from './run-configs.js';
import { formatWhole } from '../../core/numbers.js';

/** Rules whose remedy prevents a failure rather than speeding anything up: not measured by speed. */
const NOT_SPEED: ReadonlySet<string> = new Set(['lmdb-map-nearly-full']);

export interface VerifyOptions {
  readonly base: ResolvedRunOptions;
  readonly repeats: number;
  readonly progress?: ProgressSink;
  /** Append each verification cell here (JSON lines), for the record. */
  readonly logPath?: string;
}

async function defaultsOf(backend: string): Promise<Record<string, KnobValue | null>> {
  const b = await loadBackend(backend);
  const out: Record<string, KnobValue | null> = {};
  for (const k of b?.describe().knobs ?? []) out[k.name] = k.default;
  return out;
}

/** The two configurations a recommendation compares: what was measured, and what it suggests. */
export async function configsFor(rec: Recommendation, doc: ResultDocument): Promise<{ current: ConfigSpec; suggested: ConfigSpec; workload: string } | null> {
  const cell = doc.cells.find((c) => c.id === rec.cellIds[0]);
  if (!cell) return null;
  const currentKnobs = knobsChanged(cell.knobs, await defaultsOf(cell.backend));
  const target = rec.suggestion.backend ?? cell.backend;
  const changes = rec.suggestion.changes ?? {};
  const suggestedKnobs = target === cell.backend ? { ...currentKnobs, ...changes } : changes;
  // The workload as the run named it (a file path stays a path); the document has its name.
  const workload = cell.workload.name;
  return {
    current: { label: 'current', backend: cell.backend, knobs: currentKnobs },
    suggested: { label: 'suggested', backend: target, knobs: suggestedKnobs },
    workload,
  };
}

function verdict(e: Effect): 'confirmed' | 'withdrawn' {
  return e.ciLowPct !== null && e.ciLowPct > 0 ? 'confirmed' : 'withdrawn';
}

export async function verifyRecommendation(rec: Recommendation, doc: ResultDocument, o: VerifyOptions): Promise<Recommendation> {
  if (NOT_SPEED.has(rec.id)) {
    return { ...rec, verification: { status: 'unverified', metric: 'throughput', changePct: null, ciLowPct: null, ciHighPct: null, repeats: 0, note: 'prevents a failure (map full); no speed effect to measure' } };
  }
  // The document already measured the suggestion no better (reconcile.ts): another measurement
  // would spend minutes to repeat what the refutation shows with its figures.
  if (rec.refutedBy !== undefined) {
    o.progress?.line(`verify ${rec.id}: skipped, refuted by this document (${rec.refutedBy.reason})`);
    return { ...rec, verification: { status: 'unverified', metric: 'throughput', changePct: null, ciLowPct: null, ciHighPct: null, repeats: 0, note: 'not measured: this document already refutes it (refutedBy gives the cells and figures)' } };
  }
  const pair = await configsFor(rec, doc);
  if (!pair) {
    return { ...rec, verification: { status: 'unverified', metric: 'throughput', changePct: null, ciLowPct: null, ciHighPct: null, repeats: 0, note: `cell ${rec.cellIds[0]} not in the document` } };
  }
  const workload = o.base.workloads.find((w) => w === pair.workload || w.endsWith(pair.workload)) ?? pair.workload;
  o.progress?.line(`verify ${rec.id}: ${describe(pair.current)} vs ${describe(pair.suggested)}, ${o.repeats} repeats each`);
  // A sweep's recommendation is verified at the state size and thread count of the cell it was made for.
  const made = doc.cells.find((c) => c.id === rec.cellIds[0]);
  const records = made?.workload.records;
  const base = { ...o.base, threads: [made?.threads ?? 1] };
  const [current, suggested] = (await runConfigs([pair.current, pair.suggested], {
    base: typeof records === 'number' ? { ...base, records } : base,
    workload,
    repeats: o.repeats,
    progress: o.progress,
    onCell: (c) => o.logPath && appendFileSync(o.logPath, `${JSON.stringify({ recommendation: rec.id, cell: c })}\n`),
  })) as [CellResult[], CellResult[]];
  const main = measureEffect('throughput', current, suggested);
  const effects = ['stallMicros', 'writeAmp']
    .map((m) => measureEffect(m, current, suggested))
    .filter((e) => e.changePct !== null);
  const ok = (list: CellResult[]) => list.filter((c) => c.status === 'ok').length;
  const repeats = Math.min(ok(current), ok(suggested));
  const failed = 2 * o.repeats - ok(current) - ok(suggested);
  const status = main.changePct === null ? 'unverified' : verdict(main);
  return {
    ...rec,
    verification: {
      status,
      metric: 'throughput',
      changePct: main.changePct,
      ciLowPct: main.ciLowPct,
      ciHighPct: main.ciHighPct,
      repeats,
      note: `${describe(pair.suggested)} against ${describe(pair.current)}; medians ${fmt(main.headMedian)} vs ${fmt(main.baseMedian)} ops/s (${main.method ?? 'no'} interval)${failed > 0 ? `; ${failed} cell(s) not ok` : ''}${status === 'withdrawn' ? '; withdrawn: the 95 % interval does not exclude no gain' : ''}`,
      effects: effects.map((e) => ({ metric: e.metric, changePct: e.changePct, ciLowPct: e.ciLowPct, ciHighPct: e.ciHighPct })),
    },
  };
}

export async function verifyAll(doc: ResultDocument, o: VerifyOptions): Promise<Recommendation[]> {
  const out: Recommendation[] = [];
  for (const rec of doc.recommendations) out.push(await verifyRecommendation(rec, doc, o));
  return out;
}

function describe(c: ConfigSpec): string {
  const knobs = Object.entries(c.knobs).map(([k, v]) => `${k}=${v}`).join(' ');
  return `${c.backend}${knobs ? ` ${knobs}` : ' (defaults)'}`;
}

const fmt = (x: number | null): string => formatWhole(x, '?');
