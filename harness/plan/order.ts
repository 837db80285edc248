// Seeds and the order of cells: the one --seed parser, the seed of each repeat, and the seeded
// shuffle that interleaves repeats so that drift on a busy machine favours no configuration.

import { parseNumber } from '../../core/parse-values.js';
import { createRng } from '../../core/rng.js';

/** --seed: any 32-bit integer (stored in the result); absent: the command's default. */
export function parseSeed(raw: string | number | undefined, fallback: number): number {
  return raw !== undefined ? parseNumber('seed', raw, { min: -2147483648, max: 2147483647 }) | 0 : fallback;
}

/** Repeat r's seed: repeats draw different (but reproducible) operation streams. */
export function repeatSeed(seed: number, repeat: number): number {
  return (seed + Math.imul(repeat, 0x9e3779b1)) | 0;
}

/**
 * Repeats interleaved: the cells of repeat 0, then of repeat 1 ..., each round in a seeded
 * shuffled order when there are several. One round keeps the order given (a run's cells in the
 * order its flags name them) unless `shuffleOne`: tune's rounds of one repeat each, where the
 * control must not always go first.
 */
export function interleaveRepeats<T>(repeats: number, seed: number, round: (repeat: number) => T[], shuffleOne = false): T[] {
  const order = createRng(seed ^ 0x2545f491);
  const out: T[] = [];
  for (let r = 0; r < repeats; r++) {
    const cells = round(r);
    if (repeats > 1 || shuffleOne) {
      for (let i = cells.length - 1; i > 0; i--) {
        const j = order.int(i + 1);
        [cells[i], cells[j]] = [cells[j] as T, cells[i] as T];
      }
    }
    out.push(...cells);
  }
  return out;
}
