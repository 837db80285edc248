import { describe, expect, it } from 'vitest';
import { mergeOptions, OptionsSyntaxError, parseOptionsString, serializeOptions } from './options-string.js';

describe('RocksDB options strings', () => {
  it('parses nested groups and serialises them back', () => {
    const m = parseOptionsString('write_buffer_size=4M; block_based_table_factory={block_size=8192;block_cache={capacity=1M}};');
    expect(m).toEqual({ write_buffer_size: '4M', block_based_table_factory: { block_size: '8192', block_cache: { capacity: '1M' } } });
    expect(serializeOptions(m)).toBe('write_buffer_size=4M;block_based_table_factory={block_size=8192;block_cache={capacity=1M}}');
  });

  it('merges nested groups key by key, later layers winning', () => {
    const merged = mergeOptions(
      parseOptionsString('a=1;t={x=1;y=2;c={capacity=5;high_pri_pool_ratio=0.1}}'),
      parseOptionsString('a=2;t={y=3;c={capacity=9}}'),
    );
    expect(merged).toEqual({ a: '2', t: { x: '1', y: '3', c: { capacity: '9', high_pri_pool_ratio: '0.1' } } });
  });

  it('rejects an unbalanced group with the offset', () => {
    expect(() => parseOptionsString('t={a=1')).toThrow(OptionsSyntaxError);
    expect(() => parseOptionsString('a=1}')).toThrow(/unexpected \}/);
  });
});
