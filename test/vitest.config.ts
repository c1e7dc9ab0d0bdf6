import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**'],
    // These tests run whole stacks of real processes on a 2-core machine.
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One stack at a time: the loss test measures latency, which a neighbour would distort.
    fileParallelism: false,
    globalSetup: ['support/global-setup.ts'],
  },
});
