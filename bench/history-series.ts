// Series of result documents built from real delay-backend cells (runCell with ycsb-a, in this
// process, as gate-delay-cells.ts measures them): one document per position, `repeats` cells
// each, run one document after the other as a CI runs one commit after another, so the machine's
// drift lands in the series as it would. A step is planted by running every document from
// `stepAt` on with get slowed by `factor` (the knob delay.slowdownGet, left out of the grouping).

import { SELF_TEST_DEFAULTS, document } from './gate-self-test.js';
import { runDelayCell } from './gate-delay-cells.js';
import type { CellResult, ResultDocument } from '../core/result/schema.js';
import type { Ordering } from '../analysis/history/order.js';

export const STEP_KNOB = 'delay.slowdownGet';

export interface SeriesSpec {
  readonly length: number;
  readonly repeats: number;
  /** First position of the slowed documents; null for an A/A series. */
  readonly stepAt: number | null;
  /** The slowdown of get from stepAt on: 1.1 is 10 % slower. */
  readonly factor: number;
  readonly latencyUs: number;
  readonly jitter: number;
  readonly ops: number;
  readonly records: number;
  /** Seeds the cells of this series (each document and repeat derives its own). */
  readonly seed: number;
  readonly dataDir: string;
}

export interface DelaySeries {
  readonly ordering: Ordering;
  readonly documents: readonly ResultDocument[];
  readonly cellsNotOk: readonly string[];
}

export async function delaySeries(s: SeriesSpec): Promise<DelaySeries> {
  const documents: ResultDocument[] = [];
  const cellsNotOk: string[] = [];
  const base = { latencyUs: String(s.latencyUs), jitter: String(s.jitter) };
  for (let position = 0; position < s.length; position++) {
    const knobs = s.stepAt !== null && position >= s.stepAt ? { ...base, slowdownGet: String(s.factor) } : base;
    const cells: CellResult[] = [];
    for (let r = 0; r < s.repeats; r++) {
      const seed = s.seed * 1_000_003 + position * 1009 + r;
      const cell = await runDelayCell({ knobs, seed, repeat: r, ops: s.ops, records: s.records, valueSize: 100, dataDir: s.dataDir });
      if (cell.status !== 'ok') cellsNotOk.push(`${position}/${cell.id} ${cell.status}`);
      cells.push(cell);
    }
    const options = { ...SELF_TEST_DEFAULTS, repeat: s.repeats, ops: s.ops, records: s.records, seed: s.seed };
    documents.push(document(cells, options, Object.entries(knobs).map(([k, v]) => `delay.${k}=${v}`)));
  }
  const labelled = documents.map((doc, i) => ({ label: `#${String(i).padStart(2, '0')}`, doc }));
  return { ordering: { documents: labelled, orderedBy: 'createdAt', note: null }, documents, cellsNotOk };
}
