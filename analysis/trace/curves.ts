// The miss-ratio curves of the trace workloads of a run, for the block cache advice: one more
// pass over each trace after the run (statebench trace's figures, by workload name).

import type { CurvePoint } from '../advice/facts.js';
import { tracePath } from '../../workloads/catalogue.js';
import { traceName } from '../../workloads/trace/workload.js';
import { summariseTrace } from './summarise.js';

export function traceCurves(workloads: readonly string[]): Map<string, readonly CurvePoint[]> {
  const curves = new Map<string, readonly CurvePoint[]>();
  for (const w of workloads) {
    const path = tracePath(w);
    if (path !== null) curves.set(traceName(path), summariseTrace(path).missRatioCurve);
  }
  return curves;
}
