import { describe, expect, it } from 'vitest';
import { UsageError } from '../core/errors.js';
import { ACTIONS } from './types.js';
import { listWorkloads, resolveWorkload } from './catalogue.js';

const EXPECTED = [
  'ycsb-a', 'ycsb-b', 'ycsb-c', 'ycsb-d', 'ycsb-e', 'ycsb-f',
  'fillseq', 'fillrandom', 'overwrite', 'readrandom', 'readseq', 'seekrandom', 'deleterandom', 'readwhilewriting',
  'value-state', 'list-state', 'map-state', 'window-agg', 'ttl-dedupe',
  'tumbling-window', 'sliding-window', 'session-window', 'interval-join',
];

describe('the built-in catalogue', () => {
  it('lists every built-in under its stable name', () => {
    expect(listWorkloads().map((d) => d.name)).toEqual(EXPECTED);
  });

  it('describes each built-in in one line and declares valid operation kinds', () => {
    for (const d of listWorkloads()) {
      expect(d.description.length).toBeGreaterThan(20);
      expect(d.description).not.toContain('\n');
      expect(d.operations.length).toBeGreaterThan(0);
      expect(d.operations.length).toBeLessThan(256);
      expect(new Set(d.operations.map((o) => o.name)).size).toBe(d.operations.length);
      for (const op of d.operations) expect(ACTIONS).toContain(op.action);
    }
  });

  it('resolves a built-in by name', () => {
    expect(resolveWorkload('ycsb-a').name).toBe('ycsb-a');
  });

  it('rejects an unknown name with a UsageError naming it and listing the built-ins', () => {
    expect(() => resolveWorkload('ycsb-z')).toThrow(UsageError);
    expect(() => resolveWorkload('ycsb-z')).toThrow(/--workload: 'ycsb-z' .*accepted: ycsb-a, ycsb-b.*ttl-dedupe/);
  });

  it('names a missing workload file', () => {
    expect(() => resolveWorkload('./no/such/workloada')).toThrow(/--workload: file '.\/no\/such\/workloada' not found/);
  });
});
