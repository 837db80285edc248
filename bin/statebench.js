#!/usr/bin/env node
// Entry point: the compiled CLI lives in dist/ (npm install builds it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write('statebench: not built yet; run `npm install` (or `npm run build`) in the statebench folder first\n');
  process.exit(3);
}
// A reader that stops early (`statebench backends | head`) closes the pipe: the command finishes
// (and cleans up) as usual, writing no more, instead of dying on an unhandled EPIPE.
process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') throw err;
});
const { runCli } = await import(main);
process.exitCode = await runCli(process.argv.slice(2));
