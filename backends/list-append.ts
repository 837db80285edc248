// List-state append where the engine has no merge operator: the list's bytes with the new
// element's after them (the first element: a private copy of it).
//
// Flink's heap ListState adds to a java.util.ArrayList, amortised O(1): the list grows its
// backing array by half when it is full. A list this module made keeps spare room after its
// bytes the same way, so the next append writes into it and hands back a longer view of the
// same buffer instead of copying the whole list (a copy per append would make a holistic
// window's n elements cost O(n^2)). Only buffers made here are extended: a value given by the
// caller (a value pool's, an engine's read buffer) may share its buffer with other bytes.
// A view handed out earlier keeps showing the bytes it showed: appends only write past its end.

/** Each buffer made here, with the end of the longest list view it has handed out. */
const listEnds = new WeakMap<ArrayBufferLike, number>();

/** ArrayList's growth: half again as much room as the list needs. */
function capacityFor(needed: number): number {
  return needed + (needed >> 1);
}

export function appendedList(prev: Uint8Array | undefined, element: Uint8Array): Uint8Array {
  if (prev === undefined) return element.slice();
  const end = prev.byteOffset + prev.byteLength;
  const needed = prev.byteLength + element.byteLength;
  // Room after the list's bytes, in a buffer made here whose longest view is this one (a shorter,
  // older view of it must not write over the bytes a newer one shows).
  if (listEnds.get(prev.buffer) === end && prev.byteOffset === 0 && end + element.byteLength <= prev.buffer.byteLength) {
    const next = new Uint8Array(prev.buffer, 0, needed);
    next.set(element, prev.byteLength);
    listEnds.set(prev.buffer, needed);
    return next;
  }
  const buffer = new ArrayBuffer(capacityFor(needed));
  const next = new Uint8Array(buffer, 0, needed);
  next.set(prev, 0);
  next.set(element, prev.byteLength);
  listEnds.set(buffer, needed);
  return next;
}
