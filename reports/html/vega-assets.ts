// The browser builds of vega, vega-lite and vega-embed, read from node_modules so report.html can
// inline them and open with no network at all.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface VegaAssets {
  readonly vega: string;
  readonly vegaLite: string;
  readonly vegaEmbed: string;
}

const require = createRequire(import.meta.url);

// The packages' exports maps hide build/*.min.js, so resolve the entry point and look beside it.
function minified(pkg: string, entryDirToBuild: string, file: string): string {
  const path = join(dirname(require.resolve(pkg)), entryDirToBuild, file);
  const text = readFileSync(path, 'utf8');
  // Inside an inline <script>, these would end the element early or change how it is parsed.
  if (/<\/script|<!--/i.test(text)) throw new Error(`${path} contains "</script" or "<!--" and cannot be inlined`);
  return text;
}

let cached: VegaAssets | undefined;

export function loadVegaAssets(): VegaAssets {
  cached ??= {
    vega: minified('vega', '.', 'vega.min.js'),
    vegaLite: minified('vega-lite', '.', 'vega-lite.min.js'),
    vegaEmbed: minified('vega-embed', '.', 'vega-embed.min.js'),
  };
  return cached;
}
