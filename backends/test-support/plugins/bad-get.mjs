// A plugin that loads and describes itself well but breaks the contract: get() never finds a value.
import mapStore from './map-store.mjs';
export default {
  describe: () => ({ ...mapStore.describe(), name: 'forgetful' }),
  open: async (...args) => {
    const inner = await mapStore.open(...args);
    return new Proxy(inner, { get: (t, p) => (p === 'get' ? () => undefined : typeof t[p] === 'function' ? t[p].bind(t) : t[p]) });
  },
};
