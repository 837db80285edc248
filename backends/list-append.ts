// List-state append where the engine has no merge operator: the list's bytes with the new
// element's after them, in a fresh buffer (the first element: a private copy of it).

export function appendedList(prev: Uint8Array | undefined, element: Uint8Array): Uint8Array {
  if (prev === undefined) return element.slice();
  const next = new Uint8Array(prev.byteLength + element.byteLength);
  next.set(prev, 0);
  next.set(element, prev.byteLength);
  return next;
}
