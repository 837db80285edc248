import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { craftCell } from '../test-support/cells.js';
import type { PlannedCell } from './run-cells.js';
import { matchResumed } from './resume.js';
import { readResultsJsonl } from './read-results.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

function planned(id: string, knobs: Record<string, unknown>, seed = 42): PlannedCell {
  return { id, backend: 'heap', knobs: knobs as PlannedCell['knobs'], setKnobs: {}, workload: 'ycsb-a', workloadParams: { records: 100_000 }, ops: 1000, durationMs: null, warmupOps: null, warmupMs: null, keySize: 16, targetRate: null, intervalMs: 1000, seed, repeat: 0, sampleEvery: null, maxInFlight: null };
}

describe('--resume', () => {
  const dir = tempDir('statebench-resume-');
  const a = craftCell({ backend: 'heap', id: 'heap/ycsb-a/x=1#0' });
  const b = craftCell({ backend: 'heap', id: 'heap/ycsb-a/x=2#0' });

  it('reads a results.jsonl whose last line the crash cut short', () => {
    const path = join(dir, 'cut.jsonl');
    writeFileSync(path, `${JSON.stringify(a)}\n${JSON.stringify(b).slice(0, 50)}`);
    expect(readResultsJsonl(path).map((c) => c.id)).toEqual([a.id]);
  });
  it('a damaged line in the middle is bad input, named', () => {
    const path = join(dir, 'bad.jsonl');
    writeFileSync(path, `{oops\n${JSON.stringify(a)}\n`);
    expect(() => readResultsJsonl(path)).toThrow(/^--resume .*: line 1 is not JSON/);
    expect(() => readResultsJsonl(join(dir, 'missing.jsonl'))).toThrow(/^--resume: cannot read/);
  });
  it('keeps only ok cells of the same id, knobs and seed', () => {
    const plan = [planned(a.id, a.knobs, a.seed), planned(b.id, b.knobs, 7)];
    const errored = { ...a, id: 'heap/ycsb-a/x=3#0', status: 'errored' as const, error: 'boom' };
    const m = matchResumed([...plan, planned(errored.id, a.knobs, a.seed)], [a, b, errored]);
    expect([...m.done.keys()]).toEqual([a.id]);
    expect(m.ignored).toBe(2);
  });
});
