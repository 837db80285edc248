import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdownCell, jsonForScript } from './escape.js';

const HOSTILE = '</script><img src=x onerror="alert(1)"> & \'quoted\' \u2028';

describe('escapeHtml', () => {
  it('leaves no character that could open a tag, an entity or end an attribute', () => {
    const out = escapeHtml(HOSTILE);
    expect(out).not.toMatch(/[<>"']/);
    expect(out).toContain('&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quoted&#39;');
  });
});

describe('jsonForScript', () => {
  it('cannot end or confuse a script element and reads back unchanged', () => {
    const value = { name: HOSTILE, nested: ['<!--', '-->', '<script>'] };
    const out = jsonForScript(value);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(out)).toEqual(value);
  });
});

describe('escapeMarkdownCell', () => {
  it('keeps a table row on one line with its columns intact and no markup', () => {
    const out = escapeMarkdownCell('a | b `code` <b>x</b> *y* [l](javascript:1)\nnext\\');
    expect(out).not.toContain('\n');
    expect(out.replace(/\\\|/g, '')).not.toContain('|');
    expect(out).not.toMatch(/<(?!br>)/);
    expect(out).toContain('\\`code\\`');
    expect(out).toContain('\\[l\\]');
    expect(out.endsWith('\\\\')).toBe(true);
  });
});
