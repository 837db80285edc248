// The metrics a comparison looks at, read from one cell: run-phase throughput, p50/p99/p99.9
// latency of each operation kind, the engine's write and space amplification when reported, and
// the mean, p50 and p99 of each micro-benchmark task (micro.<task>.<family>).

import type { CellResult, PhaseResult } from '../../core/result/schema.js';
import { currentOperationName } from '../../core/result/operation-names.js';
import type { MetricDefinition, MetricFamily } from './types.js';

const LATENCY_FAMILIES: readonly { family: MetricFamily; field: 'p50' | 'p99' | 'p999' }[] = [
  { family: 'p50', field: 'p50' },
  { family: 'p99', field: 'p99' },
  { family: 'p999', field: 'p999' },
];

export interface MetricValue {
  readonly def: MetricDefinition;
  readonly value: number;
  /** Latency metrics: how many timed operations the percentile was read from. */
  readonly timed?: number;
}

/** The quantile of a tail-latency family (p99, p99.9), or null for other metrics. */
export function tailQuantile(family: MetricFamily): number | null {
  return family === 'p99' ? 0.99 : family === 'p999' ? 0.999 : null;
}

/**
 * Timed operations a tail percentile needs beyond it before a change in it means anything: a
 * p99.9 read from 1,000 timed ops rests on its one slowest op, and the gate would compare
 * preemptions rather than the engine.
 */
export const MIN_TAIL_SAMPLES = 10;

/** The phase measured for comparison: the run phase, or the load phase of load-only workloads. */
function measuredPhase(cell: CellResult): PhaseResult | undefined {
  if (cell.status === 'skipped') return undefined;
  return cell.phases.run ?? cell.phases.load;
}

const usable = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** Every metric the cell reports, in a stable order. Missing or null figures are left out. */
export function cellMetrics(cell: CellResult): MetricValue[] {
  const out: MetricValue[] = [];
  const phase = measuredPhase(cell);
  if (phase) {
    if (usable(phase.throughputOpsPerSec)) {
      out.push({
        def: { id: 'throughput', family: 'throughput', operation: null, unit: 'ops/s', direction: 'higher-is-better' },
        value: phase.throughputOpsPerSec,
      });
    }
    for (const name of Object.keys(phase.operations).sort()) {
      const result = phase.operations[name];
      if (!result || result.count === 0) continue;
      // An older document's renamed operation pairs with a newer document's under today's name.
      const op = currentOperationName(name);
      for (const { family, field } of LATENCY_FAMILIES) {
        const v = result.latencyUs[field];
        if (!usable(v)) continue;
        out.push({ def: { id: `${op}.${family}`, family, operation: op, unit: 'us', direction: 'lower-is-better' }, value: v, timed: result.timed });
      }
    }
  }
  if (cell.status !== 'skipped' && cell.micro) {
    for (const task of Object.keys(cell.micro).sort()) {
      const t = cell.micro[task];
      if (!t || task === 'null' || t.atTimerResolution) continue;
      const operation = `micro.${task}`;
      for (const [family, v] of [['mean', t.meanNs], ['p50', t.p50Ns], ['p99', t.p99Ns]] as const) {
        if (!usable(v)) continue;
        out.push({ def: { id: `${operation}.${family}`, family, operation, unit: 'ns', direction: 'lower-is-better' }, value: v });
      }
    }
  }
  if (cell.status !== 'skipped' && cell.engine) {
    if (usable(cell.engine.writeAmp)) {
      out.push({ def: { id: 'writeAmp', family: 'writeAmp', operation: null, unit: 'x', direction: 'lower-is-better' }, value: cell.engine.writeAmp });
    }
    if (usable(cell.engine.spaceAmp)) {
      out.push({ def: { id: 'spaceAmp', family: 'spaceAmp', operation: null, unit: 'x', direction: 'lower-is-better' }, value: cell.engine.spaceAmp });
    }
  }
  return out;
}

/** The display name of a metric: `throughput`, `read p99.9`, `writeAmp`. */
export function metricLabel(def: MetricDefinition): string {
  const family = def.family === 'p999' ? 'p99.9' : def.family;
  return def.operation === null ? family : `${def.operation} ${family}`;
}
