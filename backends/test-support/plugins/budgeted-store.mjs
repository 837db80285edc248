// A plugin backend that answers for itself (BackendTraits), written as a user would write one:
// map-store.mjs's Map under another name, with a memory estimate from its `cacheMiB` knob, a
// measured memory, crash notes, a chart colour and a tune space over that knob. Not an engine.
import mapStore from './map-store.mjs';

const MiB = 1024 * 1024;
const knobs = [{ name: 'cacheMiB', type: 'int', default: 8, min: 0, help: 'a cache it would hold: what the memory estimate counts' }];

export default {
  ...mapStore,
  describe: () => ({ ...mapStore.describe(), name: 'budgeted', knobs }),
  estimateMemory: (k, ctx) => {
    const bytes = Number(k.cacheMiB ?? 8) * MiB * (ctx.threads ?? 1);
    return { bytes, breakdown: `cache ${k.cacheMiB} MiB x ${ctx.threads ?? 1} slot(s)` };
  },
  measuredMemory: (metrics) => (typeof metrics.entries === 'number' ? { bytes: metrics.entries * 100, what: '100 B per entry' } : null),
  crashNotes: () => ({ processKill: 'every write (a Map in process memory)', machineCrash: 'nothing more' }),
  chartColour: '#123456',
  tuning: {
    records: [{ ...knobs[0], tune: { draw: 0, values: [4, 64, 512] } }],
    memoryBytes: (c) => Number(c.cacheMiB ?? 8) * MiB,
    pasteForms: (w) => ['budgeted:', `  new Store({ cacheMiB: ${w.cacheMiB} })`],
  },
};
