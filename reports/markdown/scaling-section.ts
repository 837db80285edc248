// The "State size" part of summary.md: the scaling findings in words, with the cells behind each
// figure. Every string from the document goes through escapeMarkdownCell.

import type { ResultDocument } from '../../core/result/schema.js';
import { escapeMarkdownCell as md } from '../escape.js';
import { HIT_RATIO_TEXT, scalingFindingTexts } from '../model/scaling-findings.js';

export function scalingMarkdown(doc: ResultDocument): string[] {
  const findings = scalingFindingTexts(doc);
  if (findings.length === 0) return [];
  const out = ['### State size', '', `Where heap stops being the fastest choice as the state grows, and where a block cache stops holding it. ${md(HIT_RATIO_TEXT)}`, ''];
  for (const f of findings) {
    out.push(`**${md(f.workload)}** at ${md(f.sizes)} records:`, '');
    for (const l of f.lines) out.push(`- ${md(l.text)}${l.cellIds.length > 0 ? ` (cells: ${l.cellIds.map((id) => `\`${md(id)}\``).join(', ')})` : ''}`);
    out.push('');
  }
  return out;
}
