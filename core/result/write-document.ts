// The one place a results.json is written, whoever writes it (the run after every cell, the run
// pipeline with its advice, --verify-advice, merge): validated (a document that does not match
// the schema is a bug, not output), then through a temporary file and a rename, so a reader or
// an interrupted run never sees half a document.
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ResultDocumentSchema, type ResultDocument } from './schema.js';

/** A run's document in its output directory. */
export const RESULTS_JSON = 'results.json';

/**
 * Writes `doc` into `target`: a directory (its results.json) or a .json file named as such.
 * Validated, via a temporary file and a rename; returns the path written.
 */
export function writeResultDocument(target: string, doc: ResultDocument): string {
  ResultDocumentSchema.parse(doc);
  const path = target.endsWith('.json') ? target : join(target, RESULTS_JSON);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(doc, null, 2)}\n`);
  renameSync(tmp, path);
  return path;
}
