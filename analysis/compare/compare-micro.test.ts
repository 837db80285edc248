// compare gates micro documents: each task's mean, p50 and p99 are metrics (lower is better);
// the null baseline and tasks at the timer's resolution are not compared.
import { describe, expect, it } from 'vitest';
import { compareDocuments, DEFAULT_COMPARE_OPTIONS } from './compare.js';
import { documentOf } from '../../core/result/test-support/documents.js';
import { parseThresholds } from './thresholds.js';
import type { CellResult, MicroTask } from '../../core/result/schema.js';
import { microWorkloadRef } from '../../harness/micro/spec.js';

function task(meanNs: number, atTimerResolution = false): MicroTask {
  return { meanNs, p50Ns: meanNs * 0.9, p75Ns: meanNs, p99Ns: meanNs * 3, p999Ns: meanNs * 10, rme: 1, samples: 10_000, opsPerSec: Math.round(1e9 / meanNs), atTimerResolution };
}

/** A micro cell; `jitter` varies the repeats a little so the intervals have some width. */
function microCell(repeat: number, getHitNs: number, jitter: number): CellResult {
  const f = 1 + jitter * (repeat - 1);
  return {
    id: `micro/lsm/r${repeat}`,
    backend: 'lsm',
    knobs: { writeBufferSize: 67108864 },
    workload: microWorkloadRef({ records: 100_000, keySize: 16, valueSize: 100 }),
    repeat,
    seed: 42,
    startedAt: null,
    warnings: [],
    status: 'ok',
    phases: {},
    micro: { null: task(40 * f, true), 'get-hit': task(getHitNs * f), put: task(3000 * f), delete: task(50 * f, true) },
    engine: null,
    resources: null,
    checkpoints: [],
  };
}

const docOf = (getHitNs: number) => documentOf([0, 1, 2, 3, 4].map((r) => microCell(r, getHitNs, 0.01)));

describe('compare on micro documents', () => {
  const options = { ...DEFAULT_COMPARE_OPTIONS, thresholds: parseThresholds([]) };

  it('reports a 30 % slower get-hit as a regression on its mean, and put unchanged', () => {
    const c = compareDocuments(docOf(1000), docOf(1300), options);
    expect(c.pairs).toHaveLength(1);
    const metrics = new Map(c.pairs[0]!.metrics.map((m) => [m.id, m]));
    expect(metrics.get('micro.get-hit.mean')?.verdict).toBe('regressed');
    expect(metrics.get('micro.get-hit.mean')?.unit).toBe('ns');
    // One value per cell and metric: five repeats give five values on each side.
    expect(metrics.get('micro.get-hit.mean')?.base.n).toBe(5);
    expect(metrics.get('micro.get-hit.mean')?.head.n).toBe(5);
    expect(metrics.get('micro.put.mean')?.verdict).toBe('unchanged');
    expect(c.exitCode).toBe(1);
    expect(c.gatingRegressions.map((r) => r.metric)).toContain('micro.get-hit mean');
  });

  it('compares mean, p50 and p99 of each measured task, and neither the null baseline nor a task at timer resolution', () => {
    const c = compareDocuments(docOf(1000), docOf(1000), options);
    const ids = c.pairs[0]!.metrics.map((m) => m.id).sort();
    expect(ids).toEqual(['micro.get-hit.mean', 'micro.get-hit.p50', 'micro.get-hit.p99', 'micro.put.mean', 'micro.put.p50', 'micro.put.p99']);
    expect(c.exitCode).toBe(0);
  });

  it('gates on the selected family only: --fail-on p50 ignores a regression of the mean alone', () => {
    const base = docOf(1000);
    const head = docOf(1000);
    for (const cell of head.cells) if (cell.status === 'ok' && cell.micro?.['get-hit']) cell.micro['get-hit'].meanNs = 1500;
    const c = compareDocuments(base, head, { ...options, failOn: ['p50'] });
    expect(c.pairs[0]!.metrics.find((m) => m.id === 'micro.get-hit.mean')?.verdict).toBe('regressed');
    expect(c.exitCode).toBe(0);
  });
});
