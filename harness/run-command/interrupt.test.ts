import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interruptAfterLoad, startCli } from '../test-support/cli.js';
import { ResultDocumentSchema } from '../../core/result/schema.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

describe('Ctrl-C during a run', () => {
  it('stops cleanly, keeps what was measured, marks the cell interrupted and removes only its own data', async () => {
    const base = tempDir('statebench-int-');
    const out = join(base, 'out');
    const important = join(base, 'important');
    mkdirSync(important);
    writeFileSync(join(important, 'precious.txt'), 'keep me');
    // detached: its own process group, so the signal reaches parent and child as a terminal's Ctrl-C does.
    const run = startCli(
      ['run', '-b', 'heap', '-w', 'ycsb-a', '-w', 'ycsb-c', '--records', '10000', '--duration', '20s', '--warmup', '0', '--interval', '200ms', '--out', out, '--data-dir', important],
      { detached: true },
    );
    const r = await interruptAfterLoad(run);
    expect(r.code, r.stderr).toBe(130);
    const doc = ResultDocumentSchema.parse(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')));
    const [first, second] = doc.cells;
    expect(first?.status).toBe('interrupted');
    expect(first?.status === 'interrupted' && first.phases.run?.ops).toBeGreaterThan(0);
    expect(second?.status === 'skipped' && second.reason).toMatch(/interrupted/);
    // The user's directory and file are intact; the run's own directory is gone.
    expect(readFileSync(join(important, 'precious.txt'), 'utf8')).toBe('keep me');
    expect(readdirSync(important)).toEqual(['precious.txt']);
    expect(doc.environment.dataDir && existsSync(doc.environment.dataDir)).toBe(false);
  });
});
