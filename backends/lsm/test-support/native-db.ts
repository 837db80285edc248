// Raw addon Databases on fresh temporary directories for the column-family and TTL-filter tests,
// closed after each test (the directories go with the test file, core's tempDir).
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { tempDir } from '../../../core/test-support/temp-dir.js';
import { loadNative, type NativeDatabase, type NativeOpenOptions } from '../native.js';

const native = loadNative();
if (!native.ok) throw new Error(native.reason);
const { Database } = native.addon;

/** `open(dir?, options?, openOptions?)`: a Database in `dir` (a new one by default). */
export function useNativeDb(): { open: (dir?: string, options?: string, openOptions?: NativeOpenOptions) => NativeDatabase; newDir: () => string } {
  const opened: NativeDatabase[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
  });
  const newDir = (): string => join(tempDir('statebench-native-'), 'db');
  return {
    newDir,
    open: (dir = newDir(), options = '', openOptions = {}) => {
      const db = new Database(dir, options, openOptions);
      opened.push(db);
      return db;
    },
  };
}
