// A plugin whose module fails while it loads.
throw new Error('cannot find the engine library');
