// A trace recorded from a built-in workload (--record-trace) replays (-w FILE) on heap, lmdb and
// lsm to the same operations: the same count of each kind, and line by line the same op on the
// same key once the recorded key ids are mapped to their ranks (the replay interns keys in byte
// order). Re-recording the replay gives the trace to compare. And RocksDB's own query trace of an
// lsm cell replays to the queries the cell made.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBackend } from '../../backends/registry.js';
import { resolveKnobs } from '../../backends/resolve-knobs.js';
import { tempDir } from '../../core/test-support/temp-dir.js';
import { emptyOp } from '../../workloads/trace/format.js';
import { TraceRecords } from '../../workloads/trace/records.js';
import { convertEngineTraces } from '../run-command/engine-traces.js';
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

describe("a RocksDB query trace the addon wrote (lsm.traceFile) replays", () => {
  it('on heap, to the queries of the traced cell: its load and its run', async () => {
    const trace = join(dir, 'cell.trace');
    const base = await specFor('lsm', 'ycsb-a', 'rocks-1');
    const lsm = await loadBackend('lsm');
    const traced = await runCell({ ...base, knobs: resolveKnobs(lsm!.describe(), { traceFile: trace }) });
    expect(traced.status).toBe('ok');
    const converted = convertEngineTraces([trace], () => dir);
    expect(converted.workloads).toEqual([`trace:${join(dir, 'cell.trace.csv')}`]);
    const csv = converted.workloads[0] as string;
    const lines = readFileSync(csv.slice('trace:'.length), 'utf8').trim().split('\n').slice(1);
    const count = (op: string) => lines.filter((l) => l.startsWith(`${op},`)).length;
    const replay = await runCell({ ...(await specFor('heap', csv, 'rocks-2')), ops: lines.length });
    expect(replay.status).toBe('ok');
    if (traced.status !== 'ok' || replay.status !== 'ok') return;
    const ops = (c: typeof traced, phase: 'load' | 'run', op: string) => c.phases[phase]?.operations[op]?.count ?? 0;
    // The trace holds the load's inserts and the run's updates, in order; the replay loads
    // nothing (every key was first written) and runs every traced query once.
    expect(replay.phases.load).toBeUndefined();
    expect(replay.warnings).toContain('trace cell.trace.csv: replayed once, whole');
    expect(count('put')).toBe(ops(traced, 'load', 'insert') + ops(traced, 'run', 'update'));
    expect(ops(replay, 'run', 'update')).toBe(count('put'));
    expect(ops(replay, 'run', 'read')).toBe(count('get'));
    // RocksDB saw a few more gets than the run made: when a value does not fit the lsm backend's
    // value slab, the backend makes a new slab and gets the key again (backends/lsm/backend.ts).
    expect(count('get')).toBeGreaterThanOrEqual(ops(traced, 'run', 'read'));
    expect(count('get')).toBeLessThan(ops(traced, 'run', 'read') * 1.02);
  });
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
