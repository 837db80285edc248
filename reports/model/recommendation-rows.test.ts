import { describe, expect, it } from 'vitest';
import { adviseDocument } from '../../analysis/advice/advise.js';
import { craftCell, craftDocument } from '../../harness/test-support/cells.js';
import { buildCharts } from '../charts/index.js';
import { recommendationsSection } from '../html/sections.js';
import { renderMarkdown } from '../markdown/summary.js';
import { buildReportModel } from './report-model.js';
import { recommendationRows } from './recommendation-rows.js';

// The heap measured 4x lsm while GC paused 20 % of its time: the GC rule's lsm is refuted.
function refutedDocument() {
  const doc = craftDocument(craftCell({ backend: 'heap', gcPauseMs: 2000, runMs: 10_000, throughput: 400_000 }), craftCell({ backend: 'lsm', throughput: 100_000 }));
  return { ...doc, recommendations: adviseDocument(doc) };
}

describe('recommendation rows', () => {
  it('a change of backend reads "switch backend to lsm" and "use backend heap", a knob change "increase knob to value"', () => {
    const rows = recommendationRows(refutedDocument().recommendations, []);
    expect(rows.find((r) => r.id === 'heap-gc-or-memory')?.suggestion).toBe('switch backend to lsm');
    expect(rows.find((r) => r.id === 'best-backend')?.suggestion).toBe('use backend heap');
    const knob = recommendationRows([{ ...refutedDocument().recommendations[0]!, suggestion: { knob: 'writeBufferSize', action: 'increase', value: 64 * 1024 * 1024, rationale: '' } }], []);
    expect(knob[0]?.suggestion).toBe('increase writeBufferSize to 64MiB');
  });

  it('a verification that ran nothing shows its note; one that ran shows its figures and its note', () => {
    const rec = refutedDocument().recommendations[0]!;
    const base = { status: 'unverified' as const, metric: 'throughput', changePct: null, ciLowPct: null, ciHighPct: null };
    const [skipped, measured] = recommendationRows(
      [
        { ...rec, verification: { ...base, repeats: 0, note: 'not measured: this document already refutes it' } },
        { ...rec, verification: { ...base, status: 'confirmed' as const, changePct: 12, ciLowPct: 5, ciHighPct: 19, repeats: 5, note: 'lsm against heap' } },
      ],
      [],
    );
    expect(skipped?.verification).toBe('unverified: not measured: this document already refutes it');
    expect(measured?.verification).toBe('confirmed: throughput +12.0 % (CI +5.0 % .. +19.0 %, 5 repeats); lsm against heap');
  });

  it('a refuted suggestion carries why, with its figures; a standing one none', () => {
    const rows = recommendationRows(refutedDocument().recommendations, []);
    expect(rows.find((r) => r.id === 'heap-gc-or-memory')?.refuted).toMatch(/lsm 100,000 ops\/s against heap 400,000 ops\/s .*\(heap throughput \(ops\/s\) = 400,000; lsm throughput \(ops\/s\) = 100,000\)$/);
    expect(rows.find((r) => r.id === 'best-backend')?.refuted).toBeNull();
  });

  it('summary.md and report.html show a refuted suggestion plainly as refuted, struck through', () => {
    const doc = refutedDocument();
    const model = buildReportModel(doc);
    const charts = buildCharts(model);
    const md = renderMarkdown(model, charts);
    const line = md.split('\n').find((l) => l.includes('switch backend to lsm')) ?? '';
    expect(line).toMatch(/\*\*refuted\*\*: measured on ycsb-a.*~~switch backend to lsm~~/);
    expect(md.split('\n').find((l) => l.includes('use backend heap'))).not.toMatch(/refuted/);
    const html = recommendationsSection(recommendationRows(doc.recommendations, charts));
    expect(html).toMatch(/<strong>refuted<\/strong>: measured on ycsb-a[^<]*<\/div><del><code>switch backend to lsm<\/code><\/del>/);
    expect(html).toContain('<code>use backend heap</code>');
  });
});
