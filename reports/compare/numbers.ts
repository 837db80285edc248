// The comparison outputs' figures, in the one way every output prints them (core/numbers.ts).

import { formatNumber, formatSignedPct } from '../../core/numbers.js';

/** A measured value with four significant digits, thousands grouped: 12,345 or 1.234. */
export function formatValue(v: number | null): string {
  return formatNumber(v, 4, '-');
}

/** A signed change: +3.1 %, -12.0 %. */
export function formatPct(v: number | null): string {
  return formatSignedPct(v, '-');
}

export function formatInterval(low: number | null, high: number | null): string {
  if (low === null || high === null) return '-';
  return `[${formatPct(low)}, ${formatPct(high)}]`;
}
