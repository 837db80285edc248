// The sync write path's transaction batching: `writeBatchOps` writes share one LMDB write
// transaction, committed when the batch is full (or on flush, checkpoint, batch write, close).
//
// Why a transaction held open, and not a buffer of pending writes: the contract says a put is
// visible to the next get. In LMDB a write transaction sees its own uncommitted writes, and
// lmdb-js routes every read (get, getRange) through the open write transaction when there is one
// (env.writeTxn). So holding the transaction open gives read-your-writes from the engine itself,
// with scans included, where a side buffer would need its own lookup and a merge for scans.
// A crash loses the uncommitted part of a batch: that is the durability price of batching, the
// same as a write buffer without a log.
//
// lmdb-js has no begin/commit pair in its API; transactionSync(callback) commits when the
// callback's result settles, and it settles a thenable by calling its then() at once. We hand
// it a thenable and keep the settle function: calling it later commits, synchronously, through
// lmdb-js's own path (so its bookkeeping of the write transaction stays right). begin() checks
// that the settle function arrived, so a future lmdb-js that defers it fails loudly here.
import type { Database } from 'lmdb';

type Settle = (result: unknown) => unknown;

export class BatchTransaction {
  private settle: Settle | null = null;
  private pending = 0;

  constructor(
    private readonly db: Database,
    private readonly batchOps: number,
    private readonly flags: number,
  ) {}

  /** Writes in the open transaction in this batch (0 when none is open). */
  get pendingWrites(): number {
    return this.pending;
  }

  /** Opens the batch's transaction unless one is open; the caller then writes with putSync /
   *  removeSync, which lmdb-js runs inside it, and calls counted(). */
  open(): void {
    if (this.settle === null) this.begin();
  }

  /** Counts one write; commits when the batch is full. Returns true when it committed. */
  counted(): boolean {
    if (++this.pending < this.batchOps) return false;
    this.commit();
    return true;
  }

  /** Commits the open transaction, if any. Throws what the commit throws (map full ...). */
  commit(): void {
    const settle = this.settle;
    if (settle === null) return;
    this.settle = null;
    this.pending = 0;
    settle(undefined);
  }

  private begin(): void {
    let settle: Settle | null = null;
    const holder = {
      then(onSettled: Settle): void {
        settle = onSettled;
      },
    };
    this.db.transactionSync(() => holder, this.flags);
    if (settle === null) {
      throw new Error('lmdb: this lmdb-js version does not keep a transaction open synchronously; set lmdb.writeBatchOps=1');
    }
    this.settle = settle;
  }
}
