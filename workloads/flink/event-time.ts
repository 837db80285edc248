// The event-time input of the Flink operator workloads: element timestamps from a clock, a share
// of them out of order by a bounded delay, and periodic watermarks as Flink's
// BoundedOutOfOrdernessWatermarks makes them (watermark = the largest timestamp seen - the
// out-of-orderness bound - 1, emitted every `watermarkEvery` elements instead of every 200 ms
// of processing time). Timestamps are in ticks (think milliseconds); none is negative.

import type { Rng } from '../../core/rng.js';
import { UsageError } from '../../core/errors.js';
import type { WorkloadParams } from '../types.js';
import { settingNumber } from '../settings.js';

/** The event-time settings every operator workload takes, and their defaults. */
export const EVENT_TIME_DEFAULTS = {
  eventsPerTick: 1,
  outOfOrderShare: 0.1,
  maxDelay: 200,
  watermarkDelay: 100,
  watermarkEvery: 200,
} as const;

export interface EventTimeSettings {
  /** Elements per tick of the clock (a fraction: one element every 1/eventsPerTick ticks). */
  readonly eventsPerTick: number;
  /** Share of elements whose timestamp lags the clock. */
  readonly outOfOrderShare: number;
  /** The bound of that lag: 1 to maxDelay ticks, uniformly. */
  readonly maxDelay: number;
  /** The watermark strategy's out-of-orderness bound (forBoundedOutOfOrderness); a lag beyond it can make an element late. */
  readonly watermarkDelay: number;
  /** Elements between two watermark emissions. */
  readonly watermarkEvery: number;
}

const TICK_LIMIT = 0xffff_ffff;

export function eventTimeSettings(p: WorkloadParams): EventTimeSettings {
  return {
    eventsPerTick: settingNumber(p.extra, 'eventsPerTick', { above: 0 }),
    outOfOrderShare: settingNumber(p.extra, 'outOfOrderShare', { min: 0, max: 1 }),
    maxDelay: settingNumber(p.extra, 'maxDelay', { integer: true, min: 1, max: TICK_LIMIT / 4 }),
    watermarkDelay: settingNumber(p.extra, 'watermarkDelay', { integer: true, min: 0, max: TICK_LIMIT / 4 }),
    watermarkEvery: settingNumber(p.extra, 'watermarkEvery', { integer: true, min: 1 }),
  };
}

/** Reads a tick setting (a window size, a gap, a lateness) that timestamps must stay within. */
export function tickSetting(p: WorkloadParams, name: string, min: number): number {
  return settingNumber(p.extra, name, { integer: true, min, max: TICK_LIMIT / 4 });
}

/** One input's timestamps: the clock starts at `origin` ticks, so that a lagging element stays >= 0. */
export class EventClock {
  private elements = 0;
  constructor(
    private readonly s: EventTimeSettings,
    private readonly origin: number,
  ) {}

  /** The next element's timestamp. */
  next(rng: Rng): number {
    const now = this.origin + Math.floor(this.elements / this.s.eventsPerTick);
    this.elements++;
    if (now > TICK_LIMIT) throw new UsageError(`event time passed 2^32 ticks: fewer elements or a larger --param eventsPerTick`);
    if (this.s.outOfOrderShare > 0 && rng.next() < this.s.outOfOrderShare) return Math.max(0, now - 1 - rng.int(this.s.maxDelay));
    return now;
  }

  /** True after every watermarkEvery-th element: a periodic emission is due. */
  emitDue(): boolean {
    return this.elements % this.s.watermarkEvery === 0;
  }
}

/** BoundedOutOfOrdernessWatermarks: tracks the largest timestamp; its watermark trails it by the bound + 1. */
export class BoundedOutOfOrderness {
  private maxSeen = -Infinity;
  constructor(private readonly bound: number) {}

  onEvent(ts: number): void {
    if (ts > this.maxSeen) this.maxSeen = ts;
  }

  /** The watermark onPeriodicEmit gives (-Infinity: Long.MIN_VALUE, nothing seen yet). */
  current(): number {
    return this.maxSeen - this.bound - 1;
  }
}
