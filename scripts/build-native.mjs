#!/usr/bin/env node
// Builds the RocksDB addon (backends/lsm/native) on `npm install` and `npm run build:native`.
//
// Never fails the install: without RocksDB the LSM backend describes itself as unavailable,
// with the reason this script leaves in backends/lsm/native/build-status.json.
//   ROCKSDB_INCLUDE_DIR / ROCKSDB_LIB_DIR: a RocksDB build of your own (else pkg-config, else
//   the system's /usr/include). When rocksdb/db.h is missing and we are root with apt-get,
//   librocksdb-dev is installed; otherwise the command to run is printed.

import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const nativeDir = join(root, 'backends', 'lsm', 'native');
const statusFile = join(nativeDir, 'build-status.json');
const APT_COMMAND = 'sudo apt-get install -y librocksdb-dev';

const log = (line) => process.stderr.write(`statebench build-native: ${line}\n`);

function finish(ok, reason) {
  try {
    writeFileSync(statusFile, JSON.stringify({ ok, reason: reason ?? null, at: new Date().toISOString() }, null, 2) + '\n');
  } catch {
    /* a read-only install tree: the backend still reports the missing addon */
  }
  if (!ok) log(`the LSM (RocksDB) backend will be unavailable: ${reason}`);
  process.exit(0);
}

function run(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { stdio: opts.quiet ? 'pipe' : 'inherit', encoding: 'utf8', ...opts });
}

function pkgConfig(flag) {
  const r = run('pkg-config', [flag, 'rocksdb'], { quiet: true });
  return r.status === 0 ? r.stdout.trim() : '';
}

// Where rocksdb/db.h lives: the user's directory, pkg-config's, or the usual system ones.
function findInclude() {
  const candidates = [];
  if (process.env.ROCKSDB_INCLUDE_DIR) candidates.push(process.env.ROCKSDB_INCLUDE_DIR);
  for (const f of pkgConfig('--cflags-only-I').split(/\s+/)) if (f.startsWith('-I')) candidates.push(f.slice(2));
  candidates.push('/usr/include', '/usr/local/include', '/opt/homebrew/include');
  return candidates.find((d) => existsSync(join(d, 'rocksdb', 'db.h'))) ?? null;
}

function findLibDir() {
  if (process.env.ROCKSDB_LIB_DIR) return process.env.ROCKSDB_LIB_DIR;
  const l = pkgConfig('--libs-only-L').split(/\s+/).find((f) => f.startsWith('-L'));
  return l ? l.slice(2) : '';
}

function tryAptInstall() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = run('sh', ['-c', 'command -v apt-get'], { quiet: true }).status === 0;
  if (!isRoot || !hasApt || process.env.ROCKSDB_INCLUDE_DIR) return false;
  log('rocksdb/db.h not found; installing librocksdb-dev with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['install', '-y', 'librocksdb-dev'], { env }).status === 0) return true;
  run('apt-get', ['update'], { env });
  return run('apt-get', ['install', '-y', 'librocksdb-dev'], { env }).status === 0;
}

// node-gyp: ours (devDependency), else the one npm ships and names in npm_config_node_gyp.
function nodeGypCommand() {
  try {
    const req = createRequire(join(root, 'package.json'));
    return [process.execPath, req.resolve('node-gyp/bin/node-gyp.js')];
  } catch {
    /* not installed as a dependency */
  }
  if (process.env.npm_config_node_gyp) return [process.execPath, process.env.npm_config_node_gyp];
  return null;
}

function main() {
  if (process.env.STATEBENCH_SKIP_NATIVE === '1') finish(false, 'the build was skipped (STATEBENCH_SKIP_NATIVE=1)');
  let include = findInclude();
  if (!include && tryAptInstall()) include = findInclude();
  if (!include) {
    const hint = `RocksDB headers (rocksdb/db.h) not found; install them with \`${APT_COMMAND}\` (or set ROCKSDB_INCLUDE_DIR and ROCKSDB_LIB_DIR to your own build), then run \`npm run build:native\``;
    log(hint);
    finish(false, hint);
  }
  const gyp = nodeGypCommand();
  if (!gyp) finish(false, 'node-gyp not found (neither ./node_modules/node-gyp nor npm_config_node_gyp); run `npm install node-gyp` then `npm run build:native`');
  const args = [...gyp.slice(1), 'rebuild', `--rocksdb_include_dir=${include}`, `--rocksdb_lib_dir=${findLibDir()}`];
  // Build offline against the installed Node headers when they are there (Debian's nodejs-dev).
  const nodeInclude = join(dirname(dirname(process.execPath)), 'include', 'node', 'common.gypi');
  if (!process.env.npm_config_nodedir && existsSync(nodeInclude)) args.push(`--nodedir=${dirname(dirname(process.execPath))}`);
  log(`building the RocksDB addon (headers in ${include})`);
  const r = run(gyp[0], args, { cwd: nativeDir });
  if (r.status !== 0) finish(false, `the addon build failed (node-gyp exit ${r.status}); see the compiler output above, fix, then run \`npm run build:native\``);
  finish(true);
}

main();
