// --threads as a sweep axis: parsed from the flag, a --config file or a --sweep file; one cell per
// count in the plan, the count in the ids and specs; more threads than cores said before any cell;
// checkpoints and --verify carried to threaded cells.
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../core/errors.js';
import { buildPlan } from '../plan/run-cells.js';
import { parseThreads, resolveRunOptions } from './resolve-options.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

const dir = tempDir('statebench-threads-axis-');

describe('--threads', () => {
  it('is 1 by default; one count or a list of counts, ascending, duplicates dropped', () => {
    expect(parseThreads(undefined)).toEqual([1]);
    expect(parseThreads('2')).toEqual([2]);
    expect(parseThreads('4,1,2,2')).toEqual([1, 2, 4]);
    expect(parseThreads([2, '1'])).toEqual([1, 2]);
  });
  it.each(['0', '1.5', 'two', '1,,2', '257'])('%s is bad input naming the flag', (raw) => {
    expect(() => parseThreads(raw)).toThrow(UsageError);
    expect(() => parseThreads(raw)).toThrow(/^--threads: '.*' is not valid; expected a whole number from 1 to 256/);
  });
  it('a --config file and a --sweep file may give the counts; the flag wins', async () => {
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ backend: ['heap'], threads: [2, 1] }));
    expect((await resolveRunOptions({ config })).threads).toEqual([1, 2]);
    const sweep = join(dir, 'sweep.yaml');
    writeFileSync(sweep, 'threads: [1, 4]\nheap:\n  valueMode: [bytes]\n');
    expect((await resolveRunOptions({ backend: ['heap'], sweep })).threads).toEqual([1, 4]);
    expect((await resolveRunOptions({ backend: ['heap'], sweep, threads: '2' })).threads).toEqual([2]);
  });
  it("a Flink configuration's taskmanager.numberOfTaskSlots is the default count; the flag wins", async () => {
    const conf = join(dir, 'flink-conf.yaml');
    writeFileSync(conf, 'taskmanager.numberOfTaskSlots: 2\nstate.backend.rocksdb.memory.managed: false\n');
    expect((await resolveRunOptions({ backend: ['lsm'], flinkConf: conf })).threads).toEqual([2]);
    expect((await resolveRunOptions({ backend: ['lsm'], flinkConf: conf, threads: '1' })).threads).toEqual([1]);
    const noSlots = join(dir, 'flink-no-slots.yaml');
    writeFileSync(noSlots, 'state.backend.rocksdb.memory.managed: false\n');
    expect((await resolveRunOptions({ backend: ['lsm'], flinkConf: noSlots })).threads).toEqual([1]);
  });
  it('takes checkpoints and --verify at any count, and the planned cells carry them', async () => {
    const o = await resolveRunOptions({ backend: ['heap'], workload: ['ycsb-a'], threads: '1,2', checkpointInterval: '1s', verify: true, ops: '1000' });
    expect(o.checkpointIntervalMs).toBe(1000);
    const plan = await buildPlan(o);
    expect(plan.cells.map((c) => [c.threads ?? 1, c.checkpointIntervalMs, c.verify])).toEqual([[1, 1000, true], [2, 1000, true]]);
  });
});

describe('a plan over thread counts', () => {
  it('has one cell per count, the count in the id and the spec; a run of one thread keeps its ids', async () => {
    const plan = await buildPlan(await resolveRunOptions({ backend: ['heap', 'lsm'], workload: ['ycsb-a'], threads: '1,2', ops: '1000', repeat: '2' }));
    expect(plan.cells).toHaveLength(2 * 2 * 2);
    expect(new Set(plan.cells.map((c) => c.id)).size).toBe(8);
    expect(plan.cells.map((c) => c.id)).toContain('lsm/ycsb-a/threads=2#1');
    expect(plan.cells.map((c) => c.id)).toContain('heap/ycsb-a/threads=1#0');
    for (const c of plan.cells) expect(c.threads ?? 1).toBe(c.id.includes('/threads=2') ? 2 : 1);
    const single = await buildPlan(await resolveRunOptions({ backend: ['heap'], workload: ['ycsb-a'], ops: '1000' }));
    expect(single.cells.map((c) => c.id)).toEqual(['heap/ycsb-a#0']);
    expect(single.cells[0]?.threads).toBeUndefined();
  });
  it('says before any cell runs when a count is above the cores', async () => {
    const cores = availableParallelism();
    const plan = await buildPlan(await resolveRunOptions({ backend: ['heap'], workload: ['ycsb-a'], threads: `1,${cores + 1}`, ops: '1000' }));
    expect(plan.warnings.filter((w) => w.startsWith(`--threads ${cores + 1}: more threads than this machine's ${cores} cores`))).toHaveLength(1);
    const within = await buildPlan(await resolveRunOptions({ backend: ['heap'], workload: ['ycsb-a'], threads: '1', ops: '1000' }));
    expect(within.warnings.some((w) => w.startsWith('--threads'))).toBe(false);
  });
});
