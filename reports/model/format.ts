// Number and knob formatting shared by every reporter: one way to print a figure everywhere.

import type { z } from 'zod';
import type { KnobValueSchema } from '../../core/result/schema.js';

export type KnobValue = z.infer<typeof KnobValueSchema>;

const IEC = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** Bytes in IEC units: 1536 -> "1.5 KiB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '–';
  let v = Math.abs(bytes);
  let unit = 0;
  while (v >= 1024 && unit < IEC.length - 1) {
    v /= 1024;
    unit++;
  }
  const sign = bytes < 0 ? '-' : '';
  return `${sign}${unit === 0 ? String(v) : trimFixed(v, v >= 100 ? 0 : v >= 10 ? 1 : 2)} ${IEC[unit]}`;
}

/** A figure with a sensible number of digits: 3 significant, thousands grouped. */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs === 0) return '0';
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(abs)));
  return trimFixed(value, Math.min(decimals, 6));
}

function trimFixed(v: number, decimals: number): string {
  const s = v.toFixed(decimals);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

// Knob names that hold sizes in bytes (writeBufferSize, blockCacheSize, mapSize, ...).
const BYTE_KNOB = /(size|bytes|base)$/i;

/** A knob value as a reader wants it: sizes in IEC units when they are whole multiples of 1 KiB. */
export function formatKnobValue(knob: string, value: KnobValue | null): string {
  if (value === null) return 'default';
  if (typeof value === 'number' && BYTE_KNOB.test(knob) && value >= 1024 && value % 1024 === 0) {
    return formatBytes(value).replace(' ', '');
  }
  return String(value);
}
