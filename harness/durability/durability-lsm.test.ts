// Small-scale durability rounds on RocksDB: with the WAL fsynced per write nothing acknowledged is
// lost; with the WAL off a process kill loses every write still in the memtable.
import { describe, expect, it } from 'vitest';
import { resolveDurabilityOptions } from './options.js';
import { runDurability } from './run-durability.js';

const run = async (set: string) => runDurability(await resolveDurabilityOptions({ backend: ['lsm'], set: [set], rounds: 2, killWithin: '400ms' }));

describe('durability of lsm under SIGKILL', () => {
  it('syncWrites=true loses nothing; walEnabled=false loses the memtable', async () => {
    const sync = await run('lsm.syncWrites=true');
    const noWal = await run('lsm.walEnabled=false');
    const s = sync.configurations[0]!;
    expect(s.knobs).toEqual({ syncWrites: 'true' });
    expect(s.errors).toBe(0);
    expect(s.acknowledged).toBeGreaterThan(0);
    expect(s.lost).toBe(0);
    const n = noWal.configurations[0]!;
    expect(n.errors).toBe(0);
    expect(n.acknowledged).toBeGreaterThan(0);
    // A 64 MiB memtable is never flushed in 400 ms of small writes: all of them were in memory.
    expect(n.lost).toBe(n.acknowledged);
    // The class each claims, and what the kills measured: a kill cannot show machine, and agrees.
    expect(s.durabilityClass).toMatchObject({ claimed: 'machine', measured: 'process', verdict: 'agrees' });
    expect(n.durabilityClass).toMatchObject({ claimed: 'none', measured: 'none', verdict: 'agrees' });
    expect(sync.killMomentsMs).toEqual(noWal.killMomentsMs);
  }, 60_000);
});
