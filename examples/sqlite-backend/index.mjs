// An example statebench plugin backend: SQLite (https://sqlite.org) through better-sqlite3.
//
// A plugin is an ES module whose default export implements statebench's Backend contract
// (docs/plugins.md); statebench loads it by path or package name. This one imports nothing from
// statebench: the JSDoc types below are checked by an editor when statebench is installed.
//
// Why SQLite: the contract's reads, scans, batches and appends are synchronous calls (the
// measured loop awaits nothing but asynchronous writes), and better-sqlite3 is a synchronous
// binding. Keyed state is one table keyed by (namespace, key) WITHOUT ROWID, so rows are stored
// in the primary key's B-tree, as a key-value store would.
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const FILE = 'state.sqlite';
const require = createRequire(import.meta.url);
const BINDING_VERSION = require('better-sqlite3/package.json').version;

/** @type {import('statebench').KnobSpec[]} */
const KNOBS = [
  {
    name: 'journalMode',
    type: 'enum',
    allowed: ['wal', 'delete', 'truncate', 'persist', 'memory', 'off'],
    default: 'wal',
    help: "PRAGMA journal_mode (SQLite's own default is delete; wal is what stores embedding SQLite use)",
  },
  {
    name: 'synchronous',
    type: 'enum',
    allowed: ['off', 'normal', 'full', 'extra'],
    default: 'full',
    help: 'PRAGMA synchronous: when a commit waits for fsync (off: never; normal with wal: at WAL checkpoints)',
  },
  {
    name: 'cacheSize',
    type: 'size',
    unit: 'bytes',
    default: 2048000,
    min: 65536,
    help: 'PRAGMA cache_size, the page cache per connection (SQLite default: 2,048,000 bytes)',
  },
  {
    name: 'pageSize',
    type: 'size',
    unit: 'bytes',
    default: 4096,
    min: 512,
    max: 65536,
    help: 'PRAGMA page_size, a power of two from 512 B to 64 KiB, set when the file is created',
  },
  {
    name: 'mmapSize',
    type: 'size',
    unit: 'bytes',
    default: 0,
    min: 0,
    help: 'PRAGMA mmap_size: bytes of the file read through a memory map (0: none)',
  },
];

function fileBytes(dir) {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    const st = statSync(join(dir, name));
    if (st.isFile()) {
      bytes += st.size;
      files++;
    }
  }
  return { bytes, files };
}

class SqliteInstance {
  writeMode = 'sync';
  #db;
  #dir;
  #open = true;
  #get;
  #put;
  #del;
  #append;
  #scan;
  #scanTo;
  #batch;
  #pageCount;

  constructor(db, dir) {
    this.#db = db;
    this.#dir = dir;
    db.exec('CREATE TABLE IF NOT EXISTS state (ns INTEGER NOT NULL, k INTEGER NOT NULL, v BLOB NOT NULL, PRIMARY KEY (ns, k)) WITHOUT ROWID');
    this.#get = db.prepare('SELECT v FROM state WHERE ns = ? AND k = ?').pluck();
    this.#put = db.prepare('INSERT OR REPLACE INTO state (ns, k, v) VALUES (?, ?, ?)');
    this.#del = db.prepare('DELETE FROM state WHERE ns = ? AND k = ?');
    // List-state append in one statement: SQLite's upsert with concatenation, cast back to a
    // blob (|| works on text; the bytes are kept as they are).
    this.#append = db.prepare(
      'INSERT INTO state (ns, k, v) VALUES (?, ?, ?) ON CONFLICT (ns, k) DO UPDATE SET v = CAST(v || excluded.v AS BLOB)',
    );
    this.#scan = db.prepare('SELECT k AS key, v AS value FROM state WHERE ns = ? AND k >= ? ORDER BY k LIMIT ?');
    this.#scanTo = db.prepare('SELECT k AS key, v AS value FROM state WHERE ns = ? AND k >= ? AND k < ? ORDER BY k LIMIT ?');
    this.#pageCount = db.prepare('PRAGMA page_count').pluck();
    // All or nothing: an exception inside rolls the transaction back.
    this.#batch = db.transaction((ops) => {
      for (const o of ops) {
        if (o.type === 'put') {
          if (!o.value) throw new Error('sqlite: a put in a write batch has no value');
          this.#put.run(o.ns ?? 0, o.key, o.value);
        } else {
          this.#del.run(o.ns ?? 0, o.key);
        }
      }
    });
  }

  #check() {
    if (!this.#open) throw new Error('sqlite: operation on a closed backend');
  }

  get(key, ns = 0) {
    this.#check();
    return this.#get.get(ns, key) ?? undefined;
  }
  put(key, value, ns = 0) {
    this.#check();
    this.#put.run(ns, key, value);
  }
  delete(key, ns = 0) {
    this.#check();
    this.#del.run(ns, key);
  }
  multiGet(keys, ns = 0) {
    this.#check();
    const out = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) out[i] = this.#get.get(ns, keys[i]) ?? undefined;
    return out;
  }
  writeBatch(ops) {
    this.#check();
    this.#batch(ops);
  }
  scan(start, limit, ns = 0, end) {
    this.#check();
    return end === undefined ? this.#scan.all(ns, start, limit) : this.#scanTo.all(ns, start, end, limit);
  }
  append(key, value, ns = 0) {
    this.#check();
    this.#append.run(ns, key, value);
  }

  sampleStats() {
    return { pages: this.#pageCount.get() };
  }

  finalStats(ctx) {
    const pragma = (name) => this.#db.pragma(name, { simple: true });
    const pageSize = pragma('page_size');
    const pages = pragma('page_count');
    const freePages = pragma('freelist_count');
    const { bytes } = fileBytes(this.#dir);
    return {
      writeAmp: ctx.processWriteBytes !== null && ctx.userBytesWritten > 0 ? ctx.processWriteBytes / ctx.userBytesWritten : null,
      spaceAmp: ctx.liveLogicalBytes > 0 ? bytes / ctx.liveLogicalBytes : null,
      // better-sqlite3 does not expose sqlite3_db_status's cache hit and miss counters.
      blockCacheHitRatio: null,
      stallMicros: null,
      metrics: { pages, freePages, pageSize, fileBytes: bytes },
      raw: { pages, freePages, pageSize, sqliteVersion: this.#db.prepare('SELECT sqlite_version()').pluck().get() },
      // The settings SQLite actually runs with, read back from it.
      options: {
        journal_mode: String(pragma('journal_mode')),
        synchronous: String(pragma('synchronous')),
        cache_size: String(pragma('cache_size')),
        page_size: String(pageSize),
        mmap_size: String(pragma('mmap_size')),
      },
    };
  }

  flush() {
    this.#check();
    // Moves the WAL's pages into the database file (a no-op outside WAL mode).
    this.#db.pragma('wal_checkpoint(TRUNCATE)');
  }
  compact() {
    this.#check();
    this.#db.exec('VACUUM');
  }
  checkpoint(dir) {
    this.#check();
    mkdirSync(dir, { recursive: true });
    // A consistent, compacted copy of the database in one file, which open(dir) reads back.
    this.#db.prepare('VACUUM INTO ?').run(join(dir, FILE));
    const { bytes, files } = fileBytes(dir);
    return { dir, bytes, files, incrementalBytes: bytes };
  }
  close() {
    if (!this.#open) return;
    this.#open = false;
    this.#db.close();
  }
}

/** @type {import('statebench').Backend} */
const backend = {
  describe() {
    return {
      name: 'sqlite',
      engine: 'SQLite (better-sqlite3)',
      version: `better-sqlite3 ${BINDING_VERSION}`,
      available: true,
      durable: true,
      knobs: KNOBS,
    };
  },

  validateKnobs(knobs) {
    const p = knobs.pageSize;
    if (typeof p === 'number' && (p & (p - 1)) !== 0) {
      throw new Error(`sqlite.pageSize=${p}: a power of two from 512 B to 64 KiB is accepted`);
    }
  },

  // A commit survives a process kill once SQLite has written it to the file (or the WAL); it
  // survives power loss only when it waits for fsync: synchronous full (or normal outside WAL).
  durabilityClass(knobs) {
    if (knobs.synchronous === 'off') return 'process';
    if (knobs.synchronous === 'normal' && knobs.journalMode === 'wal') return 'process';
    return 'machine';
  },

  // Under --semantics flink durability comes from checkpoints: commits do not wait for fsync.
  checkpointSemantics: { knobs: { synchronous: 'off' }, durabilityKnobs: ['synchronous'] },

  async open(dir, knobs) {
    mkdirSync(dir, { recursive: true });
    const db = new Database(join(dir, FILE));
    // page_size first: it only takes effect before the file has pages (or at the next VACUUM).
    db.pragma(`page_size = ${Number(knobs.pageSize)}`);
    db.pragma(`journal_mode = ${knobs.journalMode}`);
    db.pragma(`synchronous = ${knobs.synchronous}`);
    db.pragma(`cache_size = ${-Math.max(1, Math.floor(Number(knobs.cacheSize) / 1024))}`);
    db.pragma(`mmap_size = ${Number(knobs.mmapSize)}`);
    return new SqliteInstance(db, dir);
  },
};

export default backend;
