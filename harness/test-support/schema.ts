// Checks a result document against the exported JSON Schema (schema/results.schema.json), as a
// consumer of the file would, with Ajv: the zod schema is the source, this is what ships.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';

const schemaPath = new URL('../../schema/results.schema.json', import.meta.url);

export function expectValidAgainstJsonSchema(doc: unknown): void {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
  expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
}
