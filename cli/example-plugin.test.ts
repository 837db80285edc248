// The example plugin (examples/sqlite-backend: SQLite through better-sqlite3) as its README runs
// it: it passes `statebench conformance`, runs beside lsm on ycsb-a in one command with a sweep
// over its own knob, checkpoints and restores, survives kills as it claims, and a knob value SQLite would refuse stops the run
// in one line.
// Its dependency is installed by `npm test`'s pretest (scripts/ensure-test-deps.mjs).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../harness/test-support/cli.js';
import { tempDir } from '../core/test-support/temp-dir.js';

const example = './examples/sqlite-backend/index.mjs';
const out = tempDir('statebench-example-');

interface Cell {
  readonly backend: string;
  readonly status: string;
  readonly knobs: Record<string, unknown>;
  readonly durabilityClass?: string;
}

describe('the example plugin: SQLite', () => {
  it('passes statebench conformance', async () => {
    const r = await runCliProcess(['conformance', example, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { backend: string; results: { id: string; status: string }[] };
    expect(doc.backend).toBe('sqlite');
    expect(doc.results.filter((x) => x.status !== 'pass')).toEqual([]);
    expect(doc.results.map((x) => x.id)).toContain('durable');
  }, 60_000);

  it('runs beside lsm on ycsb-a in one command, its own knob swept, under Flink semantics (no fsync per commit)', async () => {
    const r = await runCliProcess([
      'run', '-b', `lsm,${example}`, '-w', 'ycsb-a', '--records', '2000', '--ops', '4000',
      '--set', 'sqlite.journalMode=wal,delete', '--out', join(out, 'beside'), '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const cells = (JSON.parse(r.stdout) as { cells: Cell[] }).cells;
    expect(cells.map((c) => [c.backend, c.status, c.knobs['journalMode'] ?? null])).toEqual([
      ['lsm', 'ok', null],
      ['sqlite', 'ok', 'wal'],
      ['sqlite', 'ok', 'delete'],
    ]);
    const sqlite = cells.filter((c) => c.backend === 'sqlite');
    // --semantics flink (the default) applies the plugin's checkpointSemantics: synchronous=off.
    expect(sqlite.map((c) => c.knobs['synchronous'])).toEqual(['off', 'off']);
    expect(sqlite.map((c) => c.durabilityClass)).toEqual(['process', 'process']);
  }, 120_000);

  it('runs as slots in worker threads (--threads 2): loaded in each thread, one instance per slot, the shares merged', async () => {
    const r = await runCliProcess(['run', '-b', example, '-w', 'ycsb-a', '--records', '2000', '--ops', '4000', '--threads', '2', '--out', join(out, 'threads'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const [cell] = (JSON.parse(r.stdout) as { cells: (Cell & { threads?: number; phases: { run?: { ops: number; perThread?: { ops: number }[] } } })[] }).cells;
    expect(cell?.status).toBe('ok');
    expect(cell?.threads).toBe(2);
    expect(cell?.phases.run?.ops).toBe(4000);
    expect(cell?.phases.run?.perThread?.map((t) => t.ops)).toEqual([2000, 2000]);
  }, 120_000);

  it('checkpoints during the run (VACUUM INTO) and restores from the last one with the live state\'s keys', async () => {
    const r = await runCliProcess([
      'run', '-b', example, '-w', 'value-state', '--records', '2000', '--duration', '2s', '--checkpoint-interval', '500ms',
      '--out', join(out, 'checkpoints'), '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const [cell] = (JSON.parse(r.stdout) as { cells: (Cell & { checkpoints: { bytes: number }[]; restore?: { ok: boolean; expectedKeys: number; restoredKeys: number } })[] }).cells;
    expect(cell?.status).toBe('ok');
    expect(cell?.checkpoints.length).toBeGreaterThanOrEqual(2);
    expect(cell?.checkpoints.every((c) => c.bytes > 0)).toBe(true);
    expect(cell?.restore?.ok).toBe(true);
    expect(cell?.restore?.restoredKeys).toBe(cell?.restore?.expectedKeys);
    expect(cell?.restore?.expectedKeys).toBeGreaterThan(0);
  }, 60_000);

  it('durability: killed while writing, it loses no acknowledged write and its claimed classes agree', async () => {
    const r = await runCliProcess(['durability', '-b', example, '--set', 'sqlite.synchronous=full,off', '--rounds', '2', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { configurations: { knobs: Record<string, string>; acknowledged: number; lost: number; durabilityClass: { claimed: string; verdict: string } }[] };
    expect(doc.configurations.map((c) => [c.knobs['synchronous'], c.lost, c.durabilityClass.claimed, c.durabilityClass.verdict])).toEqual([
      ['full', 0, 'machine', 'agrees'],
      ['off', 0, 'process', 'agrees'],
    ]);
    expect(doc.configurations.every((c) => c.acknowledged > 0)).toBe(true);
  }, 60_000);

  it('a page size SQLite would refuse stops the run before any cell, in one line, exit 2', async () => {
    const r = await runCliProcess(['run', '-b', example, '--set', 'sqlite.pageSize=3000', '--out', join(out, 'bad')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('statebench: sqlite.pageSize=3000: a power of two from 512 B to 64 KiB is accepted');
  });
});
