// Figures per configuration: throughput with its spread over repeats, latency percentiles merged
// over repeats (from the HDR histograms when every repeat has one), memory and amplification.

import type { Histogram } from 'hdr-histogram-js';
import type { Configuration, MeasuredCell } from './configurations.js';
import { mainPhase } from './configurations.js';
import { mergeReadable } from './histograms.js';
import { summarise } from '../../harness/recorder/histogram.js';
import { median, sortedMedian } from '../../core/stats.js';

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly values: readonly number[];
}

export const PERCENTILES = [
  { key: 'p50', label: 'p50' },
  { key: 'p90', label: 'p90' },
  { key: 'p99', label: 'p99' },
  { key: 'p999', label: 'p99.9' },
  { key: 'p9999', label: 'p99.99' },
  { key: 'max', label: 'max' },
] as const;

export type PercentileKey = (typeof PERCENTILES)[number]['key'];
export type PercentilesUs = Record<PercentileKey, number | null>;

export interface ConfigurationStats {
  readonly config: Configuration;
  readonly throughput: Spread | null;
  /** Per operation kind, over all repeats. */
  readonly operations: ReadonlyMap<string, PercentilesUs>;
  /** Over every operation kind together. */
  readonly allOps: PercentilesUs | null;
  /** 'hdr': merged histograms; 'percentiles': medians of the repeats' percentiles (no histograms). */
  readonly latencySource: 'hdr' | 'percentiles';
  readonly rssPeakBytes: number | null;
  readonly writeAmp: number | null;
  readonly spaceAmp: number | null;
}

export function spread(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sortedMedian(sorted), min: sorted[0]!, max: sorted[sorted.length - 1]!, values };
}

/** The recorder's summary of a merged histogram, its percentiles only. */
function fromHistogram(h: Histogram): PercentilesUs {
  const s = summarise(h);
  const out = {} as PercentilesUs;
  for (const p of PERCENTILES) out[p.key] = s[p.key];
  return out;
}

function emptyPercentiles(): PercentilesUs {
  return { p50: null, p90: null, p99: null, p999: null, p9999: null, max: null };
}

export function configurationStats(config: Configuration): ConfigurationStats {
  const cells = config.ok;
  const phases = cells.map((c) => mainPhase(c)!);
  const throughput = spread(
    phases.map((p) => p.throughputOpsPerSec).filter((v): v is number => v !== null && Number.isFinite(v)),
  );

  const opNames = [...new Set(phases.flatMap((p) => Object.keys(p.operations)))];
  const operations = new Map<string, PercentilesUs>();
  let allHdr = opNames.length > 0;
  const allEncoded: (string | null)[] = [];
  for (const op of opNames) {
    const results = phases.map((p) => p.operations[op]).filter((r) => r !== undefined && r.count > 0);
    if (results.length === 0) continue;
    const encoded = results.map((r) => r!.hdr);
    allEncoded.push(...encoded);
    const merged = mergeReadable(encoded);
    if (merged) {
      operations.set(op, fromHistogram(merged));
      continue;
    }
    allHdr = false;
    const p = emptyPercentiles();
    for (const { key } of PERCENTILES) p[key] = key === 'max'
      ? Math.max(...results.map((r) => r!.latencyUs.max ?? -Infinity))
      : median(results.map((r) => r!.latencyUs[key]));
    if (p.max === -Infinity) p.max = null;
    operations.set(op, p);
  }

  let allOps: PercentilesUs | null = null;
  const mergedAll = allHdr ? mergeReadable(allEncoded) : null;
  if (mergedAll) allOps = fromHistogram(mergedAll);
  else if (operations.size > 0) {
    // Without histograms the kinds cannot be merged: take the worst kind at each percentile.
    allOps = emptyPercentiles();
    for (const { key } of PERCENTILES) {
      const values = [...operations.values()].map((o) => o[key]).filter((v): v is number => v !== null);
      allOps[key] = values.length > 0 ? Math.max(...values) : null;
    }
  }

  return {
    config,
    throughput,
    operations,
    allOps,
    latencySource: mergedAll ? 'hdr' : 'percentiles',
    rssPeakBytes: median(cells.map((c: MeasuredCell) => c.resources?.rssPeakBytes)),
    writeAmp: median(cells.map((c) => c.engine?.writeAmp)),
    spaceAmp: median(cells.map((c) => c.engine?.spaceAmp)),
  };
}
