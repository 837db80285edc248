// Small-scale durability rounds on the heap (loses exactly what came after its last checkpoint)
// and LMDB (acknowledged on commit: loses nothing to a process kill).
import { describe, expect, it } from 'vitest';
import { resolveDurabilityOptions } from './options.js';
import { runDurability } from './run-durability.js';

describe('durability of heap and lmdb under SIGKILL', () => {
  it('heap loses exactly the writes after its last checkpoint', async () => {
    const o = await resolveDurabilityOptions({ backend: ['heap'], rounds: 2, killWithin: '500ms', checkpointInterval: '100ms', seed: 3 });
    const r = await runDurability(o);
    const c = r.configurations[0]!;
    expect(c.errors).toBe(0);
    expect(c.acknowledged).toBeGreaterThan(0);
    expect(c.lost).toBeGreaterThan(0);
    for (const round of c.perRound) expect(round.lost).toBe(round.acknowledged - (round.checkpointed ?? 0));
    expect(c.durabilityClass).toMatchObject({ claimed: 'none', measured: 'none', verdict: 'agrees' });
  }, 60_000);

  it('lmdb with its default (async, fsynced) commits loses no acknowledged write', async () => {
    const o = await resolveDurabilityOptions({ backend: ['lmdb'], rounds: 2, killWithin: '400ms' });
    const c = (await runDurability(o)).configurations[0]!;
    expect(c.errors).toBe(0);
    expect(c.acknowledged).toBeGreaterThan(0);
    expect(c.lost).toBe(0);
    expect(c.knobs).toEqual({});
    // lmdb-js acknowledges a commit before its fsync (overlappingSync): process, which a kill confirms.
    expect(c.durabilityClass).toMatchObject({ claimed: 'process', measured: 'process', verdict: 'agrees' });
  }, 60_000);
});
