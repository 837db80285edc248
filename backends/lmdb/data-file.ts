// The size of an environment's data file (data.mdb), for space amplification.
import { statSync } from 'node:fs';
import { join } from 'node:path';

export const DATA_FILE = 'data.mdb';

export function dataFileBytes(dir: string): number | null {
  try {
    return statSync(join(dir, DATA_FILE)).size;
  } catch {
    return null;
  }
}
