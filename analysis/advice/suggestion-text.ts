// A suggestion in words, one way for the reconciler's reasons and every report: "increase
// writeBufferSize to 64 MiB", "switch backend to lsm", "use backend heap". A change of backend
// has no knob: its action already ends where the backend's name follows.

import type { KnobValue } from '../../backends/types.js';

export interface SuggestionWords {
  readonly knob: string | null;
  readonly action: string;
  readonly value: KnobValue | null;
  readonly backend?: string;
}

export type KnobText = (knob: string, value: KnobValue) => string;

export function suggestionText(s: SuggestionWords, knobText: KnobText = (_, v) => String(v)): string {
  if (s.knob === null) return [s.action, s.backend ?? (s.value === null ? '' : String(s.value))].filter((p) => p !== '').join(' ');
  return [s.action, s.knob, s.value === null ? '' : `to ${knobText(s.knob, s.value)}`].filter((p) => p !== '').join(' ');
}
