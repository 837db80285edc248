// Rewrites a run's results.json with its recommendations (after --verify-advice), atomically and
// only when the document is valid.
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ResultDocumentSchema, type ResultDocument } from '../result/schema.js';

export function writeResultDocument(outDir: string, doc: ResultDocument): string {
  ResultDocumentSchema.parse(doc);
  const path = join(outDir, 'results.json');
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(doc, null, 2)}\n`);
  renameSync(tmp, path);
  return path;
}
