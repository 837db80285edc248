// tune's printed result: the search in a few lines, the winner with its measured gain and
// interval, and the winner in the forms a user pastes.

import { backendTraits } from '../../backends/registry.js';
import { formatBytes } from '../../core/units.js';
import { formatNumber, formatSignedPct, formatWhole } from '../../core/numbers.js';
import { memoryText } from './candidate-memory.js';
import { MANAGED_FRACTION } from './taskmanager-space.js';
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

/** Where the search ran: inside which TaskManager, with which bound, which fractions; or without one. */
function whereLines(r: TuneResult): string[] {
  const tm = r.taskManager;
  if (!tm) return [`without a TaskManager: absolute sizes${r.memoryBudgetBytes !== null ? `, memory budget ${formatBytes(r.memoryBudgetBytes)}` : ''}`];
  const lines = [`inside the ${tm.processSize} TaskManager (${tm.slots} slot${tm.slots === 1 ? '' : 's'}): ${r.backend} bounded by ${formatBytes(tm.bound.bytes)} (${tm.bound.kind}); every candidate held to its TaskManager's bound`];
  if (tm.fractions.length > 1) {
    lines.push(`managed fractions searched: ${tm.fractions.map((f) => `${f.fraction} (task heap ${formatBytes(f.taskHeapBytes)}, managed ${formatBytes(f.managedPerSlotBytes)} per slot)`).join(', ')}; configured ${tm.baseFraction}, task heap at least ${formatBytes(tm.minTaskHeapBytes)}`);
  }
  lines.push(...tm.notes);
  return lines;
}

export function renderTune(r: TuneResult): string {
  const lines: string[] = [];
  lines.push(`tune ${r.backend} on ${r.workload}`, ...whereLines(r));
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
  for (const x of r.rejected) lines.push(`  rejected ${origin(r, x.candidate)} in ${x.stage} (${formatWhole(x.opsPerSec, '?')} ops/s): ${x.reason}`);
  lines.push('');
  const best = r.candidates[r.best];
  if (!r.verification || !best) {
    lines.push('The defaults stand: no candidate beat them beyond the noise in the search.');
  } else {
    lines.push(`best (${best.origin}): ${knobList(best.knobs)}`);
    lines.push(`against the defaults, ${r.verification.repeats} repeats each, interleaved: ${effectLine(r.verification.gain)}`);
    for (const e of r.verification.effects) lines.push(`  ${effectLine(e)}`);
    lines.push(`  memory: defaults ${memoryText(r.verification.memory.defaults)}; best ${memoryText(r.verification.memory.best)}${r.taskManager ? `; bound ${formatBytes(r.taskManager.bound.bytes)}` : ''}`);
    const low = r.verification.gain.ciLowPct;
    if (r.verification.overBound !== null) lines.push(`Rejected: ${r.verification.overBound}. The defaults stand.`);
    else if (!r.winner) lines.push('Not shown to beat the defaults (the interval includes no gain): the defaults stand.');
    else if (low !== null && low >= TARGET_GAIN_PCT) lines.push(`Winner: the whole 95 % interval is above +${TARGET_GAIN_PCT} %.`);
    else lines.push(`Winner: a real gain (the whole 95 % interval is above 0), not shown to reach +${TARGET_GAIN_PCT} %.`);
  }
  if (!r.winner && r.defaultsFacts.length > 0) lines.push(`What the defaults measured: ${r.defaultsFacts.join('; ')}.`);
  // Inside a TaskManager the defaults standing is advice too: keep Flink's managed memory as it is.
  if (!r.winner && r.taskManager) lines.push('', 'Flink (config.yaml): nothing to change; keep state.backend.rocksdb.memory.managed: true (Flink\'s default) and the configuration as it is.');
  const w = r.winner;
  if (w) {
    lines.push('');
    const { [MANAGED_FRACTION]: fraction, ...knobs } = w.knobs;
    // The backend's own configuration forms (BackendTuning.pasteForms), the TaskManager's keys, then statebench's.
    const forms = backendTraits(r.backend)?.tuning?.pasteForms(knobs, r.taskManager !== null) ?? [];
    lines.push(...forms, ...(forms.length > 0 ? [''] : []));
    const tm = r.taskManager;
    const chosen = tm?.fractions.find((f) => f.fraction === fraction);
    if (tm && chosen) {
      lines.push('Flink TaskManager (config.yaml):', `${MANAGED_FRACTION}: ${chosen.fraction}   # task heap ${formatBytes(chosen.taskHeapBytes)}, managed ${formatBytes(chosen.managedPerSlotBytes)} per slot (configured ${tm.baseFraction})`, '');
    }
    const sets = Object.entries(knobs).map(([k, v]) => `--set ${r.backend}.${k}=${v}`);
    // A changed fraction needs a configuration file that sets it, in place of the TaskManager flags.
    const flags = chosen ? [...r.runFlags.filter((f) => !/^--(flink-conf|taskmanager-memory) /.test(f)), `--flink-conf FILE   # FILE: your configuration with ${MANAGED_FRACTION}: ${chosen.fraction}`] : r.runFlags;
    lines.push(['statebench run', `-b ${r.backend}`, `-w ${r.workload}`, ...sets, ...flags].join(' '));
    const reasons = Object.values(r.reasons);
    if (reasons.length > 0) lines.push('', 'Why each change:', ...reasons.map((x) => `  ${x}`));
  }
  return lines.join('\n');
}
