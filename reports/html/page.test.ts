import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildCharts } from '../charts/index.js';
import { buildReportModel } from '../model/report-model.js';
import { HOSTILE, hostileDocument, mixedDocument } from '../test-support/fixtures.js';
import { DATA_ELEMENT_ID } from './boot-script.js';
import { renderHtml } from './page.js';
import { loadVegaAssets } from './vega-assets.js';

function render(doc = mixedDocument()): string {
  const model = buildReportModel(doc);
  return renderHtml(model, buildCharts(model), loadVegaAssets());
}

function inlineScripts(html: string): { attrs: string; body: string }[] {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attrs: m[1]!, body: m[2]! }));
}

describe('report.html', () => {
  it('has the summary, recommendations, charts, cell details and environment sections', () => {
    const html = render();
    for (const id of ['summary', 'recommendations', 'charts', 'cells', 'environment']) expect(html).toContain(`<section id="${id}">`);
  });

  it('links each recommendation\u2019s evidence to a chart on the page', () => {
    const html = render();
    const links = [...html.matchAll(/href="#chart-([a-z0-9-]+)"/g)].map((m) => m[1]!);
    expect(links).toEqual(expect.arrayContaining(['timeline', 'amplification', 'latency-spectrum']));
    for (const id of links) expect(html).toContain(`id="chart-${id}"`);
  });

  it('loads nothing from the network: no src, no link, no URL outside the inlined libraries\u2019 own text', () => {
    const html = render();
    const outsideScripts = html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '');
    expect(outsideScripts).not.toMatch(/\ssrc=|<link|<iframe|<img|url\(/i);
    expect(outsideScripts).toContain('default-src &#39;none&#39;');
  });

  it('admits exactly its own scripts through the Content-Security-Policy hashes', () => {
    const html = render();
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!.replace(/&#39;/g, "'");
    const executable = inlineScripts(html).filter((s) => !s.attrs.includes('application/json'));
    expect(executable).toHaveLength(4);
    for (const s of executable) {
      expect(csp).toContain(`'sha256-${createHash('sha256').update(s.body, 'utf8').digest('base64')}'`);
    }
  });

  it('escapes planted markup in workload names, errors and recommendations', () => {
    const html = render(hostileDocument());
    const scripts = inlineScripts(html);
    // Only our five script elements exist: the planted ones never opened one.
    expect(scripts).toHaveLength(5);
    const markup = html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '');
    expect(markup).not.toContain('<img');
    expect(markup).not.toContain(HOSTILE.script);
    expect(markup).toContain('&lt;script&gt;window.__pwned = 1; alert(1)&lt;/script&gt;');
    const data = scripts.find((s) => s.attrs.includes(DATA_ELEMENT_ID))!;
    expect(data.body).not.toMatch(/</);
    // The data block still carries the exact string: escaping changed only its encoding.
    expect(JSON.stringify(JSON.parse(data.body))).toContain(JSON.stringify(HOSTILE.breakout).slice(1, -1));
  });
});
