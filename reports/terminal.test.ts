// The terminal summary: a row per cell, one line per errored cell, and the sampling rates the
// latencies come from.
import { describe, expect, it } from 'vitest';
import { renderTerminalSummary } from './terminal.js';
import { makeDocument, mixedDocument } from './test-support/fixtures.js';

describe('renderTerminalSummary', () => {
  it('names each errored cell once with its error, and shows a skipped cell with its reason', () => {
    const doc = mixedDocument();
    const out = renderTerminalSummary(doc);
    const errored = doc.cells.filter((c) => c.status === 'errored');
    expect(errored).toHaveLength(1);
    const lines = out.split('\n').filter((l) => l.startsWith('errored '));
    expect(lines).toEqual([`errored ${errored[0]!.id}: IO error: No space left on device`]);
    expect(out).toMatch(/skipped\s+-\s+backend unavailable: librocksdb not found/);
  });

  it('lists the sampling rates of the sampled cells only', () => {
    // heap cells time one op in 16, the others every op (fixtures.ts)
    expect(renderTerminalSummary(mixedDocument())).toMatch(/^latencies come from one op in 16 \(each cell's timing\.sampleEvery\)/m);
    expect(renderTerminalSummary(makeDocument({ backends: ['lsm'] }))).not.toMatch(/latencies come from/);
  });
});
