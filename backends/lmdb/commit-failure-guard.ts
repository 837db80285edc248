// lmdb-js (3.5.x) leaks one promise when an async commit fails with eventTurnBatching on: the
// event turn's batch-start instruction gets a commit promise nobody holds (write.js,
// writeInstructions(1, store)), so Node aborts the process on its unhandled rejection, although
// every put of the batch already rejected through its own promise (and the backend reported it
// as one clear error). While an async LMDB instance is open, this listener absorbs exactly
// those rejections (lmdb-js's "Commit failed" error carrying `commitError`) and rethrows any
// other, so Node's default of failing on unhandled rejections is kept for everything else.

const LMDB_COMMIT_FAILED = 'Commit failed (see commitError for details)';

export function isLmdbCommitFailure(reason: unknown): boolean {
  return reason instanceof Error && reason.message === LMDB_COMMIT_FAILED && 'commitError' in reason;
}

function onUnhandled(reason: unknown): void {
  if (isLmdbCommitFailure(reason)) return;
  throw reason;
}

let users = 0;

/** Installs the listener for one more open instance; returns its release. */
export function guardCommitFailures(): () => void {
  if (users++ === 0) process.on('unhandledRejection', onUnhandled);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--users === 0) process.off('unhandledRejection', onUnhandled);
  };
}
