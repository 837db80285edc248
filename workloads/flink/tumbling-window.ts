// A keyed tumbling event-time window, as a DataStream job writes it:
//   stream.keyBy(e -> e.key).window(TumblingEventTimeWindows.of(Time.milliseconds(windowSize)))
//         .allowedLateness(...).aggregate(f)   (function=incremental)  or  .process(f)  (holistic)
// aligned-window-operator.ts gives the state calls per element and per timer.

import type { WorkloadParams } from '../types.js';
import { tickSetting } from './event-time.js';
import { type AlignedWorkload, alignedWindowWorkload } from './aligned-window-operator.js';

const size = (p: WorkloadParams): number => tickSetting(p, 'windowSize', 1);

export const TUMBLING: AlignedWorkload = {
  name: 'tumbling-window',
  description: "Flink WindowOperator, tumbling event-time windows: per element the window's add and its timers; per timer a fire, get, clear",
  defaults: { windowSize: 1000 },
  sliding: false,
  geometry: (p) => ({ size: size(p), slide: size(p) }),
};

export const tumblingWindow = alignedWindowWorkload(TUMBLING);
