import { heapBackend } from './backend.js';
import { defineConformanceSuite } from '../test-support/conformance-suite.js';

defineConformanceSuite(heapBackend);
