// The block-cache falloff of a state-size sweep: per configuration whose engine reports a block
// cache hit ratio (lsm), the smallest size at which the ratio (median over repeats) falls below
// 0.9, the point from which reads miss the cache often enough to go to disk; with the ratio at
// every size, so a reader sees the trend. docs/scaling.md states the rule.

import type { ScalingFinding } from '../../core/result/schema.js';
import { medianAt, type SizedWorkload } from './size-groups.js';

export const HIT_RATIO_THRESHOLD = 0.9;

export function findCacheFalloff(w: SizedWorkload): ScalingFinding['cacheFalloff'] {
  const out: ScalingFinding['cacheFalloff'] = [];
  for (const config of w.configurations) {
    const points = w.sizes.flatMap((records) => {
      const { value, cellIds } = medianAt(config, records, (c) => c.engine?.blockCacheHitRatio);
      return value === null ? [] : [{ records, hitRatio: value, cellIds }];
    });
    if (points.length === 0) continue;
    const below = points.find((p) => p.hitRatio < HIT_RATIO_THRESHOLD);
    out.push({ backend: config.backend, configuration: config.label, threshold: HIT_RATIO_THRESHOLD, records: below?.records ?? null, points });
  }
  return out;
}
