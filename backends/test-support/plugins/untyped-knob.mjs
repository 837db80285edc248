// A plugin whose knob has no type.
export default { describe: () => ({ name: 'untyped', engine: 'x', version: null, available: true, durable: false, knobs: [{ name: 'cache', default: 0, help: 'a knob' }] }), open: async () => ({}) };
