// --memory-budget: a size with a binary unit (512MiB, 1g), as sizes are typed everywhere else.

import { UsageError } from '../../core/errors.js';
import { parseSize } from '../../core/units.js';

export function parseMemoryBudget(raw: string | number | undefined, flag = 'memory-budget'): number | null {
  if (raw === undefined) return null;
  const bytes = parseSize(String(raw));
  if (bytes === null || bytes <= 0) {
    throw new UsageError(`--${flag}: '${raw}' is not valid; expected a size such as 256MiB, 512mb, 1g`);
  }
  return bytes;
}
