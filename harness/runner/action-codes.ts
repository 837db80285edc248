// Small integer codes for the primitive actions, so the measured loop switches on an int.
import type { Action } from '../../workloads/types.js';

export const A_GET = 0;
export const A_PUT = 1;
export const A_DELETE = 2;
export const A_SCAN = 3;
export const A_RMW = 4;
export const A_MULTIGET = 5;
export const A_APPEND = 6;
export const A_ITERATE = 7;
export const A_CLEAR_NS = 8;
export const A_TTL_DEDUPE = 9;
export const A_NONE = 10;
export const A_TIMER_REGISTER = 11;
export const A_TIMER_DELETE = 12;
export const A_TIMER_FIRE = 13;

const CODES: Record<Action, number> = {
  get: A_GET,
  put: A_PUT,
  delete: A_DELETE,
  scan: A_SCAN,
  rmw: A_RMW,
  multiget: A_MULTIGET,
  append: A_APPEND,
  iterate: A_ITERATE,
  'clear-namespace': A_CLEAR_NS,
  'ttl-dedupe': A_TTL_DEDUPE,
  'timer-register': A_TIMER_REGISTER,
  'timer-delete': A_TIMER_DELETE,
  'timer-fire': A_TIMER_FIRE,
  none: A_NONE,
};

export function actionCode(action: Action): number {
  return CODES[action];
}
