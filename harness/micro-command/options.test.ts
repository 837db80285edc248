import { describe, expect, it } from 'vitest';
import { UsageError } from '../../core/errors.js';
import { MICRO_OPS, parseOps } from '../micro/ops.js';
import { MICRO_DEFAULTS, parseMs, resolveMicroOptions } from './options.js';

describe('--ops parsing', () => {
  it('defaults to every operation, in canonical order', () => {
    expect(parseOps(undefined)).toEqual([...MICRO_OPS]);
  });

  it('accepts comma lists and repeats, and orders them canonically (reads before writes)', () => {
    expect(parseOps(['delete,put', 'get-hit', 'put'])).toEqual(['get-hit', 'put', 'delete']);
  });

  it('rejects an unknown operation, naming the flag and the accepted ones', () => {
    expect(() => parseOps(['get-hit,getx'])).toThrow(UsageError);
    expect(() => parseOps(['getx'])).toThrow(/^--ops: unknown operation 'getx'; accepted: get-hit, get-miss, scan-10/);
  });
});

describe('micro options', () => {
  it('fills defaults', () => {
    const o = resolveMicroOptions({});
    expect(o).toMatchObject({ backends: null, records: MICRO_DEFAULTS.records, timeMs: 1000, warmupMs: 250, valueSize: 100, keySize: 16, repeat: 1 });
  });

  it('splits backend lists and drops duplicates', () => {
    expect(resolveMicroOptions({ backend: ['heap,lmdb', 'heap'] }).backends).toEqual(['heap', 'lmdb']);
  });

  it('reads --time as milliseconds, with units accepted', () => {
    expect(parseMs('time', '250')).toBe(250);
    expect(parseMs('time', '2s')).toBe(2000);
    expect(parseMs('warmup', '0', { allowZero: true })).toBe(0);
  });

  it.each([
    [{ time: '0' }, /^--time: '0' is not valid; expected milliseconds/],
    [{ time: 'soon' }, /^--time: 'soon' is not valid/],
    [{ warmup: '-5' }, /^--warmup: '-5' is not valid/],
    [{ records: '10' }, /^--records: '10' is not valid; expected a whole number >= 100/],
    [{ records: 'lots' }, /^--records: 'lots' is not valid/],
    [{ keySize: '8' }, /^--key-size: '8' is not valid/],
    [{ keySize: '4096' }, /^--key-size: 4096 is not valid; expected a whole number from 12 to 1024/],
    [{ valueSize: '0' }, /^--value-size: '0' is not valid/],
    [{ repeat: '0' }, /^--repeat: '0' is not valid/],
    [{ backend: [','] }, /^--backend: empty/],
  ])('rejects %j with one line naming the flag', (flags, message) => {
    let err: unknown;
    try {
      resolveMicroOptions(flags);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('\n');
  });
});
