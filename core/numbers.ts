// How a figure is kept and printed, one way everywhere: three decimals in the result document
// (round3), counts and measured values in outputs (formatNumber), and signed changes in per cent
// (formatSignedPct: "+3.1 %", as the documentation writes them).

import { trimFixed } from './units.js';

/** A figure as the result document keeps it (ms, µs, ratios): three decimals. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** A figure with a sensible number of digits: `digits` significant (3 unless told), thousands grouped. */
export function formatNumber(value: number | null | undefined, digits = 3, none = '–'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return none;
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs === 0) return '0';
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(abs)));
  return trimFixed(value, Math.min(decimals, 6));
}

/** A count or rate as a whole number, thousands grouped: 12,346; `none` for a missing one. */
export function formatWhole(value: number | null | undefined, none = '-'): string {
  return value === null || value === undefined || !Number.isFinite(value) ? none : Math.round(value).toLocaleString('en-US');
}

/** A change in per cent with its sign and one decimal: +3.1 %, -12.0 %, 0.0 %; `none` for a missing one. */
export function formatSignedPct(value: number | null, none = '?'): string {
  if (value === null || !Number.isFinite(value)) return none;
  const fixed = value.toFixed(1);
  if (Number(fixed) === 0) return '0.0 %';
  return `${value > 0 ? '+' : ''}${fixed} %`;
}

/** A fraction as a share in per cent, one decimal: 0.8 -> 80.0 %; `none` for a missing one. */
export function formatShare(fraction: number | null, none = '?'): string {
  return fraction === null || !Number.isFinite(fraction) ? none : `${(fraction * 100).toFixed(1)} %`;
}

/** A margin around a figure in per cent, one decimal: ±1.2 % (a relative error, an interval's half-width). */
export function formatMargin(pct: number | null, none = '-'): string {
  return pct === null || !Number.isFinite(pct) ? none : `±${pct.toFixed(1)} %`;
}
