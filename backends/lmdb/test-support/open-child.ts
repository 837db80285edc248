// Child process for tests that need another user (a directory root could write anyway):
// opens the LMDB backend on argv[2], writes one value, prints {"ok":true} or {"error":message}.
// With argv[3] (a uid) it becomes that user after its modules are loaded, so the checkout need
// not be readable by that user (a clone under a 0700 temporary directory is not).
import { resolveKnobs } from '../../resolve-knobs.js';
import { lmdbBackend } from '../backend.js';

const dir = process.argv[2] ?? '';
const uid = process.argv[3];
if (uid !== undefined) {
  process.setgid?.(Number(uid));
  process.setuid?.(Number(uid));
}
try {
  const db = await lmdbBackend.open(dir, resolveKnobs(lmdbBackend.describe(), { writePath: 'sync' }), { keySize: 16, seed: 1 });
  db.put(1, new Uint8Array([1]));
  await db.close();
  process.stdout.write(JSON.stringify({ ok: true }));
} catch (err) {
  process.stdout.write(JSON.stringify({ error: err instanceof Error ? err.message : String(err) }));
}
