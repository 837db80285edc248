// Flags that mean the same for every command that plans cells (run, micro), declared once: each
// command's flag table (core/flags.ts) takes them from here.

import type { FlagSpec } from '../../core/flags.js';

export const KEY_SIZE_FLAG = { shape: 'scalar', describe: 'Encoded key width in bytes for byte-keyed engines (default 16, min 12)' } as const satisfies FlagSpec;
export const SWEEP_SET_FLAG = { shape: 'list', describe: 'Knob values: backend.knob=value[,value...]; several values make a sweep' } as const satisfies FlagSpec;
export const DATA_DIR_FLAG = { shape: 'text', describe: 'Where engines keep their data; a fresh subdirectory is made and removed (default: the OS temp dir)' } as const satisfies FlagSpec;
