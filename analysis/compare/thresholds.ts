// --threshold values: `5%` (or `5`, per cent) sets the default; `p99=10%` sets one selector's.

import { UsageError } from '../../core/errors.js';
import { matchRank, normaliseSelector } from './selectors.js';
import type { MetricDefinition } from './types.js';

export const DEFAULT_THRESHOLD_PCT = 5;

export interface Thresholds {
  readonly defaultPct: number;
  readonly bySelector: Readonly<Record<string, number>>;
}

function parsePercent(flag: string, raw: string, text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  const v = m ? Number(m[1]) : NaN;
  if (!Number.isFinite(v) || v < 0 || v >= 1000) {
    throw new UsageError(`${flag}: '${raw}' is not valid; expected a percentage such as 5% or a metric=percentage such as p99=10%`);
  }
  return v;
}

export function parseThresholds(values: readonly string[], flag = '--threshold'): Thresholds {
  let defaultPct = DEFAULT_THRESHOLD_PCT;
  const bySelector: Record<string, number> = {};
  for (const raw of values.flatMap((v) => v.split(',')).filter((v) => v.trim() !== '')) {
    const eq = raw.indexOf('=');
    if (eq < 0) {
      defaultPct = parsePercent(flag, raw, raw);
      continue;
    }
    const selector = normaliseSelector(raw.slice(0, eq));
    if (selector === '') throw new UsageError(`${flag}: '${raw}' names no metric; expected metric=percentage such as p99=10%`);
    const pct = parsePercent(flag, raw, raw.slice(eq + 1));
    if (selector === 'all') defaultPct = pct;
    else bySelector[selector] = pct;
  }
  return { defaultPct, bySelector };
}

/** The threshold (per cent) that applies to a metric: the most specific selector's, else the default. */
export function thresholdFor(t: Thresholds, def: MetricDefinition): number {
  let best = -1;
  let pct = t.defaultPct;
  for (const [selector, value] of Object.entries(t.bySelector)) {
    const rank = matchRank(selector, def);
    if (rank > best) {
      best = rank;
      pct = value;
    }
  }
  return pct;
}
