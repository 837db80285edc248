// A keyed sliding event-time window, as a DataStream job writes it:
//   stream.keyBy(e -> e.key)
//         .window(SlidingEventTimeWindows.of(Time.milliseconds(windowSize), Time.milliseconds(slide)))
//         .allowedLateness(...).aggregate(f)   (function=incremental)  or  .process(f)  (holistic)
// Each element falls in windowSize / slide windows (rounded down or up by its timestamp when the
// slide does not divide the size; fewer when some are late).
// aligned-window-operator.ts gives the state calls per element and per timer.

import { UsageError } from '../../core/errors.js';
import type { WorkloadParams } from '../types.js';
import { tickSetting } from './event-time.js';
import { type AlignedWorkload, alignedWindowWorkload } from './aligned-window-operator.js';

function geometry(p: WorkloadParams): { size: number; slide: number } {
  const size = tickSetting(p, 'windowSize', 1);
  const slide = tickSetting(p, 'slide', 1);
  // A slide beyond the size leaves gaps no window covers; these workloads keep every element in a window.
  if (slide > size) throw new UsageError(`--param slide=${slide}: expected an integer >= 1 <= windowSize (${size})`);
  return { size, slide };
}

export const SLIDING: AlignedWorkload = {
  name: 'sliding-window',
  description: "Flink WindowOperator, sliding event-time windows: per element each window's add and timers; per timer a fire, get, clear",
  defaults: { windowSize: 1000, slide: 250 },
  sliding: true,
  geometry,
};

export const slidingWindow = alignedWindowWorkload(SLIDING);
