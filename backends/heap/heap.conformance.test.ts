import { heapBackend } from './backend.js';
import { defineConformanceSuite } from '../conformance.js';

defineConformanceSuite(heapBackend);
