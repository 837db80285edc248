// Writes schema/results.schema.json (run by `npm run build`): the JSON Schema shipped in the package.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resultJsonSchema } from './json-schema.js';

const here = fileURLToPath(import.meta.url);
// dist/core/result/export-schema.js or core/result/export-schema.ts -> package root
const root = new URL(here.includes('/dist/') ? '../../../' : '../../', import.meta.url);
mkdirSync(new URL('schema/', root), { recursive: true });
writeFileSync(new URL('schema/results.schema.json', root), `${JSON.stringify(resultJsonSchema(), null, 2)}\n`);
