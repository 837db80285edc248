// What every self-contained page shares: the scripts it inlines (vega, vega-lite, vega-embed and
// the boot script that embeds the chart specs) and a Content-Security-Policy admitting only those
// scripts (by hash) and no network at all, as a second line behind escaping.

import { createHash } from 'node:crypto';
import type { Chart } from '../charts/chart.js';
import { escapeHtml as h, jsonForScript } from '../escape.js';
import { PAGE_CSS } from './page-style.js';
import { BOOT_SCRIPT, DATA_ELEMENT_ID } from './boot-script.js';
import type { VegaAssets } from './vega-assets.js';

function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

export function pageScripts(assets: VegaAssets): string[] {
  return [assets.vega, assets.vegaLite, assets.vegaEmbed, BOOT_SCRIPT];
}

/** The CSP meta tag for a page inlining exactly these scripts. */
function cspMeta(scripts: readonly string[]): string {
  // 'unsafe-eval': vega compiles its expressions with new Function.
  const csp = [
    "default-src 'none'",
    `script-src ${scripts.map(scriptHash).join(' ')} 'unsafe-eval'`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
  ].join('; ');
  return `<meta http-equiv="Content-Security-Policy" content="${h(csp)}">`;
}

/** The chart specs' data block and the scripts, the end of a page's body. */
export function chartScripts(charts: readonly Chart[], scripts: readonly string[]): string {
  const data = charts.map((c) => ({ id: c.id, spec: c.spec }));
  return `<script type="application/json" id="${DATA_ELEMENT_ID}">${jsonForScript(data)}</script>\n${scripts.map((s) => `<script>${s}</script>`).join('\n')}`;
}

/** From the doctype to the end of <head>: the CSP for these scripts, the title (escaped here), the stylesheet. */
export function pageHead(title: string, scripts: readonly string[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
${cspMeta(scripts)}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${PAGE_CSS}</style>
</head>`;
}
