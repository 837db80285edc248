// --semantics: flink (the default) runs every backend without per-write durability, under the
// knobs the user sets; per-write keeps each engine's defaults.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlan } from './run-cells.js';
import { resolveRunOptions } from '../run-command/resolve-options.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

const knobsOf = async (flags: Parameters<typeof resolveRunOptions>[0]) => {
  const plan = await buildPlan(await resolveRunOptions({ workload: ['value-state'], ...flags }));
  return plan.cells.map((c) => ({ backend: c.backend, walEnabled: c.knobs.walEnabled, syncWrites: c.knobs.syncWrites, noSync: c.knobs.noSync, overlappingSync: c.knobs.overlappingSync }));
};

describe('--semantics', () => {
  it('defaults to flink: lsm without its WAL, lmdb without fsync at commit, the heap as it is', async () => {
    const o = await resolveRunOptions({ backend: ['heap,lmdb,lsm'] });
    expect(o.semantics).toBe('flink');
    // Under flink the run is inside Flink's stock TaskManager: lsm also has Flink's settings and its slot's managed memory.
    expect(o.baseKnobs).toEqual({ lsm: { walEnabled: 'false', preset: 'flink-default', boundedMemory: '536870920' }, lmdb: { noSync: 'true' } });
    expect((await resolveRunOptions({ backend: ['heap,lmdb,lsm'], taskmanagerMemory: 'none' })).baseKnobs).toEqual({ lsm: { walEnabled: 'false' }, lmdb: { noSync: 'true' } });
    const cells = await knobsOf({ backend: ['lmdb,lsm'] });
    expect(cells.find((c) => c.backend === 'lsm')?.walEnabled).toBe(false);
    expect(cells.find((c) => c.backend === 'lmdb')?.noSync).toBe(true);
  });

  it('per-write keeps every engine default (the lsm WAL on, lmdb syncing)', async () => {
    const o = await resolveRunOptions({ backend: ['lmdb,lsm'], semantics: 'per-write' });
    expect(o.semantics).toBe('per-write');
    expect(o.baseKnobs).toEqual({});
    const cells = await knobsOf({ backend: ['lmdb,lsm'], semantics: 'per-write' });
    expect(cells.find((c) => c.backend === 'lsm')?.walEnabled).toBe(true);
    expect(cells.find((c) => c.backend === 'lmdb')?.noSync).toBe(false);
  });

  it('knobs the user sets win: a set durability knob keeps that backend as the user has it, other knobs leave the semantics on', async () => {
    const wal = await knobsOf({ backend: ['lsm'], set: ['lsm.walEnabled=true,false'] });
    expect(wal.map((c) => c.walEnabled)).toEqual([true, false]);
    // syncWrites needs the WAL: the WAL stays on for both values.
    const sync = await knobsOf({ backend: ['lsm'], set: ['lsm.syncWrites=false,true'] });
    expect(sync.map((c) => [c.walEnabled, c.syncWrites])).toEqual([[true, false], [true, true]]);
    // overlappingSync cannot be combined with noSync: lmdb keeps its syncing commits.
    const overlapping = await knobsOf({ backend: ['lmdb,lsm'], set: ['lmdb.overlappingSync=true'] });
    expect(overlapping.find((c) => c.backend === 'lmdb')).toMatchObject({ noSync: false, overlappingSync: true });
    expect(overlapping.find((c) => c.backend === 'lsm')?.walEnabled).toBe(false);
    const other = await knobsOf({ backend: ['lsm'], set: ['lsm.writeBufferSize=4MiB'] });
    expect(other[0]?.walEnabled).toBe(false);
  });

  it('is read from a --config file, and a flag overrides it', async () => {
    const file = join(tempDir('statebench-semantics-'), 'run.json');
    writeFileSync(file, JSON.stringify({ backend: 'lsm', semantics: 'per-write' }));
    expect((await resolveRunOptions({ config: file })).semantics).toBe('per-write');
    expect((await resolveRunOptions({ config: file, semantics: 'flink', taskmanagerMemory: 'none' })).baseKnobs).toEqual({ lsm: { walEnabled: 'false' } });
  });

  it('refuses anything else in one line naming the flag', async () => {
    await expect(resolveRunOptions({ backend: ['heap'], semantics: 'eventual' })).rejects.toThrow(/^--semantics: 'eventual' is not valid; expected flink/);
  });
});
