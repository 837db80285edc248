import { describe, expect, it } from 'vitest';
import { configSchemaOf, pickFlags, yargsOptionsOf, type FlagSpec } from './flags.js';

const TABLE = {
  records: { shape: 'scalars', alias: 'n', describe: 'Records loaded' },
  keepData: { shape: 'switch', describe: 'Keep the data' },
  set: { shape: 'list', describe: 'Knob values' },
  config: { shape: 'text', describe: 'A file', inConfig: false },
} as const satisfies Record<string, FlagSpec>;

describe('a flag table', () => {
  it('gives yargs options by kebab-case name, with their alias, type and array-ness', () => {
    expect(yargsOptionsOf(TABLE)).toEqual({
      records: { type: 'string', alias: 'n', describe: 'Records loaded' },
      'keep-data': { type: 'boolean', describe: 'Keep the data' },
      set: { type: 'string', array: true, describe: 'Knob values' },
      config: { type: 'string', describe: 'A file' },
    });
  });

  it('gives a strict --config schema of the flags that belong in a file', () => {
    const schema = configSchemaOf(TABLE);
    expect(schema.parse({ records: [1000, '1M'], set: 'lsm.a=1' })).toEqual({ records: [1000, '1M'], set: ['lsm.a=1'] });
    expect(() => schema.parse({ config: 'x.json' })).toThrow();
    expect(() => schema.parse({ unknown: 1 })).toThrow();
  });

  it('lends some of its flags to another command, with the help replaced where the role differs', () => {
    const picked = pickFlags(TABLE, ['records', 'set'], { set: 'Knob values, each calibrated' });
    expect(Object.keys(picked)).toEqual(['records', 'set']);
    expect(picked.records).toBe(TABLE.records);
    expect(picked.set).toEqual({ shape: 'list', describe: 'Knob values, each calibrated' });
  });
});
