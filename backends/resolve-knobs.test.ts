import { describe, expect, it } from 'vitest';
import { knobDefault, knobSpecs, parseKnobValue, resolveKnobs, KnobError, validateKnobSets } from './resolve-knobs.js';
import { parseSize, parseDuration } from '../core/units.js';
import type { BackendDescription, KnobRecord } from './types.js';

const desc: BackendDescription = {
  name: 'x',
  engine: 'test',
  version: null,
  available: true,
  durable: false,
  knobs: [
    { name: 'bufferSize', type: 'size', unit: 'bytes', default: 1024, help: '' },
    { name: 'style', type: 'enum', allowed: ['level', 'universal'], default: 'level', help: '' },
    { name: 'sync', type: 'bool', default: false, help: '' },
    { name: 'jobs', type: 'int', min: 1, max: 64, default: 2, help: '' },
  ],
};

describe('knob values', () => {
  it('parses sizes in the units users type', () => {
    expect(parseSize('64MiB')).toBe(64 * 1024 * 1024);
    expect(parseSize('64mb')).toBe(64 * 1024 * 1024);
    expect(parseSize('1g')).toBe(1024 ** 3);
    expect(parseSize('4096')).toBe(4096);
    expect(parseSize('4 KiB')).toBe(4096);
    expect(parseSize('12 parsecs')).toBeNull();
    expect(parseDuration('5s')).toBe(5000);
  });

  it('fills every knob with its default and parses the given ones', () => {
    expect(resolveKnobs(desc, { bufferSize: '8KiB', style: 'Universal', sync: 'true' })).toEqual({
      bufferSize: 8192,
      style: 'universal',
      sync: true,
      jobs: 2,
    });
  });

  it('names the knob and what is accepted when a value is bad', () => {
    expect(() => parseKnobValue('x', desc.knobs[1]!, 'tiered')).toThrow(/x\.style: 'tiered' is not valid; expected one of level, universal/);
    expect(() => parseKnobValue('x', desc.knobs[3]!, '100')).toThrow(/from 1 to 64/);
    expect(() => parseKnobValue('x', desc.knobs[0]!, '12 parsecs')).toThrow(KnobError);
    expect(() => resolveKnobs(desc, { nope: '1' })).toThrow(/unknown knob 'nope' for backend x; known knobs: bufferSize, style, sync, jobs/);
  });
});

describe('knob records', () => {
  const records: KnobRecord[] = [
    { name: 'jobs', type: 'int', default: 2, tune: { draw: 0, values: [2, 4] }, min: 1, help: 'h' },
    { name: 'wal', type: 'bool', default: true, help: 'w', tradesDurability: true },
  ];
  it('publish only their schema, fields in the order written', () => {
    expect(JSON.stringify(knobSpecs(records))).toBe('[{"name":"jobs","type":"int","default":2,"min":1,"help":"h"},{"name":"wal","type":"bool","default":true,"help":"w"}]');
  });
  it('give their defaults by name, and refuse a name they do not have', () => {
    expect(knobDefault(records, 'wal')).toBe(true);
    expect(() => knobDefault(records, 'nope')).toThrow(/no knob 'nope' among jobs, wal/);
  });
});

describe('validateKnobSets', () => {
  it("asks the backend once per distinct knob set, and passes its refusal on", () => {
    const seen: unknown[] = [];
    const backend = {
      describe: () => desc,
      open: () => Promise.reject(new Error('not opened')),
      validateKnobs: (k: Record<string, unknown>) => {
        seen.push(k);
        if (k.jobs === 64) throw new KnobError('x.jobs: 64 refused by the engine');
      },
    };
    const a = resolveKnobs(desc, { jobs: '4' });
    const of = (knobs: ReturnType<typeof resolveKnobs>, backend = 'x') => ({ backend, knobs });
    // Another backend's knob sets are not this backend's to check.
    validateKnobSets(backend, 'x', [of(a), of(resolveKnobs(desc, { jobs: '4' })), of(resolveKnobs(desc, {})), of(resolveKnobs(desc, { jobs: '64' }), 'y')]);
    expect(seen).toEqual([a, resolveKnobs(desc, {})]);
    expect(() => validateKnobSets(backend, 'x', [of(resolveKnobs(desc, { jobs: '64' }))])).toThrow('x.jobs: 64 refused by the engine');
    // A backend without the hook, or none at all, checks nothing.
    expect(() => validateKnobSets(undefined, 'x', [of(a)])).not.toThrow();
  });
});
