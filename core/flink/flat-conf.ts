// A Flink configuration file as Flink reads it: the 2.x config.yaml (nested YAML) or the 1.x
// flink-conf.yaml (flat `key: value` lines, which are YAML too unless a value trips the parser),
// flattened to `a.b.c -> value`. Shared by the lsm backend's --flink-conf reader and the
// TaskManager memory model (core/flink/taskmanager-memory.ts).

import { parse as parseYaml } from 'yaml';

/** A Flink configuration, flattened: full key -> the value as written. */
export type FlatConf = ReadonlyMap<string, string>;

/** Flat `a.b.c -> value` pairs from nested YAML, flat YAML, or (when YAML fails) `key: value` lines. */
export function flattenFlinkConf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch {
    doc = undefined;
    for (const line of text.split(/\r?\n/)) {
      const m = /^\s*([^#:\s][^:]*?)\s*:\s*(.*?)\s*$/.exec(line);
      if (m) out.set(m[1] as string, (m[2] as string).replace(/^["']|["']$/g, ''));
    }
    return out;
  }
  const walk = (node: unknown, path: string): void => {
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      for (const [k, v] of Object.entries(node as Record<string, unknown>)) walk(v, path ? `${path}.${k}` : k);
    } else if (path) {
      out.set(path, Array.isArray(node) ? node.map(String).join(';') : String(node));
    }
  };
  walk(doc, '');
  return out;
}
