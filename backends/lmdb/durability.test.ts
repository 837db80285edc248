import { describe, expect, it } from 'vitest';
import { resolveKnobs } from '../resolve-knobs.js';
import { lmdbBackend } from './backend.js';

const classOf = (knobs: Record<string, string>): string | undefined => lmdbBackend.durabilityClass?.(resolveKnobs(lmdbBackend.describe(), knobs));

describe('lmdb durability class', () => {
  it('is machine only when a write is acknowledged after its commit was fsynced', () => {
    expect(classOf({ overlappingSync: 'false' })).toBe('machine');
    expect(classOf({ overlappingSync: 'false', writePath: 'sync' })).toBe('machine');
    expect(classOf({ overlappingSync: 'false', useWritemap: 'true' })).toBe('machine');
  });

  it("is process by default: lmdb-js's overlapping sync acknowledges a commit before its flush", () => {
    expect(classOf({})).toBe('process');
    expect(classOf({ overlappingSync: 'true' })).toBe('process');
  });

  it('is process without the fsync (noSync, noMetaSync): committed pages are in the OS page cache', () => {
    expect(classOf({ noSync: 'true' })).toBe('process');
    expect(classOf({ noMetaSync: 'true', overlappingSync: 'false' })).toBe('process');
  });

  it('is none when putSync returns before its batch commits (sync path, writeBatchOps > 1)', () => {
    expect(classOf({ writePath: 'sync', writeBatchOps: '100', overlappingSync: 'false' })).toBe('none');
    expect(classOf({ writePath: 'async', writeBatchOps: '100', overlappingSync: 'false' })).toBe('machine');
  });

  it('commits without fsync under --semantics flink, and yields to a user who sets overlappingSync', () => {
    expect(lmdbBackend.checkpointSemantics?.knobs).toEqual({ noSync: 'true' });
    expect(lmdbBackend.checkpointSemantics?.durabilityKnobs).toEqual(['noSync', 'overlappingSync']);
  });
});
