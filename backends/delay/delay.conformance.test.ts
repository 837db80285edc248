import { delayBackend } from './backend.js';
import { defineConformanceSuite } from '../test-support/conformance-suite.js';

// A short latency keeps the suite quick; the 1 MiB value test still makes a single call.
defineConformanceSuite(delayBackend, { knobs: { latencyUs: '5' } });
