// Metric selectors, as --threshold and --fail-on take them: `all`, a family (throughput, p50,
// p99, p999 or p99.9, writeAmp, spaceAmp), an operation kind (read: all its latencies), or one
// metric (read.p99). The most specific selector wins.

import { UsageError } from '../../core/errors.js';
import { METRIC_FAMILIES, type MetricDefinition } from './types.js';

const ALIASES: Readonly<Record<string, string>> = {
  'p99.9': 'p999',
  p999: 'p999',
  writeamp: 'writeAmp',
  spaceamp: 'spaceAmp',
  ops: 'throughput',
};

/** Normalises a selector's spelling (`p99.9` -> `p999`, `read.p99.9` -> `read.p999`). */
export function normaliseSelector(raw: string): string {
  const s = raw.trim();
  const lower = s.toLowerCase();
  if (ALIASES[lower] !== undefined) return ALIASES[lower] as string;
  for (const [alias, family] of Object.entries(ALIASES)) {
    if (lower.endsWith(`.${alias}`)) return `${s.slice(0, s.length - alias.length - 1)}.${family}`;
  }
  return s;
}

/** How specifically a selector matches a metric: 3 its id, 2 its operation, 1 its family, 0 `all`, -1 not at all. */
export function matchRank(selector: string, def: MetricDefinition): number {
  if (selector === def.id) return 3;
  if (def.operation !== null && selector === def.operation) return 2;
  if (selector === def.family) return 1;
  if (selector === 'all') return 0;
  return -1;
}

export function selectorMatches(selector: string, def: MetricDefinition): boolean {
  return matchRank(selector, def) >= 0;
}

export function describeSelectors(): string {
  return `all, ${METRIC_FAMILIES.join(', ')}, an operation name (read) or operation.metric (read.p99)`;
}

/** Throws a UsageError naming the flag when a selector matches none of the metrics present. */
export function checkSelectorsMatch(flag: string, selectors: readonly string[], defs: readonly MetricDefinition[]): void {
  for (const s of selectors) {
    if (s === 'all' || s === 'none' || (METRIC_FAMILIES as readonly string[]).includes(s)) continue;
    if (!defs.some((d) => selectorMatches(s, d))) {
      const ops = [...new Set(defs.map((d) => d.operation).filter((o): o is string => o !== null))];
      throw new UsageError(
        `${flag}: '${s}' matches no metric of these documents; use ${describeSelectors()}${ops.length ? `; operations here: ${ops.join(', ')}` : ''}`,
      );
    }
  }
}
