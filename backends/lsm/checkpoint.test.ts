import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, text, useLsm } from './test-support/open.js';

describe('checkpoint', () => {
  const { open, tempDir } = useLsm();

  it('creates a checkpoint that opens as a database holding the data', async () => {
    const { db } = await open();
    db.put(1, bytes('one'));
    const target = join(tempDir(), 'cp1');
    const info = db.checkpoint(target);
    expect(info.files).toBeGreaterThan(0);
    expect(info.bytes).toBeGreaterThan(0);
    expect(existsSync(join(target, 'CURRENT'))).toBe(true);
    const copy = await open({}, target);
    expect(text(copy.db.get(1))).toBe('one');
  });

  it('counts only SST files the previous checkpoint lacked as incremental', async () => {
    const { db } = await open();
    for (let i = 0; i < 2000; i++) db.put(i, new Uint8Array(200).fill(i & 0xff));
    const first = db.checkpoint(join(tempDir(), 'a'));
    expect(first.incrementalBytes).toBe(first.bytes);
    db.put(5000, bytes('small'));
    const second = db.checkpoint(join(tempDir(), 'b'));
    expect(second.incrementalBytes).toBeLessThan(second.bytes);
  });
});
