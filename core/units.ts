// Parsing of sizes, durations and booleans as users type them on the command line, and the one
// way sizes are printed back.

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
  t: 1024 ** 4,
  tb: 1024 ** 4,
  tib: 1024 ** 4,
};

/** Sizes take binary units as Flink and RocksDB read them: 64MiB = 64mb = 64m = 67108864. */
export function parseSize(raw: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(raw);
  if (!m) return null;
  const factor = SIZE_UNITS[(m[2] ?? '').toLowerCase()];
  if (factor === undefined) return null;
  const value = Number(m[1]) * factor;
  return Number.isSafeInteger(Math.round(value)) ? Math.round(value) : null;
}

const DURATION_UNITS: Record<string, number> = { '': 1, ms: 1, s: 1000, sec: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/** Durations in milliseconds: 500ms, 5s, 2m, or a bare number of milliseconds. */
export function parseDuration(raw: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(raw);
  if (!m) return null;
  const factor = DURATION_UNITS[(m[2] ?? '').toLowerCase()];
  if (factor === undefined) return null;
  return Number(m[1]) * factor;
}

export function parseBool(raw: string): boolean | null {
  const v = raw.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  return null;
}

const IEC = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/**
 * Bytes in binary units with about three significant digits: 1536 -> "1.5KiB", 116000 -> "113KiB",
 * 1180000 -> "1.13MiB". Compact by default, the form the size flags and --set read back
 * ("--memory-budget 64MiB"); the reports' tables and prose pass `separator` ' ' ("64 MiB").
 * A missing or non-finite figure prints as "–".
 */
export function formatBytes(bytes: number | null | undefined, separator: '' | ' ' = ''): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '–';
  let v = Math.abs(bytes);
  let unit = 0;
  while (v >= 1024 && unit < IEC.length - 1) {
    v /= 1024;
    unit++;
  }
  const sign = bytes < 0 ? '-' : '';
  return `${sign}${unit === 0 ? String(v) : trimFixed(v, v >= 100 ? 0 : v >= 10 ? 1 : 2)}${separator}${IEC[unit]}`;
}

/**
 * A count exactly, in the form --records reads back: 10000 -> "10k", 4000000 -> "4M", 1500 ->
 * "1.5k", 12345 -> "12345" (a suffix only when one decimal says it exactly).
 */
export function formatCount(n: number): string {
  for (const [div, suffix] of [[1e9, 'G'], [1e6, 'M'], [1e3, 'k']] as const) {
    if (Number.isInteger(n) && Math.abs(n) >= div && (n * 10) % div === 0) return `${trimFixed(n / div, 1)}${suffix}`;
  }
  return String(n);
}

/** `v` with `decimals` decimals, trailing zeros (and a trailing point) dropped: 1.50 -> "1.5". */
export function trimFixed(v: number, decimals: number): string {
  const s = v.toFixed(decimals);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
