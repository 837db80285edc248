// The "State size" section of report.html: the scaling findings in words, each figure linked to
// the cells it comes from. Every string from the document passes through escapeHtml.

import type { ResultDocument } from '../../core/result/schema.js';
import { CHART_IDS } from '../../core/result/chart-ids.js';
import { escapeHtml as h } from '../escape.js';
import { HIT_RATIO_TEXT, scalingFindingTexts } from '../model/scaling-findings.js';

export function scalingSection(doc: ResultDocument, hasChart: boolean): string {
  const findings = scalingFindingTexts(doc);
  if (findings.length === 0) return '';
  const chart = hasChart ? ` The <a href="#chart-${CHART_IDS.scaling}">scaling chart</a> draws every configuration against the size.` : '';
  const body = findings.map((f) => {
    const items = f.lines.map((l) => {
      const cells = l.cellIds.length > 0 ? ` <span class="dim">cells: ${l.cellIds.map((id) => `<a href="#cell-${h(id)}">${h(id)}</a>`).join(' ')}</span>` : '';
      return `<li>${h(l.text)}${cells}</li>`;
    });
    return `<h3>${h(f.workload)} <span class="dim">at ${h(f.sizes)} records</span></h3><ul>${items.join('')}</ul>`;
  });
  return (
    `<section id="scaling"><h2>State size</h2>` +
    `<p>Where heap stops being the fastest choice as the state grows, and where a block cache stops holding it. ${h(HIT_RATIO_TEXT)}${chart}</p>` +
    `${body.join('')}</section>`
  );
}
