// Reads a result document for compare or calibrate: every way the file can be wrong becomes one
// line naming the file and what is expected (a UsageError, exit 2).

import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { ResultDocumentSchema, SCHEMA_VERSION, type ResultDocument } from './schema.js';
import { RESULTS_JSON } from './write-document.js';

export function parseResultDocument(text: string, name: string): ResultDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${name}: not valid JSON (${(err as Error).message.split('\n')[0]}); expected a statebench results.json`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UsageError(`${name}: not a statebench result document (expected a JSON object with schemaVersion ${SCHEMA_VERSION})`);
  }
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (version !== SCHEMA_VERSION) {
    throw new UsageError(
      `${name}: schemaVersion ${version === undefined ? 'is missing' : JSON.stringify(version)}${version === undefined ? '' : ' is not supported'}; this statebench reads schemaVersion ${SCHEMA_VERSION}`,
    );
  }
  const parsed = ResultDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    throw new UsageError(`${name}: not a valid result document: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** A run's output directory stands for the results.json inside it. */
function resolveDocumentPath(path: string): string {
  try {
    if (statSync(path).isDirectory()) return join(path, RESULTS_JSON);
  } catch {
    /* reported by the read below */
  }
  return path;
}

export function loadResultDocument(given: string): ResultDocument {
  const path = resolveDocumentPath(given);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : (code ?? 'cannot read');
    throw new UsageError(`${path}: ${why}`);
  }
  return parseResultDocument(text, path);
}
