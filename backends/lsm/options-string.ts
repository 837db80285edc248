// RocksDB options strings as nested maps: "a=1;t={b=2;c={d=3}}" <-> { a: '1', t: { b: '2', c: { d: '3' } } }.
//
// Only the structure is handled here; RocksDB's own parser reads every value. The structure
// matters because RocksDB replaces a whole nested group when a key repeats
// ("t={b=2};t={c=3}" loses b), so layers (options file, preset, raw string, typed knobs) are
// merged here, group by group, and handed to RocksDB as one string.

export type OptionsMap = { [key: string]: string | OptionsMap };

export class OptionsSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OptionsSyntaxError';
  }
}

export function parseOptionsString(text: string): OptionsMap {
  let pos = 0;
  const fail = (what: string): never => {
    throw new OptionsSyntaxError(`RocksDB options string: ${what} at offset ${pos} in '${text}'`);
  };

  function parseMap(nested: boolean): OptionsMap {
    const out: OptionsMap = {};
    for (;;) {
      while (pos < text.length && (text[pos] === ';' || /\s/.test(text[pos] as string))) pos++;
      if (pos >= text.length) {
        if (nested) fail('missing }');
        return out;
      }
      if (text[pos] === '}') {
        if (!nested) fail('unexpected }');
        pos++;
        return out;
      }
      const eq = text.indexOf('=', pos);
      if (eq < 0) fail('expected key=value');
      const key = text.slice(pos, eq).trim();
      if (key === '' || /[;{}]/.test(key)) fail('bad key');
      pos = eq + 1;
      while (pos < text.length && text[pos] === ' ') pos++;
      if (text[pos] === '{') {
        pos++;
        out[key] = parseMap(true);
      } else {
        const start = pos;
        while (pos < text.length && text[pos] !== ';' && text[pos] !== '}') pos++;
        out[key] = text.slice(start, pos).trim();
      }
    }
  }
  return parseMap(false);
}

export function serializeOptions(map: OptionsMap): string {
  return Object.entries(map)
    .map(([k, v]) => (typeof v === 'string' ? `${k}=${v}` : `${k}={${serializeOptions(v)}}`))
    .join(';');
}

/** Later layers win; nested groups merge key by key instead of replacing each other. */
export function mergeOptions(...layers: OptionsMap[]): OptionsMap {
  const out: OptionsMap = {};
  for (const layer of layers) {
    for (const [k, v] of Object.entries(layer)) {
      const prev = out[k];
      out[k] = typeof v !== 'string' && prev !== undefined && typeof prev !== 'string' ? mergeOptions(prev, v) : v;
    }
  }
  return out;
}
