import { describe, expect, it } from 'vitest';
import { UsageError } from '../../core/errors.js';
import { createRng } from '../../core/rng.js';
import { createKeyChooser } from './index.js';

describe('createKeyChooser input checks', () => {
  it('names --distribution and lists the accepted names for an unknown one', () => {
    expect(() => createKeyChooser('pareto', 10, 0.99, createRng(1))).toThrow(UsageError);
    expect(() => createKeyChooser('pareto', 10, 0.99, createRng(1))).toThrow(/--distribution: 'pareto'.*uniform, sequential, zipfian/);
  });

  it('names --theta when theta is outside (0, 1) for a zipfian', () => {
    expect(() => createKeyChooser('zipfian', 10, 1, createRng(1))).toThrow(/--theta: 1 /);
  });

  it('gives the same keys for the same seed', () => {
    const a = createKeyChooser('zipfian', 1000, 0.99, createRng(9));
    const b = createKeyChooser('zipfian', 1000, 0.99, createRng(9));
    const xs = Array.from({ length: 100 }, () => a.next());
    const ys = Array.from({ length: 100 }, () => b.next());
    expect(xs).toEqual(ys);
  });
});
