// `statebench report --format bmf,gab`: the CI tools' files for one document (Bencher BMF and
// github-action-benchmark's two custom arrays), checked for the shapes those tools read.
import { describe, expect, it } from 'vitest';
import { renderFormats } from './formats.js';
import { makeDocument } from './test-support/fixtures.js';

const doc = makeDocument({ backends: ['heap', 'lsm'], workloads: ['ycsb-a'], repeats: 3, intervals: 4, withFailures: true });
const files = await renderFormats(doc, ['bmf', 'gab']);
const file = (path: string): unknown => JSON.parse(files.find((f) => f.path === path)?.content ?? 'null');

describe('report --format bmf', () => {
  it('writes bmf.json: benchmark -> measure -> { value, lower_value, upper_value } with lower <= value <= upper', () => {
    const bmf = file('bmf.json') as Record<string, Record<string, Record<string, number>>>;
    expect(Object.keys(bmf).sort()).toEqual(['heap/ycsb-a', 'lsm/ycsb-a']);
    for (const measures of Object.values(bmf)) {
      expect(Object.keys(measures)).toEqual(expect.arrayContaining(['throughput', 'read.p50', 'update.p99']));
      for (const m of Object.values(measures)) {
        expect(Object.keys(m).sort()).toEqual(['lower_value', 'upper_value', 'value']);
        expect(m.lower_value).toBeLessThanOrEqual(m.value as number);
        expect(m.value).toBeLessThanOrEqual(m.upper_value as number);
      }
    }
    // The mean of the ok repeats (the errored and skipped cells are left out).
    const heapTp = doc.cells.filter((c) => c.backend === 'heap' && c.status === 'ok').map((c) => (c.status === 'ok' ? (c.phases.run?.throughputOpsPerSec ?? 0) : 0));
    expect(bmf['heap/ycsb-a']?.throughput?.value).toBeCloseTo(heapTp.reduce((a, b) => a + b, 0) / heapTp.length, 6);
  });
});

describe('report --format gab', () => {
  it('writes gab.bigger.json (throughput) and gab.smaller.json (latencies, amplification) as arrays of { name, unit, value, range?, extra? }', () => {
    expect(files.map((f) => f.path)).toEqual(['bmf.json', 'gab.bigger.json', 'gab.smaller.json']);
    const bigger = file('gab.bigger.json') as Record<string, unknown>[];
    const smaller = file('gab.smaller.json') as Record<string, unknown>[];
    expect(Array.isArray(bigger) && Array.isArray(smaller)).toBe(true);
    for (const entry of [...bigger, ...smaller]) {
      expect(typeof entry.name).toBe('string');
      expect(typeof entry.unit).toBe('string');
      expect(Number.isFinite(entry.value)).toBe(true);
      for (const k of Object.keys(entry)) expect(['name', 'unit', 'value', 'range', 'extra']).toContain(k);
      if ('range' in entry) expect(entry.range).toMatch(/^± [\d.]+$/);
      if ('extra' in entry) expect(typeof entry.extra).toBe('string');
    }
    expect(bigger.map((e) => e.unit)).toEqual(['ops/s', 'ops/s']);
    expect(bigger.map((e) => e.name)).toEqual(['heap/ycsb-a throughput', 'lsm/ycsb-a throughput']);
    expect(new Set(smaller.map((e) => e.unit))).toEqual(new Set(['us', 'x']));
    expect(smaller.some((e) => e.name === 'lsm/ycsb-a read p99')).toBe(true);
  });
});
