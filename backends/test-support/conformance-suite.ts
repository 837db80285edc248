// The contract points (backends/conformance/) as a vitest suite, for the built-in backends' test
// files: one test per point, failing with what was expected and what came back.

import { describe, expect, it } from 'vitest';
import { CONTRACT_POINTS } from '../conformance/points.js';
import { runContractPoint, type ConformanceOptions } from '../conformance/run.js';
import type { Backend } from '../types.js';

export function defineConformanceSuite(backend: Backend, options: ConformanceOptions = {}): void {
  const desc = backend.describe();
  describe(`conformance: ${desc.name}`, () => {
    for (const point of CONTRACT_POINTS) {
      if (point.appliesTo && !point.appliesTo(desc)) continue;
      it(point.title, async () => {
        const r = await runContractPoint(backend, point, options);
        expect(r.status === 'fail' ? `expected ${r.expected}, got ${r.got}` : r.status).toBe('pass');
      });
    }
  });
}
