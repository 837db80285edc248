// An LMDB checkpoint: a compacting copy of the environment (mdb_env_copy2 with MDB_CP_COMPACT
// through lmdb-js backup()): live pages only, free pages dropped, written to `dir`/data.mdb.
// A full copy each time, so the incremental size is the whole copy.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'lmdb';
import type { CheckpointInfo } from '../types.js';

export async function writeLmdbCheckpoint(db: Database, dir: string): Promise<CheckpointInfo> {
  // lmdb-js copies into an existing directory.
  mkdirSync(dir, { recursive: true });
  await db.backup(dir, true);
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    const st = statSync(join(dir, name));
    if (!st.isFile()) continue;
    bytes += st.size;
    files++;
  }
  return { dir, bytes, files, incrementalBytes: bytes };
}
