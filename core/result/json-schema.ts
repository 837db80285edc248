// The result document as a JSON Schema, generated from the zod definition (one source of truth).
import { z } from 'zod';
import { ResultDocumentSchema } from './schema.js';

export function resultJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://statebench.dev/schema/results-v1.json',
    title: 'statebench result document, schemaVersion 1',
    ...(z.toJSONSchema(ResultDocumentSchema, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>),
  };
}
