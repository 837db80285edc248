import { describe, expect, it } from 'vitest';
import { UsageError } from '../../core/errors.js';
import { resolveParams } from '../params.js';
import { createRng } from '../../core/rng.js';
import { OpBatch } from '../types.js';
import { parseWorkloadSpec } from './parse.js';

const parse = (spec: unknown) => parseWorkloadSpec(JSON.stringify(spec), 'specs/my-mix.json');

describe('custom JSON workload specs', () => {
  it('builds a definition from a one-mix spec', () => {
    const def = parse({
      records: 500,
      ops: 2000,
      operations: { read: 0.7, update: 0.2, scan: 0.1 },
      distribution: 'zipfian',
      theta: 0.8,
      valueSize: 'uniform:100-200',
      compressibility: 0.25,
      scan: { maxLength: 20 },
      insertOrder: 'ordered',
    });
    expect(def.name).toBe('my-mix');
    expect(def.source).toBe('custom');
    expect(def.operations.map((o) => o.name)).toEqual(['read', 'update', 'insert', 'scan']);
    const p = resolveParams(def, {});
    expect(p).toMatchObject({ records: 500, distribution: 'zipfian', theta: 0.8, compressibility: 0.25 });
    expect(p.valueSize).toEqual({ kind: 'uniform', min: 100, max: 200 });
    expect(p.extra.maxScanLength).toBe(20);
    expect(def.defaultOps).toBe(2000);
  });

  it('runs phases in order, each with its own mix', () => {
    const def = parse({
      records: 100,
      load: false,
      phases: [{ ops: 300, operations: { insert: 1 } }, { operations: { read: 1 }, distribution: 'latest' }],
    });
    const p = resolveParams(def, {});
    const space = { inserted: 0 };
    expect(def.createLoad(p, createRng(1), space)).toBeNull();
    const run = def.createRun(p, createRng(2), space, 1000);
    const batch = new OpBatch(1000);
    expect(run.fill(batch, 1000)).toBe(1000);
    const names = Array.from(batch.kind, (k) => def.operations[k]?.name);
    expect(names.slice(0, 300).every((n) => n === 'insert')).toBe(true);
    expect(names.slice(300).every((n) => n === 'read')).toBe(true);
    // The inserts took the key numbers after the 100 records.
    expect(space.inserted).toBe(400);
  });

  for (const [what, spec, message] of [
    ['unknown field', { operations: { read: 1 }, distrbution: 'zipfian' }, /my-mix.json: distrbution: unknown field/],
    ['unknown operation', { operations: { raed: 1 } }, /operations.raed: unknown field/],
    ['negative proportion', { operations: { read: -1 } }, /operations.read: /],
    ['empty mix', { operations: { read: 0 } }, /operations: needs at least one operation/],
    ['no mix', { records: 10 }, /exactly one of them/],
    ['bad distribution', { operations: { read: 1 }, distribution: 'pareto' }, /distribution: /],
    ['bad theta', { operations: { read: 1 }, theta: 1 }, /theta: /],
    ['bad phase', { phases: [{ ops: 0, operations: { read: 1 } }] }, /phases\[0\].ops: /],
    ['bad value size', { operations: { read: 1 }, valueSize: 'huge' }, /my-mix.json: valueSize: 'huge'/],
  ] as const) {
    it(`rejects a spec with a ${what}, naming the field`, () => {
      expect(() => parse(spec)).toThrow(UsageError);
      expect(() => parse(spec)).toThrow(message);
    });
  }

  it('rejects text that is not JSON', () => {
    expect(() => parseWorkloadSpec('{read: 1', 'x.json')).toThrow(/x.json: not valid JSON/);
  });
});
