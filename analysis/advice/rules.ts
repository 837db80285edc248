// Every rule, listed explicitly (the order is the order recommendations appear in). Within a
// backend the rules that read a measured symptom come before the sizing heuristics: when two
// unmeasured suggestions for one configuration contradict each other, the earlier one stays
// (reconcile.ts).
import { CROSS_RULES } from './cross-rules.js';
import { HEAP_RULES } from './heap-rules.js';
import { LMDB_RULES } from './lmdb-rules.js';
import { LSM_RULES } from './lsm-rules.js';
import { TRACE_RULES } from './trace-rules.js';
import type { ConfigRule, DocumentRule } from './types.js';

export const CONFIG_RULES: readonly ConfigRule[] = [...LSM_RULES, ...TRACE_RULES, ...LMDB_RULES, ...HEAP_RULES];
export const DOCUMENT_RULES: readonly DocumentRule[] = CROSS_RULES;
