// What the harness expects each key to hold under --verify: the version of its last write
// (negative: deleted at that version), the number of elements of list values, and writes still
// in flight on async-write backends (a read may see the state before them).

import { readElement, type Element } from './value-codec.js';

/** Separator byte some engines put between appended elements (RocksDB's string-append ','). */
const SEPARATOR = 0x2c;

type Table = Map<number, number>;

export class ExpectedState {
  checked = 0;
  mismatches = 0;
  lost = 0;
  firstProblem: string | null = null;
  private readonly versions = new Map<number, Table>();
  private readonly lists = new Map<number, Table>();
  private readonly pending = new Map<number, Table>();
  private nextVersion = 1;

  private table(m: Map<number, Table>, ns: number): Table {
    let t = m.get(ns);
    if (t === undefined) {
      t = new Map();
      m.set(ns, t);
    }
    return t;
  }

  /** The version the next write carries (one counter for all keys: a stale value can never pass). */
  version(): number {
    return this.nextVersion++ >>> 0;
  }

  wrote(ns: number, key: number, version: number): void {
    this.table(this.versions, ns).set(key, version);
    this.lists.get(ns)?.delete(key);
  }

  deleted(ns: number, key: number, version: number): void {
    this.table(this.versions, ns).set(key, -version);
    this.lists.get(ns)?.delete(key);
  }

  appended(ns: number, key: number, version: number): void {
    const v = this.versions.get(ns)?.get(key);
    const lists = this.table(this.lists, ns);
    const had = v !== undefined && v > 0 ? (lists.get(key) ?? 1) : 0;
    lists.set(key, had + 1);
    this.table(this.versions, ns).set(key, version);
  }

  inFlight(ns: number, key: number, delta: 1 | -1): void {
    const t = this.table(this.pending, ns);
    const n = (t.get(key) ?? 0) + delta;
    if (n === 0) t.delete(key);
    else t.set(key, n);
  }

  /** Checks a point read of (ns, key): `v` undefined when the backend found nothing. */
  checkRead(ns: number, key: number, v: Uint8Array | undefined): void {
    const expected = this.versions.get(ns)?.get(key) ?? 0;
    const pending = (this.pending.get(ns)?.get(key) ?? 0) > 0;
    if (v === undefined) {
      if (expected > 0 && !pending) this.problem('lost', `ns ${ns} key ${key}: nothing found, version ${expected} expected`);
      return;
    }
    this.checkPresent(ns, key, v, expected, pending);
  }

  /** Checks an entry a scan returned (its presence is not in question, only what it holds). */
  checkEntry(ns: number, key: number, v: Uint8Array): void {
    const expected = this.versions.get(ns)?.get(key) ?? 0;
    this.checkPresent(ns, key, v, expected, (this.pending.get(ns)?.get(key) ?? 0) > 0);
  }

  private checkPresent(ns: number, key: number, v: Uint8Array, expected: number, pending: boolean): void {
    this.checked++;
    const where = `ns ${ns} key ${key}`;
    const elements: Element[] = [];
    let at = 0;
    while (at < v.byteLength) {
      const e = readElement(v, at);
      if (typeof e === 'string') return this.problem('mismatch', `${where}: ${e} at byte ${at}`);
      if (e.key !== key) return this.problem('mismatch', `${where}: holds a value of key ${e.key}`);
      elements.push(e);
      at += e.length;
      if (v[at] === SEPARATOR) at++;
    }
    if (pending) return; // a write in flight: the old or the new state may be read
    const last = elements[elements.length - 1];
    if (expected <= 0) return this.problem('mismatch', `${where}: found version ${last?.version}, ${expected === 0 ? 'never written' : `deleted at version ${-expected}`}`);
    if (last?.version !== expected) return this.problem('mismatch', `${where}: found version ${last?.version}, version ${expected} expected`);
    const count = this.lists.get(ns)?.get(key) ?? 1;
    if (elements.length !== count) this.problem('mismatch', `${where}: ${elements.length} list elements, ${count} expected`);
  }

  /** Counts a problem; the first one's message is kept. */
  problem(kind: 'lost' | 'mismatch', message: string): void {
    if (kind === 'lost') this.lost++;
    else this.mismatches++;
    if (this.firstProblem === null) this.firstProblem = `${kind}: ${message}`;
  }
}
