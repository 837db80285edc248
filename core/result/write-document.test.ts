// writeResultDocument: the one atomic write of a results.json (run, merge, --verify-advice).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cell, documentOf } from './test-support/documents.js';
import { writeResultDocument } from './write-document.js';
import { tempDir } from '../test-support/temp-dir.js';

describe('writeResultDocument', () => {
  it('writes the document as indented JSON with a final newline, and no temporary file is left', () => {
    const dir = tempDir('statebench-write-document-');
    const doc = documentOf([cell({ throughput: 1000 })]);
    const path = join(dir, 'results.json');
    expect(writeResultDocument(path, doc)).toBe(path);
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect(readdirSync(dir)).toEqual(['results.json']);
  });

  it('writes results.json inside a directory it is given, and a .json file under its own name', () => {
    const dir = tempDir('statebench-write-document-');
    const doc = documentOf([cell({ throughput: 1000 })]);
    expect(writeResultDocument(dir, doc)).toBe(join(dir, 'results.json'));
    expect(writeResultDocument(join(dir, 'all.json'), doc)).toBe(join(dir, 'all.json'));
    expect(readdirSync(dir).sort()).toEqual(['all.json', 'results.json']);
  });

  it('refuses a document that does not match the schema and leaves the file there untouched', () => {
    const dir = tempDir('statebench-write-document-');
    const path = join(dir, 'results.json');
    writeFileSync(path, 'before\n');
    const bad = { ...documentOf([cell({ throughput: 1000 })]), schemaVersion: 2 } as unknown as Parameters<typeof writeResultDocument>[1];
    expect(() => writeResultDocument(path, bad)).toThrow();
    expect(readFileSync(path, 'utf8')).toBe('before\n');
    expect(readdirSync(dir)).toEqual(['results.json']);
  });
});
