// The calibration (A/A noise) report as a terminal table.

import type { NoiseReport } from '../../analysis/compare/noise.js';
import { MAX_REPEATS_SEARCHED } from '../../analysis/compare/noise.js';
import { formatValue } from './numbers.js';
import { formatMargin } from '../../core/numbers.js';

export function noiseToText(r: NoiseReport): string {
  const o = r.options;
  const header = ['benchmark', 'metric', 'mean', 'CV within', 'CV between', `±CI @${o.repeat}`, `detects @${o.repeat}`, `repeats for ${o.detectPct}%`, 'A/A regressed'];
  const rows = r.rows.map((x) => [
    x.benchmark,
    x.metric,
    `${formatValue(x.mean)} ${x.unit}`,
    `${x.cvWithinPct.toFixed(2)}%`,
    x.cvBetweenPct === null ? '-' : `${x.cvBetweenPct.toFixed(2)}%`,
    formatMargin(x.halfWidthPct),
    `${x.smallestDetectablePct.toFixed(1)}%`,
    x.repeatsNeeded === null ? `>${MAX_REPEATS_SEARCHED}` : String(x.repeatsNeeded),
    `${x.aa.regressed}/${r.aaComparisons}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const hopeless = r.rows.filter((x) => x.repeatsNeeded === null).map((x) => `${x.benchmark} ${x.metric}`);
  return [
    `statebench calibrate: ${r.runs} A/A runs x ${o.repeat} repeats, threshold ${o.thresholdPct}%, ${o.method}`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `detects @${o.repeat}: the smallest change the gate flags 80% of the time with ${o.repeat} repeats per side and a ${o.thresholdPct}% threshold (normal approximation).`,
    `repeats for ${o.detectPct}%: repeats per side for the gate to flag a ${o.detectPct}% change 80% of the time.`,
    ...(hopeless.length
      ? [`no repeat count reaches ${o.detectPct}% for ${hopeless.join(', ')}: the runs differ from each other too much (CV between); use a quieter machine, longer cells or a larger threshold.`]
      : []),
    `A/A: ${r.aaComparisons} comparison(s) of consecutive runs, ${r.aaFalseAlarms} would have failed the gate.`,
    '',
  ].join('\n');
}
