import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'sidecar',
    include: ['test/**/*.test.ts'],
    // The tests start the real collector, which takes a second or two to open its pipelines on
    // a busy two-core machine; delivery through its batching adds a few more.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
