import { describe, expect, it } from 'vitest';
import { UsageError } from '../core/errors.js';
import { resolveWorkload } from './catalogue.js';
import { resolveParams } from './params.js';

describe('resolveParams', () => {
  it('fills in the workload defaults', () => {
    const p = resolveParams(resolveWorkload('ycsb-e'), {});
    expect(p.records).toBe(100_000);
    expect(p.distribution).toBe('scrambled-zipfian');
    expect(p.theta).toBe(0.99);
    expect(p.valueSize).toEqual({ kind: 'constant', bytes: 1000 });
    expect(p.compressibility).toBe(0.5);
    expect(p.extra).toMatchObject({ maxScanLength: 100, scanLengthDistribution: 'uniform', insertOrder: 'hashed' });
  });

  it('lets --distribution override the default and takes settings', () => {
    const p = resolveParams(resolveWorkload('ycsb-e'), { distribution: 'uniform', extra: { maxScanLength: '50' } });
    expect(p.distribution).toBe('uniform');
    expect(p.extra.maxScanLength).toBe(50);
  });

  it('leaves out settings that belong to another built-in (one --param list for a whole run)', () => {
    const p = resolveParams(resolveWorkload('value-state'), { extra: { maxScanLength: 50 } });
    // value-state's own settings only: its key layout
    expect(p.extra).toEqual({ keyLayout: 'flink', maxParallelism: 128 });
  });

  const cases: [string, Parameters<typeof resolveParams>[1], RegExp][] = [
    ['records', { records: 0 }, /^--records: 0 /],
    ['records', { records: 1.5 }, /^--records: 1.5 /],
    ['distribution', { distribution: 'normal' }, /^--distribution: 'normal'/],
    ['theta', { theta: 1.2 }, /^--theta: 1.2 /],
    ['value size', { valueSize: { kind: 'constant', bytes: 0 } }, /^--value-size: /],
    ['compressibility', { compressibility: 2 }, /^--compressibility: 2 /],
    ['unknown setting', { extra: { scanLenght: 5 } }, /^--param scanLenght: .*ycsb-e accepts: insertOrder/],
    ['bad setting value', { extra: { maxScanLength: 'lots' } }, /^--param maxScanLength=lots: expected a number/],
    ['setting out of range', { extra: { maxScanLength: 0 } }, /^--param maxScanLength=0: expected an integer >= 1/],
    ['bad choice', { extra: { insertOrder: 'random' } }, /^--param insertOrder=random: expected one of hashed, ordered/],
  ];
  for (const [what, input, message] of cases) {
    it(`rejects a bad ${what} with a UsageError naming the field`, () => {
      expect(() => resolveParams(resolveWorkload('ycsb-e'), input)).toThrow(UsageError);
      expect(() => resolveParams(resolveWorkload('ycsb-e'), input)).toThrow(message);
    });
  }

  it('checks each workload\'s own settings', () => {
    expect(() => resolveParams(resolveWorkload('readwhilewriting'), { extra: { writeRatio: 1.5 } })).toThrow(/--param writeRatio=1.5/);
    expect(() => resolveParams(resolveWorkload('window-agg'), { extra: { windowSize: 0 } })).toThrow(/--param windowSize=0/);
    expect(() => resolveParams(resolveWorkload('ttl-dedupe'), { extra: { expiredShare: 1 } })).toThrow(/--param expiredShare=1/);
  });

  it('takes distribution settings for any workload and records them when the distribution uses them', () => {
    const readrandom = resolveWorkload('readrandom');
    expect(resolveParams(readrandom, {}).extra).toEqual({});
    expect(resolveParams(readrandom, { distribution: 'hotspot' }).extra).toEqual({ hotsetFraction: 0.2, hotOpnFraction: 0.8 });
    expect(resolveParams(readrandom, { distribution: 'hotspot', extra: { hotsetFraction: 0.05 } }).extra).toEqual({
      hotsetFraction: 0.05,
      hotOpnFraction: 0.8,
    });
    expect(resolveParams(readrandom, { distribution: 'exponential' }).extra).toMatchObject({ exponentialPercentile: 95 });
    expect(() => resolveParams(readrandom, { extra: { hotOpnFraction: 2 } })).toThrow(/^--param hotOpnFraction=2: expected a number >= 0 <= 1/);
    expect(() => resolveParams(resolveWorkload('ycsb-a'), { extra: { hotsetFraction: -1 } })).toThrow(/^--param hotsetFraction=-1/);
  });
});
