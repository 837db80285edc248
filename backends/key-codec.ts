// Fixed-width big-endian key encoding for byte-keyed engines (LMDB, RocksDB).
//
// Layout of a key of `keySize` bytes: [namespace: 4 bytes BE][zero padding][key id: 8 bytes BE].
// Big-endian keeps byte order equal to numeric order, so range scans within a namespace follow
// key ids, and one namespace's keys are contiguous (Flink's RocksDB backend does the same with its
// key-group / key / namespace prefix). Key ids are non-negative integers below 2^53.

export const MIN_KEY_SIZE = 12;
export const MAX_KEY_SIZE = 1024;

export class KeyCodec {
  readonly keySize: number;
  private readonly view: DataView;
  /** The scratch buffer encode() writes into; valid until the next encode(). */
  readonly scratch: Uint8Array;

  constructor(keySize: number) {
    if (!Number.isInteger(keySize) || keySize < MIN_KEY_SIZE || keySize > MAX_KEY_SIZE) {
      throw new RangeError(`key size must be an integer from ${MIN_KEY_SIZE} to ${MAX_KEY_SIZE} bytes, got ${keySize}`);
    }
    this.keySize = keySize;
    this.scratch = new Uint8Array(keySize);
    this.view = new DataView(this.scratch.buffer);
  }

  /** Encodes into the shared scratch buffer (no allocation). */
  encode(key: number, ns = 0): Uint8Array {
    this.encodeInto(this.scratch, this.view, key, ns);
    return this.scratch;
  }

  /** Encodes into a fresh buffer (for batches, where several keys live at once). */
  encodeNew(key: number, ns = 0): Uint8Array {
    const out = new Uint8Array(this.keySize);
    this.encodeInto(out, new DataView(out.buffer), key, ns);
    return out;
  }

  /** Writes into `out` at `offset` (for packing many keys into one buffer). */
  encodeAt(out: Uint8Array, offset: number, key: number, ns = 0): void {
    const view = new DataView(out.buffer, out.byteOffset + offset, this.keySize);
    view.setUint32(0, ns >>> 0);
    for (let i = 4; i < this.keySize - 8; i++) out[offset + i] = 0;
    view.setUint32(this.keySize - 8, Math.floor(key / 0x1_0000_0000));
    view.setUint32(this.keySize - 4, key >>> 0);
  }

  decodeKey(bytes: Uint8Array): number {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return view.getUint32(this.keySize - 8) * 0x1_0000_0000 + view.getUint32(this.keySize - 4);
  }

  decodeNamespace(bytes: Uint8Array): number {
    return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  }

  private encodeInto(out: Uint8Array, view: DataView, key: number, ns: number): void {
    view.setUint32(0, ns >>> 0);
    // Padding bytes stay zero: the scratch buffer is only ever written at these offsets.
    view.setUint32(this.keySize - 8, Math.floor(key / 0x1_0000_0000));
    view.setUint32(this.keySize - 4, key >>> 0);
  }
}
