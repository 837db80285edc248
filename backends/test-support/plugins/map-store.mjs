// A plugin backend for testing the plugin path (loading, naming, --set, child processes): a JS
// Map, written as a user would write a plugin, importing nothing from statebench. Not an engine.
class MapInstance {
  writeMode = 'sync';
  #map = new Map();
  #closed = false;
  #k(key, ns = 0) {
    if (this.#closed) throw new Error('mapstore: operation on a closed backend');
    return ns * 2 ** 48 + key;
  }
  get(key, ns) { return this.#map.get(this.#k(key, ns)); }
  put(key, value, ns) { this.#map.set(this.#k(key, ns), value.slice()); }
  delete(key, ns) { this.#map.delete(this.#k(key, ns)); }
  multiGet(keys, ns) { return keys.map((k) => this.get(k, ns)); }
  writeBatch(ops) {
    if (ops.some((o) => o.type === 'put' && !o.value)) throw new Error('mapstore: a put without a value');
    for (const o of ops) (o.type === 'put' ? this.put(o.key, o.value, o.ns) : this.delete(o.key, o.ns));
  }
  scan(start, limit, ns = 0, end = Infinity) {
    const base = ns * 2 ** 48;
    return [...this.#map.entries()]
      .filter(([k]) => k >= base + start && k < base + Math.min(end, 2 ** 48))
      .sort((a, b) => a[0] - b[0])
      .slice(0, limit)
      .map(([k, value]) => ({ key: k - base, value }));
  }
  append(key, value, ns) {
    const old = this.get(key, ns) ?? new Uint8Array(0);
    const next = new Uint8Array(old.length + value.length);
    next.set(old);
    next.set(value, old.length);
    this.#map.set(this.#k(key, ns), next);
  }
  sampleStats() { return { entries: this.#map.size }; }
  finalStats() { return { writeAmp: null, spaceAmp: null, blockCacheHitRatio: null, stallMicros: null, metrics: { entries: this.#map.size }, raw: {} }; }
  flush() {}
  compact() {}
  checkpoint(dir) { return { dir, bytes: 0, files: 0, incrementalBytes: null }; }
  close() { this.#closed = true; }
}

export default {
  describe: () => ({
    name: 'mapstore',
    engine: 'JS Map (statebench plugin test fixture)',
    version: '1',
    available: true,
    durable: false,
    knobs: [{ name: 'shards', type: 'int', default: 1, min: 1, help: 'accepted and ignored: a knob to sweep' }],
  }),
  open: async () => new MapInstance(),
};
