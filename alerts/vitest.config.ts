import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'alerts',
    include: ['test/**/*.test.ts'],
    // promtool replays days of synthetic samples for the slow burn-rate windows; give it room on
    // a shared two-core machine.
    testTimeout: 120_000,
  },
});
