// A real, small micro-benchmark document for the reporters' tests: `statebench micro` on the heap
// backend through the built CLI (dist/, built by `npm test`), a few seconds. Checked against the
// schema before it is returned.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ResultDocumentSchema, type ResultDocument } from '../../core/result/schema.js';
import { runCliProcess } from '../../harness/test-support/cli.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

export const MICRO_ARGS = ['micro', '-b', 'heap', '--records', '1000', '--time', '20', '--warmup', '0'] as const;

/** Runs the micro command into a fresh directory; returns the directory and its results.json. */
export async function runMicro(extra: readonly string[] = []): Promise<{ dir: string; path: string; doc: ResultDocument }> {
  const dir = tempDir('statebench-micro-report-');
  const r = await runCliProcess([...MICRO_ARGS, ...extra, '--out', dir]);
  if (r.code !== 0) throw new Error(`statebench micro exited with ${r.code}: ${r.stderr}`);
  const path = join(dir, 'results.json');
  const doc = ResultDocumentSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  return { dir, path, doc };
}
