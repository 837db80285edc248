import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../core/errors.js';
import { resolveWorkload } from '../catalogue.js';
import { resolveParams } from '../params.js';
import { parseYcsbPropertyFile } from './property-file.js';
import { parseProperties } from './properties.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

// The keys and values of YCSB's stock workload E (a file in its own format, comments ours).
const STOCK_E = `# scans with a few inserts
recordcount=1000
operationcount=1000
workload=site.ycsb.workloads.CoreWorkload

readallfields=true

readproportion=0
updateproportion=0
scanproportion=0.95
insertproportion=0.05

requestdistribution=zipfian

maxscanlength=100

scanlengthdistribution=uniform
`;

describe('YCSB property files', () => {
  it('reads a stock file unchanged: mix, counts, distribution, scan settings', () => {
    const def = parseYcsbPropertyFile(STOCK_E, 'workloads/workloade');
    expect(def.name).toBe('workloade');
    expect(def.source).toBe('file');
    expect(def.operations.map((o) => o.name)).toEqual(['insert', 'scan']);
    expect(def.defaultRecords).toBe(1000);
    expect(def.defaultOps).toBe(1000);
    expect(def.defaultDistribution).toBe('scrambled-zipfian');
    expect(def.defaultValueSize).toEqual({ kind: 'constant', bytes: 1000 });
    expect(def.extraDefaults).toMatchObject({ maxScanLength: 100, scanLengthDistribution: 'uniform', insertOrder: 'hashed' });
    expect(def.warnings ?? []).toEqual([]);
  });

  it('accepts the older com.yahoo.ycsb class name', () => {
    expect(() => parseYcsbPropertyFile('workload=com.yahoo.ycsb.workloads.CoreWorkload\nreadproportion=1\n', 'w')).not.toThrow();
  });

  it('names unsupported keys in one warning line', () => {
    const def = parseYcsbPropertyFile(`${STOCK_E}table=usertable\nmeasurementtype=histogram\nhistogram.buckets=1000\n`, 'w');
    expect(def.warnings).toHaveLength(1);
    expect(def.warnings?.[0]).toBe('workload file w: ignoring keys statebench does not support: table, measurementtype, histogram.buckets');
  });

  it('maps field settings, hotspot, insert order and theta', () => {
    const def = parseYcsbPropertyFile(
      [
        'readproportion=0.5',
        'readmodifywriteproportion=0.5',
        'updateproportion=0',
        'fieldcount=4',
        'fieldlength=50',
        'fieldlengthdistribution=uniform',
        'requestdistribution=hotspot',
        'hotspotdatafraction=0.1',
        'hotspotopnfraction=0.9',
        'insertorder=ordered',
        'zipfianconstant=0.8',
      ].join('\n'),
      'mix',
    );
    expect(def.operations.map((o) => o.name)).toEqual(['read', 'insert', 'read-modify-write']);
    expect(def.defaultValueSize).toEqual({ kind: 'uniform', min: 4, max: 200 });
    expect(def.defaultDistribution).toBe('hotspot');
    expect(def.defaultTheta).toBe(0.8);
    expect(def.extraDefaults).toMatchObject({ hotsetFraction: 0.1, hotOpnFraction: 0.9, insertOrder: 'ordered' });
  });

  it('uses CoreWorkload defaults for missing proportions (95% read, 5% update)', () => {
    const def = parseYcsbPropertyFile('recordcount=10\n', 'w');
    expect(def.operations.map((o) => o.name)).toEqual(['read', 'update', 'insert']);
  });

  for (const [line, message] of [
    ['readproportion=lots', /readproportion=lots: expected a number/],
    ['requestdistribution=pareto', /requestdistribution=pareto: expected one of uniform, zipfian/],
    ['zipfianconstant=1.5', /zipfianconstant=1.5: expected a number strictly between 0 and 1/],
    ['insertorder=random', /insertorder=random: expected one of hashed, ordered/],
    ['workload=site.ycsb.workloads.TimeSeriesWorkload', /workload=.*only CoreWorkload/],
  ] as const) {
    it(`rejects ${line} naming the key`, () => {
      expect(() => parseYcsbPropertyFile(`${line}\n`, 'bad')).toThrow(UsageError);
      expect(() => parseYcsbPropertyFile(`${line}\n`, 'bad')).toThrow(message);
    });
  }

  it('resolves a file path given as --workload', () => {
    const dir = tempDir('ycsb-');
    const path = join(dir, 'workloade');
    writeFileSync(path, STOCK_E);
    const def = resolveWorkload(path);
    expect(def.name).toBe('workloade');
    expect(resolveParams(def, {}).records).toBe(1000);
  });
});

describe('Java properties syntax', () => {
  it('reads =, : and space separators, comments and continuations', () => {
    const p = parseProperties('# c\n! c\na=1\nb: 2\nc 3\nd = x \\\n   y\n');
    expect([...p]).toEqual([
      ['a', '1'],
      ['b', '2'],
      ['c', '3'],
      ['d', 'x y'],
    ]);
  });
});
