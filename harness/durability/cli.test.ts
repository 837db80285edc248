// statebench durability as a user runs it: --json shape, the table's caveat, bad input exit 2.
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../test-support/cli.js';

describe('statebench durability CLI', () => {
  it('prints {configurations: [{backend, knobs, rounds, acknowledged, lost}]} with --json', async () => {
    const r = await runCliProcess(['durability', '-b', 'lsm', '--rounds', '1', '--kill-within', '300ms', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { configurations: { backend: string; knobs: object; rounds: number; acknowledged: number; lost: number }[] };
    expect(doc.configurations).toHaveLength(1);
    expect(doc.configurations[0]).toMatchObject({ backend: 'lsm', knobs: {}, rounds: 1, lost: 0 });
    expect(doc.configurations[0]!.acknowledged).toBeGreaterThan(0);
    expect(doc.configurations[0]).toMatchObject({ durabilityClass: { claimed: 'process', measured: 'process', verdict: 'agrees' } });
    expect(r.stderr).toMatch(/round 1\/1: killed after \d+ ms/);
  }, 30_000);

  it('prints a table that says what a process kill cannot show', async () => {
    const r = await runCliProcess(['durability', '-b', 'heap', '--rounds', '1', '--kill-within', '200ms']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/heap \(defaults\)\s+1\s/);
    expect(r.stdout).toMatch(/class claimed\s+measured/);
    expect(r.stdout).toMatch(/A SIGKILL ends the process, not the machine/);
  }, 30_000);

  it('exits 2 with one line on bad input', async () => {
    const r = await runCliProcess(['durability', '-b', 'lsm', '--set', 'lsm.walEnabled=maybe']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/walEnabled/);
    const none = await runCliProcess(['durability']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--backend: required/);
  }, 30_000);
});
