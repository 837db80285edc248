import { describe, expect, it } from 'vitest';
import { yargsOptionsOf } from '../../core/flags.js';
import { RUN_FLAGS, RunConfigSchema } from './run-flags.js';

describe('the run flags, declared once', () => {
  it('makes every flag a yargs option (kebab-case, with its alias) and every flag but --config a --config field', () => {
    const options = yargsOptionsOf(RUN_FLAGS);
    expect(Object.keys(options)).toContain('memory-budget');
    expect(options['backend']).toMatchObject({ type: 'string', array: true, alias: 'b' });
    expect(options['keep-data']).toMatchObject({ type: 'boolean' });
    expect(Object.keys(options)).toHaveLength(Object.keys(RUN_FLAGS).length);
    expect(Object.keys(RunConfigSchema.shape).sort()).toEqual(Object.keys(RUN_FLAGS).filter((k) => k !== 'config').sort());
  });

  it('reads a --config file by the flag shapes: lists from one or many, numbers or text, sweeps as arrays', () => {
    const parsed = RunConfigSchema.parse({ backend: 'lsm', set: ['lsm.writeBufferSize=4MiB'], records: [1000, '10k'], ops: 5000, keepData: true });
    expect(parsed).toEqual({ backend: ['lsm'], set: ['lsm.writeBufferSize=4MiB'], records: [1000, '10k'], ops: 5000, keepData: true });
    expect(RunConfigSchema.safeParse({ config: 'other.json' }).success).toBe(false);
    expect(RunConfigSchema.safeParse({ records: [] }).success).toBe(false);
    expect(RunConfigSchema.safeParse({ keepData: 'yes' }).success).toBe(false);
  });
});
