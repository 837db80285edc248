// A trace recorded from a built-in workload (--record-trace) replays (-w FILE) on heap, lmdb and
// lsm to the same operations: the same count of each kind, and line by line the same op on the
// same key once the recorded key ids are mapped to their ranks (the replay interns keys in byte
// order). Re-recording the replay gives the trace to compare.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBackend } from '../../backends/registry.js';
import { resolveKnobs } from '../../backends/resolve-knobs.js';
import { tempDir } from '../../core/test-support/temp-dir.js';
import { emptyOp } from '../../workloads/trace/format.js';
import { TraceRecords } from '../../workloads/trace/records.js';
import { runCell } from './run-cell.js';
import { inProcessCellSpec } from './spec.js';

const OPS = 20_000;
const dir = tempDir('statebench-trace-replay-');

function readTrace(path: string): { op: number[]; key: number[] } {
  const recs = new TraceRecords(path);
  const o = emptyOp();
  const op: number[] = [];
  const key: number[] = [];
  while (recs.next(o)) {
    op.push(o.op);
    key.push(o.keyNum);
  }
  return { op, key };
}

describe('a recorded trace replays to the same operations', () => {
  for (const backend of ['heap', 'lmdb', 'lsm']) {
    it(backend, async () => {
      const a = join(dir, `${backend}-a.csv`);
      const bPath = join(dir, `${backend}-b.csv`);
      const first = await runCell({ ...(await specFor(backend, 'ycsb-a', `${backend}-1`)), recordTrace: a });
      const second = await runCell({ ...(await specFor(backend, a, `${backend}-2`)), recordTrace: bPath });
      expect(first.status).toBe('ok');
      expect(second.status).toBe('ok');
      if (first.status !== 'ok' || second.status !== 'ok') return;
      const counts = (c: typeof first) => Object.fromEntries(Object.entries(c.phases.run?.operations ?? {}).filter(([, r]) => r.count > 0).map(([k, r]) => [k, r.count]));
      expect(counts(second)).toEqual(counts(first));
      expect(second.warnings.some((w) => /replayed once, whole/.test(w))).toBe(true);
      const ta = readTrace(a);
      const tb = readTrace(bPath);
      expect(tb.op).toEqual(ta.op);
      const rank = new Map([...new Set(ta.key)].sort((x, y) => x - y).map((k, i) => [k, i]));
      expect(tb.key).toEqual(ta.key.map((k) => rank.get(k)));
    });
  }
});

async function specFor(backend: string, workload: string, sub: string) {
  const b = await loadBackend(backend);
  return inProcessCellSpec({
    id: `${backend}/${workload}#0`,
    backend,
    knobs: resolveKnobs(b!.describe(), {}),
    workload,
    workloadParams: { records: 2_000, distribution: 'zipfian' },
    ops: OPS,
    seed: 7,
    repeat: 0,
    dataDir: join(dir, sub),
    sampleEvery: null,
  });
}
