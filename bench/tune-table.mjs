// The tables of docs/tuning.md from bench/tune-seeds.sh's or bench/tune-taskmanager.sh's output
// directory: per run the winner (or "defaults stand"), the verified gain and its 95 % interval,
// inside a TaskManager the best's memory against the slot's bound, and the time the run took; per
// workload the median and range of the verified gain over its runs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '/tmp/statebench-tune-seeds';
const fmt = (x) => (x === null || x === undefined ? 'n/a' : `${x >= 0 ? '+' : ''}${x.toFixed(1)} %`);
const byWorkload = new Map();
const runs = readdirSync(dir).sort().filter((run) => existsSync(join(dir, run, 'tune.json')));
const mib = (b) => (b === null || b === undefined ? '?' : `${(b / 1048576).toFixed(0)} MiB`);
// Inside a TaskManager: the best's memory (RocksDB's own figure, the process's growth) against the slot's bound.
const inside = runs.some((run) => JSON.parse(readFileSync(join(dir, run, 'tune.json'), 'utf8')).taskManager);
console.log(`| workload | seed |${inside ? ' A/A noise |' : ''} best found | verified gain (95 % CI) |${inside ? " best's memory: RocksDB / process growth (bound) |" : ''} verdict | minutes |`);
console.log(`|---|---|${inside ? '---|' : ''}---|---|${inside ? '---|' : ''}---|---|`);
for (const run of runs) {
  const file = join(dir, run, 'tune.json');
  const t = JSON.parse(readFileSync(file, 'utf8'));
  if (!t.winner && t.verification?.overBound) console.error(`${run}: the best was over its bound: ${t.verification.overBound}`);
  const [workload, seed] = [run.slice(0, run.lastIndexOf('-')), run.slice(run.lastIndexOf('-') + 1)];
  const g = t.verification?.gain ?? null;
  const best = t.candidates[t.best];
  const knobs = Object.entries(best.knobs).map(([k, v]) => `${k}=${typeof v === 'number' && v >= 1048576 ? `${v / 1048576}MiB` : v}`).join(' ') || '(defaults)';
  const secs = existsSync(join(dir, run, 'seconds')) ? Number(readFileSync(join(dir, run, 'seconds'), 'utf8')) : null;
  const m = t.verification?.memory.best;
  const memory = !inside ? '' : ` ${m ? `${mib(m.engineBytes)} / ${mib(m.rssBytes)}` : 'not verified'} (${mib(t.taskManager?.bound.bytes)}) |`;
  const noise = inside ? ` ${t.noise.sigmaPct.toFixed(1)} % |` : '';
  console.log(`| ${workload} | ${seed} |${noise} ${knobs} | ${g ? `${fmt(g.changePct)} (${fmt(g.ciLowPct)} .. ${fmt(g.ciHighPct)})` : 'not verified'} |${memory} ${t.winner ? 'winner' : 'defaults stand'} | ${secs !== null ? (secs / 60).toFixed(1) : '?'} |`);
  const list = byWorkload.get(workload) ?? [];
  // A best the verification did not show to gain counts as the defaults standing: 0.
  list.push({ gain: t.winner ? (g?.changePct ?? 0) : 0, low: t.winner ? (g?.ciLowPct ?? null) : null, winner: t.winner !== null });
  byWorkload.set(workload, list);
}
console.log('');
console.log('| workload | runs | median verified gain (0 where the defaults stood) | range | winners | lower bound > +10 % |');
console.log('|---|---|---|---|---|---|');
for (const [w, list] of byWorkload) {
  const gains = list.map((x) => x.gain).sort((a, b) => a - b);
  const median = gains.length % 2 ? gains[gains.length >> 1] : (gains[gains.length / 2 - 1] + gains[gains.length / 2]) / 2;
  console.log(`| ${w} | ${list.length} | ${fmt(median)} | ${fmt(gains[0])} .. ${fmt(gains[gains.length - 1])} | ${list.filter((x) => x.winner).length} | ${list.filter((x) => x.low !== null && x.low > 10).length} |`);
}
