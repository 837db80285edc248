// Knob formatting shared by every reporter (figures: core/numbers.ts).

import type { KnobValue } from '../../core/result/schema.js';
import { formatBytes } from '../../core/units.js';

// Knob names that hold sizes in bytes (writeBufferSize, blockCacheSize, mapSize, ...).
const BYTE_KNOB = /(size|bytes|base)$/i;

/** A knob value as a reader wants it: sizes in IEC units when they are whole multiples of 1 KiB. */
export function formatKnobValue(knob: string, value: KnobValue | null): string {
  if (value === null) return 'default';
  if (typeof value === 'number' && BYTE_KNOB.test(knob) && value >= 1024 && value % 1024 === 0) {
    return formatBytes(value);
  }
  return String(value);
}
