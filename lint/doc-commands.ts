// What the docs say about the CLI, read out of their Markdown: every `statebench ...` command they
// show (in code blocks and inline code), as argument lists, and the sections headed by a command
// (`## statebench tune`), whose text must name each of that command's flags.

/** One command as a doc shows it: the arguments after `statebench`, and where it stands. */
export interface DocCommand {
  readonly doc: string;
  readonly line: number;
  readonly text: string;
  readonly args: readonly string[];
}

// `statebench`, `npx statebench` or `node bin/statebench.js`, then at least one argument.
const INVOCATION = /(?:^|[\s(`$])(?:npx\s+)?(?:node\s+)?(?:bin\/)?statebench(?:\.js)?[ \t]+(\S.*)$/;

// Markdown tables write `a\|b` for the alternatives a or b: one word, not a pipe.
const ALTERNATIVE = '\u0000';

/**
 * Shell-like words of what follows `statebench`, up to a comment, a pipe, a redirect or the next
 * command. Usage notation is read as a user reads it: `[--json]` is the flag, `...` and `…`
 * (more of the same) are dropped, `<...>` and `${{ ... }}` placeholders are one word.
 */
export function commandWords(rest: string): string[] {
  const s = rest.replace(/\$\{\{[^}]*\}\}/g, 'X').replace(/<[^>]*>/g, 'X').replace(/\\\|/g, ALTERNATIVE);
  const words: string[] = [];
  let word = '';
  let quote: string | null = null;
  let inWord = false;
  const end = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (quote) {
      if (c === quote) quote = null;
      else word += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
      continue;
    }
    if (/\s/.test(c)) {
      end();
      continue;
    }
    if ((c === '#' && !inWord) || c === '|' || c === ';' || c === '>' || c === ')' || (c === '&' && s[i + 1] === '&')) break;
    if (c === '\\' && i === s.length - 1) break;
    word += c;
    inWord = true;
  }
  end();
  return words.map((w) => w.split(ALTERNATIVE).join('|').replace(/^\[+/, '').replace(/\]+$/, '')).filter((w) => w !== '' && w !== '...' && w !== '…');
}

/** Every `statebench ...` command of one Markdown document. */
export function extractCommands(doc: string, markdown: string): DocCommand[] {
  const lines = markdown.split('\n');
  const found: DocCommand[] = [];
  // A block may keep a command's arguments in a variable (a workflow's `env: BENCH: run ...`) and
  // run `statebench $BENCH`: the variable stands for its value.
  const variables = new Map<string, string>();
  for (const m of markdown.matchAll(/^\s*([A-Z][A-Z0-9_]*):\s*([a-z].*)$/gm)) variables.set(m[1] as string, m[2] as string);
  const add = (line: number, text: string): void => {
    const m = INVOCATION.exec(text);
    if (!m) return;
    const rest = (m[1] as string).replace(/^\$([A-Z][A-Z0-9_]*)/, (whole, name: string) => variables.get(name) ?? whole);
    const args = commandWords(rest);
    // A command from a variable the doc does not define is not in the doc to check.
    if (args.length === 0 || (args[0] as string).startsWith('$')) return;
    found.push({ doc, line, text: text.trim(), args });
  };
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const fenceMark = /^\s*(```|~~~)/.exec(line);
    if (fenceMark) {
      fence = fence === null ? (fenceMark[1] as string) : null;
      continue;
    }
    const indented = fence === null && /^ {4}\S/.test(line) && (i === 0 || /^\s*$/.test(lines[i - 1] as string) || /^ {4}/.test(lines[i - 1] as string));
    if (fence !== null || indented) {
      // A command continues on lines after a trailing backslash, or (YAML's folded scalars) on
      // lines that start with a flag (or an optional one, `[--flag]`).
      let text = line;
      let j = i;
      while (j + 1 < lines.length && (/\\\s*$/.test(lines[j] as string) || /^\s*\[?--\w/.test(lines[j + 1] as string))) {
        j++;
        text = `${text.replace(/\\\s*$/, '')} ${(lines[j] as string).trim()}`;
      }
      // A comment in a block is prose.
      const code = text.replace(/(^|\s)#.*$/, '');
      if (/statebench/.test(code)) add(i + 1, code);
      i = j;
      continue;
    }
    // Inline code, which may wrap onto the next line.
    let text = line;
    let last = i;
    while ((text.match(/`/g) ?? []).length % 2 === 1 && last + 1 < lines.length && !/^\s*$/.test(lines[last + 1] as string)) {
      last++;
      text = `${text} ${(lines[last] as string).trim()}`;
    }
    for (const span of text.matchAll(/`([^`]+)`/g)) add(i + 1, span[1] as string);
    i = last;
  }
  return found;
}

/** The text of every section whose heading names `statebench <command>` (one or more), by command name. */
export function commandSections(markdown: string): Map<string, string[]> {
  const lines = markdown.split('\n');
  const sections = new Map<string, string[]>();
  let fence = false;
  const headings: { index: number; level: number; text: string }[] = [];
  lines.forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const h = fence ? null : /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) headings.push({ index, level: (h[1] as string).length, text: h[2] as string });
  });
  headings.forEach((h, k) => {
    const names = [...h.text.replace(/`/g, '').matchAll(/statebench ([a-z][a-z-]*)/g)].map((m) => m[1] as string);
    if (names.length === 0) return;
    const next = headings.slice(k + 1).find((o) => o.level <= h.level);
    const body = lines.slice(h.index, next ? next.index : lines.length).join('\n');
    for (const name of names) sections.set(name, [...(sections.get(name) ?? []), body]);
  });
  return sections;
}
