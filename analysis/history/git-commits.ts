// The commits of a repository, oldest first, as `git rev-list --topo-order --reverse --all`
// lists them (every branch and HEAD; a parent always before its children): the order
// `statebench history --git` judges documents in.

import { execFileSync } from 'node:child_process';

/** The commits, or the reason git could not list them. */
export function readCommitOrder(dir: string): { commits: string[] } | { problem: string } {
  try {
    const out = execFileSync('git', ['-C', dir, 'rev-list', '--topo-order', '--reverse', '--all'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
      timeout: 60_000,
    });
    const commits = out.toString().split('\n').filter((l) => l !== '');
    return commits.length > 0 ? { commits } : { problem: `git lists no commit in ${dir}` };
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim().split('\n')[0];
    return { problem: `git cannot read a repository at ${dir}${stderr ? ` (${stderr})` : ''}` };
  }
}
