// The one spawn module, through real child processes: every way a child ends becomes one outcome,
// and a run cell's outcome keeps what the child had reported before it died.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { heapBackend } from '../../backends/heap/backend.js';
import { resolveKnobs } from '../../backends/resolve-knobs.js';
import { spawnCell } from './spawn-cell.js';
import { inProcessCellSpec, type CellSpec } from '../cell/spec.js';
import { spawnMicroCell } from './spawn-micro.js';
import { CELL_HEAP_ENV } from './heap-limit.js';
import { spawnJob } from './spawn.js';

const root = mkdtempSync(join(tmpdir(), 'statebench-exec-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const dir = (): string => mkdtempSync(join(root, `job-${n++}-`));

/** A heap cell whose run phase lasts 30 s unless stopped, reporting every 100 ms. */
function longCell(backend = 'heap'): CellSpec {
  const spec = inProcessCellSpec({
    id: `${backend}/ycsb-c#0`,
    backend,
    knobs: resolveKnobs(heapBackend.describe(), {}),
    workload: 'ycsb-c',
    workloadParams: { records: 5000 },
    ops: null,
    seed: 42,
    repeat: 0,
    dataDir: dir(),
    sampleEvery: null,
  });
  return { ...spec, durationMs: 30_000, intervalMs: 100 };
}

describe('a run cell in its child process', () => {
  it('killed from outside after its load phase: errored, with the load phase it had reported', async () => {
    const cell = spawnCell(longCell(), undefined, (name) => {
      if (name === 'load') cell.child.kill('SIGKILL');
    });
    const r = await cell.result;
    expect(r.status).toBe('errored');
    if (r.status !== 'errored') return;
    expect(r.error).toBe('cell process killed by SIGKILL');
    expect(r.phases.load?.ops).toBe(5000);
    expect(r.phases.run).toBeUndefined();
    // Described from its spec as the child would have: name, state size and every parameter.
    expect(r.workload).toMatchObject({ name: 'ycsb-c', records: 5000, distribution: 'scrambled-zipfian' });
  });

  it('stopped: ends at its next interval as interrupted, with what it measured of the run phase', async () => {
    let progressed = 0;
    const cell = spawnCell(longCell(), (p) => {
      if (p.phase === 'run' && ++progressed === 2) cell.stop();
    });
    const r = await cell.result;
    expect(r.status).toBe('interrupted');
    if (r.status !== 'interrupted') return;
    // The child's own result: the run phase measured up to the stop, not 30 s of it.
    expect(r.phases.run?.ops).toBeGreaterThan(0);
    expect(r.phases.run?.durationMs).toBeLessThan(20_000);
    expect(r.startedAt).not.toBeNull();
  });

  it('killed on request: interrupted, not errored, keeping the phases reported', async () => {
    const cell = spawnCell(longCell(), undefined, (name) => {
      if (name === 'load') cell.kill();
    });
    const r = await cell.result;
    expect(r.status).toBe('interrupted');
    expect(r.status === 'interrupted' && r.phases.load?.ops).toBe(5000);
  });

  it('out of memory: errored, saying so plainly, at its state size', async () => {
    process.env[CELL_HEAP_ENV] = '48MiB';
    try {
      const spec = { ...longCell(), workloadParams: { records: 600_000 }, durationMs: 1000 };
      const r = await spawnCell(spec).result;
      expect(r.status).toBe('errored');
      expect(r.status === 'errored' && r.error).toMatch(/^cell process killed by SIGABRT: out of memory: the JavaScript heap reached its limit \(48 MiB, set by STATEBENCH_CELL_HEAP\)$/);
      expect(r.workload.records).toBe(600_000);
    } finally {
      delete process.env[CELL_HEAP_ENV];
    }
  });

  it('whose job throws: errored with the crash message', async () => {
    const r = await spawnCell(longCell('nope')).result;
    expect(r.status === 'errored' && r.error).toBe('cell process exited with code 0: unknown backend nope');
  });
});

describe('other jobs through the same module', () => {
  it('a micro cell whose job throws carries the message', async () => {
    const micro = spawnMicroCell({
      id: 'nope#0', backend: 'nope', knobs: {}, repeat: 0, seed: 1, ops: ['get-hit'], records: 100, timeMs: 10, warmupMs: 0, valueSize: 100, keySize: 16, dataDir: dir(),
    });
    const { cell, state } = await micro.result;
    expect(state).toBeNull();
    expect(cell.status === 'errored' && cell.error).toBe('micro cell failed: unknown backend nope');
    expect(cell.workload).toEqual({ name: 'micro', records: 100, keySize: 16, valueSize: '100', distribution: 'uniform' });
  });

  it('a durability writer reports its acknowledged writes on its pipe, every line up to the kill', async () => {
    const spec = { backend: 'heap', knobs: resolveKnobs(heapBackend.describe(), {}), dir: dir(), keySize: 16, valueSize: 100, checkpointIntervalMs: 0, maxInFlight: 64, maxWrites: 20_000_000 };
    let lines = 0;
    const writer = spawnJob({ kind: 'durability-writer', spec }, {
      onAck: () => {
        if (++lines === 1000) writer.kill();
      },
    });
    const o = await writer.outcome;
    expect(o.status).toBe('interrupted');
    expect(o.signal).toBe('SIGKILL');
    expect(o.acks[0]).toBe('ready');
    // Written with writeSync before the kill: at least the lines seen when it was asked, in order.
    expect(o.acks.length).toBeGreaterThanOrEqual(1000);
    const counts = o.acks.slice(1).map((l) => Number(l.replace(/^a /, '')));
    expect(counts.every((c, i) => c === i + 1)).toBe(true);
  });

  it('a durability writer that cannot open its backend ends errored with the message, before any kill', async () => {
    const spec = { backend: 'nope', knobs: {}, dir: dir(), keySize: 16, valueSize: 100, checkpointIntervalMs: 0, maxInFlight: 64, maxWrites: 10 };
    const o = await spawnJob({ kind: 'durability-writer', spec }).outcome;
    expect(o.status).toBe('errored');
    if (o.status !== 'errored') return;
    expect(o.crash).toBe('unknown backend nope');
    expect(o.how).toBe('exited with code 0');
    expect(o.acks).toEqual([]);
  });
});
