// statebench calibrate as a user runs it: a tiny A/A calibration of the delay backend, and bad input.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../../harness/test-support/cli.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

const dir = tempDir('statebench-calibrate-cli-');
const tiny = ['-b', 'delay', '-w', 'ycsb-a', '--records', '200', '--ops', '200', '--warmup', '0', '--set', 'delay.latencyUs=5'];

describe('calibrate', () => {
  it('runs the configuration A/A and reports the noise per metric as JSON', async () => {
    const r = await runCliProcess(['calibrate', ...tiny, '--repeat', '2', '--runs', '2', '--out', join(dir, 'cal'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.runs).toBe(2);
    expect(report.aaComparisons).toBe(1);
    const p50 = report.rows.find((x: { id: string }) => x.id === 'read.p50');
    expect(p50).toMatchObject({ benchmark: 'delay/ycsb-a', runs: 2, values: 4 });
    expect(p50.repeatsNeeded === null || p50.repeatsNeeded >= 4).toBe(true);
  });

  const cases: [string, string[], RegExp][] = [
    ['one run', ['calibrate', ...tiny, '--runs', '1'], /--runs: '1' is not valid; expected a whole number >= 2/],
    ['a detect below the threshold', ['calibrate', ...tiny, '--threshold', '5%', '--detect', '3%'], /--detect: 3% must be larger than the threshold \(5%\)/],
    ['a per-metric threshold', ['calibrate', ...tiny, '--threshold', 'p99=5%'], /--threshold: 'p99=5%' is not valid; expected one percentage/],
    ['no backend', ['calibrate', '-w', 'ycsb-a'], /Missing required argument: backend/],
  ];
  it.each(cases)('refuses %s with one line and exit 2', async (_name, args, message) => {
    const r = await runCliProcess(args, { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});
