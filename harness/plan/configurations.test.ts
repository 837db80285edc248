import { describe, expect, it } from 'vitest';
import { KnobError } from '../../backends/resolve-knobs.js';
import { planConfigurations } from './configurations.js';
import { parseSets } from './knob-sets.js';

describe('the configurations of a command', () => {
  it('expands each backend by the combinations of its --set values, in the order given', async () => {
    const { configurations } = await planConfigurations({ backends: ['heap', 'lsm'], axes: parseSets(['lsm.writeBufferSize=4MiB,8MiB', 'lsm.maxBackgroundJobs=2,4']) });
    expect(configurations.map((c) => `${c.backend} ${JSON.stringify(c.setKnobs)}`)).toEqual([
      'heap {}',
      'lsm {"writeBufferSize":"4MiB","maxBackgroundJobs":"2"}',
      'lsm {"writeBufferSize":"4MiB","maxBackgroundJobs":"4"}',
      'lsm {"writeBufferSize":"8MiB","maxBackgroundJobs":"2"}',
      'lsm {"writeBufferSize":"8MiB","maxBackgroundJobs":"4"}',
    ]);
    expect(configurations[3]?.knobs.writeBufferSize).toBe(8 * 1024 * 1024);
  });

  it('takes typed base knobs (tune) as they are, and text base knobs parsed: the same resolved knobs', async () => {
    const typed = await planConfigurations({ backends: ['lsm'], axes: new Map(), baseKnobs: { lsm: { writeBufferSize: 4 * 1024 * 1024, walEnabled: false } } });
    const text = await planConfigurations({ backends: ['lsm'], axes: new Map(), baseKnobs: { lsm: { writeBufferSize: '4MiB', walEnabled: 'false' } } });
    expect(typed.configurations[0]?.knobs).toEqual(text.configurations[0]?.knobs);
    expect(typed.configurations[0]?.setKnobs).toEqual({});
  });

  it('lets --set win over the base knobs', async () => {
    const { configurations } = await planConfigurations({ backends: ['lsm'], axes: parseSets(['lsm.walEnabled=true']), baseKnobs: { lsm: { walEnabled: 'false' } } });
    expect(configurations[0]?.knobs.walEnabled).toBe(true);
  });

  it('refuses a bad value, an unknown backend and a --set of a backend not in the run before anything runs', async () => {
    await expect(planConfigurations({ backends: ['lsm'], axes: parseSets(['lsm.writeBufferSize=lots']) })).rejects.toThrow(KnobError);
    await expect(planConfigurations({ backends: ['nope'], axes: new Map() })).rejects.toThrow(/^--backend: unknown backend 'nope'; known: /);
    await expect(planConfigurations({ backends: ['heap'], axes: parseSets(['lsm.walEnabled=true']) })).rejects.toThrow(/^--set lsm\.…: backend 'lsm' is not in this run's backends \(heap\)/);
  });
});
