// Number formatting shared by the comparison outputs.

/** A measured value with about four significant digits, thousands grouped: 12,345 or 1.234. */
export function formatValue(v: number | null): string {
  if (v === null) return '-';
  const abs = Math.abs(v);
  const digits = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 10 ? 2 : 3;
  return v.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: digits });
}

/** A signed percentage: +3.1%, -12.0%. */
export function formatPct(v: number | null): string {
  if (v === null) return '-';
  return `${v > 0 ? '+' : ''}${v.toFixed(1)}%`;
}

export function formatInterval(low: number | null, high: number | null): string {
  if (low === null || high === null) return '-';
  return `[${formatPct(low)}, ${formatPct(high)}]`;
}
