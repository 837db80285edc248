import { describe, expect, it } from 'vitest';
import { cartesian, parseSets } from './knob-sets.js';
import { UsageError } from '../../core/errors.js';

describe('--set parsing and sweeps', () => {
  it('makes one axis per knob and a cartesian product of the axes', () => {
    const axes = parseSets(['lsm.writeBufferSize=4MiB,64MiB', 'lsm.compactionStyle=level,universal', 'heap.valueMode=object']);
    expect(axes.get('lsm')).toEqual([
      { knob: 'writeBufferSize', values: ['4MiB', '64MiB'] },
      { knob: 'compactionStyle', values: ['level', 'universal'] },
    ]);
    const combos = cartesian(axes.get('lsm')!);
    expect(combos).toHaveLength(4);
    expect(combos).toContainEqual({ writeBufferSize: '4MiB', compactionStyle: 'universal' });
    expect(cartesian([])).toEqual([{}]);
  });

  it('lets a later --set of the same knob replace the earlier one', () => {
    expect(parseSets(['heap.valueMode=bytes', 'heap.valueMode=object']).get('heap')).toEqual([{ knob: 'valueMode', values: ['object'] }]);
  });

  it.each(['lsm', 'lsm.writeBufferSize', 'writeBufferSize=4MiB', 'lsm.writeBufferSize=4MiB,,8MiB'])('rejects %s with a usage error', (raw) => {
    expect(() => parseSets([raw])).toThrow(UsageError);
  });
});
