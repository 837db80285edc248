// A tuned lmdb configuration in the form a user pastes: lmdb-js open() options, and how to use
// those that are no open() option (tune's winner, BackendTuning.pasteForms).

import type { KnobValue } from '../types.js';
import { LMDB_KNOB_RECORDS } from './knobs.js';

export function lmdbOptions(changes: Readonly<Record<string, KnobValue>>): string {
  const open: string[] = [];
  const usage: string[] = [];
  for (const [k, v] of Object.entries(changes)) {
    const record = LMDB_KNOB_RECORDS.find((r) => r.name === k);
    if (record?.lmdbJs.open) open.push(`  ${record.lmdbJs.open}: ${JSON.stringify(record.lmdbJs.value ? record.lmdbJs.value(v) : v)},`);
    else if (record?.lmdbJs.usage) usage.push(`// ${record.lmdbJs.usage(v)}`);
  }
  return ['open({', '  path,', ...open, '});', ...usage].join('\n');
}
