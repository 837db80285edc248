// A plugin that describes one knob twice.
const knob = { name: 'cache', type: 'size', default: 0, help: 'a knob' };
export const backend = { describe: () => ({ name: 'dupes', engine: 'x', version: null, available: true, durable: false, knobs: [knob, knob] }), open: async () => ({}) };
