// Durability classes and the cells' notes (an LSM run phase that never flushed) in every output:
// the terminal summary, summary.md and report.html, from a crafted document.
import { describe, expect, it } from 'vitest';
import type { CellResult, DurabilityClass, ResultDocument } from '../core/result/schema.js';
import { buildCharts } from './charts/index.js';
import { renderHtml } from './html/page.js';
import { loadVegaAssets } from './html/vega-assets.js';
import { renderMarkdown } from './markdown/summary.js';
import { buildReportModel } from './model/report-model.js';
import { renderTerminalSummary } from './terminal.js';
import { makeDocument } from './test-support/fixtures.js';

const CLASSES: Record<string, DurabilityClass> = { heap: 'none', lmdb: 'process', lsm: 'none' };
const NOTE = 'lsm: no flush and no compaction during the run phase: its writes stayed in the memtable';

/** The fixture's cells with the class of their backend, and the note on the lsm ycsb-a cells. */
function classified(): ResultDocument {
  const doc = makeDocument({ repeats: 2 });
  const cells = doc.cells.map((c): CellResult => ({
    ...c,
    durabilityClass: CLASSES[c.backend] as DurabilityClass,
    warnings: c.backend === 'lsm' && c.workload.name === 'ycsb-a' ? [NOTE] : [],
  }));
  return { ...doc, plan: { ...doc.plan, semantics: 'flink' }, cells };
}

const noteCells = (doc: ResultDocument): string[] => doc.cells.filter((c) => c.warnings.includes(NOTE)).map((c) => c.id);

describe('durability classes and cell notes', () => {
  it('terminal: a durability column, each note once with its cells, and what the classes mean', () => {
    const doc = classified();
    const out = renderTerminalSummary(doc);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^backend\s+workload\s+knobs\s+durability\s+rep\s+status/);
    expect(lines.find((l) => l.startsWith('lsm '))).toMatch(/^lsm\s+ycsb-a\s+none\s+0\s+ok/);
    expect(lines.find((l) => l.startsWith('lmdb '))).toMatch(/^lmdb\s+ycsb-a\s+process\s+0\s+ok/);
    expect(lines.filter((l) => l.startsWith('note '))).toEqual([`note (${noteCells(doc).join(', ')}): ${NOTE}`]);
    expect(out).toMatch(/^durability: what an acknowledged write survives: none .*--semantics flink: no per-write durability/m);
  });

  it('terminal: a document without classes (older) shows - and no legend', () => {
    const out = renderTerminalSummary(makeDocument({ repeats: 1 }));
    expect(out.split('\n').find((l) => l.startsWith('heap '))).toMatch(/^heap\s+ycsb-a\s+-\s+0\s+ok/);
    expect(out).not.toMatch(/^durability:/m);
    expect(out).not.toMatch(/^note /m);
  });

  it('summary.md: a durability column per configuration, the legend and the notes', () => {
    const doc = classified();
    const model = buildReportModel(doc);
    const md = renderMarkdown(model, buildCharts(model));
    expect(md).toContain('| backend | workload | knobs | durability | repeats ok |');
    expect(md).toMatch(/^\| lsm \| ycsb-a \| – \| none \| 2\/2 \|/m);
    expect(md).toMatch(/^\| lmdb \| ycsb-b \| – \| process \| 2\/2 \|/m);
    expect(md).toContain('**machine** (survives power loss)');
    expect(md).toContain(`### Notes on cells\n\n- ${NOTE} (${noteCells(doc).join(', ')})`);
    expect(md).toMatch(/· semantics flink$/m);
  });

  it('report.html: the class in the summary and beside each cell, the notes linked to their cells, the semantics in the plan', () => {
    const doc = classified();
    const model = buildReportModel(doc);
    const html = renderHtml(model, buildCharts(model), loadVegaAssets());
    expect(html).toContain('<th>durability</th>');
    expect(html).toMatch(/<td>lsm<\/td><td>ycsb-a<\/td><td>–<\/td><td class="durability">none<\/td>/);
    expect(html).toContain('<div class="dim">durability: process</div>');
    const [first] = noteCells(doc);
    expect(html).toMatch(new RegExp(`<li class="warn">${NOTE} <span class="dim" title="[^"]+">\\(<a href="#cell-${first}">`));
    expect(html).toContain('<dt>semantics</dt><dd>flink: no per-write durability (durability from checkpoints)</dd>');
  });
});
