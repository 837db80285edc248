// Inside an emulated TaskManager (--taskmanager-memory) every configuration's label, the summary
// rows and the terminal summary name the memory its backend had, as they name durability classes;
// a document without a TaskManager reads as before.
import { describe, expect, it } from 'vitest';
import type { CellMemory, ResultDocument } from '../core/result/schema.js';
import { buildReportModel } from './model/report-model.js';
import { summaryRows } from './model/summary-rows.js';
import { makeDocument } from './test-support/fixtures.js';
import { renderTerminalSummary } from './terminal.js';

const MEMORY: Record<string, CellMemory> = {
  heap: { taskManager: '1728m', slots: 1, bound: { kind: 'task heap', bytes: 402653174 } },
  lsm: { taskManager: '1728m', slots: 1, bound: { kind: 'managed', bytes: 536870920 } },
  lmdb: { taskManager: '1728m', slots: 1, bound: null },
};

function inTaskManager(doc: ResultDocument): ResultDocument {
  return {
    ...doc,
    plan: { ...doc.plan, taskManagers: [{ processSize: '1728m', processBytes: 1811939328, slots: 1 }] },
    cells: doc.cells.map((c) => ({ ...c, memory: MEMORY[c.backend] as CellMemory })),
  };
}

describe('the memory each backend had in a TaskManager', () => {
  it('is in every configuration label and summary row', () => {
    const model = buildReportModel(inTaskManager(makeDocument({ repeats: 1 })));
    const labels = model.configurations.map((s) => s.config.label);
    expect(labels).toContain('heap [task heap 384MiB (1728m TM)]');
    expect(labels).toContain('lsm [managed 512MiB (1728m TM)]');
    expect(labels).toContain('lmdb [unbounded (1728m TM)]');
    for (const r of summaryRows(model)) expect(r.knobs).toMatch(/memory=(task heap|managed|unbounded)/);
  });

  it('is a column of the terminal summary, with the TaskManager named under it', () => {
    const out = renderTerminalSummary(inTaskManager(makeDocument({ repeats: 1 })));
    expect(out.split('\n')[0]).toMatch(/\bdurability\s+memory\s+rep\b/);
    expect(out).toMatch(/^heap\s.*task heap 384MiB \(1728m TM\)/m);
    expect(out).toMatch(/^memory: every cell ran inside an emulated Flink TaskManager, 1728m \(1 slot\);/m);
  });

  it('is absent without a TaskManager', () => {
    const doc = makeDocument({ repeats: 1 });
    expect(renderTerminalSummary(doc).split('\n')[0]).not.toMatch(/memory/);
    expect(buildReportModel(doc).configurations.map((s) => s.config.label).join()).not.toMatch(/\[/);
  });
});
