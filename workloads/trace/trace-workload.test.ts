// The trace format as a workload: every bad line refused with file, line and reason before
// anything runs; byte and decimal keys interned in byte order; the load puts the keys first seen
// as reads; a run longer than the trace repeats it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../core/errors.js';
import { createRng } from '../../core/rng.js';
import { tempDir } from '../../core/test-support/temp-dir.js';
import { resolveWorkload } from '../catalogue.js';
import { resolveParams } from '../params.js';
import { OpBatch } from '../types.js';

const dir = tempDir('statebench-trace-workload-');
let n = 0;
function file(text: string, ext = 'csv'): string {
  const p = join(dir, `t${n++}.${ext}`);
  writeFileSync(p, text);
  return p;
}

describe('bad lines', () => {
  const cases: [string, string, RegExp][] = [
    ['op,key\nget,1\nfetch,2\n', 'csv', /:3: op 'fetch' is not one of get, put, delete, merge, scan$/],
    ['op,key\nget,1\nget,9007199254740993\n', 'csv', /:3: key 9007199254740993 is not below 2\^53/],
    ['op,key\nget,0xabc\n', 'csv', /:2: key '0xabc' is neither a decimal integer nor 0x followed by hex bytes/],
    ['op,key,ns\nget,1,-1\n', 'csv', /:2: ns '-1' is not a whole number from 0 to 4294967295/],
    ['op,key\nget,1,2\n', 'csv', /:2: has 3 fields, the header 2/],
    ['op,colour\n', 'csv', /:1: header column 'colour' is not one of/],
    ['op,key,t_us\nget,1,10\nget,2,5\n', 'csv', /:3: t_us 5 is before the previous line's 10/],
    ['{"op":"get","key":1}\n{"op":"put"}\n', 'jsonl', /:2: lacks a required field/],
    ['{"op":"get","key":"0x01ff"}\nnot json\n', 'jsonl', /:2: is not valid JSON/],
  ];
  for (const [text, ext, why] of cases) {
    it(why.source, () => {
      const p = file(text, ext);
      let err: unknown;
      try {
        resolveWorkload(p);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(UsageError);
      expect((err as Error).message).toContain(`${p}:`);
      expect((err as Error).message).toMatch(why);
    });
  }
});

function drain(source: { fill(b: OpBatch, max: number): number }): { kind: number[]; key: number[]; ns: number[]; arg: number[] } {
  const b = new OpBatch(16);
  const out = { kind: [] as number[], key: [] as number[], ns: [] as number[], arg: [] as number[] };
  for (let got = source.fill(b, 16); got > 0; got = source.fill(b, 16)) {
    for (let i = 0; i < got; i++) {
      out.kind.push(b.kind[i] as number);
      out.key.push(b.key[i] as number);
      out.ns.push(b.ns[i] as number);
      out.arg.push(b.arg[i] as number);
    }
  }
  return out;
}

describe('replay', () => {
  // Keys: 0x0100 (bytes 01 00) sorts after decimal 5 (00..05) and before 0x02; decimal 7 and
  // its 8 bytes as 0x are one key.
  const text = ['op,key,ns,scan_length', 'get,0x02,3,', 'put,5,0,', 'scan,0x0100,0,10', 'get,7,1,', 'delete,0x0000000000000007,0,', 'get,5,0,'].join('\n');

  it('interns keys in byte order and loads the keys first seen as reads', () => {
    const def = resolveWorkload(`trace:${file(text)}`);
    expect(def.operations.map((o) => o.name)).toEqual(['insert', 'read', 'update', 'delete', 'scan']);
    const params = resolveParams(def, {});
    const space = { inserted: 0 };
    const load = drain(def.createLoad(params, createRng(1), space) ?? { fill: () => 0 });
    // ids: 5 -> 0, 7 -> 1, 0x0100 -> 2, 0x02 -> 3; first seen as reads: 0x02 (ns 3), 0x0100, 7 (ns 1).
    expect(load.key).toEqual([1, 2, 3]);
    expect(load.ns).toEqual([1, 0, 3]);
    const run = drain(def.createRun(params, createRng(1), space, 8));
    expect(run.key).toEqual([3, 0, 2, 1, 1, 0, 3, 0]);
    expect(run.kind).toEqual([1, 2, 4, 1, 3, 1, 1, 2]);
    expect(run.arg[2]).toBe(10);
    expect(def.runNote?.(8)).toMatch(/repeated, 1.33 times its 6 ops/);
    expect(def.runNote?.(3)).toMatch(/cut, the first 3 of its 6 ops/);
  });

  it('loads nothing with loadMissing=false; --target-rate trace is the times\' mean rate times speed', () => {
    const def = resolveWorkload(file('op,key,t_us\nget,1,0\nget,2,500\nget,3,1000\n'));
    const params = resolveParams(def, { extra: { loadMissing: 'false', speed: 2 } });
    expect(def.createLoad(params, createRng(1), { inserted: 0 })).toBeNull();
    // 2 intervals over 1 ms: 2000 ops/s, at speed 2: 4000.
    expect(def.ownRate?.(params)).toBeCloseTo(4000, 6);
  });

  it('reads JSON Lines with the same fields', () => {
    const def = resolveWorkload(file('{"op":"put","key":"0x0a","value_size":64}\n{"op":"get","key":3}\n', 'jsonl'));
    expect(def.defaultValueSize).toEqual({ kind: 'constant', bytes: 64 });
    expect(def.defaultOps).toBe(2);
  });
});
