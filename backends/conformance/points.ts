// The Backend contract as checkable points: what every backend, built-in or plugin, must do.
// Plain code with its own small checks (no test runner): `statebench conformance` runs them for
// a user's backend, and the built-in backends' test files run the same points inside vitest.

import type { BackendDescription, BackendInstance, StateDescriptor } from '../types.js';

/** A contract point not met: what was expected and what came back. */
export class ContractFailure extends Error {
  constructor(
    readonly expected: string,
    readonly got: string,
  ) {
    super(`expected ${expected}, got ${got}`);
    this.name = 'ContractFailure';
  }
}

export interface ContractContext {
  readonly desc: BackendDescription;
  /** A freshly opened instance on a new directory (or on `dir`, to reopen). */
  fresh(dir?: string): Promise<{ db: BackendInstance; dir: string }>;
}

export interface ContractPoint {
  readonly id: string;
  readonly title: string;
  /** Absent: every backend. */
  readonly appliesTo?: (desc: BackendDescription) => boolean;
  run(ctx: ContractContext): Promise<void>;
}

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined): string | undefined => (b === undefined ? undefined : new TextDecoder().decode(b));
const show = (v: unknown): string => (v === undefined ? 'undefined' : JSON.stringify(v, (_k, x: unknown) => (x instanceof Uint8Array ? `<${x.byteLength} bytes>` : x)) ?? String(v));

function same(got: unknown, expected: unknown, what: string): void {
  if (show(got) !== show(expected)) throw new ContractFailure(`${what} = ${show(expected)}`, show(got));
}

function holds(ok: boolean, expected: string, got: unknown): void {
  if (!ok) throw new ContractFailure(expected, show(got));
}

function throws(f: () => unknown, pattern: RegExp | null, what: string): void {
  try {
    f();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (pattern && !pattern.test(message)) throw new ContractFailure(`${what} to throw an error matching ${pattern}`, `an error: ${message}`);
    return;
  }
  throw new ContractFailure(`${what} to throw`, 'no error');
}

async function putAwaited(db: BackendInstance, key: number, value: Uint8Array, ns?: number): Promise<void> {
  if (db.writeMode === 'async' && db.putAsync) await db.putAsync(key, value, ns);
  else db.put(key, value, ns);
}

export const CONTRACT_POINTS: readonly ContractPoint[] = [
  {
    id: 'available',
    title: 'is available on this machine',
    run: async ({ desc }) => holds(desc.available, 'describe().available = true', desc.reason ?? desc.available),
  },
  {
    id: 'put-get',
    title: 'returns a value after put, and undefined for a key never written',
    run: async ({ fresh }) => {
      const { db } = await fresh();
      await putAwaited(db, 42, bytes('forty-two'));
      same(text(db.get(42)), 'forty-two', 'get(42)');
      same(db.get(43), undefined, 'get(43)');
    },
  },
  {
    id: 'overwrite',
    title: 'overwrites a value',
    run: async ({ fresh }) => {
      const { db } = await fresh();
      await putAwaited(db, 7, bytes('first'));
      await putAwaited(db, 7, bytes('second, longer'));
      same(text(db.get(7)), 'second, longer', 'get(7)');
    },
  },
  {
    id: 'delete',
    title: 'deletes a key, and deleting a missing key is not an error',
    run: async ({ fresh }) => {
      const { db } = await fresh();
      db.put(5, bytes('five'));
      db.delete(5);
      same(db.get(5), undefined, 'get(5) after delete');
      try {
        db.delete(99_999);
      } catch (err) {
        throw new ContractFailure('delete(99999) of a missing key to succeed', `an error: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  },
  {
    id: 'namespaces',
    title: 'keeps namespaces apart',
    run: async ({ fresh }) => {
      const { db } = await fresh();
      db.put(1, bytes('ns0'), 0);
      db.put(1, bytes('ns7'), 7);
      same(text(db.get(1, 0)), 'ns0', 'get(1, ns 0)');
      same(text(db.get(1, 7)), 'ns7', 'get(1, ns 7)');
      same(db.get(1, 8), undefined, 'get(1, ns 8)');
    },
  },
  {
    id: 'multi-get',
    title: 'multi-gets hits and misses in order',
    run: async ({ fresh }) => {
      const { db } = await fresh();
      db.put(1, bytes('a'));
      db.put(3, bytes('c'));
      same(db.multiGet([1, 2, 3]).map(text), ['a', undefined, 'c'], 'multiGet([1, 2, 3])');
    },
  },
  {
    id: 'write-batch',
    title: 'applies a write batch',
    run: async ({ fresh }) => {
      const { db } = await fresh();
      db.put(2, bytes('old'));
      db.writeBatch([
        { type: 'put', key: 1, value: bytes('one') },
        { type: 'delete', key: 2 },
        { type: 'put', key: 3, value: bytes('three'), ns: 4 },
      ]);
      same(text(db.get(1)), 'one', 'get(1)');
      same(db.get(2), undefined, 'get(2)');
      same(text(db.get(3, 4)), 'three', 'get(3, ns 4)');
    },
  },
  {
    id: 'write-batch-atomic',
    title: 'applies a write batch all or nothing',
    run: async ({ fresh }) => {
      const { db } = await fresh();
      db.put(10, bytes('before'));
      // The second op has no value: the batch is invalid and must change nothing.
      throws(() => db.writeBatch([{ type: 'put', key: 10, value: bytes('after') }, { type: 'put', key: 11 }]), null, 'writeBatch with a put without a value');
      same(text(db.get(10)), 'before', 'get(10) after the refused batch');
      same(db.get(11), undefined, 'get(11) after the refused batch');
    },
  },
  {
    id: 'scan',
    title: 'scans in key order from a start key, honouring the limit and the end',
    run: async ({ fresh }) => {
      const { db } = await fresh();
      for (const k of [300, 5, 70_000, 256, 1, 2 ** 40]) db.put(k, bytes(`v${k}`));
      db.put(2, bytes('other namespace'), 1);
      same(db.scan(0, 100).map((e) => e.key), [1, 5, 256, 300, 70_000, 2 ** 40], 'scan(0, 100) keys');
      same(db.scan(6, 2).map((e) => e.key), [256, 300], 'scan(6, 2) keys');
      same(db.scan(6, 100, 0, 70_000).map((e) => e.key), [256, 300], 'scan(6, 100, ns 0, end 70000) keys');
      same(text(db.scan(256, 1)[0]?.value), 'v256', 'scan(256, 1) value');
      same(db.scan(0, 10, 1).map((e) => e.key), [2], 'scan(0, 10, ns 1) keys');
    },
  },
  {
    id: 'binary',
    title: 'stores binary keys whose encoding holds zero bytes, and binary values',
    run: async ({ fresh }) => {
      const { db } = await fresh();
      db.put(0, new Uint8Array([0, 255, 0, 1, 0]));
      db.put(256, new Uint8Array([0]));
      same(Array.from(db.get(0) ?? []), [0, 255, 0, 1, 0], 'get(0) bytes');
      same(Array.from(db.get(256) ?? []), [0], 'get(256) bytes');
    },
  },
  {
    id: 'empty-value',
    title: 'stores an empty value, distinct from a missing key',
    run: async ({ fresh }) => {
      const { db } = await fresh();
      db.put(9, new Uint8Array(0));
      const got = db.get(9);
      holds(got !== undefined && got.byteLength === 0, 'get(9) = an empty value (0 bytes), not undefined', got);
    },
  },
  {
    id: 'large-value',
    title: 'stores a 1 MiB value intact',
    run: async ({ fresh }) => {
      const { db } = await fresh();
      const big = new Uint8Array(1 << 20);
      for (let i = 0; i < big.length; i++) big[i] = (i * 31 + 7) & 0xff;
      await putAwaited(db, 1, big);
      const got = db.get(1);
      same(got?.byteLength, 1 << 20, 'get(1).byteLength');
      holds(got !== undefined && Buffer.compare(Buffer.from(got), Buffer.from(big)) === 0, 'get(1) = the bytes written', 'other bytes');
    },
  },
  {
    id: 'copies-input',
    title: 'does not let a caller mutate stored data through the buffer it passed',
    run: async ({ fresh }) => {
      const { db } = await fresh();
      const v = bytes('original');
      db.put(1, v);
      v.fill(0);
      same(text(db.get(1)), 'original', 'get(1) after the caller zeroed its buffer');
    },
  },
  {
    id: 'append',
    title: 'appends to a list value',
    run: async ({ fresh }) => {
      const { db } = await fresh();
      db.append(1, bytes('a'));
      db.append(1, bytes('b'));
      const got = text(db.get(1));
      holds(got !== undefined && got.includes('a') && got.includes('b'), "get(1) holding both 'a' and 'b'", got);
    },
  },
  {
    id: 'states',
    title: "keeps Flink states apart and gives a state's handle back (a backend that offers state())",
    run: async ({ fresh }) => {
      const { db } = await fresh();
      const stateOf = db.state?.bind(db);
      if (stateOf === undefined) return;
      const value = (name: string): StateDescriptor => ({ name, kind: 'value', namespace: { kind: 'void' }, ttl: null, maxParallelism: 128 });
      const a = stateOf(value('a'));
      const b = stateOf(value('b'));
      a.put(1, bytes('in a'));
      b.put(1, bytes('in b'));
      same(text(a.get(1)), 'in a', "state a's get(1)");
      same(text(b.get(1)), 'in b', "state b's get(1)");
      same(text(db.get(1)), undefined, "the instance's own get(1)");
      holds(stateOf(value('a')) === a, "state('a') asked again = the same handle", 'another handle');
      const map = stateOf({ name: 'm', kind: 'map', namespace: { kind: 'void' }, ttl: null, maxParallelism: 128 });
      map.put(2, bytes('x'), 7);
      map.put(1, bytes('y'), 7);
      map.put(1, bytes('z'), 8);
      same(map.scan(0, 10, 7).map((e) => [e.key, text(e.value)]), [[1, 'y'], [2, 'x']], "map m's scan of map 7");
    },
  },
  {
    id: 'timers',
    title: "keeps a 'timers' state as a timer queue: a set, fired in order (a backend whose state() gives timers)",
    run: async ({ fresh }) => {
      const { db } = await fresh();
      const t = db.state?.({ name: 't', kind: 'timers', namespace: { kind: 'window', size: 10 }, ttl: null, maxParallelism: 128 }).timers;
      if (t === undefined) return;
      t.registerTimer(3, 0, 9);
      t.registerTimer(3, 0, 9);
      t.registerTimer(3, 1, 19);
      t.registerTimer(3, 2, 29);
      t.deleteTimer(3, 2, 29);
      throws(() => t.fireTimer(3, 1, 19), null, 'a fire of timer (3, ns 1, 19) while (3, ns 0, 9) comes first');
      t.fireTimer(3, 0, 9);
      t.fireTimer(3, 1, 19);
      throws(() => t.fireTimer(3, 0, 9), null, 'a second fire of timer (3, ns 0, 9), registered twice');
      throws(() => t.fireTimer(3, 2, 29), null, 'a fire of the deleted timer (3, ns 2, 29)');
    },
  },
  {
    id: 'durable',
    title: 'keeps data across close and reopen (a backend that says it is durable)',
    appliesTo: (desc) => desc.durable,
    run: async ({ fresh }) => {
      const { db, dir } = await fresh();
      await putAwaited(db, 1, bytes('durable'));
      db.put(2, bytes('also'), 3);
      await db.flush();
      await db.close();
      const again = await fresh(dir);
      same(text(again.db.get(1)), 'durable', 'get(1) after reopen');
      same(text(again.db.get(2, 3)), 'also', 'get(2, ns 3) after reopen');
    },
  },
  {
    id: 'closed',
    title: 'fails clearly when used after close',
    run: async ({ fresh }) => {
      const { db } = await fresh();
      db.put(1, bytes('x'));
      await db.close();
      throws(() => db.get(1), /closed/, 'get after close');
      throws(() => db.put(1, bytes('y')), /closed/, 'put after close');
    },
  },
  {
    id: 'stats',
    title: 'reports cheap stats and a final engine report',
    run: async ({ fresh }) => {
      const { db } = await fresh();
      for (let i = 0; i < 100; i++) db.put(i, bytes('value'));
      const sample = db.sampleStats();
      holds(sample !== null && typeof sample === 'object', 'sampleStats() = an object', sample);
      const report = await db.finalStats({ userBytesWritten: 100 * 21, liveLogicalBytes: 100 * 21, processWriteBytes: null });
      holds(report !== null && typeof report === 'object' && 'raw' in report && 'metrics' in report, 'finalStats() = an object with raw and metrics', report);
    },
  },
];
