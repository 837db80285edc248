// statebench keys: draw keys from a distribution and show how they fell, with a chi-square fit
// against the distribution's theoretical frequencies.

import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { DEFAULT_THETA, DISTRIBUTIONS } from '../../workloads/distributions/index.js';
import { concentration, keySampleJson, sampleKeys, topKeys } from '../../workloads/key-sample.js';
import { printJson, printLine } from '../output.js';

interface Args {
  distribution: string;
  theta: number;
  seed: number;
  records: number;
  samples: number;
  top: number;
  json: boolean;
}

const pct = (x: number): string => `${(x * 100).toFixed(x < 0.001 ? 4 : 2)}%`;

export const keysCommand: CommandModule<object, Args> = {
  command: 'keys',
  describe: 'Sample a key distribution: realised frequencies and a chi-square fit against the theory',
  builder: (y: Argv) =>
    y
      .option('distribution', { type: 'string', default: 'zipfian', describe: `One of ${DISTRIBUTIONS.join(', ')}` })
      .option('theta', { type: 'number', default: DEFAULT_THETA, describe: 'Skew of zipfian, scrambled-zipfian and latest, in (0, 1)' })
      .option('seed', { type: 'number', default: 42, describe: 'PRNG seed' })
      .option('records', { type: 'number', default: 1000, describe: 'Key space size (key ids 0 .. records-1)' })
      .option('samples', { type: 'number', default: 100_000, describe: 'Number of keys to draw' })
      .option('top', { type: 'number', default: 10, describe: 'How many of the most drawn keys to list' })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'Print {distribution, theta, records, samples, seed, counts, fit} on stdout',
      }) as unknown as Argv<Args>,
  handler: (argv: ArgumentsCamelCase<Args>) => {
    const s = sampleKeys({
      distribution: argv.distribution,
      theta: argv.theta,
      records: argv.records,
      samples: argv.samples,
      seed: argv.seed,
    });
    if (argv.json) {
      printJson(keySampleJson(s));
      return;
    }
    printLine(`${s.distribution} theta=${s.theta} records=${s.records} samples=${s.samples} seed=${s.seed}`);
    printLine('');
    printLine(`${'rank'.padStart(5)} ${'key'.padStart(10)} ${'count'.padStart(10)} ${'share'.padStart(9)} ${'expected'.padStart(9)}`);
    topKeys(s, Math.max(0, Math.floor(argv.top))).forEach((t, i) => {
      printLine(
        `${String(i + 1).padStart(5)} ${String(t.key).padStart(10)} ${String(t.count).padStart(10)} ${pct(t.share).padStart(9)} ${pct(t.expectedShare).padStart(9)}`,
      );
    });
    printLine('');
    let drawn = 0;
    for (const c of s.counts) if (c > 0) drawn++;
    printLine(`keys drawn at least once: ${drawn} of ${s.records} (${pct(drawn / s.records)})`);
    for (const f of [0.01, 0.1, 0.2, 0.5]) {
      const c = concentration(s, f);
      printLine(`draws on the most drawn ${pct(f).padStart(6)} of keys: ${pct(c.realised).padStart(8)} (expected ${pct(c.expected)})`);
    }
    printLine('');
    printLine(
      `fit: ${s.fit.test} statistic ${s.fit.statistic.toFixed(2)}, ${s.fit.degreesOfFreedom} degrees of freedom (${s.fit.bins} bins), p-value ${s.fit.pValue.toPrecision(3)}`,
    );
  },
};
