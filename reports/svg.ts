// SVG for a chart, rendered headless with vega's View (no browser), for Markdown and terminals.

import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { Chart } from './charts/chart.js';

export async function renderSvg(chart: Chart): Promise<string> {
  const view = new vega.View(vega.parse(compile(chart.spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
