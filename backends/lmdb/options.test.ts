// Knobs map onto lmdb-js's open options; unset knobs keep lmdb-js's own behaviour.
import { describe, expect, it } from 'vitest';
import { resolveKnobs } from '../resolve-knobs.js';
import { LMDB_KNOBS } from './knobs.js';
import { lmdbSettings } from './options.js';

const desc = { name: 'lmdb', engine: 'LMDB', version: null, available: true, durable: true, knobs: LMDB_KNOBS };
const settings = (given: Record<string, string>) => lmdbSettings(resolveKnobs(desc, given));

describe('lmdbSettings', () => {
  it('opens with binary keys and values and leaves map and page size to lmdb-js when unset', () => {
    const s = settings({});
    expect(s.open.keyEncoding).toBe('binary');
    expect(s.open.encoding).toBe('binary');
    expect(s.open).not.toHaveProperty('mapSize');
    expect(s.open).not.toHaveProperty('pageSize');
    expect(s.mapSizeLimit).toBeNull();
    expect(s.writePath).toBe('async');
    expect(s.writeBatchOps).toBe(1);
    expect(s.overlappingSync).toBe(true);
  });

  it('passes sizes, page size and flags through', () => {
    const s = settings({ mapSize: '1GiB', pageSize: '8192', noSync: 'true', useWritemap: 'true', noReadAhead: 'true', commitDelay: '5ms' });
    expect(s.open.mapSize).toBe(1024 ** 3);
    expect(s.mapSizeLimit).toBe(1024 ** 3);
    expect(s.open.pageSize).toBe(8192);
    expect(s.open.noSync).toBe(true);
    expect(s.open.useWritemap).toBe(true);
    expect(s.open.noReadAhead).toBe(true);
    expect(s.open.commitDelay).toBe(5);
  });

  it('turns overlapping sync off with noSync, as lmdb-js does, and refuses both on', () => {
    expect(settings({ noSync: 'true' }).overlappingSync).toBe(false);
    expect(() => settings({ noSync: 'true', overlappingSync: 'true' })).toThrow(
      'lmdb: overlappingSync=true cannot be combined with noSync=true; set lmdb.overlappingSync=false or lmdb.noSync=false',
    );
  });

  it('rejects a page size that is not a power of two with the accepted values', () => {
    expect(() => settings({ pageSize: '5000' })).toThrow(/lmdb\.pageSize: '5000' is not valid; expected one of 512, 1024/);
  });
});
