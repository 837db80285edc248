import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { waitMicroseconds } from './wait.js';

// Only lower bounds: a busy wait can run late on a loaded machine, never early.
describe('waitMicroseconds', () => {
  it('spins at least a short wait', () => {
    const t0 = performance.now();
    waitMicroseconds(300);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(0.3);
  });

  it('sleeps and spins at least a long wait', () => {
    const t0 = performance.now();
    waitMicroseconds(5_000);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(5);
  });

  it('returns at once for zero or a negative wait', () => {
    expect(() => waitMicroseconds(0)).not.toThrow();
    expect(() => waitMicroseconds(-5)).not.toThrow();
  });
});
