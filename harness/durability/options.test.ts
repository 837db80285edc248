// Durability flags: configurations from --set sweeps, and bad input named in one line.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../core/errors.js';
import { KnobError } from '../../backends/resolve-knobs.js';
import { resolveDurabilityOptions } from './options.js';

describe('durability options', () => {
  it('makes one configuration per --set value combination, per backend', async () => {
    const o = await resolveDurabilityOptions({ backend: ['lsm,heap'], set: ['lsm.walEnabled=true,false', 'lsm.syncWrites=false,true'] });
    expect(o.configurations.map((c) => `${c.backend} ${JSON.stringify(c.setKnobs)}`)).toEqual([
      'lsm {"walEnabled":"true","syncWrites":"false"}',
      'lsm {"walEnabled":"true","syncWrites":"true"}',
      'lsm {"walEnabled":"false","syncWrites":"false"}',
      'lsm {"walEnabled":"false","syncWrites":"true"}',
      'heap {}',
    ]);
    expect(o.configurations[2]!.knobs.walEnabled).toBe(false);
    expect(o.rounds).toBe(5);
  });

  it('names the flag or knob that is wrong', async () => {
    await expect(resolveDurabilityOptions({})).rejects.toThrow(UsageError);
    await expect(resolveDurabilityOptions({ backend: ['nope'] })).rejects.toThrow(/--backend: unknown backend 'nope'/);
    await expect(resolveDurabilityOptions({ backend: ['lsm'], set: ['lmdb.noSync=true'] })).rejects.toThrow(/backend 'lmdb' is not in this run's backends \(lsm\)/);
    await expect(resolveDurabilityOptions({ backend: ['lsm'], set: ['lsm.walEnable=false'] })).rejects.toThrow(KnobError);
    await expect(resolveDurabilityOptions({ backend: ['lsm'], rounds: '0' })).rejects.toThrow(/--rounds/);
    await expect(resolveDurabilityOptions({ backend: ['lsm'], killWithin: 'soon' })).rejects.toThrow(/--kill-within/);
  });
});
