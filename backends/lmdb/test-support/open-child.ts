// Child process for tests that need another user (a directory root could write anyway):
// opens the LMDB backend on argv[2], writes one value, prints {"ok":true} or {"error":message}.
import { resolveKnobs } from '../../../harness/knobs/resolve.js';
import { lmdbBackend } from '../backend.js';

const dir = process.argv[2] ?? '';
try {
  const db = await lmdbBackend.open(dir, resolveKnobs(lmdbBackend.describe(), { writePath: 'sync' }), { keySize: 16, seed: 1 });
  db.put(1, new Uint8Array([1]));
  await db.close();
  process.stdout.write(JSON.stringify({ ok: true }));
} catch (err) {
  process.stdout.write(JSON.stringify({ error: err instanceof Error ? err.message : String(err) }));
}
