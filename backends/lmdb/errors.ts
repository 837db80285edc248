// Engine failures turned into one clear line: what happened, and which knob or condition to
// change. lmdb-js reports LMDB codes as numbers on error.code (MDB_MAP_FULL -30792, errno 13 ...)
// and Node's fs errors as strings (ENOTDIR ...), so both forms are recognised.
import { formatBytes } from '../../core/units.js';

export const MDB_MAP_FULL = -30792;
export const MDB_READERS_FULL = -30790;

/** The situation an error is raised in, for the message. */
export interface LmdbErrorContext {
  readonly dir: string;
  readonly action: 'open' | 'write' | 'read' | 'checkpoint';
  readonly mapSize: number | null;
  readonly maxReaders: number;
}

export class LmdbError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = 'LmdbError';
  }
}

function codeOf(err: unknown): string | number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' || typeof code === 'number' ? code : undefined;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Map-full message, also used by the backend's own mapSize limit. */
export function mapFullMessage(mapSize: number | null): string {
  const size = mapSize === null ? 'the map could not grow' : `mapSize ${formatBytes(mapSize)}`;
  return `lmdb: map full (${size}); raise lmdb.mapSize`;
}

/** One line naming the cause and the remedy; the original error stays on `.cause`. */
export function describeLmdbError(err: unknown, ctx: LmdbErrorContext): LmdbError {
  if (err instanceof LmdbError) return err;
  const code = codeOf(err);
  const msg = messageOf(err);
  const is = (errno: number, name: string): boolean => code === errno || code === -errno || code === name || msg.includes(name);
  let text: string;
  if (code === MDB_MAP_FULL || msg.includes('MDB_MAP_FULL')) {
    text = mapFullMessage(ctx.mapSize);
  } else if (code === MDB_READERS_FULL || msg.includes('MDB_READERS_FULL')) {
    text = `lmdb: reader table full (maxReaders ${ctx.maxReaders}); raise lmdb.maxReaders`;
  } else if (is(28, 'ENOSPC') || /no space left/i.test(msg)) {
    text = `lmdb: disk full writing ${ctx.dir}; free space on that file system or use another --data-dir`;
  } else if (is(27, 'EFBIG') || /file too large/i.test(msg)) {
    text = `lmdb: file size limit reached writing ${ctx.dir} (EFBIG); raise the process file size limit (ulimit -f) or lower the data set`;
  } else if (is(30, 'EROFS')) {
    text = `lmdb: ${ctx.dir} is on a read-only file system; choose a writable --data-dir`;
  } else if (is(13, 'EACCES') || is(1, 'EPERM') || /permission denied/i.test(msg)) {
    text = `lmdb: permission denied on ${ctx.dir} or its lock file (read-only or locked directory); make it writable or choose another --data-dir`;
  } else if (is(11, 'EAGAIN') || is(16, 'EBUSY') || /resource temporarily unavailable|locked/i.test(msg)) {
    text = `lmdb: ${ctx.dir} is locked by another process; stop it or choose another --data-dir`;
  } else if (is(20, 'ENOTDIR') || is(2, 'ENOENT')) {
    text = `lmdb: cannot create the environment at ${ctx.dir} (${code}: a parent is missing or not a directory); choose another --data-dir`;
  } else {
    text = `lmdb: ${ctx.action} failed in ${ctx.dir}: ${msg}`;
  }
  return new LmdbError(text, err);
}

/** lmdb-js rejects failed async commits with "Commit failed" and the engine's error on a
 *  promise in `commitError`; that promise must be handled (or Node aborts on an unhandled
 *  rejection) and its reason is the cause worth naming. */
export async function describeLmdbAsyncError(err: unknown, ctx: LmdbErrorContext): Promise<LmdbError> {
  const inner = typeof err === 'object' && err !== null ? (err as { commitError?: unknown }).commitError : undefined;
  if (inner && typeof (inner as { then?: unknown }).then === 'function') {
    try {
      await inner;
    } catch (cause) {
      return describeLmdbError(cause, ctx);
    }
  }
  return describeLmdbError(err, ctx);
}
