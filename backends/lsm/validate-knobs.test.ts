import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnobError, resolveKnobs } from '../resolve-knobs.js';
import { lsmBackend } from './backend.js';
import { newestOptionsFile } from './options-file.js';
import { useLsm } from './test-support/open.js';

const { open, tempDir } = useLsm();
const check = (knobs: Record<string, string>) => () => lsmBackend.validateKnobs?.(resolveKnobs(lsmBackend.describe(), knobs));

describe('lsm knobs checked by RocksDB before any cell (validateKnobs)', () => {
  it('accepts the defaults, a valid options string, a preset and an OPTIONS file RocksDB wrote', async () => {
    expect(check({})).not.toThrow();
    expect(check({ options: 'write_buffer_size=8M;block_based_table_factory={block_size=16K}', preset: 'flink-default' })).not.toThrow();
    const { dir } = await open({ writeBufferSize: '8MiB' });
    const copy = join(tempDir(), 'OPTIONS-from-elsewhere');
    writeFileSync(copy, readFileSync(newestOptionsFile(dir) as string));
    expect(check({ optionsFile: copy, level0StopWritesTrigger: '50' })).not.toThrow();
  });

  it('an options string RocksDB cannot parse: the knob, the value, RocksDB\'s reason and what is accepted', () => {
    expect(check({ options: 'write_buffer_size=banana' })).toThrow(KnobError);
    expect(check({ options: 'write_buffer_size=banana' })).toThrow(/^lsm\.options: 'write_buffer_size=banana' is not valid \(RocksDB: .*write_buffer_size.*\); expected a RocksDB options string/);
    expect(check({ options: 'no_such_option=1' })).toThrow(/^lsm\.options: 'no_such_option=1' is not valid \(RocksDB: .*no_such_option/);
    expect(check({ options: 'block_based_table_factory={block_size=16K' })).toThrow(/^lsm\.options: .* is not valid \(RocksDB options string: missing \}/);
  });

  it('an OPTIONS file that is not one, or that cannot be read', () => {
    const garbage = join(tempDir(), 'OPTIONS-garbage');
    writeFileSync(garbage, 'root:x:0:0:root:/root:/bin/bash\n');
    expect(check({ optionsFile: garbage })).toThrow(new RegExp(`^lsm\\.optionsFile: ${garbage} is not a RocksDB OPTIONS file \\(RocksDB: .*\\); expected a RocksDB OPTIONS file`));
    // An INI file with the wrong sections is not one either.
    const ini = join(tempDir(), 'settings.ini');
    writeFileSync(ini, '[section]\nkey=value\n');
    expect(check({ optionsFile: ini })).toThrow(/^lsm\.optionsFile: .*settings\.ini is not a RocksDB OPTIONS file/);
    expect(check({ optionsFile: join(tempDir(), 'missing') })).toThrow(/^lsm\.optionsFile: cannot read .*missing \(ENOENT\)/);
  });

  it("the memory bound's ratios as Flink accepts them: each between 0 and 1 exclusive, their sum at most 1", () => {
    expect(check({ boundedMemory: '64MiB', writeBufferRatio: '0.4', highPriPoolRatio: '0.2' })).not.toThrow();
    expect(check({ writeBufferRatio: '0' })).toThrow(/^lsm\.writeBufferRatio: 0 is not valid; expected a ratio between 0 and 1 \(exclusive\)/);
    expect(check({ highPriPoolRatio: '1' })).toThrow(/^lsm\.highPriPoolRatio: 1 is not valid; expected a ratio between 0 and 1 \(exclusive\)/);
    expect(check({ writeBufferRatio: '0.7', highPriPoolRatio: '0.4' })).toThrow(/^lsm\.writeBufferRatio: 0\.7 is not valid with lsm\.highPriPoolRatio 0\.4; expected ratios whose sum is at most 1/);
  });

  it('the remote store: a bandwidth of 0 (no limit) or at least 64KiB/s, a latency up to 10 s, reads in flight up to 1024', () => {
    expect(check({ remote: 'true', remoteLatency: '2ms', remoteBandwidth: '200MiB/s', fileCacheSize: '1GiB', asyncReads: '64' })).not.toThrow();
    expect(check({ remoteBandwidth: '0' })).not.toThrow();
    expect(check({ remoteBandwidth: '1000' })).toThrow(/^lsm\.remoteBandwidth: 1000 bytes\/s is not valid; expected 0 \(no limit\) or a rate of at least 64KiB\/s/);
    expect(check({ remoteBandwidth: '200MiB/min' })).toThrow(/^lsm\.remoteBandwidth: '200MiB\/min' is not valid; expected a rate such as 200MiB\/s/);
    expect(check({ remoteLatency: '1m' })).toThrow(/^lsm\.remoteLatency: '1m' is not valid; expected a duration/);
    expect(check({ asyncReads: '2000' })).toThrow(/^lsm\.asyncReads: '2000' is not valid; expected an integer from 0 to 1024/);
  });

  it('leaves no copy of the OPTIONS file behind', () => {
    const copies = () => readdirSync(tmpdir()).filter((n) => n.startsWith('statebench-options-')).length;
    const before = copies();
    const garbage = join(tempDir(), 'OPTIONS-garbage');
    writeFileSync(garbage, 'not an options file\n');
    expect(check({ optionsFile: garbage })).toThrow(KnobError);
    expect(copies()).toBe(before);
  });
});
