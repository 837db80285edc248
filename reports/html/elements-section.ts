// The "Per input element" section of report.html: per workload that says what an element is and
// per configuration, the state accesses one input element makes, and elements per second beside
// ops per second (element-costs.ts). Every string from the document passes through escapeHtml.

import { escapeHtml as h } from '../escape.js';
import { formatNumber, formatWhole } from '../../core/numbers.js';
import type { ResultDocument } from '../../core/result/schema.js';
import { elementCostRows } from '../model/element-costs.js';

/** The section, or '' when no workload of the document says what an element is. */
export function elementsSection(doc: ResultDocument): string {
  const rows = elementCostRows(doc);
  if (rows.length === 0) return '';
  const body = rows
    .map(
      (r) =>
        `<tr><td>${h(r.workload)}</td><td>${h(r.configuration)}</td><td class="n">${h(formatNumber(r.accessesPerElement))}</td>` +
        `<td class="n">${h(formatWhole(r.elementsPerSec))}</td><td class="n">${h(formatWhole(r.opsPerSec))}</td></tr>`,
    )
    .join('\n');
  const head = ['workload', 'configuration', 'state accesses per element', 'elements/s', 'ops/s'].map((t, i) => `<th${i >= 2 ? ' class="n"' : ''}>${t}</th>`).join('');
  return (
    `<section id="elements"><h2>Per input element</h2><p>What one input element costs on each backend: the state accesses it makes ` +
    `(operations whose action is not <code>none</code>, over the operations that begin an element; one operation is one element when the workload marks none), ` +
    `and input elements per second beside operations per second (medians over the repeats).</p>` +
    `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div></section>`
  );
}
