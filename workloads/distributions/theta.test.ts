// One rule for YCSB's zipfian constant: 0 < theta < 1, from a flag's text or a number, and one
// error line naming the flag.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../core/errors.js';
import { checkTheta } from './theta.js';

describe('checkTheta', () => {
  it('accepts numbers strictly between 0 and 1, as text or as numbers', () => {
    expect(checkTheta('0.99')).toBe(0.99);
    expect(checkTheta(' 0.5 ')).toBe(0.5);
    expect(checkTheta(0.01)).toBe(0.01);
  });

  for (const bad of ['0', '1', '2', '10', '-0.5', 'abc', '', 'NaN', 'Infinity']) {
    it(`rejects '${bad}' in one line naming the flag and what is accepted`, () => {
      expect(() => checkTheta(bad)).toThrow(UsageError);
      expect(() => checkTheta(bad)).toThrow(new RegExp(`^--theta: ${bad} is not valid; expected a number strictly between 0 and 1 \\(YCSB uses 0\\.99\\)$`));
    });
  }

  it('names the field it was given as', () => {
    expect(() => checkTheta(1.5, 'zipfianconstant')).toThrow(/^zipfianconstant: 1\.5 is not valid/);
  });
});
