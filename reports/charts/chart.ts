// A chart: a Vega-Lite spec with the id the HTML anchors it by and recommendations link to.

import type { TopLevelSpec } from 'vega-lite';

export interface Chart {
  /** Stable, HTML-safe: [a-z0-9-] only (see chartId). */
  readonly id: string;
  readonly title: string;
  /** One or two sentences on what the chart shows and how to read it. */
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

/** Lower-case letters, digits and dashes only, so an id is safe in HTML attributes and URLs. */
export function chartId(...parts: readonly string[]): string {
  return parts
    .map((p) => p.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''))
    .filter((p) => p !== '')
    .join('-');
}

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Shared look: readable fonts, no chart border. */
export const BASE_CONFIG = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 520, symbolLimit: 80 },
  header: { labelFontSize: 12, titleFontSize: 12 },
} as const;

/** Whether values spread over enough orders of magnitude to want a log scale. */
export function wantsLogScale(values: readonly number[], ratio = 20): boolean {
  const positive = values.filter((v) => v > 0);
  if (positive.length !== values.length || positive.length < 2) return false;
  return Math.max(...positive) / Math.min(...positive) >= ratio;
}
