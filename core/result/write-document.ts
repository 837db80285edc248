// The one way a results.json is written: validated (a document that does not match the schema is
// a bug, not output), then through a temporary file and a rename, so a reader or an interrupted
// run never sees half a document. The run rewrites it after every cell; merge and --verify-advice
// write theirs the same way.
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
