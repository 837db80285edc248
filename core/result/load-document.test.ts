import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { loadResultDocument, parseResultDocument } from './load-document.js';
import { repeatsDocument } from './test-support/documents.js';
import { tempDir } from '../test-support/temp-dir.js';

const oneLine = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    const message = (err as Error).message;
    expect(message.includes('\n')).toBe(false);
    return message;
  }
  throw new Error('expected a UsageError');
};

describe('loading a result document', () => {
  it('reads a valid document, or a run directory holding results.json', () => {
    const dir = tempDir('statebench-compare-');
    writeFileSync(join(dir, 'results.json'), JSON.stringify(repeatsDocument([1, 2, 3])));
    expect(loadResultDocument(join(dir, 'results.json')).cells).toHaveLength(3);
    expect(loadResultDocument(dir).cells).toHaveLength(3);
  });

  it('names a missing file', () => {
    expect(oneLine(() => loadResultDocument('/nonexistent/base.json'))).toBe('/nonexistent/base.json: no such file');
  });

  it('names invalid JSON', () => {
    expect(oneLine(() => parseResultDocument('{"schemaVersion": 1,', 'head.json'))).toMatch(/^head\.json: not valid JSON/);
  });

  it('names a wrong or missing schema version and the one supported', () => {
    expect(oneLine(() => parseResultDocument('{"schemaVersion": 2}', 'b.json'))).toBe(
      'b.json: schemaVersion 2 is not supported; this statebench reads schemaVersion 1',
    );
    expect(oneLine(() => parseResultDocument('{"cells": []}', 'b.json'))).toMatch(/schemaVersion is missing/);
    expect(oneLine(() => parseResultDocument('[1]', 'b.json'))).toMatch(/not a statebench result document/);
  });

  it('names the first invalid field of a document that fails the schema', () => {
    const doc = repeatsDocument([1, 2, 3]) as unknown as { cells: { repeat: unknown }[] };
    (doc.cells[1] as { repeat: unknown }).repeat = 'two';
    expect(oneLine(() => parseResultDocument(JSON.stringify(doc), 'x.json'))).toMatch(/^x\.json: not a valid result document: cells\.1\.repeat/);
  });
});
