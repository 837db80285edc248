// Accesses per input element in the reports: per workload that says what an element is and per
// configuration, from the cells' recorded elements; none for YCSB or for an older document.
import { describe, expect, it } from 'vitest';
import { craftCell, craftDocument } from '../../harness/test-support/cells.js';
import type { CellOk } from '../../core/result/schema.js';
import { phaseElements } from '../../core/result/elements.js';
import { elementCostRows } from './element-costs.js';
import { renderTerminalSummary } from '../terminal.js';
import { renderMarkdown } from '../markdown/summary.js';
import { buildReportModel } from './report-model.js';
import { elementsSection } from '../html/elements-section.js';
import { ttlDocument } from '../test-support/ttl-document.js';

const KINDS = [
  { name: 'window.add.get', action: 'get', writes: false, state: 'window-contents', element: true },
  { name: 'window.add.put', action: 'put', writes: true, state: 'window-contents' },
  { name: 'window.fire', action: 'clear-namespace', writes: true, state: 'window-contents' },
];

/** window-agg: per element a get and a put, a fire every 1000 elements. */
function windowCell(backend: 'heap' | 'lsm', throughput: number): CellOk {
  const cell = craftCell({ backend, workload: 'window-agg', throughput, ops: { 'window.add.get': [10_000, 1], 'window.add.put': [10_000, 2], 'window.fire': [10, 50] } });
  const run = { ...cell.phases.run!, ops: 20_010 };
  return { ...cell, workload: { ...cell.workload, source: 'flink' }, operationKinds: KINDS, phases: { run: { ...run, elements: phaseElements(run, KINDS) } } };
}

function doc() {
  const ycsb = craftCell({ backend: 'lsm', workload: 'ycsb-a' });
  // A Flink cell of an older document: no recorded kinds or elements.
  const older = { ...craftCell({ backend: 'heap', workload: 'value-state', ops: { 'value-get': [5000, 1], 'value-update': [5000, 1] } }), id: 'heap/value-state#0' };
  return craftDocument(windowCell('heap', 2_001_000), windowCell('lsm', 200_100), ycsb, older);
}

describe('accesses per input element', () => {
  it('gives each configuration of a workload with elements its accesses per element and elements/s', () => {
    expect(elementCostRows(doc())).toEqual([
      { workload: 'window-agg', configuration: 'heap', accessesPerElement: 2.001, elementsPerSec: 1_000_000, opsPerSec: 2_001_000 },
      { workload: 'window-agg', configuration: 'lsm', accessesPerElement: 2.001, elementsPerSec: 100_000, opsPerSec: 200_100 },
    ]);
  });

  it('shows them in the terminal, Markdown and HTML reports', () => {
    const d = doc();
    expect(renderTerminalSummary(d)).toContain('per element: window-agg, lsm: 2 state accesses per input element, 100,000 elements/s (200,100 ops/s)');
    const md = renderMarkdown(buildReportModel(d), []);
    expect(md).toContain('### Per input element');
    expect(md).toContain('| window-agg | heap | 2 | 1,000,000 | 2,001,000 |');
    const html = elementsSection(d);
    expect(html).toContain('<td>window-agg</td><td>lsm</td><td class="n">2</td><td class="n">100,000</td>');
    expect(html).not.toContain('ycsb-a');
  });

  it('names the workload settings that tell two configurations of one backend apart', () => {
    expect(elementCostRows(ttlDocument()).map((r) => r.configuration)).toEqual(['lsm ttlCleanup=background', 'heap ttlCleanup=background', 'lsm ttlCleanup=none']);
  });
});
