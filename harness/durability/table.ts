// The durability result as a terminal table, with what a process kill can and cannot show.

import type { ConfigurationResult, DurabilityResult } from './run-durability.js';

const configLabel = (c: ConfigurationResult): string => `${c.backend} ${Object.entries(c.knobs).map(([k, v]) => `${k}=${v}`).join(',') || '(defaults)'}`;

export const KILL_CAVEAT = [
  'A SIGKILL ends the process, not the machine: whatever the engine had handed to the OS (page cache) is',
  'written out all the same, so settings that skip fsync (lmdb noSync, RocksDB without syncWrites) lose',
  'nothing here. Only writes still held in process memory are lost: the RocksDB memtable without a WAL,',
  'the heap since its last checkpoint, an lmdb batch not yet committed. A machine crash or power loss',
  'would add what the last column says; this command cannot show that part.',
];

export function renderDurabilityTable(r: DurabilityResult): string {
  const head = ['configuration', 'rounds', 'acknowledged', 'lost', 'lost %', 'rounds losing', 'unacked present', 'errors', 'class claimed', 'measured', 'a machine crash would also lose'];
  const rows = r.configurations.map((c) => [
    configLabel(c),
    String(c.rounds),
    c.acknowledged.toLocaleString('en-US'),
    c.lost.toLocaleString('en-US'),
    c.acknowledged > 0 ? `${((c.lost * 100) / c.acknowledged).toFixed(c.lost === 0 ? 0 : 2)}` : '–',
    `${c.roundsWithLoss}/${c.rounds}`,
    c.unacknowledgedPresent.toLocaleString('en-US'),
    String(c.errors),
    c.durabilityClass.claimed ?? '–',
    c.durabilityClass.measured === null ? '–' : c.durabilityClass.measured === 'process' ? '>= process' : 'none',
    c.notes.machineCrash,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const numeric = new Set([1, 2, 3, 4, 5, 6, 7]);
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? c : numeric.has(i) ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number))).join('  ');
  const out = [line(head), line(widths.map((w, i) => (i === widths.length - 1 ? '-'.repeat(head[i]!.length) : '-'.repeat(w)))), ...rows.map(line)];
  out.push('');
  out.push(`Each configuration was killed with SIGKILL at the same ${r.configurations[0]?.rounds ?? 0} seeded moments (seed ${r.seed}; ${r.killMomentsMs.join(', ')} ms after the writer was ready);`);
  out.push(`the heap writer checkpoints every ${r.heapCheckpointIntervalMs} ms. 'lost': acknowledged writes missing or damaged after reopening.`);
  for (const c of r.configurations) {
    const firstError = c.perRound.find((x) => x.error)?.error;
    if (firstError) out.push(`${c.backend}: ${firstError}`);
  }
  out.push(`'measured': none when a kill lost an acknowledged write, '>= process' when no round lost any (a kill cannot show machine).`);
  for (const c of r.configurations) if (c.durabilityClass.verdict !== 'agrees') out.push(`${configLabel(c)}: ${c.durabilityClass.text}`);
  out.push('', ...KILL_CAVEAT);
  return out.join('\n');
}
