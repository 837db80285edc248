import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mixedDocument } from './test-support/fixtures.js';
import { writeReports, writeRunReports } from './writer.js';
import { tempDir } from '../core/test-support/temp-dir.js';

const saved = process.env.GITHUB_STEP_SUMMARY;
afterEach(() => {
  if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
  else process.env.GITHUB_STEP_SUMMARY = saved;
});

describe('writeRunReports', () => {
  it('writes report.html and summary.md and appends the summary to the GitHub job summary', async () => {
    const dir = tempDir('statebench-writer-');
    const stepSummary = join(dir, 'step-summary.md');
    writeFileSync(stepSummary, 'earlier step\n');
    process.env.GITHUB_STEP_SUMMARY = stepSummary;
    const paths = await writeRunReports(mixedDocument(), join(dir, 'out'));
    expect(paths).toEqual([join(dir, 'out', 'report.html'), join(dir, 'out', 'summary.md')]);
    expect(readFileSync(paths[0]!, 'utf8')).toMatch(/^<!doctype html>/);
    const summary = readFileSync(paths[1]!, 'utf8');
    expect(readFileSync(stepSummary, 'utf8')).toBe(`earlier step\n${summary}\n`);
  });
});

describe('writeReports', () => {
  it('writes one SVG per chart under charts/ and links them from summary.md', async () => {
    const dir = tempDir('statebench-writer-');
    const paths = await writeReports(mixedDocument(), dir, ['md', 'svg']);
    const svgs = paths.filter((p) => p.endsWith('.svg'));
    expect(svgs.map((p) => p.slice(dir.length + 1))).toEqual([
      'charts/throughput.svg',
      'charts/latency-spectrum.svg',
      'charts/timeline.svg',
      'charts/timeline-heap-lmdb.svg',
      'charts/tradeoff.svg',
      'charts/amplification.svg',
    ]);
    const md = readFileSync(join(dir, 'summary.md'), 'utf8');
    for (const p of svgs) expect(md).toContain(`](${p.slice(dir.length + 1)})`);
  });
});
