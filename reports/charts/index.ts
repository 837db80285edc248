// Every chart a document has data for, in report order; charts without data are left out.

import type { ReportModel } from '../model/report-model.js';
import { amplificationChart } from './amplification.js';
import type { Chart } from './chart.js';
import { knobSweepCharts } from './knob-sweep.js';
import { latencySpectrumChart } from './latency-spectrum.js';
import { scalingChart } from './scaling.js';
import { threadScalingChart } from './threads.js';
import { microChart } from './micro.js';
import { remoteSweepChart } from './remote.js';
import { throughputChart } from './throughput.js';
import { timelineCharts } from './timeline.js';
import { tradeoffChart } from './tradeoff.js';
import { ttlCleanupChart } from './ttl-cleanup.js';

export function buildCharts(model: ReportModel): Chart[] {
  const charts = [
    throughputChart(model),
    scalingChart(model),
    threadScalingChart(model),
    remoteSweepChart(model),
    latencySpectrumChart(model),
    ...timelineCharts(model),
    ttlCleanupChart(model),
    ...knobSweepCharts(model),
    tradeoffChart(model),
    amplificationChart(model),
    microChart(model),
  ].filter((c): c is Chart => c !== null);
  // Ids must be unique: they are HTML anchors.
  const seen = new Map<string, number>();
  return charts.map((c) => {
    const n = (seen.get(c.id) ?? 0) + 1;
    seen.set(c.id, n);
    return n === 1 ? c : { ...c, id: `${c.id}-${n}` };
  });
}
