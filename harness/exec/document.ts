// Assembles the result document and writes it: results.jsonl gets each cell the moment it
// finishes (append, crash-safe); results.json is rewritten atomically after every cell, so an
// interrupted run still leaves a valid document of what it measured.

import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOOL_VERSION } from '../../core/version.js';
import { SCHEMA_VERSION } from '../../core/result/schema.js';
import { writeResultDocument } from '../../core/result/write-document.js';
import type { CellResult, Environment, Plan, ResultDocument } from '../../core/result/schema.js';

export function buildDocument(environment: Environment, plan: Plan, cells: readonly CellResult[], warnings: readonly string[]): ResultDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'statebench', version: TOOL_VERSION },
    createdAt: new Date().toISOString(),
    environment,
    plan,
    cells: [...cells],
    recommendations: [],
    warnings: [...warnings],
  };
}

export class ResultWriter {
  readonly jsonlPath: string;

  constructor(readonly outDir: string) {
    this.jsonlPath = join(outDir, 'results.jsonl');
    writeFileSync(this.jsonlPath, '');
  }

  appendCell(cell: CellResult): void {
    appendFileSync(this.jsonlPath, `${JSON.stringify(cell)}\n`);
  }

  writeDocument(doc: ResultDocument): void {
    writeResultDocument(this.outDir, doc);
  }
}
