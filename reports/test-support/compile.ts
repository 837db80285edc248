// Compiles a chart with vega-lite, collecting its warnings, and reads the data the spec carries.

import { compile } from 'vega-lite';
import type { Chart } from '../charts/chart.js';

export function compileChart(chart: Chart): { warnings: string[]; vega: unknown } {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...args: readonly unknown[]) => {
      throw new Error(args.map(String).join(' '));
    },
    warn: (...args: readonly unknown[]) => {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const { spec } = compile(chart.spec, { logger: logger as any });
  return { warnings, vega: spec };
}

/** Every inline data row of a spec (data.values and datasets), wherever it sits. */
export function dataRows(chart: Chart): Record<string, unknown>[] {
  const spec = chart.spec as { data?: { values?: unknown[] }; datasets?: Record<string, unknown[]> };
  const rows = [...(spec.data?.values ?? []), ...Object.values(spec.datasets ?? {}).flat()];
  return rows as Record<string, unknown>[];
}
