import { describe, expect, it } from 'vitest';
import { resolveKnobs } from '../resolve-knobs.js';
import { delayBackend } from './backend.js';
import { LatencyModel } from './latency-model.js';

const knobs = (given: Record<string, string>) => resolveKnobs(delayBackend.describe(), given);

describe('delay latency model', () => {
  it('draws every latency within latency x slowdown x (1 +/- jitter)', () => {
    const m = new LatencyModel(knobs({ latencyUs: '100', jitter: '0.2', slowdownPut: '1.5' }), 7);
    for (let i = 0; i < 2000; i++) {
      const get = m.next('get');
      const put = m.next('put');
      expect(get).toBeGreaterThanOrEqual(80);
      expect(get).toBeLessThanOrEqual(120);
      expect(put).toBeGreaterThanOrEqual(120);
      expect(put).toBeLessThanOrEqual(180);
    }
  });

  it('averages to the mean latency of the kind', () => {
    const m = new LatencyModel(knobs({ latencyUs: '50', jitter: '0.5', slowdownScan: '2' }), 3);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += m.next('scan');
    expect(sum / 20_000).toBeCloseTo(100, 0);
  });

  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => {
      const m = new LatencyModel(knobs({}), seed);
      return Array.from({ length: 5 }, () => m.next('get'));
    };
    expect(draw(11)).toEqual(draw(11));
    expect(draw(11)).not.toEqual(draw(12));
  });

  it('has no spread when jitter is 0', () => {
    const m = new LatencyModel(knobs({ latencyUs: '10', jitter: '0' }), 1);
    expect(m.next('delete')).toBe(10);
    expect(m.next('append')).toBe(10);
  });

  it('rejects a slowdown knob out of range with a message naming the knob', () => {
    expect(() => knobs({ slowdownGet: '-1' })).toThrow(/delay\.slowdownGet/);
  });
});
