// Rewrites a run's results.json with its recommendations (after --verify-advice), atomically and
// only when the document is valid.
import { renameSync, writeFileSync } from 'node:fs';
import { ResultDocumentSchema, type ResultDocument } from './schema.js';

/** Writes `doc` to `path` (a results.json), validated, via a temporary file and a rename. */
export function writeResultDocument(path: string, doc: ResultDocument): string {
  ResultDocumentSchema.parse(doc);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(doc, null, 2)}\n`);
  renameSync(tmp, path);
  return path;
}
