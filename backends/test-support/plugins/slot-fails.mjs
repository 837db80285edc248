// A plugin backend for testing threaded cells: a JS Map whose second slot (ctx.slot.index 1)
// fails at its first interval boundary after it has served a read (in the run phase, with no
// warm-up), so the cell's other slots must stop early. Not an engine.
class FailingSlot {
  writeMode = 'sync';
  #map = new Map();
  #reads = 0;
  #fails;
  constructor(fails) {
    this.#fails = fails;
  }
  get(key, ns = 0) {
    this.#reads++;
    return this.#map.get(ns * 2 ** 48 + key);
  }
  put(key, value, ns = 0) { this.#map.set(ns * 2 ** 48 + key, value.slice()); }
  delete(key, ns = 0) { this.#map.delete(ns * 2 ** 48 + key); }
  multiGet(keys, ns) { return keys.map((k) => this.get(k, ns)); }
  writeBatch(ops) { for (const o of ops) (o.type === 'put' ? this.put(o.key, o.value, o.ns) : this.delete(o.key, o.ns)); }
  scan() { return []; }
  append(key, value, ns) { this.put(key, value, ns); }
  sampleStats() {
    if (this.#fails && this.#reads > 0) throw new Error('slotfails: this slot failed in its run phase');
    return { entries: this.#map.size };
  }
  finalStats() { return { writeAmp: null, spaceAmp: null, blockCacheHitRatio: null, stallMicros: null, metrics: {}, raw: {} }; }
  flush() {}
  compact() {}
  checkpoint(dir) { return { dir, bytes: 0, files: 0, incrementalBytes: null }; }
  close() {}
}

export default {
  describe: () => ({ name: 'slotfails', engine: 'JS Map (statebench test fixture)', version: '1', available: true, durable: false, knobs: [] }),
  open: async (_dir, _knobs, ctx) => new FailingSlot(ctx.slot?.index === 1),
};
