// A plugin whose larger "cache" is faster and holds more memory, to test that tune holds every
// candidate to its TaskManager's bound: a get spins for less time the larger cacheMiB is, and the
// engine reports holding cacheMiB. Its tune range puts 1024 next to the default, so the first
// steps try it. map-store.mjs's Map under another name. Not an engine.
import mapStore from './map-store.mjs';

const MiB = 1024 * 1024;
const knobs = [{ name: 'cacheMiB', type: 'int', default: 16, min: 1, help: 'the memory it reports holding; a get spins 320 / cacheMiB microseconds' }];

function spin(micros) {
  const until = process.hrtime.bigint() + BigInt(Math.round(micros * 1000));
  while (process.hrtime.bigint() < until);
}

export default {
  describe: () => ({ ...mapStore.describe(), name: 'hungry', knobs }),
  open: async (dir, k, ctx) => {
    const inner = await mapStore.open(dir, k, ctx);
    const cacheMiB = Number(k.cacheMiB ?? 16);
    const get = inner.get.bind(inner);
    inner.get = (key, ns) => {
      spin(320 / cacheMiB);
      return get(key, ns);
    };
    const finalStats = inner.finalStats.bind(inner);
    inner.finalStats = () => {
      const r = finalStats();
      return { ...r, metrics: { ...r.metrics, cacheBytes: cacheMiB * MiB } };
    };
    return inner;
  },
  engineMemory: (metrics) => (typeof metrics.cacheBytes === 'number' ? { bytes: metrics.cacheBytes, what: 'its cache' } : null),
  taskManagerBound: (m) => ({ kind: 'managed', bytes: m.slot.managedMemory, checkedByHarness: false }),
  tuning: {
    records: [{ ...knobs[0], tune: { draw: 0, values: [16, 1024, 64] } }],
    pasteForms: (w) => ['hungry:', `  new Store({ cacheMiB: ${w.cacheMiB} })`],
  },
};
