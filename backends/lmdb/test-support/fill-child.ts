// Child process for the storage-full test: opens the LMDB backend on argv[2] with the write
// path argv[3], writes 1000-byte values until a write fails (or 20,000 succeed) and prints
// {"written":n,"error":message|null}. Run under a file size limit, the engine's write fails.
import { resolveKnobs } from '../../resolve-knobs.js';
import { lmdbBackend } from '../backend.js';

const dir = process.argv[2] ?? '';
const writePath = process.argv[3] === 'async' ? 'async' : 'sync';
const db = await lmdbBackend.open(dir, resolveKnobs(lmdbBackend.describe(), { writePath, noSync: 'true' }), { keySize: 16, seed: 1 });
const value = new Uint8Array(1000).fill(7);
let written = 0;
let error: string | null = null;
try {
  for (; written < 20_000; written++) {
    if (writePath === 'sync') db.put(written, value);
    else await db.putAsync?.(written, value);
  }
} catch (err) {
  error = err instanceof Error ? err.message : String(err);
}
// Give a leaked rejection of the failed commit time to surface (it would end the process).
await new Promise((resolve) => setTimeout(resolve, 100));
// Reads still work after the failure.
const readable = db.get(0) !== undefined;
await Promise.resolve(db.close()).catch(() => undefined);
process.stdout.write(JSON.stringify({ written, error, readable }));
