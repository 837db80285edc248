// Every rule, listed explicitly (the order is the order recommendations appear in).
import { CROSS_RULES } from './cross-rules.js';
import { HEAP_RULES } from './heap-rules.js';
import { LMDB_RULES } from './lmdb-rules.js';
import { LSM_RULES } from './lsm-rules.js';
import type { ConfigRule, DocumentRule } from './types.js';

export const CONFIG_RULES: readonly ConfigRule[] = [...LSM_RULES, ...LMDB_RULES, ...HEAP_RULES];
export const DOCUMENT_RULES: readonly DocumentRule[] = CROSS_RULES;
