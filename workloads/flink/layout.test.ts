// Which layout each built-in workload runs in: every Flink workload declares its states (each
// operation kind names one) in Flink's key layout unless keyLayout=plain; YCSB and db_bench
// workloads declare none, so they run on the backend's own keyspace in the plain layout.
import { describe, expect, it } from 'vitest';
import { listWorkloads } from '../catalogue.js';
import { resolveParams } from '../params.js';

describe('key layouts of the built-in workloads', () => {
  const flink = listWorkloads().filter((d) => d.source === 'flink');

  it('has every Flink workload declare the states its kinds touch, 128 key groups by default', () => {
    expect(flink.map((d) => d.name)).toEqual([
      'value-state',
      'list-state',
      'map-state',
      'window-agg',
      'ttl-dedupe',
      'tumbling-window',
      'sliding-window',
      'session-window',
      'interval-join',
    ]);
    for (const d of flink) {
      const states = d.flinkStates?.(resolveParams(d, {}));
      expect(states?.maxParallelism).toBe(128);
      const names = new Set(states?.states.map((s) => s.name));
      // A kind of action 'none' (a dropped late element) touches no state and names none.
      for (const op of d.operations) expect(op.action === 'none' ? op.state === undefined : names.has(op.state ?? '')).toBe(true);
    }
  });

  it('declares the kinds, namespaces and TTL Flink would: a window state in the TimeWindow namespace, a TTL-stamped dedupe flag', () => {
    const byName = new Map(flink.map((d) => [d.name, d.flinkStates?.(resolveParams(d, { extra: { windowSize: 500 } }))?.states]));
    expect(byName.get('map-state')?.[0]).toMatchObject({ kind: 'map', namespace: { kind: 'void' }, ttl: null });
    expect(byName.get('list-state')?.[0]).toMatchObject({ kind: 'list' });
    expect(byName.get('window-agg')?.[0]).toMatchObject({ kind: 'aggregating', namespace: { kind: 'window', size: 500 } });
    expect(byName.get('ttl-dedupe')?.[0]).toMatchObject({ kind: 'value', ttl: 1000 });
  });

  it("declares the operators' states as Flink names them: the window contents, the merging window set, the join buffers, the timer services' column families", () => {
    const states = (name: string, extra: Record<string, string | number> = {}) => {
      const d = flink.find((w) => w.name === name);
      return d?.flinkStates?.(resolveParams(d, { extra }))?.states;
    };
    expect(states('sliding-window', { windowSize: 400, slide: 100 })).toEqual([
      { name: 'window-contents', kind: 'aggregating', namespace: { kind: 'window', size: 400, slide: 100 }, ttl: null },
      { name: '_timer_state/event_window-timers', kind: 'timers', namespace: { kind: 'window', size: 400, slide: 100 }, ttl: null },
    ]);
    expect(states('tumbling-window', { function: 'holistic' })?.[0]).toMatchObject({ kind: 'list', namespace: { kind: 'window', size: 1000 } });
    expect(states('session-window', { gap: 300 })).toEqual([
      { name: 'window-contents', kind: 'aggregating', namespace: { kind: 'session', gap: 300 }, ttl: null },
      { name: '_timer_state/event_window-timers', kind: 'timers', namespace: { kind: 'session', gap: 300 }, ttl: null },
      { name: 'merging-window-set', kind: 'list', namespace: { kind: 'void' }, ttl: null },
    ]);
    expect(states('interval-join')).toEqual([
      { name: 'LEFT_BUFFER', kind: 'map', namespace: { kind: 'void' }, ttl: null },
      { name: 'RIGHT_BUFFER', kind: 'map', namespace: { kind: 'void' }, ttl: null },
      { name: '_timer_state/event_CLEANUP_TIMER', kind: 'timers', namespace: { kind: 'names', names: ['CLEANUP_LEFT', 'CLEANUP_RIGHT'] }, ttl: null },
    ]);
  });

  it('runs a Flink workload in the plain layout under keyLayout=plain, and takes maxParallelism', () => {
    const d = flink[0]!;
    expect(d.flinkStates?.(resolveParams(d, { extra: { keyLayout: 'plain' } }))).toBeNull();
    expect(d.flinkStates?.(resolveParams(d, { extra: { maxParallelism: 4096 } }))?.maxParallelism).toBe(4096);
    expect(() => resolveParams(d, { extra: { maxParallelism: 40_000 } })).toThrow(/maxParallelism=40000: expected an integer >= 1 <= 32768/);
    expect(() => resolveParams(d, { extra: { keyLayout: 'rocks' } })).toThrow(/keyLayout=rocks: expected one of flink, plain/);
  });

  it('keeps YCSB and db_bench workloads in the plain layout: no states, no kind naming one', () => {
    const others = listWorkloads().filter((d) => d.source !== 'flink');
    expect(others.length).toBeGreaterThan(5);
    for (const d of others) {
      expect(d.flinkStates).toBeUndefined();
      for (const op of d.operations) expect(op.state).toBeUndefined();
    }
  });
});
