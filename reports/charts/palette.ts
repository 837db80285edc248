// One colour per backend, and per configuration a shade of its backend's hue, for every chart of
// a report: lmdb is the same green in the throughput bars, the latency lines and the
// amplification bars. The known backends keep their hue from report to report; the shades of a
// backend's configurations run from dark to light in the order the report lists them.

import { backendTraits } from '../../backends/registry.js';
import type { ReportModel } from '../model/report-model.js';

/** A Vega-Lite colour scale: each domain value with its colour. */
export interface ColourScale {
  readonly domain: string[];
  readonly range: string[];
}

// Tableau 10 hues: a backend that names its colour (BackendTraits.chartColour: the built-in ones
// do) keeps it; other backends take the rest in turn.
const OTHER_HUES = ['#e15759', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f'];

function hexToHsl(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h * 60, s, l];
}

function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number): string => {
    const k = (n + h / 30) % 12;
    const v = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(v * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/** n shades of a hue: the hue itself for one, else evenly from darker to lighter around it. */
export function shadesOf(hue: string, n: number): string[] {
  if (n <= 1) return [hue];
  const [h, s, l] = hexToHsl(hue);
  const lo = Math.max(0.2, l - 0.22);
  const hi = Math.min(0.82, l + 0.24);
  return Array.from({ length: n }, (_, i) => hslToHex(h, s, lo + ((hi - lo) * i) / (n - 1)));
}

export interface Palette {
  backend(name: string): string;
  /** A configuration's colour, by its label: a shade of its backend's hue. */
  configuration(label: string): string;
  /** The colour scale of an encoding over backends. */
  backends(names: Iterable<string>): ColourScale;
  /** The colour scale of an encoding over configuration labels. */
  configurations(labels: Iterable<string>): ColourScale;
  /** Shades of one backend's hue for series of that backend that are not configurations (a knob sweep's lines). */
  shades(backend: string, keys: Iterable<string>): ColourScale;
}

const unique = (values: Iterable<string>): string[] => [...new Set(values)];

/** The palette of a report: every chart built from one model colours a backend and a configuration alike. */
export function reportPalette(model: ReportModel): Palette {
  const labelsByBackend = new Map<string, string[]>();
  for (const { config } of model.configurations) {
    const labels = labelsByBackend.get(config.backend) ?? [];
    if (!labels.includes(config.label)) labels.push(config.label);
    labelsByBackend.set(config.backend, labels);
  }
  const hues = new Map<string, string>();
  let other = 0;
  const backend = (name: string): string => {
    let hue = hues.get(name) ?? backendTraits(name)?.chartColour;
    if (hue === undefined) hue = OTHER_HUES[other++ % OTHER_HUES.length] as string;
    hues.set(name, hue);
    return hue;
  };
  for (const name of labelsByBackend.keys()) backend(name);
  const byLabel = new Map<string, string>();
  for (const [name, labels] of labelsByBackend) {
    const shades = shadesOf(backend(name), labels.length);
    labels.forEach((label, i) => byLabel.set(label, shades[i] as string));
  }
  const configuration = (label: string): string => {
    const colour = byLabel.get(label);
    if (colour === undefined) throw new Error(`palette: '${label}' is not a configuration of this report`);
    return colour;
  };
  return {
    backend,
    configuration,
    backends: (names) => {
      const domain = unique(names);
      return { domain, range: domain.map(backend) };
    },
    configurations: (labels) => {
      const domain = unique(labels);
      return { domain, range: domain.map(configuration) };
    },
    shades: (name, keys) => {
      const domain = unique(keys);
      return { domain, range: shadesOf(backend(name), domain.length) };
    },
  };
}
