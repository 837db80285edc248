// Parsing of numeric flag values with messages that name the flag and what it accepts.

import { parseDuration } from './units.js';
import { UsageError } from './errors.js';

const COUNT_SUFFIX: Record<string, number> = { '': 1, k: 1e3, m: 1e6, g: 1e9 };

/** A count such as 100000, 1e6, 100k or 2m. */
export function parseCount(flag: string, raw: unknown, opts: { min?: number } = {}): number {
  const min = opts.min ?? 1;
  const text = String(raw).trim();
  const m = /^(\d+(?:\.\d+)?(?:e\d+)?)([kmgKMG]?)$/.exec(text);
  const value = m ? Number(m[1]) * (COUNT_SUFFIX[(m[2] ?? '').toLowerCase()] ?? NaN) : NaN;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`--${flag}: '${text}' is not valid; expected a whole number >= ${min} (e.g. 100000, 1e6, 100k)`);
  }
  return value;
}

/** A number (possibly fractional) within bounds. */
export function parseNumber(flag: string, raw: unknown, opts: { min?: number; max?: number } = {}): number {
  const text = String(raw).trim();
  const value = text === '' ? NaN : Number(text);
  const inRange = Number.isFinite(value) && (opts.min === undefined || value >= opts.min) && (opts.max === undefined || value <= opts.max);
  if (!inRange) {
    const range = opts.min !== undefined && opts.max !== undefined ? ` from ${opts.min} to ${opts.max}` : opts.min !== undefined ? ` >= ${opts.min}` : '';
    throw new UsageError(`--${flag}: '${text}' is not valid; expected a number${range}`);
  }
  return value;
}

/** A duration: 30s, 500ms, 2m; a bare number counts as seconds. */
export function parseFlagDuration(flag: string, raw: unknown): number {
  const text = String(raw).trim();
  const ms = /^\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : parseDuration(text);
  if (ms === null || !Number.isFinite(ms) || ms <= 0) {
    throw new UsageError(`--${flag}: '${text}' is not valid; expected a duration such as 30s, 500ms, 2m (a bare number is seconds)`);
  }
  return ms;
}

/** --warmup: a duration (2s, 500ms) or a number of operations (10000). */
export function parseWarmup(raw: unknown): { ops: number | null; ms: number | null } {
  const text = String(raw).trim();
  if (text === '0') return { ops: null, ms: null };
  if (/^\d+(?:e\d+)?[kmKM]?$/.test(text)) return { ops: parseCount('warmup', text), ms: null };
  const ms = parseDuration(text);
  if (ms === null || ms <= 0) {
    throw new UsageError(`--warmup: '${text}' is not valid; expected a duration (2s, 500ms), a number of operations (10000), or 0 for none`);
  }
  return { ops: null, ms };
}
