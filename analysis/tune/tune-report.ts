// tune's printed result: the search in a few lines, the winner with its measured gain and
// interval, and the winner in the forms a user pastes.

import { formatBytes } from '../../core/units.js';
import type { Effect } from './effect.js';
import { flinkKeys, lmdbOptions, rocksdbOptionsFile, rocksdbOptionsString } from './render.js';
import type { TuneResult } from './tune.js';

/** The gain tune is asked to find (issue: at least 20 % over the defaults). */
export const TARGET_GAIN_PCT = 20;

const sign = (x: number | null): string => (x === null ? '?' : `${x >= 0 ? '+' : ''}${x.toFixed(1)} %`);

export function effectLine(e: Effect): string {
  return `${e.metric} ${sign(e.changePct)} (95 % CI ${sign(e.ciLowPct)} .. ${sign(e.ciHighPct)}; medians ${fmt(e.baseMedian)} -> ${fmt(e.headMedian)}, ${e.method ?? 'no'} interval)`;
}

function fmt(x: number | null): string {
  if (x === null) return '?';
  return Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3);
}

function knobList(k: Readonly<Record<string, unknown>>): string {
  const e = Object.entries(k);
  return e.length === 0 ? '(defaults)' : e.map(([n, v]) => `${n}=${typeof v === 'number' && v >= 1024 * 1024 && v % 1024 === 0 ? formatBytes(v) : String(v)}`).join(' ');
}

export function renderTune(r: TuneResult): string {
  const lines: string[] = [];
  lines.push(`tune ${r.backend} on ${r.workload}${r.memoryBudgetBytes !== null ? `, memory budget ${formatBytes(r.memoryBudgetBytes)}` : ''}`);
  lines.push(`candidates: ${r.candidates.length} (${r.candidates.filter((c) => c.origin.startsWith('rule')).length} from the advice rules, ${r.candidates.filter((c) => c.origin === 'sampled').length} sampled)`);
  for (const rung of r.rungs) {
    const best = rung.scores.filter((s) => s.score !== null).sort((a, b) => (b.score as number) - (a.score as number))[0];
    lines.push(`  rung ${rung.budget} ms: ${rung.scores.length} ran, kept ${rung.kept.length}; best ${best ? `${Math.round(best.score as number).toLocaleString('en-US')} ops/s (${r.candidates[best.index]?.origin})` : 'none'}`);
  }
  lines.push('');
  lines.push(`winner (${r.winner.origin}): ${knobList(r.winner.knobs)}`);
  lines.push(`against the defaults, ${r.verifyRepeats} repeats each, interleaved: ${effectLine(r.gain)}`);
  for (const e of r.effects) lines.push(`  ${effectLine(e)}`);
  const low = r.gain.ciLowPct;
  if (Object.keys(r.winner.knobs).length === 0) {
    lines.push('No candidate beat the defaults in the search.');
  } else if (low !== null && low >= TARGET_GAIN_PCT) {
    lines.push(`The whole 95 % interval is above +${TARGET_GAIN_PCT} %.`);
  } else if (low !== null && low > 0) {
    lines.push(`A real gain (the interval excludes 0), but not shown to reach +${TARGET_GAIN_PCT} %.`);
  } else {
    lines.push('Not shown to beat the defaults: the interval includes no gain.');
  }
  if ((low ?? -Infinity) < TARGET_GAIN_PCT && r.defaultsFacts.length > 0) {
    lines.push(`What the defaults measured (bounds on what tuning can gain here): ${r.defaultsFacts.join('; ')}.`);
  }
  if (Object.keys(r.winner.knobs).length > 0) {
    lines.push('');
    if (r.backend === 'lsm') {
      lines.push('RocksDB options string:', `  ${rocksdbOptionsString(r.winner.knobs)}`, '', 'OPTIONS file fragment:', rocksdbOptionsFile(r.winner.knobs), '', 'Flink (config.yaml):', flinkKeys(r.winner.knobs));
      lines.push('', `statebench: ${Object.entries(r.winner.knobs).map(([k, v]) => `--set lsm.${k}=${v}`).join(' ')}`);
    } else if (r.backend === 'lmdb') {
      lines.push('lmdb-js:', lmdbOptions(r.winner.knobs), '', `statebench: ${Object.entries(r.winner.knobs).map(([k, v]) => `--set lmdb.${k}=${v}`).join(' ')}`);
    }
  }
  return lines.join('\n');
}
