// The plan -> execute loop without child processes: what it does with each cell, its data
// directories, and Ctrl-C (first: stop the running cell; second: kill it; the rest skipped).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BackendDescription } from '../../backends/types.js';
import type { CellResult } from '../../core/result/schema.js';
import { RunDataDir } from './data-dir.js';
import { skippedCell, unfinishedCell, type CellRef } from './cell-stub.js';
import { executeCells, type CellDecision, type RunningCell } from './execute-cells.js';

const parent = mkdtempSync(join(tmpdir(), 'statebench-loop-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

interface Item {
  readonly ref: CellRef;
  readonly decision?: CellDecision;
}
const item = (id: string, backend = 'heap', decision?: CellDecision): Item => ({
  ref: { id, backend, knobs: {}, workload: { name: 'ycsb-a' }, repeat: 0, seed: 1 },
  ...(decision ? { decision } : {}),
});
const descriptions = new Map([
  ['heap', { name: 'heap', available: true }],
  ['gone', { name: 'gone', available: false, reason: 'library missing' }],
]) as unknown as ReadonlyMap<string, BackendDescription>;

/** A cell that ends ok at once, having seen its data directory exist. */
function finished(it: Item, dir: string): RunningCell {
  const cell = unfinishedCell(it.ref, { status: 'errored', error: `ran in ${existsSync(dir) ? 'an existing' : 'a missing'} dir` });
  return { result: Promise.resolve(cell), stop: () => undefined, kill: () => undefined };
}

describe('executeCells', () => {
  it('runs, takes over, or skips each cell with its reason, handing each over at once, and removes the data', async () => {
    const resumed = skippedCell(item('r').ref, 'a stand-in for a resumed result');
    const items = [item('a'), item('r', 'heap', { kind: 'have', result: resumed }), item('b', 'heap', { kind: 'skip', reason: 'over the memory budget' }), item('u', 'gone')];
    const data = new RunDataDir(parent);
    const dirs: string[] = [];
    const seen: [string, number][] = [];
    const out = await executeCells(items, {
      data,
      descriptions,
      ref: (x) => x.ref,
      decide: (x) => x.decision ?? { kind: 'run' },
      start: (x, dir) => {
        dirs.push(dir);
        return finished(x, dir);
      },
      onCell: (cell, _x, _i, done) => seen.push([cell.id, done.length]),
    });
    expect(out.interrupted).toBe(false);
    expect(dirs).toHaveLength(1);
    expect(out.cells.map((c) => [c.id, c.status, c.status === 'skipped' ? c.reason : c.status === 'errored' ? c.error : null])).toEqual([
      ['a', 'errored', 'ran in an existing dir'],
      ['r', 'skipped', 'a stand-in for a resumed result'],
      ['b', 'skipped', 'over the memory budget'],
      ['u', 'skipped', 'library missing'],
    ]);
    expect(out.cells[1]).toBe(resumed);
    expect(seen).toEqual([['a', 1], ['r', 2], ['b', 3], ['u', 4]]);
    expect(existsSync(data.root)).toBe(false);
  });

  it('keeps every data directory with keepData, and says where', async () => {
    const data = new RunDataDir(parent);
    const lines: string[] = [];
    let dir = '';
    await executeCells([item('a')], { data, keepData: true, log: (l) => lines.push(l), ref: (x) => x.ref, start: (x, d) => finished(x, (dir = d)) });
    expect(existsSync(dir)).toBe(true);
    expect(lines).toEqual([`data kept in ${data.root}`]);
  });

  it('on Ctrl-C stops the running cell, on a second kills it, and lists the cells not run as skipped', async () => {
    const calls: string[] = [];
    const lines: string[] = [];
    const notRun: string[] = [];
    const handed: string[] = [];
    const before = process.listeners('SIGINT').length;
    const out = await executeCells([item('a'), item('b'), item('c')], {
      data: new RunDataDir(parent),
      handleSignals: true,
      stopsWhere: 'at its next interval',
      log: (l) => lines.push(l),
      ref: (x) => x.ref,
      start: (x) => {
        let end: (c: CellResult) => void = () => undefined;
        const result = new Promise<CellResult>((r) => (end = r));
        // The loop's handler, as a terminal's Ctrl-C would call it (twice).
        const sigint = process.listeners('SIGINT').at(-1) as () => void;
        setImmediate(() => {
          sigint();
          sigint();
          end(unfinishedCell(x.ref, { status: 'interrupted' }));
        });
        return { result, stop: () => calls.push('stop'), kill: () => calls.push('kill') };
      },
      onCell: (c) => handed.push(c.id),
      onNotRun: (c) => notRun.push(c.id),
    });
    expect(calls).toEqual(['stop', 'kill']);
    expect(lines).toEqual(['interrupt: stopping the running cell at its next interval (Ctrl-C again to kill it)']);
    expect(out.interrupted).toBe(true);
    expect(out.cells.map((c) => c.status)).toEqual(['interrupted', 'skipped', 'skipped']);
    expect(out.cells[2]?.status === 'skipped' && out.cells[2].reason).toBe('not run: the run was interrupted');
    expect(handed).toEqual(['a']);
    expect(notRun).toEqual(['b', 'c']);
    expect(process.listeners('SIGINT')).toHaveLength(before);
  });
});
