// Opens lsm instances on fresh temporary directories for the lsm tests, and removes them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { resolveKnobs } from '../../resolve-knobs.js';
import type { SlotContext } from '../../types.js';
import { type LsmInstance, lsmBackend } from '../backend.js';

type Open = (knobs?: Record<string, string>, dir?: string, slot?: SlotContext) => Promise<{ db: LsmInstance; dir: string }>;

/** Instances closed and directories removed after each test; `slot` opens the instance as one slot of a --threads cell. */
export function useLsm(): { open: Open; tempDir: () => string } {
  const dirs: string[] = [];
  const open: LsmInstance[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const tempDir = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'statebench-lsm-test-'));
    dirs.push(d);
    return d;
  };
  return {
    tempDir,
    open: async (knobs = {}, dir?: string, slot?: SlotContext) => {
      const d = dir ?? join(tempDir(), 'db');
      const db = (await lsmBackend.open(d, resolveKnobs(lsmBackend.describe(), knobs), { keySize: 16, seed: 1, ...(slot ? { slot } : {}) })) as LsmInstance;
      open.push(db);
      return { db, dir: d };
    },
  };
}

export const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
export const text = (b: Uint8Array | undefined): string | undefined => (b === undefined ? undefined : new TextDecoder().decode(b));
