// After a run with --verify-advice: measure every recommendation, rewrite results.json with the
// verified ones, and return the document the reports are written from.
import { join } from 'node:path';
import type { ResultDocument } from '../../core/result/schema.js';
import type { ResolvedRunOptions } from '../../harness/plan/run-options.js';
import type { ProgressSink } from '../../harness/exec/progress.js';
import { DEFAULT_VERIFY_REPEATS } from '../../harness/run-command/run-flags.js';
import { verifyAll } from './verify-advice.js';
import { writeResultDocument } from '../../core/result/write-document.js';

export async function verifyRunAdvice(o: ResolvedRunOptions, doc: ResultDocument, outDir: string, progress: ProgressSink): Promise<ResultDocument> {
  if (!o.verifyAdvice || doc.recommendations.length === 0) return doc;
  const repeats = o.verifyRepeats ?? DEFAULT_VERIFY_REPEATS;
  progress.line(`verifying ${doc.recommendations.length} recommendation(s), ${repeats} repeats per side; cells in ${join(outDir, 'verify.jsonl')}`);
  const recommendations = await verifyAll(doc, { base: o, repeats, progress, logPath: join(outDir, 'verify.jsonl') });
  const verified = { ...doc, recommendations };
  writeResultDocument(outDir, verified);
  return verified;
}
