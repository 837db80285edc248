import { lsmBackend } from './backend.js';
import { defineConformanceSuite } from '../test-support/conformance-suite.js';

defineConformanceSuite(lsmBackend);
