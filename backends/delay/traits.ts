// What the reports ask of the delay backend (a test double) besides running it (BackendTraits).

import type { BackendTraits } from '../types.js';

export const DELAY_TRAITS: BackendTraits = { chartColour: '#79706e' };
