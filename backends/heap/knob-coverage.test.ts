// Every heap knob changes what the heap backend does. The test walks the knob list: each knob
// set away from its default must have an observed effect below, so a knob added without one fails.
import * as fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveKnobs } from '../resolve-knobs.js';
import type { BackendInstance } from '../types.js';
import { heapBackend } from './backend.js';
import { HEAP_KNOBS } from './knobs.js';

// fsync calls, counted: the checkpoint file's durability is a matter of fsync, not of content.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, fsyncSync: vi.fn(real.fsyncSync) };
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function open(knobs: Record<string, string> = {}): Promise<BackendInstance> {
  const dir = mkdtempSync(join(tmpdir(), 'statebench-heap-knobs-'));
  dirs.push(dir);
  return heapBackend.open(dir, resolveKnobs(heapBackend.describe(), knobs), { keySize: 16, seed: 1 });
}

const EFFECTS: Readonly<Record<string, () => Promise<void>>> = {
  // object: the state holds the caller's value itself, so a later change to it shows in a get.
  valueMode: async () => {
    for (const [mode, seen] of [['object', 9], ['bytes', 1]] as const) {
      const db = await open({ valueMode: mode });
      const value = new Uint8Array([1, 2, 3]);
      db.put(1, value);
      value[0] = 9;
      expect(db.get(1)?.[0], `valueMode=${mode}`).toBe(seen);
    }
  },
  // false: a checkpoint writes its snapshot without fsync (file and directory).
  checkpointFsync: async () => {
    const fsync = vi.mocked(fs.fsyncSync);
    for (const [setting, calls] of [['false', 0], ['true', 2]] as const) {
      const db = await open({ checkpointFsync: setting });
      db.put(1, new Uint8Array(10));
      const dir = mkdtempSync(join(tmpdir(), 'statebench-heap-cp-'));
      dirs.push(dir);
      fsync.mockClear();
      await db.checkpoint(join(dir, 'cp'));
      expect(fsync.mock.calls.length, `checkpointFsync=${setting}`).toBe(calls);
    }
  },
};

describe('every heap knob has an effect', () => {
  it.each(HEAP_KNOBS.map((k) => [k.name] as const))('%s', async (name) => {
    const effect = EFFECTS[name];
    if (!effect) throw new Error(`heap.${name} has no observed effect: add one to EFFECTS`);
    await effect();
  });

  it('observes only knobs that exist', () => {
    expect(Object.keys(EFFECTS).sort()).toEqual(HEAP_KNOBS.map((k) => k.name).sort());
  });
});
