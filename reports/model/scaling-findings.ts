// The document's scaling findings (analysis/scaling) in words, each sentence with the cells its
// figures come from, so a reader can check them in the cell table. Shared by HTML and Markdown.

import type { ResultDocument, ScalingFinding, SizeMeasurement } from '../../core/result/schema.js';
import { formatCount } from '../../core/units.js';
import { formatNumber } from '../../core/numbers.js';

export interface FindingLine {
  readonly text: string;
  /** The cells behind the figures of this sentence. */
  readonly cellIds: readonly string[];
}

export interface ScalingFindingText {
  readonly workload: string;
  /** "10k, 50k, 1M" */
  readonly sizes: string;
  readonly lines: readonly FindingLine[];
}

/** The two rules, in a sentence, for the reader of a report. */
export const HIT_RATIO_TEXT =
  'Heap stops leading at the smallest measured size at which another configuration has a higher median run throughput, or heap errored (out of memory) or exceeded --memory-budget; a block cache stops holding the working set at the smallest size whose median hit ratio is below 0.9.';

const size = (records: number): string => `${formatCount(records)} records`;
const rate = (m: SizeMeasurement): string => `${m.configuration} at ${formatNumber(m.opsPerSec)} ops/s`;
const ratio = (r: number): string => formatNumber(r);

export function scalingFindingTexts(doc: ResultDocument): ScalingFindingText[] {
  return (doc.findings ?? []).filter((f): f is ScalingFinding => f.kind === 'scaling').map((f) => ({
    workload: f.workload,
    sizes: f.sizes.map(formatCount).join(', '),
    lines: [...crossoverLines(f), ...f.cacheFalloff.map(falloffLine)],
  }));
}

function crossoverLines(f: ScalingFinding): FindingLine[] {
  const x = f.crossover;
  if (!x) return [{ text: 'No heap crossover to find: the run has no heap cells or no other backend for this workload.', cellIds: [] }];
  const ids = (...ms: (SizeMeasurement | null)[]): string[] => ms.flatMap((m) => (m ? m.cellIds : []));
  if (x.records === null) {
    return [{ text: `Heap leads at every measured size, up to ${size(x.heap.records)}; there: ${rate(x.heap)}${x.other ? `, ${rate(x.other)}` : ''}.`, cellIds: ids(x.heap, x.other) }];
  }
  const where = size(x.records);
  const other = x.other ? `; ${rate(x.other)} there` : '; no other configuration finished there either';
  const lead =
    x.reason === 'slower'
      ? `Heap stops leading at ${where}: ${x.other ? `${rate(x.other)}, ${rate(x.heap)}` : rate(x.heap)}.`
      : x.reason === 'errored'
        ? `Heap fails at ${where} (${x.heap.reason ?? 'errored'})${other}.`
        : `Heap exceeds the memory budget at ${where} (${x.heap.reason ?? 'over --memory-budget'})${other}.`;
  const lines: FindingLine[] = [{ text: lead, cellIds: ids(x.heap, x.other) }];
  if (x.before) {
    const b = x.before;
    lines.push({ text: `At ${size(b.heap.records)}, the size below, heap still led: ${rate(b.heap)}${b.other ? `, ${rate(b.other)}` : ''}.`, cellIds: ids(b.heap, b.other) });
  } else {
    lines.push({ text: `That is the smallest size measured: heap led at none.`, cellIds: [] });
  }
  return lines;
}

function falloffLine(c: ScalingFinding['cacheFalloff'][number]): FindingLine {
  const trend = c.points.map((p) => `${ratio(p.hitRatio)} at ${formatCount(p.records)}`).join(', ');
  const cellIds = c.points.flatMap((p) => p.cellIds);
  if (c.records === null) {
    return { text: `${c.configuration}: the block-cache hit ratio stays at or above ${ratio(c.threshold)} at every size (${trend}).`, cellIds };
  }
  // Below already at the first size with block reads: no size measured where the cache held.
  const verb = c.points[0]?.records === c.records ? `is below ${ratio(c.threshold)} from the first size whose cells read through it, ${size(c.records)}` : `falls below ${ratio(c.threshold)} at ${size(c.records)}`;
  return { text: `${c.configuration}: the block-cache hit ratio ${verb} (${trend}): from there more than one block read in ten misses the cache.`, cellIds };
}
