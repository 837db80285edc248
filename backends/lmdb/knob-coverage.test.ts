// Every lmdb knob reaches lmdb-js or the backend. The test walks the knob records: a knob passed
// to lmdb-js's open() is set away from its default and must show where lmdb-js keeps it (OPENED
// below, the test's own list of lmdb-js open options, so a misspelt option name fails); a knob
// the backend uses itself must change its behaviour. A knob none of this can observe is named
// in NOT_OBSERVED with the reason.
import { basename } from 'node:path';
import * as lmdbJs from 'lmdb';
import { describe, expect, it } from 'vitest';
import type { BackendInstance, KnobValue } from '../types.js';
import { type LmdbKnob, LMDB_KNOB_RECORDS } from './knobs.js';
import { bytes, openLmdb } from './test-support/open.js';

const NOT_OBSERVED: Readonly<Record<string, string>> = {
  maxInFlightWrites: "read by the runner's async loop (how many put() promises it leaves outstanding), not by the backend or lmdb-js",
};

/** Values lmdb-js keeps and can be told apart from its own choice, where the rule below gives none. */
const AWAY: Readonly<Record<string, KnobValue>> = {
  overlappingSync: false, // unset, lmdb-js turns it on (unless noSync)
  mapSize: 64 * 1024 * 1024, // unset, lmdb-js starts at 128KiB and grows
  pageSize: '8192', // unset, the OS page size: 4096 here
};

function awayFromDefault(k: LmdbKnob): KnobValue {
  if (k.name in AWAY) return AWAY[k.name] as KnobValue;
  const candidates: KnobValue[] = [...(k.tune?.values ?? [])];
  if (k.type === 'bool') candidates.push(k.default !== true);
  else if (k.type === 'enum') candidates.push(...(k.allowed ?? []));
  else if (typeof k.default === 'number') candidates.push(k.default * 2);
  const value = candidates.find((v) => v !== k.default);
  if (value === undefined) throw new Error(`lmdb.${k.name}: no value away from its default; add one to AWAY`);
  return value;
}

type Opened = { db: BackendInstance; dir: string };

async function envInfo({ db }: Opened): Promise<Record<string, unknown>> {
  return (await db.finalStats({ userBytesWritten: 0, liveLogicalBytes: 0, processWriteBytes: null })).raw;
}

// lmdb-js exports allDbs (its open stores by name) though its typings omit it.
const allDbs = (lmdbJs as unknown as { allDbs: Map<string, unknown> }).allDbs;

/** The root store lmdb-js opened: it holds the open options lmdb-js acted on. */
function rootStore({ dir }: Opened): Record<string, unknown> {
  const store = allDbs.get(basename(dir)) as Record<string, unknown> | undefined;
  if (!store) throw new Error(`lmdb-js has no open store for ${dir}`);
  return store;
}

/**
 * lmdb-js's open() options and where each shows once open:
 * - mapSize, pageSize, maxReaders: in what LMDB reports (getStats(): mdb_env_info, mdb_stat);
 * - cache, compression: lmdb-js builds its object cache / LZ4 compressor (objects on the store);
 * - overlappingSync: the store's option, which lmdb-js resets from the environment's own flags
 *   after opening (open.js: getEnvFlags);
 * - noSync, noMetaSync, useWritemap, noReadAhead: the store's options, from which lmdb-js sets the
 *   environment flags at open (lmdb-js exposes no environment flags to read back);
 * - commitDelay, eventTurnBatching: the store's options, which lmdb-js's write queue reads.
 */
const OPENED: Readonly<Record<string, (o: Opened) => Promise<unknown>>> = {
  mapSize: async (o) => (await envInfo(o)).mapSize,
  pageSize: async (o) => (await envInfo(o)).pageSize,
  maxReaders: async (o) => (await envInfo(o)).maxReaders,
  cache: async (o) => typeof rootStore(o).cache === 'object',
  compression: async (o) => typeof rootStore(o).compression === 'object',
  overlappingSync: async (o) => rootStore(o).overlappingSync,
  noSync: async (o) => rootStore(o).noSync,
  noMetaSync: async (o) => rootStore(o).noMetaSync,
  useWritemap: async (o) => rootStore(o).useWritemap,
  noReadAhead: async (o) => rootStore(o).noReadAhead,
  commitDelay: async (o) => rootStore(o).commitDelay,
  eventTurnBatching: async (o) => rootStore(o).eventTurnBatching,
};

async function commitsFor20Puts(knobs: Record<string, string>): Promise<number> {
  const { db } = await openLmdb(knobs);
  const before = Number(db.sampleStats().commits);
  for (let i = 0; i < 20; i++) db.put(i, bytes(100));
  await db.flush();
  return Number(db.sampleStats().commits) - before;
}

/** Knobs the backend uses itself, observed through its behaviour. */
const BEHAVIOUR: Readonly<Record<string, () => Promise<void>>> = {
  writePath: async () => {
    expect((await openLmdb({ writePath: 'sync' })).db.writeMode).toBe('sync');
    expect((await openLmdb()).db.writeMode).toBe('async');
  },
  // One commit per 10 writes instead of one per write.
  writeBatchOps: async () => {
    expect(await commitsFor20Puts({ writePath: 'sync', writeBatchOps: '10' })).toBe(2);
    expect(await commitsFor20Puts({ writePath: 'sync' })).toBe(20);
  },
};

describe('every lmdb knob reaches lmdb-js', () => {
  const passed = LMDB_KNOB_RECORDS.filter((k) => k.lmdbJs.open !== undefined);
  it.each(passed.map((k) => [k.name, k] as const))('%s shows in what lmdb-js opened', async (_name, k) => {
    const option = k.lmdbJs.open as string;
    const observe = OPENED[option];
    if (!observe) throw new Error(`lmdb.${k.name} is passed to lmdb-js as '${option}', which is not an lmdb-js open() option this test knows: add it to OPENED`);
    const value = awayFromDefault(k);
    const expected = k.lmdbJs.value ? k.lmdbJs.value(value) : value;
    expect(await observe(await openLmdb({ [k.name]: String(value) })), `lmdb.${k.name}=${String(value)}`).toEqual(expected);
    expect(await observe(await openLmdb()), `lmdb.${k.name} left alone`).not.toEqual(expected);
  });

  const usedByBackend = LMDB_KNOB_RECORDS.filter((k) => k.lmdbJs.usage !== undefined && !(k.name in NOT_OBSERVED));
  it.each(usedByBackend.map((k) => [k.name] as const))('%s changes what the backend does', async (name) => {
    const observation = BEHAVIOUR[name];
    if (!observation) throw new Error(`lmdb.${name} is used by the backend but no test observes it: add it to BEHAVIOUR or NOT_OBSERVED`);
    await observation();
  });

  it('names every knob it cannot observe, and only knobs that exist', () => {
    const names = LMDB_KNOB_RECORDS.map((k) => k.name);
    for (const name of [...Object.keys(NOT_OBSERVED), ...Object.keys(BEHAVIOUR), ...Object.keys(AWAY)]) expect(names).toContain(name);
    expect(Object.keys(BEHAVIOUR).sort()).toEqual(usedByBackend.map((k) => k.name).sort());
  });
});
