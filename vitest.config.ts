import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{core,workloads,backends,harness,analysis,reports,cli,api,bench,lint}/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Native engines and child processes: keep the load modest on small machines.
    maxWorkers: 2,
    // A private TMPDIR for the run; it fails naming anything a test leaves there.
    globalSetup: ['core/test-support/private-tmpdir.ts'],
  },
});
