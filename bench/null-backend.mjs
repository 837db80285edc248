// A backend that keeps nothing: every write is dropped, every get returns one shared value. Run
// through the harness at two record counts, the difference in the process's memory is the
// harness's own per key (generators, histograms, verification), with no engine state beside it:
//
//   npm run build
//   node bin/statebench.js run -b ./bench/null-backend.mjs -w value-state -n 1M,10M --duration 2s --warmup 0 --taskmanager-memory none
//
// docs/scaling.md ("The harness's own memory") gives the figures.

const VALUE = new Uint8Array(100);

class NullInstance {
  writeMode = 'sync';
  get() {
    return VALUE;
  }
  put() {}
  delete() {}
  multiGet(keys) {
    return keys.map(() => VALUE);
  }
  writeBatch() {}
  scan() {
    return [];
  }
  append() {}
  sampleStats() {
    return {};
  }
  finalStats() {
    return { writeAmp: null, spaceAmp: null, blockCacheHitRatio: null, stallMicros: null, metrics: {}, raw: {} };
  }
  flush() {}
  compact() {}
  checkpoint(dir) {
    return { dir, bytes: 0, files: 0, incrementalBytes: null };
  }
  close() {}
}

export default {
  describe: () => ({ name: 'null', engine: 'nothing (harness memory baseline)', version: '1', available: true, durable: false, knobs: [] }),
  open: async () => new NullInstance(),
};
