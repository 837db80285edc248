import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{harness,backends,workloads,reports,bench}/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Native engines and child processes: keep the load modest on small machines.
    maxWorkers: 2,
  },
});
