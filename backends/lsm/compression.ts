// RocksDB's compression types, named three ways: the lsm knob value (for the four statebench
// offers as knob values), Flink's CompressionType (state.backend.rocksdb.compression.per.level)
// and RocksDB's own enum as options strings and OPTIONS files write it. The one table of them.

export interface CompressionType {
  /** The lsm.compression / lsm.bottommostCompression value, or null when not a knob value. */
  readonly knob: string | null;
  readonly flink: string;
  readonly rocksdb: string;
}

export const COMPRESSION_TYPES: readonly CompressionType[] = [
  { knob: 'none', flink: 'NO_COMPRESSION', rocksdb: 'kNoCompression' },
  { knob: 'snappy', flink: 'SNAPPY_COMPRESSION', rocksdb: 'kSnappyCompression' },
  { knob: null, flink: 'ZLIB_COMPRESSION', rocksdb: 'kZlibCompression' },
  { knob: null, flink: 'BZLIB2_COMPRESSION', rocksdb: 'kBZip2Compression' },
  { knob: 'lz4', flink: 'LZ4_COMPRESSION', rocksdb: 'kLZ4Compression' },
  { knob: null, flink: 'LZ4HC_COMPRESSION', rocksdb: 'kLZ4HCCompression' },
  { knob: null, flink: 'XPRESS_COMPRESSION', rocksdb: 'kXpressCompression' },
  { knob: 'zstd', flink: 'ZSTD_COMPRESSION', rocksdb: 'kZSTD' },
];

/** The knob values, in the table's order: none, snappy, lz4, zstd. */
export const COMPRESSIONS: readonly string[] = COMPRESSION_TYPES.flatMap((c) => (c.knob === null ? [] : [c.knob]));

export function compressionByKnob(value: string): CompressionType | undefined {
  return COMPRESSION_TYPES.find((c) => c.knob === value);
}

export function compressionByFlinkName(name: string): CompressionType | undefined {
  return COMPRESSION_TYPES.find((c) => c.flink === name);
}
