// The theoretical probability of each key id under each distribution (as its generator defines
// it), for goodness-of-fit checks: `statebench keys` and the distribution tests.

import { CHOOSER_DEFAULTS, type ChooserOptions } from './chooser.js';
import { exponentialGamma } from './exponential.js';
import { hashToRange } from './hash.js';
import { checkDistribution } from './index.js';
import { SCRAMBLED_ITEM_COUNT, scrambledZeta } from './scrambled-zipfian.js';
import { zipfianRankPmf } from './zipfian.js';

/** Ranks of the scrambled zipfian placed exactly; the remaining mass is spread evenly. */
const SCRAMBLED_EXACT_RANKS = 2_000_000;

export function keyProbabilities(name: string, records: number, theta: number, options: ChooserOptions = {}): Float64Array {
  const n = Math.max(1, records);
  const p = new Float64Array(n);
  switch (checkDistribution(name)) {
    case 'uniform':
    case 'sequential':
      p.fill(1 / n);
      return p;
    case 'zipfian':
      return zipfianRankPmf(n, theta, n);
    case 'latest': {
      const ranks = zipfianRankPmf(n, theta, n);
      for (let k = 0; k < n; k++) p[k] = ranks[n - 1 - k] as number;
      return p;
    }
    case 'scrambled-zipfian': {
      // Keys at or above the count are redrawn, so the mass is renormalised over the keys.
      const capacity = Math.max(n, options.capacity ?? n);
      const m = Math.min(SCRAMBLED_EXACT_RANKS, SCRAMBLED_ITEM_COUNT);
      const ranks = zipfianRankPmf(SCRAMBLED_ITEM_COUNT, theta, m, scrambledZeta(theta));
      let placed = 0;
      for (let r = 0; r < m; r++) {
        const k = hashToRange(r, capacity);
        const pr = ranks[r] as number;
        placed += pr;
        if (k < n) p[k] = (p[k] as number) + pr;
      }
      const spread = (1 - placed) / capacity;
      let total = 0;
      for (let k = 0; k < n; k++) {
        p[k] = (p[k] as number) + spread;
        total += p[k] as number;
      }
      for (let k = 0; k < n; k++) p[k] = (p[k] as number) / total;
      return p;
    }
    case 'hotspot': {
      const hotFraction = options.hotsetFraction ?? CHOOSER_DEFAULTS.hotsetFraction;
      const hotOpn = options.hotOpnFraction ?? CHOOSER_DEFAULTS.hotOpnFraction;
      const hot = Math.floor(n * hotFraction);
      const cold = n - hot;
      for (let k = 0; k < n; k++) {
        if (k < hot) p[k] = cold === 0 ? 1 / hot : hotOpn / hot;
        else p[k] = hot === 0 ? 1 / cold : (1 - hotOpn) / cold;
      }
      return p;
    }
    case 'exponential': {
      const gamma = exponentialGamma(
        n,
        options.exponentialPercentile ?? CHOOSER_DEFAULTS.exponentialPercentile,
        options.exponentialFrac ?? CHOOSER_DEFAULTS.exponentialFrac,
      );
      const mass = 1 - Math.exp(-gamma * n);
      for (let d = 0; d < n; d++) p[n - 1 - d] = (Math.exp(-gamma * d) - Math.exp(-gamma * (d + 1))) / mass;
      return p;
    }
  }
}
