// Advice that agrees with its own document. Each rule reads one symptom; before the
// recommendations are written they are checked against everything else the document measured.
//
// Refuted: the suggested configuration was itself measured on the same workload (a backend
// switch whose target ran there, a knob value the sweep ran with everything else equal) and was
// no faster than the configuration the suggestion was made for. It stays, marked with the cells
// and figures (refutedBy). A change made for capacity (memory, map size) is not refuted by
// speed: the measured slowdown is added to its rationale as its cost. As best-backend ranks, a
// switch is measured against the target in the current configuration's durability class when
// the document has it there (and with the knobs the suggestion names); measured only in another
// class, both classes are named, and a target measured only in a stronger class is said to be
// no like-for-like comparison.
//
// Contradicted: two standing suggestions for one configuration that cannot both be followed
// (one knob to two values, two different backends). The one with stronger evidence stays: a
// suggestion measured better in this document beats one not measured, the larger measured gain
// first; between unmeasured ones, the rule listed first (rules.ts lists each backend's rules from
// the most direct measured symptom to the sizing heuristics). The other is marked with why.

import { knobSpecsOf } from '../../backends/registry.js';
import type { KnobValue } from '../../backends/types.js';
import { canonicalJson } from '../../core/canonical-json.js';
import type { Recommendation } from '../../core/result/schema.js';
import { formatBytes } from '../../core/units.js';
import { weaker } from './durability.js';
import type { AdviceContext, ConfigFacts } from './facts.js';
import { suggestionText } from './suggestion-text.js';
import { formatWhole } from '../../core/numbers.js';

export interface Drafted {
  readonly rec: Recommendation;
  /** What the change is for (types.ts Suggestion.purpose). */
  readonly purpose: 'speed' | 'capacity';
}

type Refutation = NonNullable<Recommendation['refutedBy']>;

/** The suggested configuration as this document measured it, against the current one. */
interface Measured {
  readonly current: ConfigFacts;
  readonly target: ConfigFacts;
  /** How many configurations of the target backend ran the workload (a switch speaks for them all). */
  readonly of: number;
  /** Target over current throughput. */
  readonly ratio: number;
}

function knobText(backend: string, knob: string, value: KnobValue | null): string {
  if (value === null) return 'default';
  const size = knobSpecsOf(backend).find((k) => k.name === knob)?.type === 'size';
  return size && typeof value === 'number' ? formatBytes(value) : String(value);
}

const ops = (x: number): string => `${formatWhole(x)} ops/s`;
const workloadKey = (f: ConfigFacts): string => canonicalJson(f.cells[0]?.workload ?? {});

/** The configuration a recommendation was made for: the one holding its first cell (as --verify-advice reads it). */
function configOf(rec: Recommendation, ctx: AdviceContext): ConfigFacts | null {
  const id = rec.cellIds[0];
  return ctx.configs.find((f) => id !== undefined && f.cellIds.includes(id)) ?? null;
}

function switchTarget(rec: Recommendation, current: ConfigFacts): string | null {
  const b = rec.suggestion.backend;
  return b !== undefined && b !== current.backend ? b : null;
}

function sameKnobs(a: Readonly<Record<string, KnobValue | null>>, b: Readonly<Record<string, KnobValue | null>>): boolean {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].every((k) => (a[k] ?? null) === (b[k] ?? null));
}

function measured(rec: Recommendation, ctx: AdviceContext): Measured | null {
  const current = configOf(rec, ctx);
  if (current === null || current.opsPerSec === null || current.opsPerSec <= 0) return null;
  const peers = ctx.configs.filter((f) => f !== current && f.opsPerSec !== null && workloadKey(f) === workloadKey(current));
  const target = switchTarget(rec, current);
  const changes = rec.suggestion.changes ?? {};
  let candidates: ConfigFacts[];
  if (target !== null) {
    // A switch that names knobs ("use backend lsm" with walEnabled=false) is measured by the target's configurations that have them.
    candidates = peers.filter((f) => f.backend === target && Object.entries(changes).every(([k, v]) => (f.knobs[k] ?? null) === v));
  } else {
    if (Object.keys(changes).length === 0) return null;
    const wanted = { ...current.knobs, ...changes };
    candidates = peers.filter((f) => f.backend === current.backend && sameKnobs(f.knobs, wanted));
  }
  // Like for like first, as best-backend ranks: the target in the current configuration's
  // durability class when the document measured it there, else in whatever class it ran (named).
  const sameClass = candidates.filter((f) => current.durabilityClass !== null && f.durabilityClass === current.durabilityClass);
  if (sameClass.length > 0) candidates = sameClass;
  const best = [...candidates].sort((a, b) => (b.opsPerSec as number) - (a.opsPerSec as number))[0];
  if (!best) return null;
  return { current, target: best, of: candidates.length, ratio: (best.opsPerSec as number) / current.opsPerSec };
}

/** "writeBufferSize=64 MiB" for the knobs a suggestion changes, as a configuration has them. */
function changedKnobs(rec: Recommendation, f: ConfigFacts): string {
  return Object.keys(rec.suggestion.changes ?? {})
    .map((k) => `${k}=${knobText(f.backend, k, f.knobs[k] ?? null)}`)
    .join(' ');
}

/** The classes of the two configurations differ: each label names its class. */
const classesDiffer = (m: Measured): boolean => m.current.durabilityClass !== m.target.durabilityClass;

function label(rec: Recommendation, f: ConfigFacts, isTarget: boolean, m: Measured): string {
  const cls = classesDiffer(m) ? (f.durabilityClass ?? 'class unknown') : null;
  if (switchTarget(rec, m.current) !== null) {
    const notes = [...(cls !== null ? [cls] : []), ...(isTarget && m.of > 1 ? [`best of its ${m.of} configurations`] : [])];
    return notes.length > 0 ? `${f.backend} (${notes.join(', ')})` : f.backend;
  }
  return `${f.backend} ${changedKnobs(rec, f)}${cls !== null ? ` (${cls})` : ''}`;
}

function figures(rec: Recommendation, m: Measured): Refutation['figures'] {
  return [
    { metric: `${label(rec, m.current, false, m)} throughput (ops/s)`, value: m.current.opsPerSec },
    { metric: `${label(rec, m.target, true, m)} throughput (ops/s)`, value: m.target.opsPerSec },
  ];
}

/** "lsm 94,800 ops/s against heap 400,000 ops/s (0.24x)": the measurement in words. */
function measuredText(rec: Recommendation, m: Measured): string {
  return `${label(rec, m.target, true, m)} ${ops(m.target.opsPerSec as number)} against ${label(rec, m.current, false, m)} ${ops(m.current.opsPerSec as number)} (${m.ratio.toFixed(2)}x)`;
}

function refute(d: Drafted, ctx: AdviceContext): Recommendation {
  const m = measured(d.rec, ctx);
  if (m === null || m.ratio > 1) return d.rec;
  const where = `measured on ${m.current.workload} in this document`;
  if (d.purpose === 'capacity') {
    const cost = ` Measured cost: ${measuredText(d.rec, m)} ${where}; the change is for capacity, not speed.`;
    return { ...d.rec, suggestion: { ...d.rec.suggestion, rationale: `${d.rec.suggestion.rationale}${cost}` } };
  }
  // Measured only in a stronger class, the target paid for durability the current one does not give: said, not hidden.
  const unlike = weaker(m.current.durabilityClass, m.target.durabilityClass)
    ? `; measured only in a stronger durability class than the current one (${m.target.durabilityClass} against ${m.current.durabilityClass}): no like-for-like configuration was measured`
    : '';
  const refutedBy: Refutation = {
    reason: `${where}: ${measuredText(d.rec, m)}; the suggested configuration is no faster than the current one${unlike}`,
    cellIds: [...m.target.cellIds, ...m.current.cellIds],
    figures: figures(d.rec, m),
  };
  return { ...d.rec, refutedBy };
}

/** Why two standing suggestions for one configuration cannot both be followed, or null. */
function conflict(a: Recommendation, b: Recommendation, current: ConfigFacts): string | null {
  const ta = switchTarget(a, current);
  const tb = switchTarget(b, current);
  if (ta !== null && tb !== null) return ta !== tb ? `one moves to ${ta}, the other to ${tb}` : null;
  if (ta !== null || tb !== null) return null;
  const ca = a.suggestion.changes ?? {};
  const cb = b.suggestion.changes ?? {};
  for (const k of Object.keys(ca)) {
    const va = ca[k] as KnobValue;
    const vb = cb[k];
    if (vb !== undefined && vb !== va) return `both set ${k}, to ${knobText(current.backend, k, va)} and ${knobText(current.backend, k, vb)}`;
  }
  return null;
}

interface Standing {
  readonly rec: Recommendation;
  readonly order: number;
  readonly config: ConfigFacts | null;
  /** The suggestion measured better in this document, or null. */
  readonly support: Measured | null;
}

function stronger(a: Standing, b: Standing): number {
  if ((a.support === null) !== (b.support === null)) return a.support === null ? 1 : -1;
  if (a.support !== null && b.support !== null && a.support.ratio !== b.support.ratio) return b.support.ratio - a.support.ratio;
  return a.order - b.order;
}

function whyKept(kept: Standing, dropped: Standing): string {
  if (kept.support === null) return `neither was measured here, and ${kept.rec.id} is listed first (its rule reads a more direct symptom)`;
  const gain = `${kept.rec.id} was measured in this document: ${measuredText(kept.rec, kept.support)}`;
  return dropped.support === null ? `${gain}, while this one was not measured` : `${gain}, more than this one's ${dropped.support.ratio.toFixed(2)}x`;
}

/** Refutations first, then contradictions among what still stands; the order of the rules is kept. */
export function reconcile(drafted: readonly Drafted[], ctx: AdviceContext): Recommendation[] {
  const out = drafted.map((d) => refute(d, ctx));
  const standing: Standing[] = out
    .map((rec, order) => {
      const m = measured(rec, ctx);
      return { rec, order, config: configOf(rec, ctx), support: m !== null && m.ratio > 1 ? m : null };
    })
    .filter((s) => s.rec.refutedBy === undefined)
    .sort(stronger);
  const kept: Standing[] = [];
  for (const s of standing) {
    const against = s.config === null ? undefined : kept.find((k) => k.config === s.config && conflict(k.rec, s.rec, s.config as ConfigFacts) !== null);
    if (against === undefined || s.config === null) {
      kept.push(s);
      continue;
    }
    const clash = conflict(against.rec, s.rec, s.config) as string;
    out[s.order] = {
      ...s.rec,
      refutedBy: {
        reason: `contradicts ${against.rec.id} (${suggestionText(against.rec.suggestion, (k, v) => knobText(s.rec.backend, k, v))}) for the same configuration: ${clash}; kept ${against.rec.id} because ${whyKept(against, s)}`,
        cellIds: against.support ? [...against.support.target.cellIds, ...against.support.current.cellIds] : [...against.rec.cellIds],
        figures: against.support ? figures(against.rec, against.support) : [],
      },
    };
  }
  return out;
}
