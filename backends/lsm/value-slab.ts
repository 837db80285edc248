// Values read by a get are copied by the addon into a JS-owned slab and handed out as views (as
// Node pools small Buffers): a hit costs a memcpy and a view, not a native allocation. One slab
// reader per keyspace (the instance's, each Flink state's column family), one class, so the get
// that calls read() stays monomorphic.

import type { NativeDatabase } from './native.js';

const SLAB_BYTES = 64 * 1024;

export class ValueSlab {
  private slab = new Uint8Array(SLAB_BYTES);
  private pos = 0;
  private readonly getSlab: (offset: number) => number;

  /** `db`: the database or column family whose scratch buffer holds the keys read. */
  constructor(private readonly db: Pick<NativeDatabase, 'setValueSlab' | 'hotPath'>) {
    db.setValueSlab(this.slab);
    // The addon's getSlab as a plain function (no unwrap of `db` per call).
    this.getSlab = db.hotPath().getSlab;
  }

  /** The value of the key in the scratch buffer, or undefined when it is missing. */
  read(): Uint8Array | undefined {
    const n = this.getSlab(this.pos);
    if (n >= 0) {
      // A view of the slab region the value was copied into; the region is never reused.
      const out = new Uint8Array(this.slab.buffer, this.pos, n);
      this.pos = (this.pos + n + 7) & ~7;
      return out;
    }
    if (n === -1) return undefined;
    // No room left: the addon kept the value (-2 - its length) and copies it to the start of a
    // fresh slab (the old one lives on in the views it gave out).
    this.slab = new Uint8Array(Math.max(SLAB_BYTES, -2 - n));
    const len = this.db.setValueSlab(this.slab);
    this.pos = (len + 7) & ~7;
    return new Uint8Array(this.slab.buffer, 0, len);
  }
}
