// The operator workloads' event time: the clock, the bounded lag of out-of-order elements and
// BoundedOutOfOrderness watermarks.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { BoundedOutOfOrderness, EventClock } from './event-time.js';

const SETTINGS = { eventsPerTick: 2, outOfOrderShare: 0, maxDelay: 50, watermarkDelay: 20, watermarkEvery: 3 };

describe('event time', () => {
  it('gives eventsPerTick elements per tick from the origin, and a watermark emission every watermarkEvery elements', () => {
    const clock = new EventClock(SETTINGS, 100);
    const rng = createRng(1);
    const got: [number, boolean][] = [];
    for (let i = 0; i < 6; i++) got.push([clock.next(rng), clock.emitDue()]);
    expect(got).toEqual([
      [100, false],
      [100, false],
      [101, true],
      [101, false],
      [102, false],
      [102, true],
    ]);
  });

  it('lags outOfOrderShare of the elements by 1 to maxDelay ticks', () => {
    const clock = new EventClock({ ...SETTINGS, eventsPerTick: 1, outOfOrderShare: 0.25 }, 100);
    const rng = createRng(2);
    let late = 0;
    for (let i = 0; i < 40_000; i++) {
      const lag = 100 + i - clock.next(rng);
      expect(lag).toBeGreaterThanOrEqual(0);
      expect(lag).toBeLessThanOrEqual(50);
      if (lag > 0) late++;
    }
    expect(late / 40_000).toBeGreaterThan(0.24);
    expect(late / 40_000).toBeLessThan(0.26);
  });

  it('puts the watermark at the largest timestamp seen - the bound - 1, Long.MIN_VALUE before any', () => {
    const marks = new BoundedOutOfOrderness(20);
    expect(marks.current()).toBe(-Infinity);
    for (const ts of [500, 480, 530, 510]) marks.onEvent(ts);
    expect(marks.current()).toBe(509);
  });
});
