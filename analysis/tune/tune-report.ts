// tune's printed result: the search in a few lines, the winner with its measured gain and
// interval, and the winner in the forms a user pastes.

import { backendTraits } from '../../backends/registry.js';
import { formatBytes } from '../../core/units.js';
import { formatNumber, formatSignedPct } from '../../core/numbers.js';
import type { Effect } from './effect.js';
import type { TuneResult } from './tune.js';

/** The gain tune is asked to find (issue: at least 20 % over the defaults). */
export const TARGET_GAIN_PCT = 20;

export function effectLine(e: Effect): string {
  return `${e.metric} ${formatSignedPct(e.changePct)} (95 % CI ${formatSignedPct(e.ciLowPct)} .. ${formatSignedPct(e.ciHighPct)}; medians ${formatNumber(e.baseMedian, 3, '?')} -> ${formatNumber(e.headMedian, 3, '?')}, ${e.method ?? 'no'} interval)`;
}

function knobList(k: Readonly<Record<string, unknown>>): string {
  const e = Object.entries(k);
  return e.length === 0 ? '(defaults)' : e.map(([n, v]) => `${n}=${typeof v === 'number' && v >= 1024 * 1024 && v % 1024 === 0 ? formatBytes(v) : String(v)}`).join(' ');
}

function origin(r: TuneResult, i: number): string {
  return r.candidates[i]?.origin ?? '?';
}

export function renderTune(r: TuneResult): string {
  const lines: string[] = [];
  lines.push(`tune ${r.backend} on ${r.workload}${r.memoryBudgetBytes !== null ? `, memory budget ${formatBytes(r.memoryBudgetBytes)}` : ''}`);
  lines.push(`noise: one paired ratio varies by ${r.noise.sigmaPct} % (A/A, ${r.noise.aaSamplesPct.length} pairs of the control)`);
  for (const b of r.bottlenecks) lines.push(`bottleneck: ${b.kind} (${b.fact})`);
  lines.push(`candidates: ${r.candidates.length - 1} measured against a control`);
  for (const st of r.stages) {
    const leader = st.race.leader !== null ? (st.entrants[st.race.leader] as number) : null;
    lines.push(`  ${st.name}: ${st.entrants.length} against ${st.control === 0 ? 'the defaults' : origin(r, st.control)}; ${st.race.rungs.map((g) => `${g.ran.length} x ${g.rounds} round(s) of ${g.durationMs} ms`).join(', ')}`);
    if (leader !== null) {
      lines.push(`    leader ${origin(r, leader)}: ${formatSignedPct(st.race.leaderGainPct)} (low ${formatSignedPct(st.race.leaderLowPct)}), ${st.race.beatsControl ? 'beyond the noise' : 'within the noise'}`);
    }
  }
  lines.push('');
  const best = r.candidates[r.best];
  if (!r.verification || !best) {
    lines.push('The defaults stand: no candidate beat them beyond the noise in the search.');
  } else {
    lines.push(`best (${best.origin}): ${knobList(best.knobs)}`);
    lines.push(`against the defaults, ${r.verification.repeats} repeats each, interleaved: ${effectLine(r.verification.gain)}`);
    for (const e of r.verification.effects) lines.push(`  ${effectLine(e)}`);
    const low = r.verification.gain.ciLowPct;
    if (!r.winner) lines.push('Not shown to beat the defaults (the interval includes no gain): the defaults stand.');
    else if (low !== null && low >= TARGET_GAIN_PCT) lines.push(`Winner: the whole 95 % interval is above +${TARGET_GAIN_PCT} %.`);
    else lines.push(`Winner: a real gain (the whole 95 % interval is above 0), not shown to reach +${TARGET_GAIN_PCT} %.`);
  }
  if (!r.winner && r.defaultsFacts.length > 0) lines.push(`What the defaults measured: ${r.defaultsFacts.join('; ')}.`);
  const w = r.winner;
  if (w) {
    lines.push('');
    // The backend's own configuration forms (BackendTuning.pasteForms), then statebench's.
    const forms = backendTraits(r.backend)?.tuning?.pasteForms(w.knobs) ?? [];
    lines.push(...forms, ...(forms.length > 0 ? [''] : []), `statebench: ${Object.entries(w.knobs).map(([k, v]) => `--set ${r.backend}.${k}=${v}`).join(' ')}`);
  }
  return lines.join('\n');
}
