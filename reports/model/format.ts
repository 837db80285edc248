// Number and knob formatting shared by every reporter: one way to print a figure everywhere.

import type { KnobValue } from '../../core/result/schema.js';
import { formatBytes, trimFixed } from '../../core/units.js';

/** A figure with a sensible number of digits: 3 significant, thousands grouped. */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs === 0) return '0';
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(abs)));
  return trimFixed(value, Math.min(decimals, 6));
}

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
