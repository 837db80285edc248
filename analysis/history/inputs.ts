// What `statebench history DOC... | DIR` reads: each argument a results.json, a run directory
// holding one, or a directory of histories: its *.json files and the results.json of its
// subdirectories, in name order (the order they are judged in is decided later, order.ts).

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { loadResultDocument } from '../../core/result/load-document.js';
import { RESULTS_JSON } from '../../core/result/write-document.js';
import type { LabelledDocument } from './order.js';

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function documentPaths(given: string): string[] {
  if (!isDirectory(given) || existsSync(join(given, RESULTS_JSON))) return [given];
  const out: string[] = [];
  for (const name of readdirSync(given).sort()) {
    const path = join(given, name);
    if (isDirectory(path)) {
      if (existsSync(join(path, RESULTS_JSON))) out.push(join(path, RESULTS_JSON));
    } else if (name.endsWith('.json')) out.push(path);
  }
  if (out.length === 0) throw new UsageError(`${given}: no result document in this directory (expected *.json files or run directories holding ${RESULTS_JSON})`);
  return out;
}

export function loadHistoryDocuments(given: readonly string[]): LabelledDocument[] {
  const paths = given.flatMap(documentPaths);
  if (paths.length < 2) throw new UsageError(`history: ${paths.length} result document given; name at least 2 (DOC... or a directory of them)`);
  return paths.map((label) => ({ label, doc: loadResultDocument(label) }));
}
