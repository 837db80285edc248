// runPhase with the settings the runner tests leave alone: a closed loop, every op timed, one
// interval a second, no TTL, 16-byte keys, one write in flight. A test names what it varies.
import { runPhase, type PhaseOptions, type PhaseOutcome } from '../runner/phase.js';

export type TestPhaseOptions = Pick<PhaseOptions, 'backend' | 'operations' | 'source' | 'values'> & Partial<PhaseOptions>;

export function runTestPhase(o: TestPhaseOptions): Promise<PhaseOutcome> {
  return runPhase({
    name: 'run',
    keySize: 16,
    ttlTicks: 0,
    timing: { mode: 'every', sampleEvery: 1 },
    durationMs: null,
    intervalMs: 1000,
    targetRate: null,
    maxInFlight: 1,
    ...o,
  });
}
