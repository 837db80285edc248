import { lsmBackend } from './backend.js';
import { defineConformanceSuite } from '../conformance.js';

defineConformanceSuite(lsmBackend);
