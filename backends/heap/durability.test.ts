import { describe, expect, it } from 'vitest';
import { resolveKnobs } from '../resolve-knobs.js';
import { heapBackend } from './backend.js';

describe('heap durability class', () => {
  it('is none whatever the knobs: a write lives in process memory until a checkpoint', () => {
    const desc = heapBackend.describe();
    expect(heapBackend.durabilityClass?.(resolveKnobs(desc, {}))).toBe('none');
    expect(heapBackend.durabilityClass?.(resolveKnobs(desc, { checkpointFsync: 'true', valueMode: 'object' }))).toBe('none');
    // Nothing per write to turn off for Flink semantics.
    expect(heapBackend.checkpointSemantics).toBeUndefined();
  });
});
