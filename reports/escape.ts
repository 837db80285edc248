// Escaping for every string that comes from a result document: a document is input like any
// other, and a workload name or an error message may hold markup.

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values in HTML. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/**
 * JSON to embed inside a <script> element: `<`, `>` and `&` become \u escapes (so no `</script>`
 * or `<!--` can end or confuse the element) and so do U+2028/U+2029. JSON.parse reads it back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A Markdown table cell: no `|` can split the row, no newline can end it, no markup or code span. */
export function escapeMarkdownCell(value: unknown): string {
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([|`*_[\]])/g, '\\$1')
    .replace(/\r\n|\r|\n/g, '<br>');
}
