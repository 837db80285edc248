// Flink's MemorySize (flink-core, org.apache.flink.configuration.MemorySize) as the TaskManager
// memory model needs it: parsing a size as Flink parses it, multiplying by a fraction with
// Flink's rounding, and printing a size as Flink logs it (docs/references.md, "Flink's
// TaskManager memory model"). Sizes are whole bytes held in a number (exact below 2^53).

const UNITS: ReadonlyMap<string, number> = new Map([
  ['', 1],
  ['b', 1],
  ['bytes', 1],
  ['k', 1024],
  ['kb', 1024],
  ['kibibytes', 1024],
  ['m', 1024 ** 2],
  ['mb', 1024 ** 2],
  ['mebibytes', 1024 ** 2],
  ['g', 1024 ** 3],
  ['gb', 1024 ** 3],
  ['gibibytes', 1024 ** 3],
  ['t', 1024 ** 4],
  ['tb', 1024 ** 4],
  ['tebibytes', 1024 ** 4],
]);

/** What MemorySize.parse accepts, for error messages. */
export const FLINK_MEMORY_SIZE = 'a memory size: a whole number with an optional unit b, k, m, g or t (e.g. 1728m, 4g, 268435456)';

/**
 * MemorySize.parseBytes: leading digits, then an optional unit (case-insensitive, spaces allowed
 * between). No fractions ("1.5g" is refused by Flink: ".5g" is not a unit). Null when Flink would
 * refuse it, or past 2^53 bytes.
 */
export function parseFlinkMemorySize(raw: string): number | null {
  const m = /^(\d+)\s*(.*)$/.exec(raw.trim());
  if (!m) return null;
  const multiplier = UNITS.get((m[2] as string).trim().toLowerCase());
  if (multiplier === undefined) return null;
  const bytes = Number(m[1]) * multiplier;
  return Number.isSafeInteger(bytes) ? bytes : null;
}

/** The decimal Java's BigDecimal.valueOf(double) takes: Double.toString's digits, as digits x 10^-scale. */
function decimalOf(d: number): { digits: bigint; scale: number } {
  // toExponential() without an argument gives the shortest digits that round-trip, as Java's
  // Double.toString does (JDK 19 and later; older JDKs differ only for rare values).
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(d.toExponential()) as RegExpExecArray;
  const fraction = m[2] ?? '';
  return { digits: BigInt(`${m[1]}${fraction}`), scale: fraction.length - Number(m[3]) };
}

/**
 * MemorySize.multiply(double): BigDecimal.valueOf(bytes) x BigDecimal.valueOf(multiplier), exact,
 * then longValue() (truncated). Flink's fractions are Java floats widened to double, so the
 * multiplier is Math.fround(fraction) (or a double computed from it), never the decimal typed.
 */
export function multiplyBytes(bytes: number, multiplier: number): number {
  const { digits, scale } = decimalOf(multiplier);
  const product = scale >= 0 ? (BigInt(bytes) * digits) / 10n ** BigInt(scale) : BigInt(bytes) * digits * 10n ** BigInt(-scale);
  return Number(product);
}

const HUMAN_UNITS: readonly [string, number][] = [
  ['kb', 1024],
  ['mb', 1024 ** 2],
  ['gb', 1024 ** 3],
  ['tb', 1024 ** 4],
];

/** MemorySize.toHumanReadableString: "1.688gb (1811939328 bytes)", "0 bytes", "1024.000mb (1073741824 bytes)". */
export function humanReadable(bytes: number): string {
  // Long.MAX_VALUE: Flink's "no maximum" (the network memory's default max since 1.17).
  if (bytes === Infinity) return '8388608.000tb (9223372036854775807 bytes)';
  // The largest unit the size is strictly greater than (so 1g prints in mb), as Flink picks it.
  let unit: [string, number] | null = null;
  for (const u of HUMAN_UNITS) if (bytes > u[1]) unit = u;
  return unit === null ? `${bytes} bytes` : `${(bytes / unit[1]).toFixed(3)}${unit[0]} (${bytes} bytes)`;
}
