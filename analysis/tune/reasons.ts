// Why the best sets each key it changes, from what the search measured: the bottleneck of the
// defaults that points at the key (its measured figures), and the race in which a candidate first
// set the key to that value against a control that did not (its gain there). A key with neither
// came along with the others in a sampled or paired candidate, and says so.

import { formatBytes } from '../../core/units.js';
import { formatSignedPct } from '../../core/numbers.js';
import type { KnobValue } from '../../backends/types.js';
import type { Bottleneck } from './moves.js';
import type { SearchSpace } from './space.js';
import { MANAGED_FRACTION } from './taskmanager-space.js';
import type { RaceResult } from './race.js';
import type { Candidate, StageResult } from './search-types.js';

/** What the reasons read of a stage: its control, its entrants and their standings. */
type StageStandings = Pick<StageResult, 'name' | 'control' | 'entrants'> & { readonly race: Pick<RaceResult, 'standings'> };

function valueText(v: KnobValue): string {
  return typeof v === 'number' && v >= 1024 * 1024 && v % 1024 === 0 ? formatBytes(v) : String(v);
}

/** The keys in which a candidate differs from its control. */
function changedFrom(c: Candidate, control: Candidate): string[] {
  const keys = new Set([...Object.keys(c.knobs), ...Object.keys(control.knobs)]);
  return [...keys].filter((k) => c.knobs[k] !== control.knobs[k]);
}

/**
 * The race evidence for key = value: a candidate that changed only that key against its control
 * (its own effect), else the first that changed it along with others (said so: not measured alone).
 */
function raceEvidence(key: string, value: KnobValue, candidates: readonly Candidate[], stages: readonly StageStandings[]): string | null {
  let together: string | null = null;
  for (const st of stages) {
    const control = candidates[st.control] as Candidate;
    if (control.knobs[key] === value) continue;
    for (const standing of st.race.standings) {
      const c = candidates[st.entrants[standing.index] as number] as Candidate;
      if (c.knobs[key] !== value || standing.meanLogRatio === null) continue;
      const gain = `${formatSignedPct((Math.exp(standing.meanLogRatio) - 1) * 100)} over its control in the ${st.name} race (${c.origin}, ${standing.rounds} round${standing.rounds === 1 ? '' : 's'})`;
      const others = changedFrom(c, control).filter((k) => k !== key);
      if (others.length === 0) return gain;
      together ??= `${gain}, together with ${others.map((k) => `${k} ${c.knobs[k] === undefined ? 'at its default' : valueText(c.knobs[k] as KnobValue)}`).join(', ')}: not measured alone`;
    }
  }
  return together;
}

export function reasonsFor(space: SearchSpace, candidates: readonly Candidate[], stages: readonly StageStandings[], best: number, found: readonly Bottleneck[]): Record<string, string> {
  const out: Record<string, string> = {};
  const chosen = candidates[best];
  if (!chosen || best === 0) return out;
  for (const [key, value] of Object.entries(chosen.knobs)) {
    const pointedBy = found.find((b) => (key === MANAGED_FRACTION ? b.kind === 'cache misses' : (space.tuning.bottleneckAxes?.[b.kind] ?? []).includes(key)));
    const parts = [pointedBy ? `${pointedBy.kind}: ${pointedBy.fact}` : null, raceEvidence(key, value, candidates, stages)].filter((p): p is string => p !== null);
    out[key] = `${key} ${valueText(value)}: ${parts.length > 0 ? parts.join('; ') : `came with the rest of ${chosen.origin}`}`;
  }
  return out;
}
